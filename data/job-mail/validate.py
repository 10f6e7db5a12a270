#!/usr/bin/env python3
"""Validate the job-mail evaluation set and print per-split counts.

Usage: python3 data/job-mail/validate.py   (exit code 1 on any error)

Checks (dev2.jsonl, the second development set, and test2.jsonl, the independently written
held-out set with ids t2-NNN, get the same checks as dev and test)
  * every line of dev.jsonl / test.jsonl / dev2.jsonl is a JSON object with the keys id, eml,
    kind, company, role, category, interview, language (and optionally note)
  * ids match <split>-NNN and are unique across all files
  * only allowed kind / category / language values; category is set exactly for
    rejections; company is null only for kind "other"; interview is null or
    {"date": "YYYY-MM-DD", "time": "HH:MM" | null} and only on interview-invite /
    assessment items
  * every eml parses with Python's email package (policy=default, from the UTF-8
    bytes of the string) without defects, every text part decodes, and the
    message has From, To, Subject, Date and Message-ID (and MIME-Version when it
    has a Content-Type); Date lies in Nov 2025 - Nov 2026 and any interview date
    is after it
  * Message-IDs are unique across all files
  * no company (compared case-insensitively, legal-form suffixes removed) and no
    sender domain appears in both dev and test, and none of dev2's appears in dev
    or test
  * every e-mail address and web address in the headers and decoded text parts is
    on a reserved domain (.example, example.com/.net/.org); the only exceptions
    are the XML namespace / DOCTYPE hosts www.w3.org and schemas.microsoft.com that
    mail-client HTML carries
  * no company and no sender domain of test2 appears in dev, test or dev2 (errors name test2
    ids only, so whoever writes test2 never sees another split's content)
Prints the count tables (Markdown) that README.md quotes, then dev2's counts, then test2's
counts (test2 is held out: only counts are printed, never its content).

train.jsonl (the training set, ids train-NNN) gets the same per-item checks. Its
Message-IDs must be unique across all files, and every kind and rejection category
must occur in it (the half-no-reason-given rule does not apply: it stresses stated
reasons on purpose). It may also use language "sv". Its overlap with the other files
is reported by id only, never by content: an identical decoded text is an error; a
shared run of 12 words, a shared company or a shared sender domain is listed as a note.
Its counts are printed after dev2's.
"""
import collections
import datetime
import email
import json
import os
import re
import sys
from email import policy
from email.utils import parsedate_to_datetime, getaddresses

HERE = os.path.dirname(os.path.abspath(__file__))
SPLITS = ["dev", "test"]
EXTRA = ["dev2"]  # second development set, checked like the others but kept out of the dev/test tables
HELD = ["test2"]  # independently written held-out set; checked like the others, only its counts are printed
PREFIX = {"test2": "t2"}  # id prefix when it differs from the file name
TRAIN = ["train", "train2", "train3", "train4", "train5"]  # training sets, checked like the others; overlap with the other files reported by id only
KINDS = ["rejection", "acknowledgement", "interview-invite", "assessment", "offer", "other"]
CATEGORIES = ["no-reason-given", "skills-gap", "experience-level", "interview-performance",
              "application-materials", "culture-fit", "salary-mismatch", "location",
              "internal-candidate", "more-experienced-candidate", "position-filled",
              "hiring-freeze", "budget", "role-on-hold", "role-changed", "timing", "other"]
LANGUAGES = ["en", "de", "fr", "es", "nl", "it", "pt", "sv"]  # "sv" is used by the later sets
REQUIRED = ["id", "eml", "kind", "company", "role", "category", "interview", "language"]
OPTIONAL = ["note"]
SUFFIX = re.compile(r"[\s,]+(inc\.?|ltd\.?|limited|llc|llp|plc|gmbh|ggmbh|ag|s\.a\.|s\.l\.|b\.v\.|s\.p\.a\.|"
                    r"s\.r\.l\.|lda\.|sarl|sas|ab|partg mbb)$", re.I)
RESERVED = re.compile(r"(\.example|(^|\.)example\.(com|net|org))$")
NAMESPACE_HOSTS = {"www.w3.org", "schemas.microsoft.com"}
EARLIEST = datetime.datetime(2025, 11, 1, tzinfo=datetime.timezone.utc)
LATEST = datetime.datetime(2026, 12, 1, tzinfo=datetime.timezone.utc)

errors = []


def err(msg):
    errors.append(msg)


def norm_company(name):
    n = re.sub(r"\s+", " ", name.strip().casefold())
    while True:
        m = SUFFIX.sub("", n)
        if m == n:
            return n
        n = m


def hosts_in(msg):
    """Domains of e-mail and web addresses in the headers and decoded text parts."""
    texts = [str(v) for _, v in msg.items()]
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            try:
                content = part.get_content()
            except Exception:
                continue
            if part.get_content_type() == "text/calendar":
                content = re.sub(r"\r?\n[ \t]", "", content)  # unfold iCalendar lines
            texts.append(content)
        elif part.get_content_type() == "message/rfc822":
            inner = part.get_content()
            texts.extend(str(v) for _, v in inner.items())
            for p in inner.walk():
                if p.get_content_maintype() == "text":
                    texts.append(p.get_content())
    text = "\n".join(texts)
    found = re.findall(r"@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)", text)
    found += re.findall(r"(?:https?|mailto):/{0,2}(?:[^@/\s\"'<>]*@)?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)", text)
    return {h.lower().rstrip(".") for h in found}


def parse_eml(where, raw):
    """Return (message, features) or (None, None)."""
    try:
        msg = email.message_from_bytes(raw.encode("utf-8"), policy=policy.default)
    except Exception as e:  # pragma: no cover - the parser is very lenient
        err(f"{where}: eml does not parse ({e})")
        return None, None
    feats = set()
    for part in msg.walk():
        if part.defects:
            err(f"{where}: MIME defects {[type(d).__name__ for d in part.defects]}")
        ctype = part.get_content_type()
        cte = (part.get("Content-Transfer-Encoding") or "").lower()
        if part.get_content_maintype() == "text":
            try:
                part.get_content()
            except Exception as e:
                err(f"{where}: text part {ctype} does not decode ({e})")
            cs = (part.get_content_charset() or "us-ascii").lower()
            feats.add(f"charset {cs}")
        if cte == "quoted-printable":
            feats.add("quoted-printable part")
        if cte == "base64" and part.get_content_maintype() == "text":
            feats.add("base64 text part")
        if ctype == "multipart/alternative":
            feats.add("multipart/alternative")
        if ctype == "text/calendar" or ctype == "application/ics":
            feats.add("calendar part")
        if ctype == "application/pdf":
            feats.add("PDF attachment")
        if ctype == "message/rfc822":
            feats.add("attached message/rfc822")
    if msg.get_content_type() == "text/html":
        feats.add("HTML only")
    if msg.get_content_type() == "text/plain":
        feats.add("single text/plain")
    head = raw.split("\n\n", 1)[0] if "\n\n" in raw else raw.split("\r\n\r\n", 1)[0]
    if re.search(r"=\?[^?]+\?[bB]\?", head):
        feats.add("RFC 2047 B-encoded header")
    if re.search(r"=\?[^?]+\?[qQ]\?", head):
        feats.add("RFC 2047 Q-encoded header")
    if "\r\n" in raw:
        feats.add("CRLF line endings")
    for host in sorted(hosts_in(msg)):
        if not RESERVED.search(host) and host not in NAMESPACE_HOSTS:
            err(f"{where}: non-reserved domain {host}")
    for h in ("From", "To", "Subject", "Date", "Message-ID"):
        if msg[h] is None:
            err(f"{where}: missing {h} header")
    if msg["Content-Type"] is not None and msg["MIME-Version"] is None:
        err(f"{where}: Content-Type without MIME-Version")
    return msg, feats


def load(split):
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
            if not isinstance(obj, dict):
                err(f"{where}: not a JSON object")
                continue
            missing = [k for k in REQUIRED if k not in obj]
            extra = [k for k in obj if k not in REQUIRED + OPTIONAL]
            if missing or extra:
                err(f"{where}: missing keys {missing} / unknown keys {extra}")
                continue
            where = f"{split}.jsonl:{n} ({obj['id']})"
            if not re.fullmatch(rf"{PREFIX.get(split, split)}-\d{{3}}", str(obj["id"])):
                err(f"{where}: bad id {obj['id']!r}")
            if not isinstance(obj["eml"], str) or not obj["eml"].strip():
                err(f"{where}: empty eml")
                continue
            kind, cat = obj["kind"], obj["category"]
            if kind not in KINDS:
                err(f"{where}: unknown kind {kind!r}")
            if obj["language"] not in LANGUAGES:
                err(f"{where}: unknown language {obj['language']!r}")
            if kind == "rejection":
                if cat not in CATEGORIES:
                    err(f"{where}: rejection needs a category from the list, got {cat!r}")
            elif cat is not None:
                err(f"{where}: category must be null for kind {kind}")
            for k in ("company", "role"):
                v = obj[k]
                if v is not None and (not isinstance(v, str) or not v.strip()):
                    err(f"{where}: {k} must be a non-empty string or null")
            if obj["company"] is None and kind != "other":
                err(f"{where}: company may be null only for kind other")
            if "note" in obj and (not isinstance(obj["note"], str) or not obj["note"].strip()):
                err(f"{where}: note must be a non-empty string when present")
            iv = obj["interview"]
            if iv is not None:
                if kind not in ("interview-invite", "assessment"):
                    err(f"{where}: interview set on kind {kind}")
                if not isinstance(iv, dict) or set(iv) != {"date", "time"}:
                    err(f"{where}: interview must be {{date, time}}")
                else:
                    try:
                        datetime.date.fromisoformat(iv["date"])
                        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iv["date"]):
                            raise ValueError
                    except (TypeError, ValueError):
                        err(f"{where}: bad interview date {iv['date']!r}")
                    if iv["time"] is not None and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", str(iv["time"])):
                        err(f"{where}: bad interview time {iv['time']!r}")
            msg, feats = parse_eml(where, obj["eml"])
            obj["_msg"], obj["_feats"], obj["_where"] = msg, feats or set(), where
            if msg is not None and msg["Date"] is not None:
                try:
                    dt = parsedate_to_datetime(str(msg["Date"]))
                except (TypeError, ValueError):
                    dt = None
                if dt is None or dt.tzinfo is None:
                    err(f"{where}: Date header not parseable with a zone")
                else:
                    if not (EARLIEST <= dt < LATEST):
                        err(f"{where}: Date {dt} outside Nov 2025 - Nov 2026")
                    if iv and isinstance(iv, dict):
                        try:
                            if datetime.date.fromisoformat(iv["date"]) <= dt.date():
                                err(f"{where}: interview date not after the mail's Date")
                        except (TypeError, ValueError):
                            pass
            items.append(obj)
    return items


def sender_domains(msg):
    out = set()
    for _, addr in getaddresses([str(msg["From"] or "")]):
        if "@" in addr:
            out.add(addr.rsplit("@", 1)[1].lower())
    return out


def table(title, keys, counts, label=None):
    print(f"\n**{title}**\n")
    print(f"| {label or title.lower()} | dev | test | total |")
    print("|---|---:|---:|---:|")
    for k in keys:
        d, t = counts["dev"][k], counts["test"][k]
        print(f"| {k} | {d} | {t} | {d + t} |")
    d, t = sum(counts["dev"][k] for k in keys), sum(counts["test"][k] for k in keys)
    print(f"| **total** | {d} | {t} | {d + t} |")


def plain_text(msg):
    """The decoded text parts of a message (HTML without tags), for the overlap check."""
    out = []
    for part in msg.walk():
        if part.get_content_maintype() == "text" and part.get_content_type() != "text/calendar":
            try:
                c = part.get_content()
            except Exception:
                continue
            if part.get_content_type() == "text/html":
                c = re.sub(r"(?is)<(style|script)[^>]*>.*?</\1>", " ", c)
                c = re.sub(r"<[^>]+>", " ", c)
            out.append(c)
    return " ".join(out)


def shingles(text, n=12):
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def check_train(data, name="train"):
    """Counts of a training file, and its overlap with the evaluation files, named by id only."""
    train = data[name]
    kinds = collections.Counter(i["kind"] for i in train)
    cats = collections.Counter(i["category"] for i in train if i["kind"] == "rejection")
    langs = collections.Counter(i["language"] for i in train)
    lang_kind = collections.Counter(f"{i['language']} {i['kind']}" for i in train if i["language"] != "en")
    feats = collections.Counter()
    other = collections.Counter()
    for i in train:
        feats.update(i["_feats"])
        if i["interview"]:
            other["interview with date and time" if i["interview"]["time"] else "interview with date only"] += 1
        elif i["kind"] in ("interview-invite", "assessment"):
            other[f"{i['kind']} without a date"] += 1
        if i["kind"] == "other":
            other["other with a company" if i["company"] else "other without a company"] += 1
        if i["role"] is None:
            other["role null"] += 1
        if "note" in i:
            other["with a note"] += 1
    for title, label, keys, counts in (("Kinds", "kind", KINDS, kinds), ("Rejection categories", "category", CATEGORIES, cats),
                                       ("Languages", "language", LANGUAGES, langs),
                                       ("Non-English items by kind", "language / kind", sorted(lang_kind), lang_kind),
                                       ("Other counts", "", ["interview with date and time", "interview with date only",
                                                             "interview-invite without a date", "assessment without a date",
                                                             "other with a company", "other without a company", "role null",
                                                             "with a note"], other),
                                       ("MIME features (items with at least one)", "feature", sorted(feats), feats)):
        print(f"\n**{name}: {title}**\n")
        print(f"| {label} | {name} |")
        print("|---|---:|")
        for k in keys:
            print(f"| {k} | {counts[k]} |")
        if title in ("Kinds", "Rejection categories", "Languages"):
            print(f"| **total** | {sum(counts[k] for k in keys)} |")
    for k in KINDS:
        if kinds[k] == 0:
            err(f"kind {k} missing from {name}")
    for c in CATEGORIES:
        if cats[c] == 0 and name == "train":
            err(f"category {c} missing from train")

    # Overlap with the evaluation files, by id only (test content is never printed).
    notes = []
    held = {}
    for s in SPLITS + EXTRA + HELD:
        for it in data[s]:
            if it["_msg"] is not None:
                held[it["id"]] = it
    sig = {}
    sh_index = collections.defaultdict(set)
    for oid, it in held.items():
        text = plain_text(it["_msg"])
        sig[re.sub(r"\W+", " ", text.casefold()).strip()] = oid
        for sh in shingles(text):
            sh_index[sh].add(oid)
    comp = collections.defaultdict(set)
    doms = collections.defaultdict(set)
    for oid, it in held.items():
        if it["company"]:
            comp[norm_company(it["company"])].add(oid)
        for d in sender_domains(it["_msg"]):
            doms[d].add(oid)
    for it in train:
        if it["_msg"] is None:
            continue
        text = plain_text(it["_msg"])
        key = re.sub(r"\W+", " ", text.casefold()).strip()
        if key in sig:
            err(f"{it['id']}: same decoded text as {sig[key]}")
        hits = collections.Counter()
        for sh in shingles(text):
            for oid in sh_index.get(sh, ()):
                hits[oid] += 1
        if hits:
            notes.append(f"{it['id']} shares 12-word runs with " + ", ".join(f"{o} ({n})" for o, n in sorted(hits.items())))
        if it["company"] and norm_company(it["company"]) in comp:
            notes.append(f"{it['id']} shares its company with " + ", ".join(sorted(comp[norm_company(it['company'])])[:5]))
        for d in sender_domains(it["_msg"]):
            if d in doms:
                notes.append(f"{it['id']} shares its sender domain with " + ", ".join(sorted(doms[d])[:5]))
    print(f"\n**{name}: overlap with dev, dev2, test and test2** ({len(notes)} note(s); ids only)\n")
    for n in notes:
        print("  note: " + n)


def main():
    data = {s: load(s) for s in SPLITS + EXTRA + HELD + TRAIN}
    every = [it for s in SPLITS + EXTRA + HELD + TRAIN for it in data[s]]

    for k, v in collections.Counter(i["id"] for i in every).items():
        if v > 1:
            err(f"duplicate id {k}")
    mids = collections.defaultdict(list)
    for it in every:
        if it["_msg"] is not None and it["_msg"]["Message-ID"] is not None:
            mids[str(it["_msg"]["Message-ID"]).strip()].append(it["id"])
    for mid, ids in mids.items():
        if len(ids) > 1:
            err(f"duplicate Message-ID {mid} in {ids}")

    comp = {s: collections.defaultdict(set) for s in SPLITS + EXTRA + HELD}
    doms = {s: collections.defaultdict(set) for s in SPLITS + EXTRA + HELD}
    for s in SPLITS + EXTRA + HELD:
        for it in data[s]:
            if it["company"]:
                comp[s][norm_company(it["company"])].add(it["id"])
            if it["_msg"] is not None:
                for d in sender_domains(it["_msg"]):
                    doms[s][d].add(it["id"])
    for c in sorted(set(comp["dev"]) & set(comp["test"])):
        err(f"company shared by dev and test: {c!r} ({sorted(comp['dev'][c])[:3]} / {sorted(comp['test'][c])[:3]})")
    for d in sorted(set(doms["dev"]) & set(doms["test"])):
        err(f"sender domain shared by dev and test: {d} ({sorted(doms['dev'][d])[:3]} / {sorted(doms['test'][d])[:3]})")
    for other_split in SPLITS:  # dev2 must be disjoint from both; only dev2's ids are named
        for c in sorted(set(comp["dev2"]) & set(comp[other_split])):
            err(f"company shared by dev2 and {other_split}: {c!r} ({sorted(comp['dev2'][c])[:3]})")
        for d in sorted(set(doms["dev2"]) & set(doms[other_split])):
            err(f"sender domain shared by dev2 and {other_split}: {d} ({sorted(doms['dev2'][d])[:3]})")
    for other_split in SPLITS + EXTRA:  # test2 must be disjoint from all; only test2's ids are named
        for c in sorted(set(comp["test2"]) & set(comp[other_split])):
            err(f"a test2 company also occurs in {other_split} ({sorted(comp['test2'][c])[:3]})")
        for d in sorted(set(doms["test2"]) & set(doms[other_split])):
            err(f"a test2 sender domain also occurs in {other_split} ({sorted(doms['test2'][d])[:3]})")

    kinds = {s: collections.Counter(i["kind"] for i in data[s]) for s in SPLITS}
    cats = {s: collections.Counter(i["category"] for i in data[s] if i["kind"] == "rejection") for s in SPLITS}
    langs = {s: collections.Counter(i["language"] for i in data[s]) for s in SPLITS}
    lang_kind = {s: collections.Counter(f"{i['language']} {i['kind']}" for i in data[s]) for s in SPLITS}
    other = {s: collections.Counter() for s in SPLITS}
    feats = {s: collections.Counter() for s in SPLITS}
    for s in SPLITS:
        for i in data[s]:
            feats[s].update(i["_feats"])
            if i["interview"]:
                other[s]["interview with date and time" if i["interview"]["time"] else "interview with date only"] += 1
            elif i["kind"] in ("interview-invite", "assessment"):
                other[s][f"{i['kind']} without a date"] += 1
            if i["kind"] == "other":
                other[s]["other with a company" if i["company"] else "other without a company"] += 1
            if i["role"] is None:
                other[s]["role null"] += 1
            if "note" in i:
                other[s]["with a note"] += 1

    table("Kinds", KINDS, kinds, "kind")
    table("Rejection categories", CATEGORIES, cats, "category")
    table("Languages", LANGUAGES, langs, "language")
    lk = sorted({k for s in SPLITS for k in lang_kind[s] if not k.startswith("en ")})
    print("\n**Non-English items by kind**\n")
    print("| language / kind | dev | test |")
    print("|---|---:|---:|")
    for k in lk:
        print(f"| {k} | {lang_kind['dev'][k]} | {lang_kind['test'][k]} |")
    print("\n**Other counts**\n")
    print("| | dev | test |")
    print("|---|---:|---:|")
    for k in ["interview with date and time", "interview with date only", "interview-invite without a date",
              "assessment without a date", "other with a company", "other without a company", "role null",
              "with a note"]:
        print(f"| {k} | {other['dev'][k]} | {other['test'][k]} |")
    print("\n**MIME features (items with at least one)**\n")
    print("| feature | dev | test |")
    print("|---|---:|---:|")
    for k in sorted(set(feats["dev"]) | set(feats["test"])):
        print(f"| {k} | {feats['dev'][k]} | {feats['test'][k]} |")

    d2 = data["dev2"]
    d2_kinds = collections.Counter(i["kind"] for i in d2)
    d2_cats = collections.Counter(i["category"] for i in d2 if i["kind"] == "rejection")
    d2_langs = collections.Counter(i["language"] for i in d2)
    for title, label, keys, counts in (("Kinds", "kind", KINDS, d2_kinds), ("Rejection categories", "category", CATEGORIES, d2_cats),
                                       ("Languages", "language", LANGUAGES, d2_langs)):
        print(f"\n**dev2: {title}**\n")
        print(f"| {label} | dev2 |")
        print("|---|---:|")
        for k in keys:
            print(f"| {k} | {counts[k]} |")
        print(f"| **total** | {sum(counts[k] for k in keys)} |")
    kinds["dev2"], cats["dev2"] = d2_kinds, d2_cats

    t2 = data["test2"]
    t2_kinds = collections.Counter(i["kind"] for i in t2)
    t2_cats = collections.Counter(i["category"] for i in t2 if i["kind"] == "rejection")
    t2_langs = collections.Counter(i["language"] for i in t2)
    for title, label, keys, counts in (("Kinds", "kind", KINDS, t2_kinds), ("Rejection categories", "category", CATEGORIES, t2_cats),
                                       ("Languages", "language", LANGUAGES, t2_langs)):
        print(f"\n**test2 (held out): {title}**\n")
        print(f"| {label} | test2 |")
        print("|---|---:|")
        for k in keys:
            print(f"| {k} | {counts[k]} |")
        print(f"| **total** | {sum(counts[k] for k in keys)} |")
    kinds["test2"], cats["test2"] = t2_kinds, t2_cats

    # stratification: every kind and every rejection category in every split
    for s in SPLITS + EXTRA + HELD:
        for k in KINDS:
            if kinds[s][k] == 0:
                err(f"kind {k} missing from {s}")
        for c in CATEGORIES:
            if cats[s][c] == 0:
                err(f"category {c} missing from {s}")
        rej = kinds[s]["rejection"]
        if rej and cats[s]["no-reason-given"] * 2 < rej:
            err(f"{s}: fewer than half of the rejections are no-reason-given")

    check_train(data)
    check_train(data, "train2")
    check_train(data, "train3")
    check_train(data, "train4")
    check_train(data, "train5")

    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print(f"\nOK: {len(every)} items ({len(data['dev'])} dev, {len(data['test'])} test, {len(data['dev2'])} dev2, "
          f"{len(data['test2'])} test2, {len(data['train'])} train, {len(data['train2'])} train2, {len(data['train3'])} train3, "
          f"{len(data['train4'])} train4, {len(data['train5'])} train5), "
          f"{len(mids)} unique Message-IDs")


if __name__ == "__main__":
    main()
