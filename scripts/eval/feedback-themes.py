#!/usr/bin/env python3
"""Scores `nextyes feedback themes` on the labelled set in data/feedback-themes.

Themes are scored as (theme, polarity) pairs per snippet: per-theme precision, recall and F1,
and their macro average; also theme-only scores (ignoring polarity), generic detection, and
stated reasons. Usage: scripts/eval/feedback-themes.py [--split dev|test] [--binary PATH] [--errors]
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
THEMES = ["technical-skills", "communication", "problem-solving", "teamwork", "adaptability", "leadership"]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test", choices=["dev", "dev2", "dev3", "train", "train2", "train3", "train4", "train5", "test", "test2", "dev+dev2", "dev+dev2+dev3"])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "nextyes"))
    parser.add_argument("--errors", action="store_true", help="list the snippets that were read wrongly")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        args.binary = os.path.join(ROOT, ".build", "debug", "nextyes")
    items = []
    for split in args.split.split("+"):
        path = os.path.join(ROOT, "data", "feedback-themes", f"{split}.jsonl")
        items += [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    payload = "".join(json.dumps({"text": item["text"]}) + "\n" for item in items)
    run = subprocess.run([args.binary, "feedback", "themes", "--jsonl"], input=payload, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"nextyes failed: {run.stderr}")
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(results) == len(items)

    pair = {t: [0, 0, 0] for t in THEMES}
    theme_only = {t: [0, 0, 0] for t in THEMES}
    generic = [0, 0, 0, 0]  # tp fp fn tn
    reason_counts = [0, 0, 0]
    wrong = []
    for item, result in zip(items, results):
        gold = {(h["theme"], h["polarity"]) for h in item["themes"]}
        pred = {(h["theme"], h["polarity"]) for h in result["themes"]}
        for t in THEMES:
            g = {p for p in gold if p[0] == t}
            q = {p for p in pred if p[0] == t}
            pair[t][0] += len(g & q); pair[t][1] += len(q - g); pair[t][2] += len(g - q)
            gt, qt = bool(g), bool(q)
            theme_only[t][0] += gt and qt; theme_only[t][1] += qt and not gt; theme_only[t][2] += gt and not qt
        gg, pg = item["generic"], result["generic"]
        generic[0] += gg and pg; generic[1] += pg and not gg; generic[2] += gg and not pg; generic[3] += (not gg) and (not pg)
        gr = set(item["reasons"]); pr = {r["reason"] for r in result["reasons"]}
        reason_counts[0] += len(gr & pr); reason_counts[1] += len(pr - gr); reason_counts[2] += len(gr - pr)
        if gold != pred or gg != pg or gr != pr:
            wrong.append((item, result, gold, pred, gr, pr))

    print(f"Feedback themes on the {args.split} split ({len(items)} snippets)\n")
    print("| theme | precision | recall | F1 | support |")
    print("|---|---|---|---|---|")
    f1s = []
    for t in THEMES:
        tp, fp, fn = pair[t]
        p, r, f = prf(tp, fp, fn)
        f1s.append(f)
        print(f"| {t} | {p:.2f} | {r:.2f} | {f:.2f} | {tp + fn} |")
    macro = sum(f1s) / len(f1s)
    theme_macro = sum(prf(*theme_only[t])[2] for t in THEMES) / len(THEMES)
    print(f"\nMacro-F1, theme and polarity: {macro:.3f}")
    print(f"Macro-F1, theme only: {theme_macro:.3f}")
    gp, gr_, gf = prf(generic[0], generic[1], generic[2])
    accuracy = (generic[0] + generic[3]) / len(items)
    print(f"Generic: precision {gp:.2f}, recall {gr_:.2f}, F1 {gf:.3f}, accuracy {accuracy:.3f}")
    rp, rr, rf = prf(*reason_counts)
    print(f"Stated reasons (micro): precision {rp:.2f}, recall {rr:.2f}, F1 {rf:.3f}")
    if args.errors:
        print(f"\n{len(wrong)} snippets read differently from their labels:")
        for item, result, gold, pred, gr, pr in wrong:
            print(f"\n{item['id']}: {item['text']}")
            if gold != pred:
                print(f"  themes  missing {sorted(gold - pred)}  extra {sorted(pred - gold)}")
                for h in result["themes"]:
                    print(f"    {h['theme']}/{h['polarity']}: {h['evidence']}")
            if item["generic"] != result["generic"]:
                print(f"  generic gold {item['generic']} got {result['generic']}")
            if gr != pr:
                print(f"  reasons missing {sorted(gr - pr)} extra {sorted(pr - gr)}")


if __name__ == "__main__":
    main()
