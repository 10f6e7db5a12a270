#!/usr/bin/env python3
"""Validate the feedback-themes evaluation set and print per-split counts.

Usage: python3 data/feedback-themes/validate.py   (exit code 1 on any error)

Also checks and counts train.jsonl (training data, ids ft-NNNN; see check_train).

Checks
  * every line of dev.jsonl / test.jsonl is a JSON object with exactly the
    keys id, text, themes, generic, reasons and the right types
  * ids match fb-NNN and are unique across both splits; texts are unique
  * only allowed theme / polarity / reason ids; no duplicate (theme, polarity)
    pair or duplicate reason inside one item
  * generic items carry no themes and no reasons (guideline section 4)
  * stratification: every theme x polarity, generic, no-theme-non-generic,
    mixed-polarity and every reason id occurs in both splits
Warnings (not errors)
  * pairs of items sharing a run of 7+ identical words (template reuse)
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPLITS = ["dev", "test"]
THEMES = ["technical-skills", "communication", "problem-solving",
          "teamwork", "adaptability", "leadership"]
POLARITIES = ["strength", "improvement"]
REASONS = ["skills-gap", "experience-level", "interview-performance",
           "application-materials", "culture-fit", "salary-mismatch",
           "location", "internal-candidate", "more-experienced-candidate",
           "position-filled", "hiring-freeze", "budget", "role-on-hold",
           "role-changed", "timing"]
KEYS = {"id", "text", "themes", "generic", "reasons"}

errors = []


def err(msg):
    errors.append(msg)


def load(split, id_pattern=r"fb-\d{3}"):
    items = []
    path = os.path.join(HERE, f"{split}.jsonl")
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            where = f"{split}.jsonl:{n}"
            if not line.strip():
                err(f"{where}: blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"{where}: invalid JSON ({e})")
                continue
            if not isinstance(obj, dict) or set(obj) != KEYS:
                err(f"{where}: keys must be exactly {sorted(KEYS)}")
                continue
            if not re.fullmatch(id_pattern, str(obj["id"])):
                err(f"{where}: bad id {obj['id']!r}")
            if not isinstance(obj["text"], str) or not obj["text"].strip():
                err(f"{where}: empty text")
            if not isinstance(obj["generic"], bool):
                err(f"{where}: generic must be a bool")
            if not isinstance(obj["themes"], list) or not isinstance(obj["reasons"], list):
                err(f"{where}: themes and reasons must be lists")
                continue
            seen = set()
            for t in obj["themes"]:
                if not isinstance(t, dict) or set(t) != {"theme", "polarity"}:
                    err(f"{where}: theme entry must be {{theme, polarity}}: {t!r}")
                    continue
                if t["theme"] not in THEMES:
                    err(f"{where}: unknown theme {t['theme']!r}")
                if t["polarity"] not in POLARITIES:
                    err(f"{where}: unknown polarity {t['polarity']!r}")
                key = (t["theme"], t["polarity"])
                if key in seen:
                    err(f"{where}: duplicate theme/polarity {key}")
                seen.add(key)
            for r in obj["reasons"]:
                if r not in REASONS:
                    err(f"{where}: unknown reason {r!r}")
            if len(set(obj["reasons"])) != len(obj["reasons"]):
                err(f"{where}: duplicate reason")
            if obj["generic"] and (obj["themes"] or obj["reasons"]):
                err(f"{where}: generic item must have no themes and no reasons")
            obj["_split"] = split
            items.append(obj)
    return items


def features(it):
    f = collections.Counter()
    for t in it["themes"]:
        f[f"{t['theme']}:{t['polarity']}"] += 1
    pols = {t["polarity"] for t in it["themes"]}
    f["items"] += 1
    if it["themes"]:
        f["with-theme"] += 1
    if len(pols) == 2:
        f["mixed-polarity"] += 1
    if len({t["theme"] for t in it["themes"]}) >= 2:
        f["multi-theme"] += 1
    if any(sum(1 for t in it["themes"] if t["theme"] == th) == 2 for th in THEMES):
        f["same-theme-both-polarities"] += 1
    if it["generic"]:
        f["generic"] += 1
    if not it["themes"] and not it["generic"]:
        f["no-theme-not-generic"] += 1
    if it["reasons"]:
        f["with-reason"] += 1
    for r in it["reasons"]:
        f[f"reason:{r}"] += 1
    words = len(it["text"].split())
    f["short(<=8 words)"] += words <= 8
    f["long(>=40 words)"] += words >= 40
    return f

# Training data (train.jsonl): same format and guideline, its own id scheme
# (ft-NNNN) and minimum counts. Its texts must not repeat any evaluation or
# development text. Shared 7-word runs with dev/dev2/dev3 or inside train are
# printed as warnings; overlaps with the held-out test.jsonl are reported by id
# only, so that running this script never shows held-out text.
TRAIN = "train"
TRAIN_ID = r"ft-\d{4}"
TRAIN_MIN_WORDS, TRAIN_MAX_WORDS = 5, 120
TRAIN_MIN_PER_THEME_POLARITY = 30
TRAIN_MIN_PER_REASON = 15
TRAIN_MIN_GENERIC = 50
DEV_EXTRA = ["dev2", "dev3"]


def grams7(text):
    w = re.findall(r"[a-z']+", text.lower())
    return {" ".join(w[i:i + 7]) for i in range(len(w) - 6)}


def check_train(evaluation):
    """Check train.jsonl against the guideline and the other files; return its counts."""
    if not os.path.exists(os.path.join(HERE, f"{TRAIN}.jsonl")):
        err(f"{TRAIN}.jsonl is missing")
        return collections.Counter()
    train = load(TRAIN, TRAIN_ID)
    extra = []
    for name in DEV_EXTRA:
        with open(os.path.join(HERE, f"{name}.jsonl"), encoding="utf-8") as fh:
            extra += [json.loads(line) for line in fh if line.strip()]
    ids = collections.Counter(i["id"] for i in train)
    for k, v in ids.items():
        if v > 1:
            err(f"{TRAIN}.jsonl: duplicate id {k}")
    other = {i["text"].strip().lower() for i in evaluation + extra}
    seen = set()
    for it in train:
        t = it["text"].strip().lower()
        if t in other:
            err(f"{TRAIN}.jsonl {it['id']}: text repeats an evaluation or development item")
        if t in seen:
            err(f"{TRAIN}.jsonl {it['id']}: duplicate text")
        seen.add(t)
        words = len(it["text"].split())
        if not TRAIN_MIN_WORDS <= words <= TRAIN_MAX_WORDS:
            err(f"{TRAIN}.jsonl {it['id']}: {words} words, outside {TRAIN_MIN_WORDS}-{TRAIN_MAX_WORDS}")
    counts = collections.Counter()
    for it in train:
        counts.update(features(it))
    for th in THEMES:
        for p in POLARITIES:
            if counts[f"{th}:{p}"] < TRAIN_MIN_PER_THEME_POLARITY:
                err(f"{TRAIN}.jsonl: {th}:{p} occurs {counts[f'{th}:{p}']} times "
                    f"(need >= {TRAIN_MIN_PER_THEME_POLARITY})")
    for r in REASONS:
        if counts[f"reason:{r}"] < TRAIN_MIN_PER_REASON:
            err(f"{TRAIN}.jsonl: reason {r} occurs {counts[f'reason:{r}']} times "
                f"(need >= {TRAIN_MIN_PER_REASON})")
    if counts["generic"] < TRAIN_MIN_GENERIC:
        err(f"{TRAIN}.jsonl: only {counts['generic']} generic items (need >= {TRAIN_MIN_GENERIC})")

    # template reuse: shared 7-word runs (warnings only)
    visible = collections.defaultdict(set)
    for it in [i for i in evaluation if i["_split"] != "test"] + extra + train:
        for g in grams7(it["text"]):
            visible[g].add(it["id"])
    for g, v in sorted(visible.items()):
        if len(v) > 1 and any(x.startswith("ft-") for x in v):
            print(f"WARNING shared 7-gram {sorted(v)}: '{g}'")
    held = set()
    for it in evaluation:
        if it["_split"] == "test":
            held |= grams7(it["text"])
    for it in train:
        n = len(grams7(it["text"]) & held)
        if n:
            print(f"WARNING {it['id']} shares {n} 7-word run(s) with a held-out test item (text not shown)")
    return counts


# Second training set (train2.jsonl, ids ft2-NNNN): themes in new voices, problem-solving above
# all, and hard negatives (theme words about the role, the criteria, another candidate, or
# logistics). Same checks as train.jsonl, without minimum counts; overlaps with the held-out
# split are reported by id only.
TRAIN2 = "train2"
TRAIN2_ID = r"ft2-\d{4}"


# Third training set (train3.jsonl, ids ft3-NNNN): stated reasons as trusts, councils, agencies
# and recruiters write them, and wording that states none. Same checks as train2.
TRAIN3 = "train3"
TRAIN3_ID = r"ft3-\d{4}"


# Fourth training set (train4.jsonl, ids ft4-NNNN): themes phrased away from the obvious words
# (named tools and methods, mixed and hedged feedback), stated reasons in other voices, and hard
# negatives. Same checks as train2, against every earlier training set.
TRAIN4 = "train4"
TRAIN4_ID = r"ft4-\d{4}"


# Fifth training set (train5.jsonl, ids ft5-NNNN): stated reasons worded away from their usual
# words (idiom, jargon, terse notes, non-native English), two reasons at once, and 40 hard
# negatives. Same checks as train2, against every earlier training set.
TRAIN5 = "train5"
TRAIN5_ID = r"ft5-\d{4}"


def check_train2(evaluation, TRAIN2=TRAIN2, TRAIN2_ID=TRAIN2_ID, earlier=()):
    if not os.path.exists(os.path.join(HERE, f"{TRAIN2}.jsonl")):
        return collections.Counter()
    train2 = load(TRAIN2, TRAIN2_ID)
    before = []
    for name in DEV_EXTRA + [TRAIN] + list(earlier):
        with open(os.path.join(HERE, f"{name}.jsonl"), encoding="utf-8") as fh:
            before += [json.loads(line) for line in fh if line.strip()]
    other = {i["text"].strip().lower() for i in evaluation + before}
    ids, seen = collections.Counter(i["id"] for i in train2), set()
    for k, v in ids.items():
        if v > 1:
            err(f"{TRAIN2}.jsonl: duplicate id {k}")
    for it in train2:
        t = it["text"].strip().lower()
        if t in other:
            err(f"{TRAIN2}.jsonl {it['id']}: text repeats an earlier item")
        if t in seen:
            err(f"{TRAIN2}.jsonl {it['id']}: duplicate text")
        seen.add(t)
        words = len(it["text"].split())
        if not TRAIN_MIN_WORDS <= words <= TRAIN_MAX_WORDS:
            err(f"{TRAIN2}.jsonl {it['id']}: {words} words, outside {TRAIN_MIN_WORDS}-{TRAIN_MAX_WORDS}")
    held = set()
    for it in evaluation:
        if it["_split"] == "test":
            held |= grams7(it["text"])
    for it in train2:
        n = len(grams7(it["text"]) & held)
        if n:
            print(f"WARNING {it['id']} shares {n} 7-word run(s) with a held-out test item (text not shown)")
    counts = collections.Counter()
    for it in train2:
        counts.update(features(it))
    return counts


def main():
    data = {s: load(s) for s in SPLITS}
    every = data["dev"] + data["test"]
    ids = collections.Counter(i["id"] for i in every)
    for k, v in ids.items():
        if v > 1:
            err(f"duplicate id {k}")
    texts = collections.Counter(i["text"].strip().lower() for i in every)
    for k, v in texts.items():
        if v > 1:
            err(f"duplicate text: {k[:60]}")

    counts = {s: collections.Counter() for s in SPLITS}
    for s in SPLITS:
        for it in data[s]:
            counts[s].update(features(it))

    def row(label, key):
        d, t = counts["dev"][key], counts["test"][key]
        print(f"  {label:34s} {d:5d} {t:5d} {d + t:6d}")

    print(f"{'':36s}{'dev':>5s} {'test':>5s} {'total':>6s}")
    print("items")
    for k in ["items", "with-theme", "multi-theme", "mixed-polarity",
              "same-theme-both-polarities", "generic", "no-theme-not-generic",
              "with-reason", "short(<=8 words)", "long(>=40 words)"]:
        row(k, k)
    print("theme occurrences (strength / improvement)")
    for th in THEMES:
        for p in POLARITIES:
            row(f"{th}:{p}", f"{th}:{p}")
    print("reasons")
    for r in REASONS:
        row(r, f"reason:{r}")

    # stratification: everything present in both splits
    must = [f"{th}:{p}" for th in THEMES for p in POLARITIES] + \
        ["generic", "no-theme-not-generic", "mixed-polarity"] + \
        [f"reason:{r}" for r in REASONS]
    for k in must:
        for s in SPLITS:
            if counts[s][k] == 0:
                err(f"{k} missing from {s}")

    # template-reuse warning: shared 7-word runs between items
    grams = collections.defaultdict(set)
    for it in every:
        w = re.findall(r"[a-z']+", it["text"].lower())
        for i in range(len(w) - 6):
            grams[" ".join(w[i:i + 7])].add(it["id"])
    shared = {g: v for g, v in grams.items() if len(v) > 1}
    for g, v in sorted(shared.items()):
        print(f"WARNING shared 7-gram {sorted(v)}: '{g}'")

    # training data
    tc = check_train(every)
    print(f"\n{'train.jsonl':36s}{'train':>5s}")
    print("items")
    for k in ["items", "with-theme", "multi-theme", "mixed-polarity",
              "same-theme-both-polarities", "generic", "no-theme-not-generic",
              "with-reason", "short(<=8 words)", "long(>=40 words)"]:
        print(f"  {k:34s} {tc[k]:5d}")
    print("theme occurrences (strength / improvement)")
    for th in THEMES:
        for p in POLARITIES:
            print(f"  {th + ':' + p:34s} {tc[th + ':' + p]:5d}")
    print("reasons")
    for r in REASONS:
        print(f"  {r:34s} {tc['reason:' + r]:5d}")

    def report(name, counts, keys, themes=False, reasons=False):
        """One extra training set's counts: the keys given, then each theme and polarity, each reason."""
        if not counts["items"]:
            return
        print(f"\n{name + '.jsonl':36s}{name:>6s}")
        for k in keys:
            print(f"  {k:34s} {counts[k]:5d}")
        if themes:
            for th in THEMES:
                for p in POLARITIES:
                    print(f"  {th + ':' + p:34s} {counts[th + ':' + p]:5d}")
        if reasons:
            for r in REASONS:
                print(f"  {r:34s} {counts['reason:' + r]:5d}")

    every_kind = ["items", "with-theme", "mixed-polarity", "generic", "no-theme-not-generic", "with-reason"]
    report(TRAIN2, check_train2(every), every_kind, themes=True)
    report(TRAIN3, check_train2(every, TRAIN3, TRAIN3_ID, earlier=[TRAIN2]),
           ["items", "with-theme", "generic", "no-theme-not-generic", "with-reason"], reasons=True)
    report(TRAIN4, check_train2(every, TRAIN4, TRAIN4_ID, earlier=[TRAIN2, TRAIN3]), every_kind, themes=True, reasons=True)
    report(TRAIN5, check_train2(every, TRAIN5, TRAIN5_ID, earlier=[TRAIN2, TRAIN3, TRAIN4]), every_kind, themes=True, reasons=True)

    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print(f"\nOK: {len(every)} items, {len(ids)} unique ids; "
          f"{tc['items']} training items in {TRAIN}.jsonl")


if __name__ == "__main__":
    main()
