#!/usr/bin/env python3
"""Reading time: one piece of feedback and one journal statement, as the product reads them.

Runs `nextyes-train --feedback --reading-time` (every training text once, each new to the
reader) in rounds, each round twice: once as shipped and once with every pattern list run whole
(NEXTYES_PATTERNS=whole, the reader before lists were filtered by the words a text holds). The
two alternate in the same run, so the ratio holds on a shared, noisy machine where the absolute
times don't. Prints the median of each and the ratio.

Usage: scripts/bench/reading.py [--binary PATH] [--rounds 3]
   (build first: swift build -c release --product nextyes-train)
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LINE = re.compile(r"^(feedback|journal statement): (\d+) texts, mean ([0-9.]+) ms, slowest (.+)$")


def run(binary, whole):
    env = dict(os.environ)
    if whole:
        env["NEXTYES_PATTERNS"] = "whole"
    else:
        env.pop("NEXTYES_PATTERNS", None)
    out = subprocess.run([binary, "--feedback", "--reading-time"], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout
    found = {}
    for line in out.splitlines():
        m = LINE.match(line.strip())
        if m:
            found[m.group(1)] = (int(m.group(2)), float(m.group(3)), m.group(4))
    if len(found) != 2:
        sys.exit("Unexpected output from the trainer:\n" + out)
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "nextyes-train"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit("Build the trainer first: swift build -c release --product nextyes-train")
    times = {("feedback", False): [], ("feedback", True): [], ("journal statement", False): [], ("journal statement", True): []}
    counts = {}
    for round in range(args.rounds):
        for whole in (True, False):
            for kind, (count, mean, _) in run(args.binary, whole).items():
                times[(kind, whole)].append(mean)
                counts[kind] = count
        print(f"round {round + 1} of {args.rounds} done", file=sys.stderr)
    print("| text | texts | lists run whole (ms) | as shipped (ms) | faster by |")
    print("|---|---|---|---|---|")
    for kind in ("feedback", "journal statement"):
        whole = statistics.median(times[(kind, True)])
        shipped = statistics.median(times[(kind, False)])
        print(f"| {kind} | {counts[kind]} | {whole:.3f} | {shipped:.3f} | {whole / shipped:.1f}x |")
    print(f"\nMedians of {args.rounds} rounds; each round runs both, one after the other.")


if __name__ == "__main__":
    main()
