#!/usr/bin/env python3
"""Validate the job-postings evaluation set and print per-split counts.

Usage: python3 data/postings/validate.py   (exit code 1 on any error)

Checks
  * every line of dev.jsonl / dev2.jsonl / test.jsonl is a JSON object with exactly the keys
    id, format, content, url, company, role, location, city, remote, salary,
    employmentType, country, site, lang, with the right types
  * ids match dev-NN / dev2-NN / test-NN and are unique; contents are unique
  * allowed values for format, remote, employmentType; country is two capital
    letters (UK, not GB); lang is a two-letter ISO 639-1 code; site is kebab-case
  * html items are whole pages (<html>, <head>, <title>, <body>); text items are not HTML
  * every JSON-LD block parses, and at least one is a schema.org JobPosting
  * labels are "as written": company, role, salary, location and city each occur
    literally in the content, case-insensitively, after HTML entity decoding
    (tags removed, Unicode NFC, runs of whitespace - including no-break spaces -
    read as one space)
  * city is null when location is null, and location is null only for remote jobs
  * made-up addresses only: every URL (the url field and every http(s) address and
    e-mail in the content) is on a reserved .example domain (RFC 2606), apart from
    schema.org and w3.org vocabulary addresses
  * no real job board or big-company brand names in the content (a short deny list)
  * no company is shared between any two splits (compared after case-folding and
    dropping legal suffixes such as GmbH, Ltd, B.V., SAS, Inc.), and no split
    uses the fixture companies of Tests/Fixtures/postings (Northwind Traders, Contoso)
Warnings (not errors)
  * a test or dev2 item sharing a run of 12+ identical words with a dev item
    (template or paraphrase reuse across the splits)
  * a city used in both dev and test, or in both dev and dev2
  (dev2 is compared with test for companies only, and that error names ids only,
  so that whoever writes dev2 items never sees test content.)
test2.jsonl (ids t2-NNN) is an independently written held-out set. It gets the same
per-item checks; no company may be shared with another split (the error names test2 ids
only), a 12-word run shared with dev is a warning (ids only), and only its counts are
printed, after the tables above.
train.jsonl (ids train-NNN) is the training set. It gets the same per-item checks; no
company may be shared with dev, dev2, test or test2, and its overlap with them (a shared
company, the same content, or a shared run of 12 words) is reported by train id and the
other item's id only, never by content. Its counts are printed last.
"""
import collections
import html
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SPLITS = ["dev", "dev2", "test"]
HELD = ["test2"]  # independently written held-out set: checked like the others, only its counts are printed
TRAIN = ["train", "train2", "train3", "train4"]  # training sets: checked like the others, overlap with the evaluation files reported by id only
ID_FORMAT = {"test2": ("t2", 3), "train": ("train", 3), "train2": ("train2", 3), "train3": ("train3", 3), "train4": ("train4", 3)}  # id prefix and digits when they differ from <split>-NN
KEYS = ["id", "format", "content", "url", "company", "role", "location", "city",
        "remote", "salary", "employmentType", "country", "site", "lang"]
FORMATS = ["text", "html"]
REMOTE = ["remote", "hybrid", "onsite", None]
ETYPES = ["full-time", "part-time", "contract", "temporary", "internship", None]
KNOWN_COUNTRIES = ["US", "UK", "DE", "FR", "NL", "ES", "CA", "AU", "IN", "IE", "SE",
                   "IT", "CH", "BE", "PL", "NZ", "AT", "PT", "SG", "ZA", "FI", "DK", "KE",
                   "NO", "JP", "BR", "MX"]
FIXTURE_COMPANIES = ["Northwind Traders", "Contoso"]
ALLOWED_HOSTS = ("schema.org", "www.schema.org", "www.w3.org", "w3.org")
# Real job boards, ATS vendors and big brands that must not appear in the content.
# Matched case-sensitively on word boundaries.
DENY = ["LinkedIn", "Indeed", "Glassdoor", "Greenhouse", "Workday", "StepStone",
        "Welcome to the Jungle", "Naukri", "Internshala", "InfoJobs", "XING", "Xing",
        "Totaljobs", "SmartRecruiters", "Workable", "Personio", "Teamtailor", "Recruitee",
        "BambooHR", "Wellfound", "AngelList", "Monster", "Dropbox", "Google", "Microsoft",
        "Amazon", "Instagram", "YouTube", "Facebook", "TikTok", "Seek.com", "reed.co.uk",
        "Ashby", "Lever.co", "jobs.lever", "boards.greenhouse", "myworkdayjobs"]
LEGAL_SUFFIXES = r"(gmbh & co\.? kg|gmbh|ggmbh|ag|kg|ltd\.?|limited|llc|llp|inc\.?|plc|pty ltd|pty|" \
                 r"pvt\.? ltd\.?|private limited|b\.v\.|bv|n\.v\.|nv|sas|sa|s\.a\.|s\.l\.|sl|sarl|ab|co\.?|corp\.?|" \
                 r"sp\.? z o\.?o\.?|s\.r\.l\.|srl|dac)"

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def norm_ws(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def views(item):
    """Readings of the content that a label may be found in (all case-folded)."""
    c = item["content"]
    if item["format"] == "html":
        un = html.unescape(c)
        no_tags = html.unescape(re.sub(r"<[^>]+>", "", c))
        sp_tags = html.unescape(re.sub(r"<[^>]+>", " ", c))
        texts = [un, no_tags, sp_tags]
    else:
        texts = [c]
    return [norm_ws(t).casefold() for t in texts]


def occurs(label, vs):
    needle = norm_ws(label).casefold()
    return any(needle in v for v in vs)


def company_key(name):
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("&", " and ")
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"[\s,]+" + LEGAL_SUFFIXES + r"\s*$", "", s.strip())
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[^a-z0-9]+", "", s)


def visible_text(item):
    c = item["content"]
    if item["format"] == "html":
        c = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", c)
        c = html.unescape(re.sub(r"<[^>]+>", " ", c))
    return norm_ws(c)


def jsonld_blocks(content):
    return re.findall(r'(?is)<script[^>]+type=["\']application/ld\+json["\'][^>]*>(.*?)</script>', content)


def check_item(obj, where, split):
    if not isinstance(obj, dict) or set(obj) != set(KEYS):
        err(f"{where}: keys must be exactly {KEYS}")
        return False
    prefix, digits = ID_FORMAT.get(split, (split, 2))
    if not re.fullmatch(rf"{prefix}-\d{{{digits}}}", str(obj["id"])):
        err(f"{where}: bad id {obj['id']!r} (want {prefix}-{'N' * digits})")
    for k in ["content", "company", "role", "country", "site", "lang", "format"]:
        if not isinstance(obj[k], str) or not obj[k].strip():
            err(f"{where}: {k} must be a non-empty string")
            return False
    for k in ["url", "location", "city", "salary", "remote", "employmentType"]:
        if obj[k] is not None and (not isinstance(obj[k], str) or not obj[k].strip()):
            err(f"{where}: {k} must be null or a non-empty string")
            return False
    if obj["format"] not in FORMATS:
        err(f"{where}: format {obj['format']!r} not in {FORMATS}")
    if obj["remote"] not in REMOTE:
        err(f"{where}: remote {obj['remote']!r} not in {REMOTE}")
    if obj["employmentType"] not in ETYPES:
        err(f"{where}: employmentType {obj['employmentType']!r} not in {ETYPES}")
    if not re.fullmatch(r"[A-Z]{2}", obj["country"]) or obj["country"] == "GB":
        err(f"{where}: country {obj['country']!r} must be two capital letters (UK, not GB)")
    elif obj["country"] not in KNOWN_COUNTRIES:
        warn(f"{where}: country {obj['country']} is outside the usual list")
    if not re.fullmatch(r"[a-z]{2}", obj["lang"]):
        err(f"{where}: lang {obj['lang']!r} must be an ISO 639-1 code")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", obj["site"]):
        err(f"{where}: site {obj['site']!r} must be kebab-case")
    if obj["location"] is None and obj["city"] is not None:
        err(f"{where}: city without location")
    if obj["location"] is None and obj["remote"] != "remote":
        err(f"{where}: location is null only for fully remote postings")
    if obj["role"] != obj["role"].strip() or re.search(r"\((m/w/d|w/m/d|m/f/d|h/f|f/h|m/v|m/v/x)\)", obj["role"], re.I):
        err(f"{where}: role must not carry a gender marker or stray spaces: {obj['role']!r}")

    c = obj["content"]
    low = c.lower()
    if obj["format"] == "html":
        for tag in ["<html", "<head", "<title", "<body", "</html>"]:
            if tag not in low:
                err(f"{where}: html page lacks {tag}")
        for block in jsonld_blocks(c):
            try:
                data = json.loads(block)
            except json.JSONDecodeError as e:
                err(f"{where}: JSON-LD does not parse ({e})")
                continue
            if not isinstance(data, dict) or data.get("@type") != "JobPosting":
                err(f"{where}: JSON-LD block is not a JobPosting")
    else:
        if re.search(r"<(html|body|div|p|li|span)\b", low):
            err(f"{where}: text item contains HTML tags")

    vs = views(obj)
    for k in ["company", "role", "salary", "location", "city"]:
        if obj[k] is not None and not occurs(obj[k], vs):
            err(f"{where}: {k} {obj[k]!r} does not occur literally in the content")

    # made-up addresses only
    urls = re.findall(r"https?://([^/\s\"'<>)]+)", c)
    if obj["url"] is not None:
        m = re.match(r"https://([^/\s]+)", obj["url"])
        if not m:
            err(f"{where}: url must be an https address")
        else:
            urls.append(m.group(1))
    for host in urls:
        host = host.lower().split(":")[0]
        if host in ALLOWED_HOSTS:
            continue
        if not (host.endswith(".example") or host in ("example.com", "example.org", "example.net")
                or host.endswith((".example.com", ".example.org", ".example.net"))):
            err(f"{where}: address on a real-looking domain: {host}")
    for mail in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", c):
        if not mail.lower().endswith(".example"):
            err(f"{where}: e-mail on a real-looking domain: {mail}")
    for word in DENY:
        if re.search(r"(?<![\w])" + re.escape(word) + r"(?![\w])", c):
            err(f"{where}: content names a real brand or job board: {word!r}")
    for fx in FIXTURE_COMPANIES:
        if company_key(fx) == company_key(obj["company"]):
            err(f"{where}: company {obj['company']!r} is reserved for the test fixtures")
    return True


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
            if check_item(obj, where, split):
                items.append(obj)
    return items


def shingles(text, n=12):
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def table(title, rows, data):
    print(title)
    print(f"  {'':34}" + "".join(f"{s:>6}" for s in SPLITS) + f"{'all':>6}")
    for r in rows:
        ns = [data[s].get(r, 0) for s in SPLITS]
        print(f"  {str(r):34}" + "".join(f"{n:>6}" for n in ns) + f"{sum(ns):>6}")


def train_overlap(split_items, comp):
    """Errors for train companies shared with another split; notes for shared 12-word runs (ids only)."""
    notes = []
    tcomp = {}
    for it in split_items["train"] + split_items["train2"] + split_items["train3"] + split_items["train4"]:
        tcomp.setdefault(company_key(it["company"]), []).append(it["id"])
    for s in SPLITS + HELD:
        for key in sorted(set(tcomp) & set(comp[s])):
            err(f"a train company also occurs in {s}: {tcomp[key]} / {comp[s][key]}")
    sh_index = collections.defaultdict(set)
    for s in SPLITS + HELD:
        for it in split_items[s]:
            for sh in shingles(visible_text(it)):
                sh_index[sh].add(it["id"])
    for it in split_items["train"] + split_items["train2"] + split_items["train3"] + split_items["train4"]:
        hits = collections.Counter()
        for sh in shingles(visible_text(it)):
            for oid in sh_index.get(sh, ()):
                hits[oid] += 1
        if hits:
            notes.append(f"{it['id']} shares 12-word runs with " + ", ".join(f"{o} ({n})" for o, n in sorted(hits.items())))
    return notes


def main():
    split_items = {s: load(s) for s in SPLITS + HELD + TRAIN}

    ids, contents = set(), set()
    for s in SPLITS + HELD + TRAIN:
        for it in split_items[s]:
            if it["id"] in ids:
                err(f"{s}: duplicate id {it['id']}")
            ids.add(it["id"])
            if it["content"] in contents:
                err(f"{s}: {it['id']} repeats another item's content")
            contents.add(it["content"])

    comp = {s: {} for s in SPLITS + HELD}
    for s in SPLITS + HELD:
        for it in split_items[s]:
            comp[s].setdefault(company_key(it["company"]), []).append(it["id"])
    for i, a in enumerate(SPLITS):
        for b in SPLITS[i + 1:]:
            for key in sorted(set(comp[a]) & set(comp[b])):
                err(f"company shared between {a} and {b}: {comp[a][key]} / {comp[b][key]}")
    for s in SPLITS:  # test2 against every other split; only test2's ids are named
        for key in sorted(set(comp["test2"]) & set(comp[s])):
            err(f"a test2 company also occurs in {s}: {comp['test2'][key]}")
    train_notes = train_overlap(split_items, comp)

    dev_sh = {}
    for it in split_items["dev"]:
        for sh in shingles(visible_text(it)):
            dev_sh.setdefault(sh, it["id"])
    for s in ["test", "dev2", "test2"]:
        for it in split_items[s]:
            hits = {dev_sh[sh] for sh in shingles(visible_text(it)) if sh in dev_sh}
            if hits:
                warn(f"{it['id']} shares a 12-word run with {sorted(hits)}")
    cities = {s: {it["city"].casefold() for it in split_items[s] if it["city"]} for s in SPLITS}
    for s in ["test", "dev2"]:
        for c in sorted(cities["dev"] & cities[s]):
            warn(f"city {c!r} is used in both dev and {s}")

    for w in warnings:
        print("warning:", w)
    if errors:
        for e in errors:
            print("error:", e)
        print(f"{len(errors)} error(s)")
        return 1

    def count(fn):
        return {s: collections.Counter(fn(it) for it in split_items[s]) for s in SPLITS}

    def rows_of(data, order=None):
        keys = set().union(*(data[s] for s in SPLITS))
        if order:
            return [k for k in order if k in keys] + sorted(k for k in keys if k not in order)
        return sorted(keys, key=lambda k: (-sum(data[s][k] for s in SPLITS), str(k)))

    def has_ld(it):
        return it["format"] == "html" and bool(jsonld_blocks(it["content"]))

    def ld_diff(it):
        if not has_ld(it):
            return None
        out = []
        for block in jsonld_blocks(it["content"]):
            d = json.loads(block)
            if norm_ws(str(d.get("title", ""))).casefold() != norm_ws(it["role"]).casefold():
                out.append("title")
            org = (d.get("hiringOrganization") or {}).get("name", "")
            if norm_ws(org).casefold() != norm_ws(it["company"]).casefold():
                out.append("org")
        return out

    data = count(lambda it: it["format"])
    table("format", rows_of(data, FORMATS), data)
    data = count(lambda it: "html with JSON-LD" if has_ld(it) else ("html without JSON-LD" if it["format"] == "html" else "text"))
    table("JSON-LD", rows_of(data, ["text", "html with JSON-LD", "html without JSON-LD"]), data)
    data = {s: collections.Counter() for s in SPLITS}
    for s in SPLITS:
        for it in split_items[s]:
            diff = ld_diff(it)
            if diff is None:
                continue
            data[s]["JSON-LD title differs from role"] += "title" in diff
            data[s]["JSON-LD org differs from company"] += "org" in diff
    table("JSON-LD vs labels", ["JSON-LD title differs from role", "JSON-LD org differs from company"], data)
    data = count(lambda it: it["country"])
    table("country", rows_of(data, KNOWN_COUNTRIES), data)
    data = count(lambda it: it["lang"])
    table("language", rows_of(data), data)
    data = count(lambda it: it["site"])
    table("site style", rows_of(data), data)
    data = count(lambda it: str(it["remote"]).replace("None", "null"))
    table("remote", rows_of(data, ["remote", "hybrid", "onsite", "null"]), data)
    data = count(lambda it: str(it["employmentType"]).replace("None", "null"))
    table("employmentType", rows_of(data, [str(e).replace("None", "null") for e in ETYPES]), data)
    data = {s: collections.Counter() for s in SPLITS}
    for s in SPLITS:
        for it in split_items[s]:
            data[s]["items"] += 1
            data[s]["salary given"] += it["salary"] is not None
            data[s]["salary null"] += it["salary"] is None
            data[s]["location null (remote, no place)"] += it["location"] is None
            data[s]["url null"] += it["url"] is None
    table("other", ["items", "salary given", "salary null", "location null (remote, no place)", "url null"], data)

    # test2 is held out: print its counts only
    t2 = split_items["test2"]

    def t2_table(title, counter, order=None):
        print(f"test2 (held out): {title}")
        keys = [k for k in (order or []) if k in counter] + sorted((k for k in counter if k not in (order or [])),
                                                                    key=lambda k: (-counter[k], str(k)))
        for k in keys:
            print(f"  {str(k):34}{counter[k]:>6}")

    t2_table("format", collections.Counter(it["format"] for it in t2), FORMATS)
    t2_table("JSON-LD", collections.Counter("html with JSON-LD" if has_ld(it) else ("html without JSON-LD" if it["format"] == "html" else "text") for it in t2),
             ["text", "html with JSON-LD", "html without JSON-LD"])
    c = collections.Counter()
    for it in t2:
        diff = ld_diff(it)
        if diff is not None:
            c["JSON-LD title differs from role"] += "title" in diff
            c["JSON-LD org differs from company"] += "org" in diff
    t2_table("JSON-LD vs labels", c, ["JSON-LD title differs from role", "JSON-LD org differs from company"])
    t2_table("country", collections.Counter(it["country"] for it in t2), KNOWN_COUNTRIES)
    t2_table("language", collections.Counter(it["lang"] for it in t2))
    t2_table("site style", collections.Counter(it["site"] for it in t2))
    t2_table("remote", collections.Counter(str(it["remote"]).replace("None", "null") for it in t2), ["remote", "hybrid", "onsite", "null"])
    t2_table("employmentType", collections.Counter(str(it["employmentType"]).replace("None", "null") for it in t2),
             [str(e).replace("None", "null") for e in ETYPES])
    t2_table("other", collections.Counter({"items": len(t2), "salary given": sum(it["salary"] is not None for it in t2),
                                           "salary null": sum(it["salary"] is None for it in t2),
                                           "location null (remote, no place)": sum(it["location"] is None for it in t2),
                                           "url null": sum(it["url"] is None for it in t2)}),
             ["items", "salary given", "salary null", "location null (remote, no place)", "url null"])

    # train: counts, then overlap notes (ids only)
    tr = split_items["train"]

    def tr_table(title, counter, order=None):
        print(f"train: {title}")
        keys = [k for k in (order or []) if k in counter] + sorted((k for k in counter if k not in (order or [])),
                                                                    key=lambda k: (-counter[k], str(k)))
        for k in keys:
            print(f"  {str(k):34}{counter[k]:>6}")

    tr_table("format", collections.Counter(it["format"] for it in tr), FORMATS)
    tr_table("JSON-LD", collections.Counter("html with JSON-LD" if has_ld(it) else ("html without JSON-LD" if it["format"] == "html" else "text") for it in tr),
             ["text", "html with JSON-LD", "html without JSON-LD"])
    c = collections.Counter()
    for it in tr:
        diff = ld_diff(it)
        if diff is not None:
            c["JSON-LD title differs from role"] += "title" in diff
            c["JSON-LD org differs from company"] += "org" in diff
    tr_table("JSON-LD vs labels", c, ["JSON-LD title differs from role", "JSON-LD org differs from company"])
    tr_table("country", collections.Counter(it["country"] for it in tr), KNOWN_COUNTRIES)
    tr_table("language", collections.Counter(it["lang"] for it in tr))
    tr_table("site style", collections.Counter(it["site"] for it in tr))
    tr_table("remote", collections.Counter(str(it["remote"]).replace("None", "null") for it in tr), ["remote", "hybrid", "onsite", "null"])
    tr_table("employmentType", collections.Counter(str(it["employmentType"]).replace("None", "null") for it in tr),
             [str(e).replace("None", "null") for e in ETYPES])
    tr_table("other", collections.Counter({"items": len(tr), "salary given": sum(it["salary"] is not None for it in tr),
                                           "salary null": sum(it["salary"] is None for it in tr),
                                           "location null (remote, no place)": sum(it["location"] is None for it in tr),
                                           "url null": sum(it["url"] is None for it in tr)}),
             ["items", "salary given", "salary null", "location null (remote, no place)", "url null"])
    print(f"train: overlap with dev, dev2, test and test2 ({len(train_notes)} note(s); ids only)")
    for n in train_notes:
        print("  note: " + n)
    print(f"train2: {len(split_items['train2'])} items (checked like train; overlap notes above)")
    print(f"train3: {len(split_items['train3'])} items (checked like train; overlap notes above)")
    print(f"train4: {len(split_items['train4'])} items (checked like train; overlap notes above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
