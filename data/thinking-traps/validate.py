#!/usr/bin/env python3
"""Validate the thinking-trap evaluation set and print per-split counts.

Checks dev.jsonl and test.jsonl (the evaluation set), then train.jsonl (training
data, ids tr-NNNN), and prints a counts table for each.

Usage: python3 data/thinking-traps/validate.py
Exits non-zero if any check fails.
"""
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = ["dev", "test"]
TRAPS = [
    "all-or-nothing",
    "overgeneralizing",
    "labeling",
    "fortune-telling",
    "mind-reading",
    "catastrophizing",
    "personalizing",
    "should-statements",
    "emotional-reasoning",
    "disqualifying-the-positive",
]
MIN_TOTAL = 230
MIN_NEUTRAL = 90
MIN_PER_TRAP = 14
MIN_WORDS, MAX_WORDS = 4, 40

# Training data (train.jsonl): its own id scheme and limits. Its texts must not
# repeat any text in the evaluation or development files.
TRAIN = "train.jsonl"
TRAIN_ID_PREFIX, TRAIN_ID_DIGITS = "tr-", 4
TRAIN_MIN_WORDS, TRAIN_MAX_WORDS = 4, 45
TRAIN_MAX_TRAPS = 2
TRAIN_MIN_TOTAL = 500
TRAIN_MIN_PER_TRAP = 30
TRAIN_MIN_NEUTRAL = 200
OTHER_DEV_FILES = ["dev2.jsonl", "dev3.jsonl", "test2.jsonl"]  # also the independent held-out set


# Later training sets in other voices (train2.jsonl ids tr2-NNNN, train3.jsonl ids tr3-NNNN,
# train4.jsonl ids tr4-NNNN): the same checks as train.jsonl, without its minimum counts, and no
# text repeated anywhere.
EXTRA_TRAIN = [("train2.jsonl", "tr2-", 120), ("train3.jsonl", "tr3-", 120), ("train4.jsonl", "tr4-", 120)]
EXTRA_MIN_WORDS = 3


def check_train(seen_texts, errors, name=TRAIN, id_prefix=TRAIN_ID_PREFIX, max_words=TRAIN_MAX_WORDS, minimums=True):
    """Check a training file; return (per-label counts, statements, statements with 2 traps)."""
    TRAIN, TRAIN_ID_PREFIX, TRAIN_MAX_WORDS = name, id_prefix, max_words
    TRAIN_MIN_WORDS = globals()["TRAIN_MIN_WORDS"] if minimums else EXTRA_MIN_WORDS
    counts = Counter()
    size = 0
    multi = 0
    # Texts of the other development files, so train cannot repeat them either.
    for name in OTHER_DEV_FILES:
        path = HERE / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                try:
                    text = json.loads(line)["text"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue
                if isinstance(text, str):
                    seen_texts.setdefault(text.strip().lower(), f"{name}:{n}")
    path = HERE / TRAIN
    if not path.exists():
        errors.append(f"{TRAIN} is missing")
        return counts, size, multi
    seen_ids = {}
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{TRAIN}:{n}"
            if not line.strip():
                errors.append(f"{where}: blank line")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: invalid JSON ({e})")
                continue
            if not isinstance(rec, dict) or set(rec) != {"id", "text", "traps"}:
                errors.append(f"{where}: keys must be exactly id, text, traps")
                continue
            rid, text, traps = rec["id"], rec["text"], rec["traps"]
            num = rid[len(TRAIN_ID_PREFIX):] if isinstance(rid, str) else ""
            if not (isinstance(rid, str) and rid.startswith(TRAIN_ID_PREFIX)
                    and num.isdigit() and len(num) == TRAIN_ID_DIGITS):
                errors.append(f"{where}: bad id {rid!r}")
            if rid in seen_ids:
                errors.append(f"{where}: duplicate id {rid} (also {seen_ids[rid]})")
            seen_ids[rid] = where
            if not isinstance(text, str) or not text.strip():
                errors.append(f"{where}: empty text")
                continue
            key = text.strip().lower()
            if key in seen_texts:
                errors.append(f"{where}: duplicate text (also {seen_texts[key]})")
            seen_texts[key] = where
            words = len(text.split())
            if not TRAIN_MIN_WORDS <= words <= TRAIN_MAX_WORDS:
                errors.append(f"{where}: {words} words, outside {TRAIN_MIN_WORDS}-{TRAIN_MAX_WORDS}")
            if not isinstance(traps, list) or not all(isinstance(t, str) for t in traps):
                errors.append(f"{where}: traps must be a list of strings")
                continue
            bad = [t for t in traps if t not in TRAPS]
            if bad:
                errors.append(f"{where}: unknown trap ids {bad}")
            if len(set(traps)) != len(traps):
                errors.append(f"{where}: repeated trap id")
            if len(traps) > TRAIN_MAX_TRAPS:
                errors.append(f"{where}: {len(traps)} traps (at most {TRAIN_MAX_TRAPS})")
            size += 1
            multi += len(traps) > 1
            if traps:
                for t in traps:
                    counts[t] += 1
            else:
                counts["neutral"] += 1
    if not minimums:
        return counts, size, multi
    if size < TRAIN_MIN_TOTAL:
        errors.append(f"{TRAIN}: only {size} statements (need >= {TRAIN_MIN_TOTAL})")
    if counts["neutral"] < TRAIN_MIN_NEUTRAL:
        errors.append(f"{TRAIN}: only {counts['neutral']} neutral statements (need >= {TRAIN_MIN_NEUTRAL})")
    for label in TRAPS:
        if counts[label] < TRAIN_MIN_PER_TRAP:
            errors.append(f"{TRAIN}: {label}: {counts[label]} positives (need >= {TRAIN_MIN_PER_TRAP})")
    return counts, size, multi


def main() -> int:
    errors = []
    seen_ids = {}
    seen_texts = {}
    counts = {s: Counter() for s in SPLITS}
    sizes = Counter()
    multi = Counter()

    for split in SPLITS:
        path = HERE / f"{split}.jsonl"
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                where = f"{split}.jsonl:{n}"
                if not line.strip():
                    errors.append(f"{where}: blank line")
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{where}: invalid JSON ({e})")
                    continue
                if not isinstance(rec, dict) or set(rec) != {"id", "text", "traps"}:
                    errors.append(f"{where}: keys must be exactly id, text, traps")
                    continue
                rid, text, traps = rec["id"], rec["text"], rec["traps"]
                if not (isinstance(rid, str) and rid.startswith("tt-") and rid[3:].isdigit()):
                    errors.append(f"{where}: bad id {rid!r}")
                if rid in seen_ids:
                    errors.append(f"{where}: duplicate id {rid} (also {seen_ids[rid]})")
                seen_ids[rid] = where
                if not isinstance(text, str) or not text.strip():
                    errors.append(f"{where}: empty text")
                    continue
                key = text.strip().lower()
                if key in seen_texts:
                    errors.append(f"{where}: duplicate text (also {seen_texts[key]})")
                seen_texts[key] = where
                words = len(text.split())
                if not MIN_WORDS <= words <= MAX_WORDS:
                    errors.append(f"{where}: {words} words, outside {MIN_WORDS}-{MAX_WORDS}")
                if not isinstance(traps, list) or not all(isinstance(t, str) for t in traps):
                    errors.append(f"{where}: traps must be a list of strings")
                    continue
                bad = [t for t in traps if t not in TRAPS]
                if bad:
                    errors.append(f"{where}: unknown trap ids {bad}")
                if len(set(traps)) != len(traps):
                    errors.append(f"{where}: repeated trap id")
                sizes[split] += 1
                multi[split] += len(traps) > 1
                if traps:
                    for t in traps:
                        counts[split][t] += 1
                else:
                    counts[split]["neutral"] += 1

    total = sum(sizes.values())
    if total < MIN_TOTAL:
        errors.append(f"only {total} statements (need >= {MIN_TOTAL})")
    neutral_total = sum(counts[s]["neutral"] for s in SPLITS)
    if neutral_total < MIN_NEUTRAL:
        errors.append(f"only {neutral_total} neutral statements (need >= {MIN_NEUTRAL})")
    for label in TRAPS + ["neutral"]:
        for s in SPLITS:
            if counts[s][label] == 0:
                errors.append(f"{label} missing from {s}")
        if label != "neutral":
            tot = sum(counts[s][label] for s in SPLITS)
            if tot < MIN_PER_TRAP:
                errors.append(f"{label}: {tot} positives (need >= {MIN_PER_TRAP})")

    # Markdown table for the README.
    print("| label | dev | test | total |")
    print("|---|---:|---:|---:|")
    for label in TRAPS + ["neutral"]:
        d, t = counts["dev"][label], counts["test"][label]
        print(f"| {label} | {d} | {t} | {d + t} |")
    print(f"| **statements** | {sizes['dev']} | {sizes['test']} | {total} |")
    print(f"| statements with 2 traps | {multi['dev']} | {multi['test']} | {multi['dev'] + multi['test']} |")

    train_counts, train_size, train_multi = check_train(seen_texts, errors)
    print()
    print("| label | train |")
    print("|---|---:|")
    for label in TRAPS + ["neutral"]:
        print(f"| {label} | {train_counts[label]} |")
    print(f"| **statements** | {train_size} |")
    print(f"| statements with 2 traps | {train_multi} |")

    for name, prefix, max_words in EXTRA_TRAIN:
        if not (HERE / name).exists():
            continue
        extra_counts, extra_size, extra_multi = check_train(seen_texts, errors, name, prefix, max_words, minimums=False)
        print()
        print(f"| label | {name[:-6]} |")
        print("|---|---:|")
        for label in TRAPS + ["neutral"]:
            print(f"| {label} | {extra_counts[label]} |")
        print(f"| **statements** | {extra_size} |")
        print(f"| statements with 2 traps | {extra_multi} |")

    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
