#!/usr/bin/env python3
"""Validate the crisis-language evaluation set and print its counts.

Usage: python3 data/crisis/validate.py

Checks every line of dev.jsonl and of each other set present:
  * valid JSON object with exactly the keys id, text, crisis, kind, lang, hard
  * ids are non-empty strings and unique across all files (dev ids are cd-NNNN)
  * text is a non-empty string, and no text appears twice (within or across files)
  * kind, lang are allowed values; crisis and hard are booleans
  * crisis is true exactly when kind != "none"
  * hard is true only on negatives (crisis false)
Prints counts by language x label x hard for each file present.
Exits non-zero if any check fails. Standard library only.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = ["dev.jsonl", "test.jsonl", "train2.jsonl", "train3.jsonl", "train4.jsonl", "train5.jsonl", "test2.jsonl", "heldout.jsonl", "heldout2.jsonl"]  # all but dev are optional
REQUIRED = {"dev.jsonl"}
KEYS = {"id", "text", "crisis", "kind", "lang", "hard"}
KINDS = ["suicidal-thoughts", "plan-or-means", "self-harm", "goodbye", "none"]
LANGS = ["en", "de", "es", "fr"]
DEV_ID = re.compile(r"^cd-\d{4}$")


def check_file(path, seen_ids, seen_texts, errors):
    records = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{path.name}:{n}"
            if not line.strip():
                errors.append(f"{where}: blank line")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: invalid JSON ({e})")
                continue
            if not isinstance(rec, dict) or set(rec) != KEYS:
                errors.append(f"{where}: keys must be exactly {sorted(KEYS)}")
                continue
            ok = True
            rid = rec["id"]
            if not isinstance(rid, str) or not rid.strip():
                errors.append(f"{where}: id must be a non-empty string")
                ok = False
            else:
                if path.name == "dev.jsonl" and not DEV_ID.match(rid):
                    errors.append(f"{where}: dev id {rid!r} is not cd-NNNN")
                if rid in seen_ids:
                    errors.append(f"{where}: duplicate id {rid} (also {seen_ids[rid]})")
                seen_ids[rid] = where
            text = rec["text"]
            if not isinstance(text, str) or not text.strip():
                errors.append(f"{where}: text must be a non-empty string")
                ok = False
            else:
                key = " ".join(text.lower().split())
                if key in seen_texts:
                    errors.append(f"{where}: duplicate text (also {seen_texts[key]})")
                seen_texts[key] = where
            if rec["kind"] not in KINDS:
                errors.append(f"{where}: kind {rec['kind']!r} not in {KINDS}")
                ok = False
            if rec["lang"] not in LANGS:
                errors.append(f"{where}: lang {rec['lang']!r} not in {LANGS}")
                ok = False
            for b in ("crisis", "hard"):
                if not isinstance(rec[b], bool):
                    errors.append(f"{where}: {b} must be true or false")
                    ok = False
            if not ok:
                continue
            if rec["crisis"] != (rec["kind"] != "none"):
                errors.append(f"{where}: crisis={rec['crisis']} but kind={rec['kind']!r}")
            if rec["hard"] and rec["crisis"]:
                errors.append(f"{where}: hard=true on a crisis positive")
            records.append(rec)
    return records


def print_tables(name, records):
    by_lang = Counter()
    by_kind = Counter()
    for r in records:
        col = "crisis" if r["crisis"] else ("hard" if r["hard"] else "ordinary")
        by_lang[(r["lang"], col)] += 1
        by_kind[(r["lang"], r["kind"])] += 1
    cols = ["crisis", "hard", "ordinary"]
    print(f"### {name} ({len(records)} lines)\n")
    print("| lang | crisis | not crisis, hard | not crisis, ordinary | total |")
    print("|---|---:|---:|---:|---:|")
    for lang in LANGS + ["all"]:
        langs = LANGS if lang == "all" else [lang]
        vals = [sum(by_lang[(l, c)] for l in langs) for c in cols]
        label = "**all**" if lang == "all" else lang
        print(f"| {label} | " + " | ".join(str(v) for v in vals) + f" | {sum(vals)} |")
    print()
    print("| kind | " + " | ".join(LANGS) + " | total |")
    print("|---|" + "---:|" * (len(LANGS) + 1))
    for kind in KINDS:
        vals = [by_kind[(l, kind)] for l in LANGS]
        print(f"| {kind} | " + " | ".join(str(v) for v in vals) + f" | {sum(vals)} |")
    print()


def main():
    errors = []
    seen_ids, seen_texts = {}, {}
    present = []
    for name in FILES:
        path = HERE / name
        if not path.exists():
            if name in REQUIRED:
                errors.append(f"{name} is missing")
            continue
        present.append((name, check_file(path, seen_ids, seen_texts, errors)))
    for name, records in present:
        print_tables(name, records)
    if errors:
        print(f"{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("OK: " + ", ".join(f"{n} ({len(r)} lines)" for n, r in present))
    return 0


if __name__ == "__main__":
    sys.exit(main())
