#!/usr/bin/env python3
"""Skill extraction speed: NextYes against flashtext, flashtext2 and `wc -w`, in one run.

Builds a corpus of at least 20 MB from the SkillSpan train sentences, loads the same surface
forms (every label and alias in the bundled taxonomy) into each extractor, and reports MB/s, the
ratios, how far the matches agree, the taxonomy's load time and the memory it takes.
Usage: scripts/bench/skills.py [--binary PATH] [--megabytes 20]   (build with -c release first)
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.abspath(os.path.join(ROOT, "..", "shared", "data", "skillspan"))
TAXONOMY = os.path.join(ROOT, "Sources", "NextYesInsights", "Resources", "taxonomy.tsv")


def ensure(package, version):
    try:
        __import__(package)
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", f"{package}=={version}"], check=True)


def corpus(path, megabytes):
    sentences = []
    for name in ("tech_train.conll", "house_train.conll"):
        tokens = []
        for line in open(os.path.join(DATA, name), encoding="utf-8"):
            line = line.rstrip("\n")
            if not line:
                if tokens:
                    sentences.append(" ".join(tokens))
                tokens = []
            else:
                tokens.append(line.split("\t")[0])
    block = ("\n".join(sentences) + "\n").encode("utf-8")
    with open(path, "wb") as out:
        written = 0
        while written < megabytes * 1_000_000:
            out.write(block)
            written += len(block)
    return written


def surface_forms():
    forms = []
    for line in open(TAXONOMY, encoding="utf-8"):
        if not line.startswith("#"):
            forms.extend(f for f in line.rstrip("\n").split("\t")[2:] if f)
    return forms


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def byte_offsets(text):
    """Character index -> byte offset, for comparing Python's spans with NextYes's."""
    offsets, total = [], 0
    for ch in text:
        offsets.append(total)
        total += len(ch.encode("utf-8"))
    offsets.append(total)
    return offsets


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "nextyes"))
    parser.add_argument("--megabytes", type=int, default=20)
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit("Build the release binary first: swift build -c release")
    ensure("flashtext", "2.7")
    ensure("flashtext2", "1.1.0")
    from flashtext import KeywordProcessor as FlashText
    from flashtext2 import KeywordProcessor as FlashText2

    folder = tempfile.mkdtemp(prefix="nextyes-bench-")
    path = os.path.join(folder, "corpus.txt")
    size = corpus(path, args.megabytes)
    mb = size / 1e6
    text = open(path, encoding="utf-8").read()
    forms = surface_forms()
    print(f"Corpus: {mb:.1f} MB of SkillSpan train sentences; {len(forms)} surface forms from the taxonomy.\n")

    results = {}
    # NextYes: load time, memory and the pass, measured inside the process (best of 3 passes).
    spans_path = os.path.join(folder, "nextyes.spans")
    run = subprocess.run([args.binary, "skills", "bench", "--input", path, "--repeat", "3", "--spans", spans_path],
                         capture_output=True, text=True, check=True)
    report = json.loads(run.stdout)
    results["NextYes"] = report["megabytesPerSecond"]
    nextyes_spans = set()
    for line in open(spans_path):
        if line.strip():
            s, e = line.split()
            nextyes_spans.add((int(s), int(e)))

    # flashtext (pure Python), case-insensitive, keyword loading not timed.
    before = rss_mb()
    start = time.perf_counter()
    flash = FlashText(case_sensitive=False)
    for form in forms:
        flash.add_keyword(form)
    flash_load = time.perf_counter() - start
    flash_memory = rss_mb() - before
    start = time.perf_counter()
    flash_matches = flash.extract_keywords(text, span_info=True)
    results["flashtext"] = mb / (time.perf_counter() - start)

    # flashtext2 (Rust), same forms.
    start = time.perf_counter()
    flash2 = FlashText2(case_sensitive=False)
    flash2.add_keywords_from_iter(forms)
    flash2_load = time.perf_counter() - start
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        flash2_matches = flash2.extract_keywords_with_span(text)
        best = min(best, time.perf_counter() - start)
    results["flashtext2"] = mb / best

    # wc -w: the floor of what one pass over the bytes costs.
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(["wc", "-w", path], capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    results["wc -w"] = mb / best

    offsets = byte_offsets(text)
    flash_spans = {(offsets[s], offsets[e]) for _, s, e in flash_matches}
    flash2_spans = {(offsets[s], offsets[e]) for _, s, e in flash2_matches}

    def agreement(a, b):
        covered = sum(1 for span in b if span in a)
        return covered / len(b) if b else 0.0

    print("| extractor | MB/s | NextYes is | matches |")
    print("|---|---|---|---|")
    counts = {"NextYes": report["matches"], "flashtext": len(flash_matches), "flashtext2": len(flash2_matches), "wc -w": "-"}
    for name in ("NextYes", "flashtext", "flashtext2", "wc -w"):
        ratio = results["NextYes"] / results[name]
        print(f"| {name} | {results[name]:.1f} | {ratio:.2f}x | {counts[name]} |")
    print()
    print(f"NextYes: taxonomy load {report['loadSeconds']:.3f} s, {report['normalisedForms']} normalised forms "
          f"from {report['surfaceForms']} surface forms (labels, aliases and short names such as \"Excel\"), "
          f"resident memory {report['rssAfterLoadMB']:.0f} MB after loading ({report['rssAfterLoadMB'] - report['rssBeforeLoadMB']:.0f} MB for the taxonomy).")
    print(f"flashtext: keyword load {flash_load:.2f} s, about {flash_memory:.0f} MB; flashtext2: keyword load {flash2_load:.2f} s.")
    print(f"Agreement: {100 * agreement(nextyes_spans, flash_spans):.1f}% of flashtext's matches are matched by NextYes at the same span; "
          f"flashtext2 and flashtext agree on {100 * agreement(flash2_spans, flash_spans):.1f}%. "
          f"NextYes finds {len(nextyes_spans - flash_spans)} spans flashtext does not (inflections, hyphen variants, short names).")
    print(f"\nTargets: >= 10x flashtext: {results['NextYes'] / results['flashtext']:.1f}x; >= 2x flashtext2: "
          f"{results['NextYes'] / results['flashtext2']:.1f}x; >= 0.25 of wc -w: {results['NextYes'] / results['wc -w']:.2f}.")


if __name__ == "__main__":
    main()
