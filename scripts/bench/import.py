#!/usr/bin/env python3
"""Import speed and memory: NextYes importing 10,000 and 100,000 generated rows, in one run.

Generates spreadsheet-style CSV files (company, job title, status, date applied, link, location,
source, salary, notes, and a job description of a few hundred characters), imports each into a
fresh SQLite database with the release build, and reports wall time and peak resident memory
(from /usr/bin/time -v, or resource.getrusage when that is missing). The baseline in the same run
is Python's csv module reading the same file: the cost of parsing alone. Bounded memory shows as
the 100,000-row import using about as much memory as the 10,000-row one.

Usage: scripts/bench/import.py [--binary .build/release/nextyes] [--rows 10000,100000]
"""
import argparse
import csv
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
STATUSES = ["Applied", "Applied", "Applied", "Phone screen", "Interview", "Rejected", "Rejected", "Ghosted", "Saved", "Offer", "Withdrawn"]
SOURCES = ["LinkedIn", "Company website", "Referral", "Recruiter", "Indeed", "Meetup"]


def generate(path, rows, seed=7):
    rng = random.Random(seed)
    words = "data analysis sql python tableau dashboards stakeholders reporting experimentation communication teamwork".split()
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Company", "Job Title", "Status", "Date Applied", "Link", "Location", "Source", "Salary", "Notes", "Job Description"])
        for i in range(rows):
            day = 1 + i % 28
            month = 1 + (i // 28) % 12
            w.writerow([
                f"Company {i} Ltd", rng.choice(["Data Analyst", "BI Developer", "Product Analyst, Growth"]),
                rng.choice(STATUSES), f"2025-{month:02d}-{day:02d}", f"https://jobs.example/{i}",
                rng.choice(["London", "Remote", "Leeds, UK"]), rng.choice(SOURCES), "£45,000–£55,000",
                "Tailored CV, \"v3\"" if i % 5 == 0 else "",
                " ".join(rng.choice(words) for _ in range(60)),
            ])


def measured(command):
    """Runs a command; returns (seconds, peak RSS in MB)."""
    gnu_time = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    start = time.perf_counter()
    if gnu_time:
        result = subprocess.run([gnu_time, "-v", *command], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(result.stdout + result.stderr)
        for line in result.stderr.splitlines():
            if "Maximum resident set size" in line:
                return seconds, int(line.split(":")[1]) / 1024
        return seconds, float("nan")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    return seconds, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def python_csv_read(path):
    start = time.perf_counter()
    with open(path, newline="", encoding="utf-8") as f:
        count = sum(1 for _ in csv.reader(f)) - 1
    return time.perf_counter() - start, count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "nextyes"))
    parser.add_argument("--rows", default="10000,100000")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"No binary at {args.binary}. Build it with: swift build -c release --product nextyes")
    folder = tempfile.mkdtemp(prefix="nextyes-import-bench-")
    print("| rows | file | import | rows/s | peak memory | Python csv read (baseline) | import ÷ baseline |")
    print("|---|---|---|---|---|---|---|")
    try:
        for rows in (int(r) for r in args.rows.split(",")):
            path = os.path.join(folder, f"rows-{rows}.csv")
            generate(path, rows)
            size = os.path.getsize(path) / 1e6
            database = os.path.join(folder, f"rows-{rows}.sqlite")
            seconds, rss = measured([args.binary, "import", path, "--database", database])
            baseline, counted = python_csv_read(path)
            assert counted == rows
            check = subprocess.run([args.binary, "list", "--json", "--database", database], capture_output=True, text=True, check=True)
            imported = check.stdout.count('"company"')
            assert imported == rows, f"imported {imported} of {rows}"
            print(f"| {rows:,} | {size:.1f} MB | {seconds:.1f} s | {rows / seconds:,.0f} | {rss:.0f} MB | {baseline:.2f} s | {seconds / baseline:.1f}x |")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
