#!/usr/bin/env python3
"""Reading a large mailbox: `nextyes mail import --dry-run` on a generated mbox, against `wc -l`
on the same file in the same run.

The mailbox is mostly mail that isn't about a job (newsletters with HTML, shop receipts, notes
from friends, some with base64 attachments of 100 KB to 2 MB), with the job e-mails of
data/job-mail/dev.jsonl spread through it (about one message in fifty). Targets: at least
100 MB/s, and peak memory under 100 MB (from wait4), in a release build.

  python3 scripts/bench/mailbox.py [--binary .build/release/nextyes] [--size-mb 1024] [--keep]

Prints a Markdown report; the figures in docs/capture.md come from it.
"""
import argparse
import base64
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WORDS = ("the and for with your this that from have more about will our what new all can just one time week people "
         "garden recipe club race route members kit autumn winter sale deal order delivery parcel ticket concert book "
         "photos family weekend dinner trip plans update news league match score coffee bakery market tomato soup "
         "running cycling swim volunteer library school council bin collection energy bill offer discount free shipping").split()


def paragraph(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def envelope(rng, sender):
    return f"From {sender} Thu Nov {rng.randint(10, 28)} {rng.randint(10, 23)}:{rng.randint(10, 59)}:03 2026\n"


def newsletter(rng, i):
    paras = "".join(f"<p>{paragraph(rng, rng.randint(30, 90))}</p>\n" for _ in range(rng.randint(8, 40)))
    text = "\n\n".join(paragraph(rng, rng.randint(30, 90)) for _ in range(rng.randint(5, 20)))
    return (f"From: News {i % 97} <news{i % 97}@letters.example>\nTo: sam@example.com\nSubject: {paragraph(rng, 6)}\n"
            f"Date: Thu, 19 Nov 2026 09:14:03 +0000\nMessage-ID: <n{i}@letters.example>\nMIME-Version: 1.0\n"
            f"Content-Type: multipart/alternative; boundary=\"b{i}\"\n\n--b{i}\nContent-Type: text/plain; charset=utf-8\n\n{text}\n"
            f"--b{i}\nContent-Type: text/html; charset=utf-8\n\n<html><body><table><tr><td>{paras}</td></tr></table></body></html>\n--b{i}--\n")


def receipt(rng, i):
    lines = "\n".join(f"{rng.randint(1, 3)} x {paragraph(rng, 3)}   £{rng.randint(1, 90)}.{rng.randint(10, 99)}" for _ in range(rng.randint(2, 12)))
    return (f"From: Shop {i % 13} <orders{i % 13}@shop.example>\nTo: sam@example.com\nSubject: Your receipt {i}\n"
            f"Date: Fri, 20 Nov 2026 10:00:00 +0000\nMessage-ID: <r{i}@shop.example>\nContent-Type: text/plain; charset=utf-8\n\n{lines}\n")


def with_attachment(rng, i):
    size = rng.randint(100_000, 2_000_000)
    blob = base64.encodebytes(rng.randbytes(size)).decode()
    return (f"From: Friend {i % 31} <friend{i % 31}@mail.example>\nTo: sam@example.com\nSubject: Photos from the weekend\n"
            f"Date: Sat, 21 Nov 2026 18:00:00 +0000\nMessage-ID: <a{i}@mail.example>\nMIME-Version: 1.0\n"
            f"Content-Type: multipart/mixed; boundary=\"m{i}\"\n\n--m{i}\nContent-Type: text/plain; charset=utf-8\n\n{paragraph(rng, 40)}\n"
            f"--m{i}\nContent-Type: image/jpeg; name=\"photo{i}.jpg\"\nContent-Disposition: attachment; filename=\"photo{i}.jpg\"\n"
            f"Content-Transfer-Encoding: base64\n\n{blob}--m{i}--\n")


def generate(path, size_mb, seed=11):
    rng = random.Random(seed)
    jobs = [json.loads(line)["eml"] for line in open(os.path.join(ROOT, "data", "job-mail", "dev.jsonl"), encoding="utf-8") if line.strip()]
    target = size_mb * 1_048_576
    written = messages = job_count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        i = 0
        while written < target:
            i += 1
            roll = rng.random()
            if roll < 0.02:
                body = jobs[job_count % len(jobs)].replace("\r\n", "\n")
                job_count += 1
            elif roll < 0.62:
                body = newsletter(rng, i)
            elif roll < 0.92:
                body = receipt(rng, i)
            else:
                body = with_attachment(rng, i)
            body = body.replace("\nFrom ", "\n>From ")
            chunk = envelope(rng, "sender@example.com") + body + "\n"
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
            messages += 1
    return dict(bytes=os.path.getsize(path), messages=messages, job_messages=job_count)


def timed(command, cwd):
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    out = process.stdout.read().decode(errors="replace")
    err = process.stderr.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(command)} failed ({code}): {err[-400:]}")
    return seconds, usage.ru_maxrss, out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "nextyes"))
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"no binary at {args.binary}: build with `swift build -c release` or pass --binary")
    folder = tempfile.mkdtemp(prefix="nextyes-mailbox-")
    try:
        path = os.path.join(folder, "big.mbox")
        made = generate(path, args.size_mb)
        db = os.path.join(folder, "db.sqlite")
        subprocess.run([args.binary, "add", "--company", "Northwind Traders", "--role", "Data Analyst", "--database", db], check=True, capture_output=True)
        mb = made["bytes"] / 1_048_576
        wc, ny = [], []
        summary = ""
        for _ in range(args.runs):
            wc.append(timed(["wc", "-l", path], folder)[:2])
            seconds, rss, out = timed([args.binary, "mail", "import", path, "--dry-run", "--database", db], folder)
            ny.append((seconds, rss))
            summary = out.splitlines()[0] if out else ""
        wc_s = sorted(s for s, _ in wc)[len(wc) // 2]
        ny_s = sorted(s for s, _ in ny)[len(ny) // 2]
        peak = max(r for _, r in ny) / 1024
        speed = mb / ny_s
        print(f"## Reading a mailbox of {mb:,.0f} MB ({made['messages']:,} messages, {made['job_messages']:,} about jobs)\n")
        print("| command | median of %d | MB/s | peak memory |" % args.runs)
        print("|---|---|---|---|")
        print(f"| `wc -l` (baseline) | {wc_s:.2f} s | {mb / wc_s:,.0f} | – |")
        print(f"| `nextyes mail import --dry-run` | {ny_s:.2f} s | {speed:,.0f} | {peak:.0f} MB |")
        print(f"\nnextyes took {ny_s / wc_s:.1f}× as long as `wc -l`. Targets: ≥ 100 MB/s: "
              f"{'PASS' if speed >= 100 else 'FAIL'}; peak memory < 100 MB: {'PASS' if peak < 100 else 'FAIL'}.")
        print(f"\nnextyes said: {summary}")
    finally:
        if args.keep:
            print(f"\n(kept {folder})")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
