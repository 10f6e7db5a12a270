#!/usr/bin/env python3
"""Span-level quality of `nextyes skills extract` on the SkillSpan dev split (lenient overlap).

Gold spans are the skill and the knowledge spans of SkillSpan (Zhang et al., NAACL 2022), from
../shared/data/skillspan/{tech,house}_dev.conll. A predicted span is correct when it overlaps a
gold span; a gold span is found when a predicted span overlaps it. The plain dictionary baseline
(same taxonomy labels and aliases, flashtext, case-insensitive exact matching) is scored the same
way in the same run. NextYes is scored twice: the taxonomy concepts alone (what the gap analysis
and the plan use), and with the skill phrases its tagger reads that name no concept
(`skills extract --jsonl --phrases`). Usage: scripts/eval/skillspan.py [--binary PATH] [--data DIR]
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.abspath(os.path.join(ROOT, "..", "shared", "data", "skillspan"))
TAXONOMY = os.path.join(ROOT, "Sources", "NextYesInsights", "Resources", "taxonomy.tsv")


def sentences(path):
    """Yields (text, gold spans) per sentence; tokens joined by single spaces."""
    tokens, tags = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if tokens:
                yield build(tokens, tags)
            tokens, tags = [], []
            continue
        parts = line.split("\t")
        tokens.append(parts[0])
        tags.append((parts[1] if len(parts) > 1 else "O", parts[2] if len(parts) > 2 else "O"))
    if tokens:
        yield build(tokens, tags)


def build(tokens, tags):
    offsets, text = [], ""
    for token in tokens:
        if text:
            text += " "
        offsets.append((len(text), len(text) + len(token)))
        text += token
    spans = []
    for column in (0, 1):
        start = None
        for i, tag in enumerate(t[column] for t in tags):
            if tag.startswith("B") or (tag.startswith("I") and start is None):
                if start is not None:
                    spans.append((offsets[start][0], offsets[i - 1][1]))
                start = i
            elif tag == "O" and start is not None:
                spans.append((offsets[start][0], offsets[i - 1][1]))
                start = None
        if start is not None:
            spans.append((offsets[start][0], offsets[len(tags) - 1][1]))
    return text, sorted(set(spans))


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def score(items, predictions):
    tp_pred = n_pred = found = n_gold = 0
    for (text, gold), pred in zip(items, predictions):
        pred = sorted(set(pred))
        n_pred += len(pred)
        n_gold += len(gold)
        tp_pred += sum(1 for p in pred if any(overlaps(p, g) for g in gold))
        found += sum(1 for g in gold if any(overlaps(p, g) for p in pred))
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = found / n_gold if n_gold else 0.0
    return precision, recall, n_pred, n_gold


def nextyes(binary, items, phrases=False):
    payload = "".join(json.dumps({"text": text}) + "\n" for text, _ in items)
    command = [binary, "skills", "extract", "--jsonl"] + (["--phrases"] if phrases else [])
    run = subprocess.run(command, input=payload, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(run.stderr)
    out = []
    for line in run.stdout.splitlines():
        result = json.loads(line)
        out.append([(s["start"], s["end"]) for s in result["skills"] + result.get("phrases", [])])
    return out


def surface_forms():
    forms = []
    for line in open(TAXONOMY, encoding="utf-8"):
        if line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        forms.extend(f for f in fields[2:] if f)
    return forms


def flashtext_baseline(items):
    from flashtext import KeywordProcessor
    processor = KeywordProcessor(case_sensitive=False)
    for form in surface_forms():
        processor.add_keyword(form)
    return [[(s, e) for _, s, e in processor.extract_keywords(text, span_info=True)] for text, _ in items]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "nextyes"))
    parser.add_argument("--data", default=DATA)
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        args.binary = os.path.join(ROOT, ".build", "debug", "nextyes")
    try:
        import flashtext  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "flashtext==2.7"], check=True)
    print("| split | extractor | precision | recall | F1 | predicted | gold |")
    print("|---|---|---|---|---|---|---|")
    for split in ("tech", "house"):
        items = list(sentences(os.path.join(args.data, f"{split}_dev.conll")))
        runs = (("flashtext baseline", flashtext_baseline(items)),
                ("NextYes, concepts", nextyes(args.binary, items)),
                ("NextYes, concepts + phrases", nextyes(args.binary, items, phrases=True)))
        for name, predictions in runs:
            p, r, n_pred, n_gold = score(items, predictions)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"| {split}_dev | {name} | {p:.3f} | {r:.3f} | {f1:.3f} | {n_pred} | {n_gold} |")


if __name__ == "__main__":
    main()
