#!/usr/bin/env python3
"""Scores the capture readers on the labelled sets in data/job-mail and data/postings.

  scripts/eval/capture.py mail [--split dev|dev2|train|test|dev+dev2] [--binary PATH] [--errors]
  scripts/eval/capture.py postings [--split dev|dev2|train|test|dev+dev2] [--binary PATH] [--errors]

E-mails go through `nextyes mail read --jsonl` (no database: reading only), postings through
`nextyes posting read --jsonl`. Names are compared without case, punctuation or legal suffixes
(Inc., GmbH, Ltd, B.V. ...); a location counts when the labelled city is named. Figures and
targets: docs/capture.md. Tune on dev, dev2 and train (the learned parts by cross-validation);
score test without --errors.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SUFFIXES = {"inc", "ltd", "limited", "llc", "gmbh", "ag", "se", "sa", "sas", "sarl", "bv", "nv", "plc", "co", "corp", "corporation",
            "sl", "srl", "spa", "ab", "as", "oy", "pty", "kg", "lda", "ug", "group", "company", "pvt", "ggmbh", "llp", "lp"}


def key(name):
    if name is None:
        return ""
    text = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ")
    words = re.findall(r"[a-z0-9]+", text.replace(".", ""))
    while words and words[-1] in SUFFIXES:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return " ".join(words)


GENDER = re.compile(r"\((?:[mwfdhxv]\s*/\s*)+[mwfdhxv]\)|\b(?:[mwfdh]/){1,2}[mwfdhx]\b|\(all genders\)|\(gn\)", re.I)


def role_key(name):
    """A role compared without gender markers ("(m/w/d)", "(H/F)") and remarks in brackets
    ("(Contract)", "(Nights)"), which postings add and people drop."""
    return key(re.sub(r"\([^)]*\)", " ", GENDER.sub(" ", name or "")))


def run(binary, args, texts):
    payload = "".join(json.dumps({"text": t}) + "\n" for t in texts)
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run([binary] + args + ["--database", os.path.join(folder, "none.sqlite")] if args[0] == "mail" else [binary] + args,
                                input=payload, capture_output=True, text=True)
    if result.returncode != 0 and not result.stdout:
        sys.exit(f"nextyes failed: {result.stderr}")
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def load(folder, split):
    items = []
    for part in split.split("+"):
        path = os.path.join(ROOT, "data", folder, f"{part}.jsonl")
        items += [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    return items


def share(hits, total):
    return f"{hits}/{total} = {hits / total:.3f}" if total else "–"


def mail(args):
    items = load("job-mail", args.split)
    got = run(args.binary, ["mail", "read", "--jsonl"], [i["eml"] for i in items])
    assert len(got) == len(items), (len(got), len(items))
    kind = sum(g.get("kind") == i["kind"] for g, i in zip(got, items))
    rejections = [(g, i) for g, i in zip(got, items) if i["kind"] == "rejection"]
    category = sum(g.get("category") == i["category"] for g, i in rejections)
    companies = [(g, i) for g, i in zip(got, items) if i.get("company") and i["kind"] != "other"]
    company = sum(key(g.get("company")) == key(i["company"]) for g, i in companies)
    roles = [(g, i) for g, i in zip(got, items) if i.get("role") and i["kind"] != "other"]
    role = sum(role_key(g.get("role")) == role_key(i["role"]) for g, i in roles)
    dated = [(g, i) for g, i in zip(got, items) if i.get("interview") and i["interview"].get("date")]
    date = sum(g.get("interviewDate") == i["interview"]["date"] for g, i in dated)
    timed = [(g, i) for g, i in zip(got, items) if i.get("interview") and i["interview"].get("time")]
    time = sum(g.get("interviewTime") == i["interview"]["time"] for g, i in timed)
    # An invitation with no single appointment (several slots, a booking link, a deadline) gives no day.
    undated = [(g, i) for g, i in zip(got, items) if i["kind"] in ("interview-invite", "assessment") and not (i.get("interview") or {}).get("date")]
    no_day = sum(g.get("interviewDate") is None for g, i in undated)
    kinds = sorted({i["kind"] for i in items})
    print(f"Job e-mails, split {args.split}: {len(items)} messages")
    print(f"  kind accuracy:               {share(kind, len(items))}   (target ≥ 0.95)")
    print(f"  rejection category accuracy: {share(category, len(rejections))}   (target ≥ 0.80)")
    print(f"  company accuracy:            {share(company, len(companies))}   (target ≥ 0.90)")
    print(f"  role accuracy:               {share(role, len(roles))}")
    print(f"  interview date:              {share(date, len(dated))}")
    print(f"  interview time:              {share(time, len(timed))}")
    print(f"  no day where none is set:    {share(no_day, len(undated))}")
    print("  per kind (recall, precision):")
    for k in kinds:
        tp = sum(g.get("kind") == k and i["kind"] == k for g, i in zip(got, items))
        fn = sum(g.get("kind") != k and i["kind"] == k for g, i in zip(got, items))
        fp = sum(g.get("kind") == k and i["kind"] != k for g, i in zip(got, items))
        print(f"    {k:18} recall {share(tp, tp + fn):>16}   precision {share(tp, tp + fp):>16}")
    if args.errors:
        for g, i in zip(got, items):
            wrong = []
            if g.get("kind") != i["kind"]:
                wrong.append(f"kind {g.get('kind')} ≠ {i['kind']}")
            if i["kind"] == "rejection" and g.get("category") != i["category"]:
                wrong.append(f"category {g.get('category')} ≠ {i['category']}")
            if i.get("company") and i["kind"] != "other" and key(g.get("company")) != key(i["company"]):
                wrong.append(f"company {g.get('company')!r} ≠ {i['company']!r}")
            if i.get("role") and i["kind"] != "other" and role_key(g.get("role")) != role_key(i["role"]):
                wrong.append(f"role {g.get('role')!r} ≠ {i['role']!r}")
            want = i.get("interview") or {}
            if want.get("date") and g.get("interviewDate") != want["date"]:
                wrong.append(f"date {g.get('interviewDate')} ≠ {want['date']}")
            if want.get("time") and g.get("interviewTime") != want["time"]:
                wrong.append(f"time {g.get('interviewTime')} ≠ {want['time']}")
            if i["kind"] in ("interview-invite", "assessment") and not want.get("date") and g.get("interviewDate") is not None:
                wrong.append(f"date {g.get('interviewDate')} where none is set")
            if wrong:
                print(f"  {i['id']} [{i.get('language')}] {g.get('subject')!r}: " + "; ".join(wrong))
    return dict(kind=kind / len(items), category=category / max(1, len(rejections)), company=company / max(1, len(companies)))


def postings(args):
    items = load("postings", args.split)
    got = run(args.binary, ["posting", "read", "--jsonl"], [i["content"] for i in items])
    assert len(got) == len(items)

    def place_ok(g, i):
        if i.get("location") is None:
            return g.get("location") is None or i.get("remote") == "remote"
        found = key(g.get("location"))
        city = key(i.get("city")) if i.get("city") else key(i["location"])
        return bool(found) and (city in found or found in key(i["location"]))

    company = sum(key(g.get("company")) == key(i["company"]) for g, i in zip(got, items))
    role = sum(role_key(g.get("role")) == role_key(i["role"]) for g, i in zip(got, items))
    location = sum(place_ok(g, i) for g, i in zip(got, items))
    labelled_remote = [(g, i) for g, i in zip(got, items) if i.get("remote")]
    remote = sum(g.get("workplace") == i["remote"] for g, i in labelled_remote)
    labelled_salary = [(g, i) for g, i in zip(got, items) if i.get("salary")]
    salary = sum(re.sub(r"\s+", " ", g.get("salary") or "").strip().lower() == re.sub(r"\s+", " ", i["salary"]).strip().lower() for g, i in labelled_salary)
    salary_found = sum(bool(g.get("salary")) for g, i in labelled_salary)
    labelled_type = [(g, i) for g, i in zip(got, items) if i.get("employmentType")]
    kind = sum(g.get("employmentType") == i["employmentType"] for g, i in labelled_type)
    print(f"Job postings, split {args.split}: {len(items)} postings")
    print(f"  company accuracy:   {share(company, len(items))}   (target ≥ 0.90)")
    print(f"  role accuracy:      {share(role, len(items))}   (target ≥ 0.90)")
    print(f"  location accuracy:  {share(location, len(items))}   (target ≥ 0.90)")
    print(f"  remote/hybrid:      {share(remote, len(labelled_remote))}")
    print(f"  salary as written:  {share(salary, len(labelled_salary))} (found at all: {share(salary_found, len(labelled_salary))})")
    print(f"  employment type:    {share(kind, len(labelled_type))}")
    if args.errors:
        for g, i in zip(got, items):
            wrong = []
            if key(g.get("company")) != key(i["company"]):
                wrong.append(f"company {g.get('company')!r} ≠ {i['company']!r}")
            if role_key(g.get("role")) != role_key(i["role"]):
                wrong.append(f"role {g.get('role')!r} ≠ {i['role']!r}")
            if not place_ok(g, i):
                wrong.append(f"location {g.get('location')!r} ≠ {i.get('location')!r}")
            if i.get("salary") and re.sub(r"\s+", " ", g.get("salary") or "").strip().lower() != re.sub(r"\s+", " ", i["salary"]).strip().lower():
                wrong.append(f"salary {g.get('salary')!r} ≠ {i['salary']!r}")
            if i.get("employmentType") and g.get("employmentType") != i["employmentType"]:
                wrong.append(f"type {g.get('employmentType')!r} ≠ {i['employmentType']!r}")
            if wrong:
                print(f"  {i['id']} [{i.get('format')}, {i.get('site')}, {i.get('country')}]: " + "; ".join(wrong))
    return dict(company=company / len(items), role=role / len(items), location=location / len(items))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("reader", choices=["mail", "postings"])
    parser.add_argument("--split", default="test")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "nextyes"))
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        args.binary = os.path.join(ROOT, ".build", "debug", "nextyes")
    (mail if args.reader == "mail" else postings)(args)


if __name__ == "__main__":
    main()
