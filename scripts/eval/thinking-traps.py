#!/usr/bin/env python3
"""Scores `nextyes journal check` on the labelled set in data/thinking-traps.

Per-trap precision, recall and F1 over statements, their macro average, and the false-alarm
rate: the share of neutral statements (no trap) where any trap was reported.
Usage: scripts/eval/thinking-traps.py [--split dev|dev2|dev3|train|train2|test|test2|dev+dev2] [--binary PATH] [--errors]
The dev and train splits are what the learned reader was trained on; for figures on unseen
wording use `swift run nextyes-train --traps-cv` (cross-validation and leave-one-set-out).
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TRAPS = ["all-or-nothing", "overgeneralizing", "labeling", "fortune-telling", "mind-reading", "catastrophizing",
         "personalizing", "should-statements", "emotional-reasoning", "disqualifying-the-positive"]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test", choices=["dev", "dev2", "dev3", "train", "train2", "train3", "train4", "test", "test2", "dev+dev2", "dev+dev2+dev3", "dev+dev2+dev3+train", "dev+dev2+dev3+train+train2"])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "nextyes"))
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        args.binary = os.path.join(ROOT, ".build", "debug", "nextyes")
    items = []
    for split in args.split.split("+"):
        items += [json.loads(l) for l in open(os.path.join(ROOT, "data", "thinking-traps", f"{split}.jsonl"), encoding="utf-8") if l.strip()]
    payload = "".join(json.dumps({"text": i["text"]}) + "\n" for i in items)
    run = subprocess.run([args.binary, "journal", "check", "--jsonl"], input=payload, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"nextyes failed: {run.stderr}")
    results = [json.loads(l) for l in run.stdout.splitlines()]
    counts = {t: [0, 0, 0] for t in TRAPS}
    neutral = alarms = 0
    wrong = []
    for item, result in zip(items, results):
        gold = set(item["traps"])
        pred = {h["trap"] for h in result["traps"]}
        for t in TRAPS:
            counts[t][0] += (t in gold) and (t in pred)
            counts[t][1] += (t in pred) and (t not in gold)
            counts[t][2] += (t in gold) and (t not in pred)
        if not gold:
            neutral += 1
            alarms += bool(pred)
        if gold != pred:
            wrong.append((item, result, gold, pred))
    print(f"Thinking traps on the {args.split} split ({len(items)} statements, {neutral} neutral)\n")
    print("| trap | precision | recall | F1 | support |")
    print("|---|---|---|---|---|")
    f1s = []
    for t in TRAPS:
        tp, fp, fn = counts[t]
        p, r, f = prf(tp, fp, fn)
        f1s.append(f)
        print(f"| {t} | {p:.2f} | {r:.2f} | {f:.2f} | {tp + fn} |")
    print(f"\nMacro-F1: {sum(f1s) / len(f1s):.3f}")
    print(f"False alarms on neutral statements: {alarms} of {neutral} ({100 * alarms / max(neutral, 1):.1f}%)")
    if args.errors:
        print(f"\n{len(wrong)} statements read differently from their labels:")
        for item, result, gold, pred in wrong:
            print(f"{item['id']}: missing {sorted(gold - pred)} extra {sorted(pred - gold)} | {item['text']}")


if __name__ == "__main__":
    main()
