#!/usr/bin/env python3
"""Build the NextYes skills-taxonomy resource (Sources/NextYesInsights/Resources/taxonomy.tsv).

Source data: ``laiser/public/faiss_skills.csv`` inside the ``laiser==1.0`` wheel on PyPI.
Only the ESCO, ONET_SKILL and ONET_TECH rows are kept; UKOS and OSN rows are excluded
(their licence is unverified and their ``aliases`` column holds categories, not synonyms).

Usage (from the repository root):

    python3 scripts/taxonomy/build-taxonomy.py            # download, verify, (re)write the resource
    python3 scripts/taxonomy/build-taxonomy.py --check    # regenerate to a temp file, compare bytes

Both modes accept ``--wheel PATH`` to use an already downloaded wheel (still sha256-verified).

Second source: ``skill_extractor/data/skills.json`` inside the ``skill-extractor==0.2.0`` wheel on
PyPI (MIT, Qarera), a gazetteer of 30,957 skill and tool names mined from recent job postings
("looker", "dbt", "snowflake", "a/b testing"). Every name that ESCO and O*NET do not already
have (case-insensitively) becomes one concept of source ``gazetteer``; NextYes counts such a
concept only where its skill tagger reads the words as a skill. ``--gazetteer-wheel PATH`` uses
an already downloaded wheel (still sha256-verified).
Standard library only; Python >= 3.9.

Output format (UTF-8, LF, no BOM):
    lines starting with '#' are comments (provenance, licences, counts);
    every other line is one concept:  id <TAB> source <TAB> label [<TAB> alias]...
    source is one of: esco, onet-skill, onet-tech, gazetteer. Lines are sorted by id (byte order).
"""

from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import html.parser
import io
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

# --------------------------------------------------------------------------- pinned input

PACKAGE = "laiser"
VERSION = "1.0"
WHEEL_NAME = "laiser-1.0-py3-none-any.whl"
# sha256 of the wheel as published on PyPI (matches the #sha256= fragment of the simple index).
WHEEL_SHA256 = "3892957419a28a0a3171746557c9b684d15f600cc21fc72102cc9302eb18cb60"
CSV_MEMBER = "laiser/public/faiss_skills.csv"
SIMPLE_INDEX_URL = "https://pypi.org/simple/laiser/"

EXPECTED_COLUMNS = ["skill_id", "skill_name", "aliases", "description", "taxonomy", "original_id"]

# CSV `taxonomy` value -> output `source` tag
KEEP = {"ESCO": "esco", "ONET_SKILL": "onet-skill", "ONET_TECH": "onet-tech"}
EXCLUDE = {"UKOS", "OSN"}

GAZETTEER_PACKAGE = "skill-extractor"
GAZETTEER_VERSION = "0.2.0"
GAZETTEER_WHEEL_NAME = "skill_extractor-0.2.0-py3-none-any.whl"
GAZETTEER_WHEEL_SHA256 = "839f7cf283e560708d63d351a88ab196ee00a99ff8d959f600779a2b5da4ced5"
GAZETTEER_MEMBER = "skill_extractor/data/skills.json"
GAZETTEER_INDEX_URL = "https://pypi.org/simple/skill-extractor/"
# Longer names are descriptions rather than names ("8d problem-solving methodologies for ...").
GAZETTEER_MAX_WORDS = 5

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = REPO_ROOT / "Sources" / "NextYesInsights" / "Resources" / "taxonomy.tsv"

ESCO_URI = re.compile(
    r"^http://data\.europa\.eu/esco/skill/"
    r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$"
)
ONET_URI = re.compile(r"^https://www\.onetcenter\.org/dictionary/([0-9.]+)/excel/[a-z_]+\.html$")

# The CSV carries no O*NET element IDs for the 35 O*NET skills, only their names.
# These are the O*NET Content Model element IDs of the "Skills" domain (2.A basic skills,
# 2.B cross-functional skills). The build fails if a name in the data is not listed here.
ONET_SKILL_ELEMENT_IDS = {
    "Reading Comprehension": "2.A.1.a",
    "Active Listening": "2.A.1.b",
    "Writing": "2.A.1.c",
    "Speaking": "2.A.1.d",
    "Mathematics": "2.A.1.e",
    "Science": "2.A.1.f",
    "Critical Thinking": "2.A.2.a",
    "Active Learning": "2.A.2.b",
    "Learning Strategies": "2.A.2.c",
    "Monitoring": "2.A.2.d",
    "Social Perceptiveness": "2.B.1.a",
    "Coordination": "2.B.1.b",
    "Persuasion": "2.B.1.c",
    "Negotiation": "2.B.1.d",
    "Instructing": "2.B.1.e",
    "Service Orientation": "2.B.1.f",
    "Complex Problem Solving": "2.B.2.i",
    "Operations Analysis": "2.B.3.a",
    "Technology Design": "2.B.3.b",
    "Equipment Selection": "2.B.3.c",
    "Installation": "2.B.3.d",
    "Programming": "2.B.3.e",
    "Operations Monitoring": "2.B.3.g",
    "Operation and Control": "2.B.3.h",
    "Equipment Maintenance": "2.B.3.j",
    "Troubleshooting": "2.B.3.k",
    "Repairing": "2.B.3.l",
    "Quality Control Analysis": "2.B.3.m",
    "Judgment and Decision Making": "2.B.4.e",
    "Systems Analysis": "2.B.4.g",
    "Systems Evaluation": "2.B.4.h",
    "Time Management": "2.B.5.a",
    "Management of Financial Resources": "2.B.5.b",
    "Management of Material Resources": "2.B.5.c",
    "Management of Personnel Resources": "2.B.5.d",
}


class BuildError(Exception):
    pass


# --------------------------------------------------------------------------- download + verify


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify_wheel(path: Path, expected: str = WHEEL_SHA256) -> None:
    actual = sha256_file(path)
    if actual != expected:
        raise BuildError(
            f"sha256 mismatch for {path}:\n"
            f"  expected {expected}\n"
            f"  actual   {actual}\n"
            "Refusing to build from an unverified wheel. If the upstream file really changed, "
            "review the new data and licences before updating WHEEL_SHA256."
        )


def download_with_pip(dest: Path, package: str = PACKAGE, version: str = VERSION, wheel_name: str = WHEEL_NAME) -> Path:
    cmd = [
        sys.executable, "-m", "pip", "download", f"{package}=={version}",
        "--no-deps", "--only-binary=:all:", "--disable-pip-version-check", "-d", str(dest),
    ]
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wheel = dest / wheel_name
    if res.returncode != 0 or not wheel.is_file():
        raise BuildError(f"pip download failed (exit {res.returncode}):\n{res.stdout[-2000:]}")
    return wheel


class _LinkParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            for k, v in attrs:
                if k == "href" and v:
                    self.links.append(v)


def download_with_urllib(dest: Path, index: str = SIMPLE_INDEX_URL, wheel_name: str = WHEEL_NAME) -> Path:
    """Fallback: resolve the wheel URL from PyPI's simple index over https and fetch it."""
    SIMPLE_INDEX_URL, WHEEL_NAME = index, wheel_name  # noqa: N806 (the names the body uses)
    with urllib.request.urlopen(SIMPLE_INDEX_URL, timeout=120) as r:
        page = r.read().decode("utf-8", "replace")
    parser = _LinkParser()
    parser.feed(page)
    urls = [u for u in parser.links if u.split("#", 1)[0].endswith("/" + WHEEL_NAME)]
    if not urls:
        raise BuildError(f"{WHEEL_NAME} not found on {SIMPLE_INDEX_URL}")
    url = urllib.parse.urljoin(SIMPLE_INDEX_URL, urls[0].split("#", 1)[0])
    if not url.startswith("https://"):
        raise BuildError(f"refusing non-https wheel URL {url}")
    wheel = dest / WHEEL_NAME
    with urllib.request.urlopen(url, timeout=600) as r, open(wheel, "wb") as f:
        while True:
            chunk = r.read(1 << 20)
            if not chunk:
                break
            f.write(chunk)
    return wheel


def obtain_wheel(tmp: Path, local: str | None) -> Path:
    if local:
        wheel = Path(local)
        if not wheel.is_file():
            raise BuildError(f"--wheel {local}: no such file")
    else:
        try:
            wheel = download_with_pip(tmp)
        except BuildError as e:
            print(f"note: {e}\nnote: falling back to urllib over {SIMPLE_INDEX_URL}", file=sys.stderr)
            wheel = download_with_urllib(tmp)
    verify_wheel(wheel)
    return wheel


def obtain_gazetteer_wheel(tmp: Path, local: str | None) -> Path:
    if local:
        wheel = Path(local)
        if not wheel.is_file():
            raise BuildError(f"--gazetteer-wheel {local}: no such file")
    else:
        try:
            wheel = download_with_pip(tmp, GAZETTEER_PACKAGE, GAZETTEER_VERSION, GAZETTEER_WHEEL_NAME)
        except BuildError as e:
            print(f"note: {e}\nnote: falling back to urllib over {GAZETTEER_INDEX_URL}", file=sys.stderr)
            wheel = download_with_urllib(tmp, GAZETTEER_INDEX_URL, GAZETTEER_WHEEL_NAME)
    verify_wheel(wheel, GAZETTEER_WHEEL_SHA256)
    return wheel


def read_gazetteer(wheel: Path) -> tuple[list[str], str]:
    import json
    with zipfile.ZipFile(wheel) as z:
        try:
            data = z.read(GAZETTEER_MEMBER)
        except KeyError:
            raise BuildError(f"{GAZETTEER_MEMBER} not found in {wheel}")
    names = json.loads(data.decode("utf-8"))
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise BuildError(f"{GAZETTEER_MEMBER} is not a list of names")
    return names, hashlib.sha256(data).hexdigest()


def add_gazetteer(concepts: dict, names: list[str], stats: collections.Counter) -> None:
    """Names ESCO and O*NET lack become `gazetteer:<slug>` concepts; names that share a slug are
    one concept (the first name is the label, the others aliases)."""
    known = set()
    for _, label, aliases in concepts.values():
        known.add(label.casefold())
        known.update(a.casefold() for a in aliases)
    for raw in names:
        name = norm(raw)
        if not name or not any(ch.isalpha() for ch in name):
            stats["gazetteer_no_letters"] += 1
            continue
        if len(name.split()) > GAZETTEER_MAX_WORDS:
            stats["gazetteer_too_long"] += 1
            continue
        if name.casefold() in known:
            stats["gazetteer_already_known"] += 1
            continue
        s = slug(name)
        if not s:
            stats["gazetteer_no_slug"] += 1
            continue
        cid = f"gazetteer:{s}"
        known.add(name.casefold())
        if cid in concepts:
            concepts[cid][2].append(name)
            stats["gazetteer_alias"] += 1
        else:
            concepts[cid] = ("gazetteer", name, [])


# --------------------------------------------------------------------------- normalisation

_WS = re.compile(r"\s+")  # str patterns: \s covers Unicode whitespace incl. NBSP, tabs, newlines


def norm(s: str) -> str:
    """NFC, every run of (Unicode) whitespace -> one space, trimmed. Never contains TAB/LF."""
    return _WS.sub(" ", unicodedata.normalize("NFC", s)).strip()


# "5, 700 kg" -> "5,700 kg": a thousands separator that the upstream export broke apart.
_BROKEN_THOUSANDS = re.compile(r"(\d), (\d{3})\b")
_COMMA_SEP = re.compile(r",\s+")
_CONTINUATION = re.compile(r"^(and|or)\s", re.IGNORECASE)


def split_esco_aliases(cell: str, stats: collections.Counter) -> list[str]:
    """ESCO alt labels are newline-separated in most rows and ', '-separated in the rest.

    * A cell containing a newline is split on newlines only: there, commas belong to the
      label (e.g. "assemble health, safety and environment assessments").
    * Otherwise the cell is split on ', '. A fragment that starts with "and "/"or " is an
      Oxford-comma list that was cut apart ("search, browse, and filter ..."): it is glued
      back to the run of one-word fragments right before it.
    """
    if not cell.strip():
        return []
    cell = _BROKEN_THOUSANDS.sub(r"\1,\2", cell)
    if "\n" in cell:
        stats["esco_cells_newline"] += 1
        return cell.split("\n")
    stats["esco_cells_comma"] += 1
    parts = _COMMA_SEP.split(cell)
    out: list[str] = []
    for p in parts:
        if out and _CONTINUATION.match(p.strip()):
            run = [out.pop()]
            while out and len(out[-1].split()) == 1 and len(run[0].split()) == 1:
                run.insert(0, out.pop())
            out.append(", ".join(run + [p]))
            stats["esco_comma_lists_rejoined"] += 1
        else:
            out.append(p)
    return out


_SLUG_SUBST = [("+", " plus "), ("#", " sharp "), ("&", " and "), ("@", " at ")]


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    for a, b in _SLUG_SUBST:
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def clean_aliases(label: str, raw: list[str], stats: collections.Counter) -> list[str]:
    label_key = label.casefold()
    seen = {label_key}
    out = []
    for a in raw:
        a = norm(a)
        if not a:
            stats["aliases_dropped_empty"] += 1
            continue
        key = a.casefold()
        if key == label_key:
            stats["aliases_dropped_same_as_label"] += 1
            continue
        if key in seen:
            stats["aliases_dropped_duplicate"] += 1
            continue
        seen.add(key)
        out.append(a)
    return out


# --------------------------------------------------------------------------- build


def read_rows(wheel: Path) -> tuple[list[dict], str]:
    with zipfile.ZipFile(wheel) as z:
        try:
            data = z.read(CSV_MEMBER)
        except KeyError:
            raise BuildError(f"{CSV_MEMBER} not found in {wheel}")
    csv_sha = hashlib.sha256(data).hexdigest()
    text = data.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames != EXPECTED_COLUMNS:
        raise BuildError(f"unexpected CSV columns {reader.fieldnames}, expected {EXPECTED_COLUMNS}")
    return list(reader), csv_sha


def build(wheel: Path, gazetteer_wheel: Path) -> tuple[bytes, dict]:
    rows, csv_sha = read_rows(wheel)
    gazetteer_names, gazetteer_sha = read_gazetteer(gazetteer_wheel)
    stats: collections.Counter = collections.Counter()
    by_tax = collections.Counter(r["taxonomy"] for r in rows)
    unknown = set(by_tax) - set(KEEP) - EXCLUDE
    if unknown:
        raise BuildError(f"unknown taxonomy values in CSV: {sorted(unknown)} (decide keep/exclude)")

    concepts: dict[str, tuple[str, str, list[str]]] = {}
    onet_versions: set[str] = set()

    for r in rows:
        tax = r["taxonomy"]
        if tax not in KEEP:
            continue
        source = KEEP[tax]
        label = norm(r["skill_name"])
        if not label:
            raise BuildError(f"empty label in row {r['skill_id']}")
        if tax == "ESCO":
            m = ESCO_URI.match(r["original_id"].strip())
            if not m:
                raise BuildError(f"ESCO row {r['skill_id']} has unexpected original_id {r['original_id']!r}")
            cid = f"esco:{m.group(1)}"
            raw = split_esco_aliases(r["aliases"], stats)
        else:
            m = ONET_URI.match(r["original_id"].strip())
            if not m:
                raise BuildError(f"{tax} row {r['skill_id']} has unexpected original_id {r['original_id']!r}")
            onet_versions.add(m.group(1))
            if tax == "ONET_SKILL":
                eid = ONET_SKILL_ELEMENT_IDS.get(label)
                if eid is None:
                    raise BuildError(f"O*NET skill {label!r} has no pinned element ID; extend ONET_SKILL_ELEMENT_IDS")
                cid = f"onet-skill:{eid}"
            else:
                s = slug(label)
                if not s:
                    raise BuildError(f"O*NET tech name {label!r} has an empty slug")
                cid = f"onet-tech:{s}"
            # O*NET rows: the alias column is empty (skills) or repeats the name (tech).
            raw = [r["aliases"]] if r["aliases"].strip() else []
        if cid in concepts:
            raise BuildError(f"duplicate id {cid}: {concepts[cid][1]!r} vs {label!r}")
        aliases = clean_aliases(label, raw, stats)
        concepts[cid] = (source, label, aliases)

    missing_onet = set(ONET_SKILL_ELEMENT_IDS.values()) - {
        c.split(":", 1)[1] for c in concepts if c.startswith("onet-skill:")
    }
    if missing_onet:
        raise BuildError(f"pinned O*NET skills absent from data: {sorted(missing_onet)}")
    add_gazetteer(concepts, gazetteer_names, stats)

    per_source = collections.Counter(v[0] for v in concepts.values())
    aliases_per_source = collections.Counter()
    for source, _, al in concepts.values():
        aliases_per_source[source] += len(al)
    onet_version = ",".join(sorted(onet_versions)) or "unknown"

    header = [
        "# NextYes skills taxonomy -- generated by scripts/taxonomy/build-taxonomy.py; do not edit by hand.",
        "# Format: UTF-8, LF. Lines starting with '#' are comments. Every other line is one concept:",
        "#   id<TAB>source<TAB>label[<TAB>alias]...   (source: esco | onet-skill | onet-tech | gazetteer; sorted by id)",
        "# Ids: esco:<ESCO skill UUID>, onet-skill:<O*NET element ID>, onet-tech:<slug of the O*NET technology name>,",
        "#   gazetteer:<slug of the name>.",
        f"# Data: {CSV_MEMBER} from the {PACKAGE} {VERSION} wheel on PyPI (BSD-3-Clause wrapper),",
        f"#   wheel sha256 {WHEEL_SHA256}, csv sha256 {csv_sha}.",
        "#   Kept rows: ESCO, ONET_SKILL, ONET_TECH. Excluded rows: "
        + ", ".join(f"{t} {by_tax.get(t, 0)}" for t in sorted(EXCLUDE))
        + ". Filtered, normalised and reformatted by NextYes.",
        "# Licences: ESCO (c) European Union, https://esco.ec.europa.eu (this product uses the ESCO classification",
        f"#   of the European Commission); O*NET {onet_version} Database by USDOL/ETA, CC BY 4.0, modified by NextYes.",
        f"# Gazetteer: {GAZETTEER_MEMBER} from the {GAZETTEER_PACKAGE} {GAZETTEER_VERSION} wheel on PyPI (MIT, (c) 2026 Qarera),",
        f"#   wheel sha256 {GAZETTEER_WHEEL_SHA256}, json sha256 {gazetteer_sha}; names ESCO and O*NET lack, at most",
        f"#   {GAZETTEER_MAX_WORDS} words, whitespace collapsed.",
        "#   Full attribution: NOTICE at the repository root.",
        "# Counts: "
        + " ".join(f"{s}={per_source[s]}" for s in sorted(per_source))
        + f" concepts={len(concepts)} aliases={sum(aliases_per_source.values())}",
    ]
    lines = list(header)
    for cid in sorted(concepts):
        source, label, aliases = concepts[cid]
        fields = [cid, source, label, *aliases]
        for f in fields:
            if "\t" in f or "\n" in f or "\r" in f:
                raise BuildError(f"control character survived normalisation in {cid}")
        lines.append("\t".join(fields))
    out = ("\n".join(lines) + "\n").encode("utf-8")

    # ---- summary statistics
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for cid, (_, label, aliases) in concepts.items():
        for form in (label, *aliases):
            owners[form.casefold()].add(cid)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    short = sorted(k for k in owners if len(k) <= 3)
    info = {
        "rows_total": len(rows),
        "rows_by_taxonomy": dict(sorted(by_tax.items())),
        "concepts_per_source": dict(sorted(per_source.items())),
        "aliases_per_source": dict(sorted(aliases_per_source.items())),
        "concepts": len(concepts),
        "distinct_surface_forms": len(owners),
        "shared_surface_forms": len(shared),
        "short_surface_forms": short,
        "csv_sha256": csv_sha,
        "onet_version": onet_version,
        "stats": dict(sorted(stats.items())),
        "shared": shared,
    }
    return out, info


def print_summary(data: bytes, info: dict, path: Path) -> None:
    print(f"input rows: {info['rows_total']}  by taxonomy: {info['rows_by_taxonomy']}")
    print(f"kept: {', '.join(KEEP)}   excluded: {', '.join(sorted(EXCLUDE))}")
    print(f"O*NET version (from original_id URLs): {info['onet_version']}")
    for s, n in info["concepts_per_source"].items():
        print(f"  {s:<11} concepts={n:<6} aliases={info['aliases_per_source'][s]}")
    print(f"total concepts: {info['concepts']}")
    print(f"distinct surface forms (labels+aliases, case-folded): {info['distinct_surface_forms']}")
    print(f"  of which shared by >1 concept: {info['shared_surface_forms']}")
    short = info["short_surface_forms"]
    print(f"  of which length <= 3: {len(short)} (e.g. {', '.join(short[:20])})")
    print(f"normalisation: {info['stats']}")
    print(f"output: {path}")
    print(f"  size: {len(data)} bytes ({len(data) / 1e6:.2f} MB)")
    print(f"  sha256: {hashlib.sha256(data).hexdigest()}")
    print(f"input wheel sha256: {WHEEL_SHA256}  csv sha256: {info['csv_sha256']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="regenerate to a temp file and fail (exit 1) if it differs from the committed resource")
    ap.add_argument("--wheel", metavar="PATH", help="use this local laiser-1.0 wheel instead of downloading it")
    ap.add_argument("--gazetteer-wheel", metavar="PATH", help="use this local skill-extractor 0.2.0 wheel instead of downloading it")
    ap.add_argument("--output", metavar="PATH", default=str(DEFAULT_OUTPUT), help="resource path (default: %(default)s)")
    args = ap.parse_args(argv)
    output = Path(args.output)

    try:
        with tempfile.TemporaryDirectory(prefix="nextyes-taxonomy-") as tmpdir:
            tmp = Path(tmpdir)
            wheel = obtain_wheel(tmp, args.wheel)
            data, info = build(wheel, obtain_gazetteer_wheel(tmp, args.gazetteer_wheel))
            if args.check:
                fresh = tmp / "taxonomy.tsv"
                fresh.write_bytes(data)
                print_summary(data, info, fresh)
                if not output.is_file():
                    print(f"CHECK FAILED: {output} does not exist", file=sys.stderr)
                    return 1
                committed = output.read_bytes()
                if committed != data:
                    print(
                        f"CHECK FAILED: {output} differs from a fresh build\n"
                        f"  committed sha256 {hashlib.sha256(committed).hexdigest()} ({len(committed)} bytes)\n"
                        f"  fresh     sha256 {hashlib.sha256(data).hexdigest()} ({len(data)} bytes)\n"
                        "Run scripts/taxonomy/build-taxonomy.py to regenerate.",
                        file=sys.stderr,
                    )
                    return 1
                print(f"CHECK OK: {output} is byte-identical to a fresh build")
                return 0
            output.parent.mkdir(parents=True, exist_ok=True)
            part = output.with_name(output.name + ".part")
            part.write_bytes(data)
            os.replace(part, output)
            print_summary(data, info, output)
            return 0
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
