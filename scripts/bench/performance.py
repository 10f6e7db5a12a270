#!/usr/bin/env python3
"""Performance: NextYes pages, reports and start-up against baselines measured in the same run.

The machine is shared and noisy, so every target is a ratio to a baseline taken in the same run,
and every figure is a median of several runs.

1. Database. A spreadsheet-style CSV of --apps applications (default 10,000: varied statuses,
   dates over the last ~18 months up to today, sources, notes, a job description) is generated and
   imported with `nextyes import`. Richer data is then added through the CLI, so the pages have
   something to show: journal entries, employer feedback on rejected applications, contacts (half
   with a logged conversation), wins, interview rounds (some upcoming), STAR stories, profile
   skills and two accepted plan goals with logged hours.
2. Baseline A: `sqlite3 DB .dump > /dev/null`, median of --runs (default 5).
3. Pages. `nextyes serve` on a free port, signed in with the printed login link; each main page
   is fetched once to warm up, then --runs times. Target: median time < the dump, size < 300 KB
   (1 KB = 1024 bytes). A page that answers 404 is reported as missing, not counted.
4. CLI. `nextyes insights --json` (target ≤ 2× the dump) and `nextyes report --format json`
   (target ≤ 5× the dump), median of --cli-runs (default 3).
5. Throughput. On the sample data (`nextyes demo` in a fresh database) `wrk` runs for
   --wrk-seconds (default 5) with 2 threads and 8 connections against the static stylesheet (the
   <link rel="stylesheet"> of the dashboard, fetched without a cookie) and against /, /insights
   and /report (with the session cookie as a header). Target: each page's requests/s ≥ 10% of the
   stylesheet's.
6. Start-up. `nextyes skills extract` reading "Built SQL dashboards in Tableau for stakeholders"
   on standard input against `nextyes --version`, median of --startup-runs (default 10) each, with
   hyperfine when it is installed. Target: ratio ≤ 1.5.
7. With --large only: 10,000 and --large-apps (default 100,000) applications each imported into a
   fresh database, then `nextyes list` and `nextyes report --format json` on it, with wall time and
   peak resident memory (maxrss from wait4(2), the figure /usr/bin/time -v prints). Bounded
   memory: for each command the large peak is ≤ 3× the 10,000 peak (not ~10×).

Tables are printed on standard output as Markdown; progress goes to standard error. --json PATH
writes every raw number. Exit code: 0 when every target passed, 1 when one failed, 2 when the
run could not be done (binary missing, interrupted...).

Usage:
  scripts/bench/performance.py                               # release build, about 2 minutes
  scripts/bench/performance.py --quick                       # 2,000 applications, 3 runs, 2 s wrk
  scripts/bench/performance.py --large --json perf.json      # plus the 100,000-row memory check
  scripts/bench/performance.py --binary .build/debug/nextyes --quick

Needs the nextyes binary (default .build/release/nextyes; build it with
`swift build -c release --product nextyes`) and sqlite3. wrk is needed for section 5 and
hyperfine is used for section 6 when present: apt-get install -y sqlite3 wrk hyperfine.
Standard library only. Temporary files go in a temporary folder that is removed at the end
(--keep keeps it); servers are stopped on exit, Ctrl-C included.
"""
import argparse
import atexit
import csv
import datetime
import http.client
import json
import os
import random
import re
import shlex
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_BINARY = os.path.join(ROOT, ".build", "release", "nextyes")
LOGIN_LINK = re.compile(r"http://127\.0\.0\.1:\d+/\?token=[0-9A-Za-z]+")
PAGES = ["/", "/applications", "/agenda", "/insights", "/report", "/journal", "/wins", "/contacts",
         "/skills", "/plan", "/progress", "/stories", "/profile"]
WRK_PAGES = ["/", "/insights", "/report"]
PAGE_SIZE_LIMIT = 300 * 1024
INSIGHTS_TARGET = 2.0
REPORT_TARGET = 5.0
WRK_TARGET = 0.10
STARTUP_TARGET = 1.5
MEMORY_RATIO_TARGET = 3.0
SKILLS_TEXT = "Built SQL dashboards in Tableau for stakeholders"
INSTALL_HINT = "install it with: apt-get update && apt-get install -y wrk hyperfine"

STATUSES = (["Applied"] * 5 + ["Phone screen"] * 2 + ["Interview"] * 2 + ["Rejected"] * 5
            + ["Ghosted"] * 3 + ["Offer", "Withdrawn", "Saved"])
SOURCES = ["LinkedIn", "Company website", "Referral", "Recruiter", "Indeed", "Meetup"]
ROLES = ["Data Analyst", "BI Developer", "Product Analyst, Growth", "Analytics Engineer", "Junior Data Scientist"]
LOCATIONS = ["London", "Remote", "Leeds, UK", "Manchester", "Bristol (hybrid)"]
WORDS = ("data analysis sql python tableau dashboards stakeholders reporting experimentation communication "
         "teamwork excel power bi dbt airflow statistics storytelling forecasting etl looker").split()
NOTES = ["", "", "Tailored CV, \"v3\"", "Referral from Sam; follow up Friday", "Cover letter mentions the NHS project",
         "Salary range not listed, ask recruiter", ""]
JOURNAL_TEXTS = [
    "Sent two applications and went for a walk afterwards.",
    "Another no today. Tired, but I rewrote my CV summary.",
    "Phone screen went better than I expected; they liked the dashboard project.",
    "Quiet week. Spent an hour on SQL window functions.",
    "Coffee with a former colleague, who offered to refer me.",
    "Felt flat after the rejection, so I made a list of what went well.",
    "Practised two STAR stories out loud. The second one needs a clearer result.",
    "Finished the Tableau course module and posted the dashboard.",
]
EMOTIONS = ["hopeful", "tired", "anxious", "proud", "frustrated", "calm", "relieved", "disappointed"]
FEEDBACK_TEXTS = [
    "Strong SQL, but your answers lacked structure.",
    "We went with a candidate who had more stakeholder management experience.",
    "Great portfolio. The case study presentation ran long and missed the business question.",
    "Technical test was solid; we need someone with more Python for this role.",
    "Thank you for your time. We have decided to move forward with other candidates.",
    "You communicated clearly, but we wanted deeper experience with experimentation.",
]
FIRST_NAMES = ["Sam", "Priya", "Alex", "Jordan", "Chen", "Fatima", "Tom", "Maria", "Oluwaseun", "Aoife"]
LAST_NAMES = ["Lee", "Patel", "Smith", "Okafor", "Nguyen", "Garcia", "Brown", "Kowalski", "Murphy", "Haddad"]
CONTACT_ROLES = ["recruiter", "hiring-manager", "interviewer", "referrer", "mentor", "coach", "peer"]
CONTACT_KINDS = ["informational-interview", "coffee-chat", "referral-ask", "follow-up", "call", "message"]
WIN_TITLES = ["Finished my portfolio site", "Published a Tableau dashboard", "Got a referral", "Ran my first meetup talk",
              "Completed the SQL course", "Rewrote my CV", "Reached out to five people this week"]
INTERVIEW_TYPES = ["phone-screen", "video", "onsite", "technical", "behavioural", "panel", "case-study"]
STORY_THEMES = ["technical-skills", "communication", "problem-solving", "teamwork", "adaptability", "leadership"]
STORY_SKILLS = ["SQL", "Tableau", "Python", "Excel", "Stakeholder management", "Power BI"]


class BenchError(Exception):
    """A step that could not be done: reported, and the section counts as failed."""


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def short(text, limit=300):
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit] + "…"


def fmt_s(seconds):
    if seconds is None:
        return "–"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def fmt_bytes(n):
    if n is None:
        return "–"
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.2f} MB"


def fmt_ratio(r):
    return "–" if r is None else f"{r:.2f}×"


def verdict(ok):
    return "PASS" if ok else "FAIL"


def table(headers, rows):
    print("| " + " | ".join(headers) + " |")
    print("|" + "|".join("---" for _ in headers) + "|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    print(flush=True)


# MARK: Child processes, measured and cleaned up

CHILDREN = set()
CHILDREN_LOCK = threading.Lock()


class Measured:
    def __init__(self, seconds, returncode, maxrss_kb, cpu, stderr, stdout_bytes):
        self.seconds, self.returncode, self.maxrss_kb = seconds, returncode, maxrss_kb
        self.cpu, self.stderr, self.stdout_bytes = cpu, stderr, stdout_bytes


def run_measured(command, folder, stdin_path=None, stdout_path=None, timeout=1800):
    """Runs a command; wall time, exit code and its own peak RSS and CPU time from wait4(2)."""
    err_path = os.path.join(folder, "last-command.err")
    out_path = stdout_path or os.devnull
    with open(stdin_path or os.devnull, "rb") as stdin, open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdin=stdin, stdout=out, stderr=err)
        with CHILDREN_LOCK:
            CHILDREN.add(proc)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        reaped = False
        try:
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - started
            reaped = True
        finally:
            timer.cancel()
            if not reaped:  # interrupted: don't leave the command running
                proc.kill()
                proc.wait()
            with CHILDREN_LOCK:
                CHILDREN.discard(proc)
        proc.returncode = os.waitstatus_to_exitcode(status)
    with open(err_path, errors="replace") as f:
        stderr = f.read()
    stdout_bytes = os.path.getsize(stdout_path) if stdout_path else None
    return Measured(seconds, proc.returncode, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, stderr, stdout_bytes)


def run_checked(command, folder, what, **kwargs):
    result = run_measured(command, folder, **kwargs)
    if result.returncode != 0:
        raise BenchError(f"{what} failed (exit {result.returncode}): {short(result.stderr)}")
    return result


def median_of(command, folder, runs, what, **kwargs):
    """Median wall time of `runs` runs (each must succeed); returns (median, samples, last result)."""
    samples, last = [], None
    for _ in range(runs):
        last = run_checked(command, folder, what, **kwargs)
        samples.append(last.seconds)
    return statistics.median(samples), samples, last


def stop_children():
    with CHILDREN_LOCK:
        children = list(CHILDREN)
    for proc in children:
        if proc.poll() is None:
            proc.kill()


# MARK: The server

SERVERS = []


class Server:
    def __init__(self, binary, db, folder, name):
        self.binary, self.db, self.folder, self.name = binary, db, folder, name
        self.proc = None
        self.host = self.port = self.base = self.link = None
        self.cookie = None
        self.conn = None
        self.err_path = os.path.join(folder, f"{name}-serve.err")

    def start(self):
        out_path = os.path.join(self.folder, f"{self.name}-serve.out")
        command = [self.binary, "serve", "--host", "127.0.0.1", "--port", "0", "--database", self.db]
        with open(out_path, "w") as out, open(self.err_path, "w") as err:
            self.proc = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        SERVERS.append(self)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with open(out_path, errors="replace") as f:
                match = LOGIN_LINK.search(f.read())
            if match:
                self.link = match.group(0)
                parsed = urllib.parse.urlsplit(self.link)
                self.host, self.port = parsed.hostname, parsed.port
                self.base = f"http://{self.host}:{self.port}"
                return self
            if self.proc.poll() is not None:
                raise BenchError(f"nextyes serve exited with {self.proc.returncode}: {short(self.server_log())}")
            time.sleep(0.05)
        raise BenchError("nextyes serve printed no login link within 120 s")

    def server_log(self, last=2000):
        try:
            with open(self.err_path, errors="replace") as f:
                return f.read()[-last:]
        except OSError:
            return ""

    def request(self, path, cookie=True, timeout=300):
        """GET over a kept-alive connection; returns (status, headers, body, seconds)."""
        headers = {"Cookie": self.cookie} if cookie and self.cookie else {}
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
            try:
                started = time.perf_counter()
                self.conn.request("GET", path, headers=headers)
                response = self.conn.getresponse()
                body = response.read()
                seconds = time.perf_counter() - started
                if response.will_close:
                    self.conn.close()
                    self.conn = None
                return response.status, response.headers, body, seconds
            except (OSError, http.client.HTTPException) as error:
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
                if attempt == 2 or self.proc.poll() is not None:
                    raise BenchError(f"GET {path}: {type(error).__name__}: {error}; server log: {short(self.server_log(600))}")

    def sign_in(self):
        token_path = self.link[len(self.base):]
        status, headers, _, _ = self.request(token_path, cookie=False)
        cookies = []
        for header in headers.get_all("Set-Cookie") or []:
            cookies.append(header.split(";", 1)[0].strip())
        if status not in (200, 302, 303) or not cookies:
            raise BenchError(f"the login link answered {status} without a session cookie")
        self.cookie = "; ".join(cookies)
        status, headers, body, _ = self.request("/")
        if status != 200:
            raise BenchError(f"the dashboard answered {status} after signing in (Location: {headers.get('Location')})")
        return body.decode("utf-8", "replace")

    def stop(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def stop_servers():
    for server in SERVERS:
        try:
            server.stop()
        except Exception:  # noqa: BLE001 - cleanup must go on
            if server.proc and server.proc.poll() is None:
                server.proc.kill()


# MARK: Data

def generate_csv(path, rows, seed=7):
    """A spreadsheet export: dates spread over the ~18 months up to today, oldest first."""
    rng = random.Random(seed)
    today = datetime.date.today()
    span = 548
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Company", "Job Title", "Status", "Date Applied", "Link", "Location", "Source", "Salary", "Notes", "Job Description"])
        for i in range(rows):
            day = today - datetime.timedelta(days=int(span * (1 - (i + 1) / rows)))
            low = rng.choice([35, 40, 45, 50, 55, 60])
            w.writerow([
                f"Company {i} Ltd", rng.choice(ROLES), rng.choice(STATUSES), day.isoformat(), f"https://jobs.example/{i}",
                rng.choice(LOCATIONS), rng.choice(SOURCES), f"£{low},000–£{low + 10},000", rng.choice(NOTES),
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 80))),
            ])


def application_rows(db):
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT id, company, stage, outcome, applied_on FROM applications ORDER BY id").fetchall()
    finally:
        connection.close()


def table_counts(db, tables):
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        connection.close()


class Enricher:
    """Adds richer data through the CLI, one command at a time, timing each."""

    def __init__(self, binary, db, folder, rng):
        self.binary, self.db, self.folder, self.rng = binary, db, folder, rng
        self.calls = 0
        self.seconds = 0.0
        self.errors = []
        self.per_kind = {}

    def run(self, kind, args):
        out_path = os.path.join(self.folder, "enrich.out")
        result = run_measured([self.binary, *args, "--database", self.db], self.folder, stdout_path=out_path, timeout=300)
        self.calls += 1
        self.seconds += result.seconds
        calls, secs = self.per_kind.get(kind, (0, 0.0))
        self.per_kind[kind] = (calls + 1, secs + result.seconds)
        if result.returncode != 0:
            if len(self.errors) < 10:
                self.errors.append(f"{kind}: exit {result.returncode}: {short(result.stderr, 200)}")
            return None
        with open(out_path, errors="replace") as f:
            return f.read()

    def day(self, back_from, back_to):
        return (datetime.date.today() - datetime.timedelta(days=self.rng.randint(back_to, back_from))).isoformat()


def enrich(binary, db, folder, counts, seed=11):
    rng = random.Random(seed)
    e = Enricher(binary, db, folder, rng)
    apps = application_rows(db)
    today = datetime.date.today()
    rejected = [a for a in apps if a[3] == "rejected"] or apps
    interviewing = [a for a in apps if a[2] in ("interview", "final-round", "screening") and a[3] == "open"] or apps
    recent = apps[-max(1, len(apps) // 6):]

    log(f"adding {counts['journal']} journal entries")
    for i in range(counts["journal"]):
        args = ["journal", "add", "--mood", str(rng.randint(2, 9)), "--text", rng.choice(JOURNAL_TEXTS), "--on", e.day(540, 0)]
        for emotion in rng.sample(EMOTIONS, rng.randint(1, 3)):
            args += ["--emotion", emotion]
        e.run("journal add", args)

    log(f"adding {counts['feedback']} feedback records")
    for app in rng.sample(rejected, min(counts["feedback"], len(rejected))):
        applied = datetime.date.fromisoformat(app[4]) if app[4] else today - datetime.timedelta(days=30)
        on = min(today, applied + datetime.timedelta(days=rng.randint(10, 40))).isoformat()
        e.run("feedback add", ["feedback", "add", str(app[0]), "--text", rng.choice(FEEDBACK_TEXTS), "--on", on])

    log(f"adding {counts['contacts']} contacts (half with a logged conversation)")
    for i in range(counts["contacts"]):
        app = rng.choice(recent)
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        out = e.run("contacts add", ["contacts", "add", "--name", name, "--role", rng.choice(CONTACT_ROLES), "--company", app[1],
                                     "--email", f"contact{i}@example.com", "--notes", "Met at a data meetup", "--application", str(app[0])])
        match = re.search(r"contact (\d+)", out or "")
        if match and i % 2 == 0:
            e.run("contacts log", ["contacts", "log", match.group(1), "--kind", rng.choice(CONTACT_KINDS), "--on", e.day(120, 0),
                                   "--note", "Talked about the data team and how they hire"])

    log(f"adding {counts['wins']} wins")
    for i in range(counts["wins"]):
        e.run("wins --add", ["wins", "--add", f"{rng.choice(WIN_TITLES)} ({i + 1})", "--on", e.day(540, 0)])

    log(f"adding {counts['interviews']} interview rounds, {counts['stories']} stories, profile skills and plan goals")
    for app in rng.sample(interviewing, min(counts["interviews"], len(interviewing))):
        on = (today + datetime.timedelta(days=rng.randint(-10, 14))).isoformat()
        e.run("interviews add", ["interviews", "add", str(app[0]), "--on", on, "--time", f"{rng.randint(9, 16)}:30",
                                 "--type", rng.choice(INTERVIEW_TYPES), "--notes", "Prepare two SQL stories and questions about the team"])
    for i in range(counts["stories"]):
        args = ["stories", "add", "--title", f"The dashboard nobody used ({i + 1})",
                "--situation", "Our weekly sales report took a day to build and nobody read it.",
                "--task", "Make the numbers useful to the regional managers.",
                "--action", "Interviewed three managers, rebuilt it in Tableau with SQL views, and cut it to five charts.",
                "--result", "Build time went from a day to ten minutes; four of five managers used it weekly."]
        for theme in rng.sample(STORY_THEMES, 2):
            args += ["--theme", theme]
        for skill in rng.sample(STORY_SKILLS, 2):
            args += ["--skill", skill]
        e.run("stories add", args)
    e.run("profile add-skill", ["profile", "add-skill", "SQL", "Excel", "Tableau", "--level", "strong"])
    e.run("profile add-skill", ["profile", "add-skill", "Python", "dbt", "--level", "learning"])
    plan = e.run("plan", ["plan"]) or ""
    for key in re.findall(r"^\s*\[([a-z0-9-]+)\]", plan, re.M)[:2]:
        out = e.run("plan accept", ["plan", "accept", key]) or ""
        goal = re.search(r"goal (\d+)", out)
        if goal:
            for _ in range(3):
                # Hours can only be logged from the goal's start (today) on.
                e.run("plan log", ["plan", "log", goal.group(1), str(rng.choice([0.5, 1, 1.5, 2])), "--note", "Worked through a chapter"])
    return e


# MARK: Sections

class Run:
    def __init__(self, args, folder):
        self.args = args
        self.folder = folder
        self.binary = args.binary
        self.results = {}
        self.verdicts = []  # (section, name, passed)
        self.skipped = []

    def check(self, section, name, passed):
        self.verdicts.append((section, name, bool(passed)))
        return verdict(passed)


def section_build(run):
    args = run.args
    print(f"## 1. Database: {args.apps:,} applications\n")
    csv_path = os.path.join(run.folder, "applications.csv")
    db = os.path.join(run.folder, "nextyes.sqlite")
    started = time.perf_counter()
    generate_csv(csv_path, args.apps)
    generated = time.perf_counter() - started
    log(f"importing {args.apps:,} rows")
    imported = run_checked([run.binary, "import", csv_path, "--database", db], run.folder, "nextyes import", timeout=3600)
    count = table_counts(db, ["applications"])["applications"]
    if count != args.apps:
        raise BenchError(f"nextyes import saved {count} of {args.apps} applications")
    enricher = enrich(run.binary, db, run.folder, args.counts)
    total = time.perf_counter() - started
    tables = ["applications", "application_events", "rejections", "journal_entries", "feedback", "contacts",
              "interactions", "wins", "interview_rounds", "stories", "profile_skills", "plan_goals", "skill_hours"]
    counts = table_counts(db, tables)
    size = os.path.getsize(db)
    rows = [
        ["generate CSV (Python)", fmt_s(generated), f"{fmt_bytes(os.path.getsize(csv_path))}"],
        ["nextyes import", fmt_s(imported.seconds), f"{args.apps / imported.seconds:,.0f} rows/s, peak RSS {imported.maxrss_kb / 1024:.0f} MB"],
        [f"richer data: {enricher.calls} CLI commands", fmt_s(enricher.seconds),
         f"{enricher.seconds / max(1, enricher.calls) * 1000:.0f} ms a command; {len(enricher.errors)} failed"],
        ["total", fmt_s(total), f"database {fmt_bytes(size)}"],
    ]
    table(["step", "time", "detail"], rows)
    print("Rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()) + "\n")
    if enricher.errors:
        print("Commands that failed while adding data (first ten):\n")
        for message in enricher.errors:
            print(f"- {message}")
        print()
    run.results["build"] = dict(apps=args.apps, csv_bytes=os.path.getsize(csv_path), csv_seconds=generated,
                                import_seconds=imported.seconds, import_maxrss_kb=imported.maxrss_kb,
                                enrich_calls=enricher.calls, enrich_seconds=enricher.seconds, enrich_errors=enricher.errors,
                                enrich_per_kind={k: dict(calls=c, seconds=s) for k, (c, s) in enricher.per_kind.items()},
                                total_seconds=total, database_bytes=size, counts=counts)
    return db


def section_dump(run, db):
    print("## 2. Baseline A: sqlite3 .dump\n")
    median, samples, _ = median_of([run.sqlite3, db, ".dump"], run.folder, run.args.runs, "sqlite3 .dump")
    table(["command", "median", "runs"], [[f"`sqlite3 DB .dump > /dev/null`", fmt_s(median), ", ".join(fmt_s(s) for s in samples)]])
    run.results["dump"] = dict(median=median, samples=samples)
    return median


def touch(run, db, i):
    """A small write from another process, as the command line makes: one application's notes
    change. Every page view after it reads the database afresh (a server re-reads the changed
    row and every other table)."""
    result = subprocess.run([run.sqlite3, db, "PRAGMA busy_timeout = 5000;",
                             f"UPDATE applications SET notes = 'Benchmark note {time.time()}-{i}' "
                             "WHERE id = (SELECT min(id) FROM applications);"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchError(f"could not write to the database between page views: {short(result.stderr)}")


def section_pages(run, db, dump):
    print(f"## 3. Pages on {run.args.apps:,} applications (median of {run.args.runs} after one warm-up)\n")
    server = Server(run.binary, db, run.folder, "main").start()
    rows, raw, failures = [], [], []
    try:
        server.sign_in()
        log(f"server up at {server.base}; fetching {len(PAGES)} pages")
        for path in PAGES:
            status, headers, body, first = server.request(path)
            entry = dict(path=path, status=status, warmup_seconds=first, bytes=len(body))
            if status == 404:
                rows.append([f"`{path}`", "404", "–", "–", fmt_s(dump), "–", "–", "–", "missing"])
                raw.append(entry)
                continue
            if status != 200:
                location = headers.get("Location") or ""
                failures.append(f"`{path}` answered {status}" + (f" → {location}" if location else "")
                                + f"; server log: {short(server.server_log(800), 400) or '(empty)'}")
                rows.append([f"`{path}`", str(status), fmt_s(first), "–", fmt_s(dump), "–", "–", fmt_bytes(len(body)),
                             run.check("pages", path, False)])
                raw.append(entry)
                continue
            samples, sizes = [], set()
            for _ in range(run.args.runs):
                status, _, body, seconds = server.request(path)
                if status != 200:
                    raise BenchError(f"{path} answered {status} on a repeat fetch")
                samples.append(seconds)
                sizes.add(len(body))
            median = statistics.median(samples)
            # The first view after a change: another process writes (as the command line
            # would), so nothing the server kept between page views can be used.
            cold = []
            for i in range(max(1, min(3, run.args.runs))):
                touch(run, db, i)
                status, _, body, seconds = server.request(path)
                if status != 200:
                    raise BenchError(f"{path} answered {status} after a change")
                cold.append(seconds)
            cold_median = statistics.median(cold)
            size = max(sizes)
            fast, small = median < dump, size < PAGE_SIZE_LIMIT
            result = run.check("pages", path, fast and small)
            if not (fast and small):
                result += " (" + ", ".join(w for w, bad in (("slow", not fast), ("large", not small)) if bad) + ")"
            rows.append([f"`{path}`", "200", fmt_s(median), fmt_s(cold_median), fmt_s(dump), fmt_ratio(median / dump),
                         fmt_ratio(cold_median / dump), fmt_bytes(size), result])
            entry.update(samples=samples, median=median, bytes=size, ratio=median / dump,
                         after_change_samples=cold, after_change_median=cold_median, after_change_ratio=cold_median / dump)
            raw.append(entry)
            log(f"  {path}: {fmt_s(median)}, {fmt_bytes(size)}")
    finally:
        server.stop()
        # Printed even when interrupted or a fetch failed: the pages measured so far.
        table(["page", "status", "median", "after a change", "dump (baseline)", "ratio", "ratio after a change", "size",
               f"target < dump and < {PAGE_SIZE_LIMIT // 1024} KB"], rows)
        for failure in failures:
            print(f"- {failure}")
        if failures:
            print()
        run.results["pages"] = raw


def section_cli(run, db, dump):
    runs = run.args.cli_runs
    print(f"## 4. CLI on {run.args.apps:,} applications (median of {runs})\n")
    rows, raw = [], []
    for label, command, target in (
        ("nextyes insights --json", ["insights", "--json"], INSIGHTS_TARGET),
        ("nextyes report --format json", ["report", "--format", "json"], REPORT_TARGET),
    ):
        log(f"timing {label}")
        out_path = os.path.join(run.folder, "cli.out")
        median, samples, last = median_of([run.binary, *command, "--database", db], run.folder, runs, label, stdout_path=out_path)
        ratio = median / dump
        rows.append([f"`{label}`", fmt_s(median), fmt_s(dump), fmt_ratio(ratio), f"≤ {target:g}×",
                     fmt_bytes(last.stdout_bytes), f"{last.maxrss_kb / 1024:.0f} MB", run.check("cli", label, ratio <= target)])
        raw.append(dict(command=label, samples=samples, median=median, ratio=ratio, target=target,
                        output_bytes=last.stdout_bytes, maxrss_kb=last.maxrss_kb))
    table(["command", "median", "dump (baseline)", "ratio", "target", "output", "peak RSS", "result"], rows)
    run.results["cli"] = raw


def parse_wrk(text):
    def number(pattern, cast=float):
        match = re.search(pattern, text)
        return cast(match.group(1)) if match else None
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return dict(requests_per_second=number(r"Requests/sec:\s+([\d.]+)"),
                requests=number(r"(\d+) requests in", int),
                non_2xx_3xx=number(r"Non-2xx or 3xx responses: (\d+)", int) or 0,
                socket_errors=sum(int(g) for g in errors.groups()) if errors else 0,
                latency_avg=(re.search(r"Latency\s+(\S+)", text) or [None, None])[1])


def section_wrk(run):
    seconds = run.args.wrk_seconds
    print(f"## 5. Throughput on the sample data (wrk, {seconds:g} s, 2 threads, 8 connections)\n")
    wrk = shutil.which("wrk")
    if not wrk:
        print(f"Skipped: wrk is not installed ({INSTALL_HINT}).\n")
        run.results["wrk"] = dict(skipped="wrk not installed")
        run.skipped.append("wrk (not installed)")
        return
    db = os.path.join(run.folder, "demo.sqlite")
    run_checked([run.binary, "demo", "--database", db], run.folder, "nextyes demo")
    server = Server(run.binary, db, run.folder, "demo").start()
    raw, rows = {}, []
    try:
        dashboard = server.sign_in()
        stylesheet = None
        for tag in re.findall(r"<link\b[^>]*>", dashboard, re.I):
            if re.search(r"""rel\s*=\s*["']?stylesheet""", tag, re.I):
                href = re.search(r"""href\s*=\s*["']([^"']+)["']""", tag, re.I)
                if href:
                    stylesheet = urllib.parse.urljoin("/", href.group(1))
                    break
        if not stylesheet:
            raise BenchError("the dashboard has no <link rel=\"stylesheet\" href=...>")
        status, _, css, _ = server.request(stylesheet, cookie=False)
        if status != 200:
            raise BenchError(f"the stylesheet {stylesheet} answered {status} without a cookie")
        targets = [(stylesheet, False)] + [(page, True) for page in WRK_PAGES]
        for path, with_cookie in targets:
            status, _, body, _ = server.request(path, cookie=with_cookie)
            command = [wrk, "-t2", "-c8", f"-d{seconds:g}s", "--timeout", "30s"]
            if with_cookie:
                command += ["-H", f"Cookie: {server.cookie}"]
            command.append(server.base + path)
            log(f"wrk {path}")
            result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)
            if result.returncode != 0:
                raise BenchError(f"wrk {path} failed: {short(result.stderr or result.stdout)}")
            parsed = parse_wrk(result.stdout)
            parsed.update(path=path, status=status, bytes=len(body), cookie=with_cookie, output=result.stdout)
            raw[path] = parsed
        base_rps = raw[stylesheet]["requests_per_second"] or 0
        for path, with_cookie in targets:
            r = raw[path]
            rps = r["requests_per_second"] or 0
            errors = r["non_2xx_3xx"] + r["socket_errors"]
            note = f"{r['non_2xx_3xx']} non-2xx/3xx, {r['socket_errors']} socket errors" if errors else "none"
            if path == stylesheet:
                rows.append([f"`{path}` (baseline, no cookie)", f"{rps:,.0f}", r["latency_avg"], fmt_bytes(r["bytes"]), note, "–", "–", "–"])
                continue
            ratio = rps / base_rps if base_rps else None
            r["ratio"] = ratio
            ok = ratio is not None and ratio >= WRK_TARGET and errors == 0 and r["status"] == 200
            rows.append([f"`{path}`", f"{rps:,.0f}", r["latency_avg"], fmt_bytes(r["bytes"]), note,
                         "–" if ratio is None else f"{ratio:.1%}", f"≥ {WRK_TARGET:.0%}", run.check("wrk", path, ok)])
    finally:
        server.stop()
    table(["target", "requests/s", "avg latency", "size", "errors", "÷ stylesheet", "target", "result"], rows)
    run.results["wrk"] = dict(seconds=seconds, threads=2, connections=8, stylesheet=stylesheet, runs=raw)


def section_startup(run):
    runs = run.args.startup_runs
    print(f"## 6. Start-up: skills extract against --version (median of {runs})\n")
    text_path = os.path.join(run.folder, "skills.txt")
    with open(text_path, "w") as f:
        f.write(SKILLS_TEXT + "\n")
    out_path = os.path.join(run.folder, "skills.out")
    check = run_checked([run.binary, "skills", "extract"], run.folder, "nextyes skills extract", stdin_path=text_path, stdout_path=out_path)
    with open(out_path, errors="replace") as f:
        found = f.read()
    hyperfine = shutil.which("hyperfine")
    tool = "hyperfine" if hyperfine and not run.args.no_hyperfine else "python (wait4)"
    if tool == "hyperfine":
        json_path = os.path.join(run.folder, "hyperfine.json")
        extract = f"{shlex.quote(run.binary)} skills extract < {shlex.quote(text_path)}"
        version = f"{shlex.quote(run.binary)} --version"
        result = subprocess.run([hyperfine, "--runs", str(runs), "--warmup", "2", "--style", "none", "--export-json", json_path,
                                 extract, version], capture_output=True, text=True, timeout=1800)
        if result.returncode != 0:
            raise BenchError(f"hyperfine failed: {short(result.stderr or result.stdout)}")
        with open(json_path) as f:
            measured = json.load(f)["results"]
        extract_median, version_median = measured[0]["median"], measured[1]["median"]
        extract_samples, version_samples = measured[0]["times"], measured[1]["times"]
    else:
        for _ in range(2):
            run_checked([run.binary, "--version"], run.folder, "nextyes --version")
        extract_median, extract_samples, _ = median_of([run.binary, "skills", "extract"], run.folder, runs, "skills extract", stdin_path=text_path)
        version_median, version_samples, _ = median_of([run.binary, "--version"], run.folder, runs, "nextyes --version")
    ratio = extract_median / version_median
    table(["command", "median", "`nextyes --version` (baseline)", "ratio", "target", "result"],
          [["`nextyes skills extract < text`", fmt_s(extract_median), fmt_s(version_median),
            fmt_ratio(ratio), f"≤ {STARTUP_TARGET:g}×", run.check("startup", "skills extract", ratio <= STARTUP_TARGET)]])
    print(f"The text: \"{SKILLS_TEXT}\". Measured with {tool}. skills extract found: {short(found, 200) or '(nothing)'}\n")
    run.results["startup"] = dict(tool=tool, extract_median=extract_median, version_median=version_median, ratio=ratio,
                                  extract_samples=extract_samples, version_samples=version_samples, exit=check.returncode, output=found)


def section_large(run):
    sizes = [10000, run.args.large_apps]
    print(f"## 7. Memory: {sizes[0]:,} against {sizes[1]:,} applications (peak RSS from wait4)\n")
    measured = {}
    for rows in sizes:
        csv_path = os.path.join(run.folder, f"large-{rows}.csv")
        db = os.path.join(run.folder, f"large-{rows}.sqlite")
        log(f"generating and importing {rows:,} rows")
        generate_csv(csv_path, rows)
        steps = {}
        steps["import"] = run_checked([run.binary, "import", csv_path, "--database", db], run.folder, f"import {rows}", timeout=7200)
        log(f"list and report on {rows:,}")
        steps["list"] = run_checked([run.binary, "list", "--database", db], run.folder, f"list {rows}", timeout=3600)
        steps["report --format json"] = run_checked([run.binary, "report", "--format", "json", "--database", db], run.folder,
                                                    f"report {rows}", timeout=3600)
        measured[rows] = steps
        os.remove(csv_path)
    small, large = measured[sizes[0]], measured[sizes[1]]
    rows, raw = [], {}
    for step in small:
        a, b = small[step], large[step]
        ratio = b.maxrss_kb / a.maxrss_kb
        rows.append([f"`nextyes {step}`", fmt_s(a.seconds), f"{a.maxrss_kb / 1024:.0f} MB", fmt_s(b.seconds),
                     f"{b.maxrss_kb / 1024:.0f} MB", fmt_ratio(ratio), f"≤ {MEMORY_RATIO_TARGET:g}×",
                     run.check("large", step, ratio <= MEMORY_RATIO_TARGET)])
        raw[step] = {str(n): dict(seconds=measured[n][step].seconds, maxrss_kb=measured[n][step].maxrss_kb,
                                  cpu_seconds=measured[n][step].cpu) for n in sizes}
        raw[step]["maxrss_ratio"] = ratio
    table(["command", f"time {sizes[0]:,}", f"peak {sizes[0]:,} (baseline)", f"time {sizes[1]:,}", f"peak {sizes[1]:,}",
           "peak ratio", "target", "result"], rows)
    run.results["large"] = dict(sizes=sizes, steps=raw)


# MARK: Main

def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    parser.add_argument("--binary", default=DEFAULT_BINARY, help="the nextyes binary (default: .build/release/nextyes)")
    parser.add_argument("--apps", type=int, help="applications in the database (default: 10000; 2000 with --quick)")
    parser.add_argument("--runs", type=int, help="runs for the dump and each page (default: 5; 3 with --quick)")
    parser.add_argument("--cli-runs", type=int, default=3, help="runs for insights and report (default: 3)")
    parser.add_argument("--startup-runs", type=int, help="runs for skills extract and --version (default: 10; 5 with --quick)")
    parser.add_argument("--wrk-seconds", type=float, help="seconds for each wrk run (default: 5; 2 with --quick)")
    parser.add_argument("--journal", type=int, help="journal entries to add (default: 200; 50 with --quick)")
    parser.add_argument("--feedback", type=int, help="feedback records to add (default: 100; 25 with --quick)")
    parser.add_argument("--contacts", type=int, help="contacts to add (default: 100; 25 with --quick)")
    parser.add_argument("--wins", type=int, help="wins to add (default: 50; 15 with --quick)")
    parser.add_argument("--quick", action="store_true", help="a fast trial: 2000 applications, 3 runs, 2 s of wrk, less extra data")
    parser.add_argument("--large", action="store_true", help="also import, list and report 10,000 and --large-apps applications for peak memory")
    parser.add_argument("--large-apps", type=int, default=100000, help="applications for --large (default: 100000)")
    parser.add_argument("--no-hyperfine", action="store_true", help="time start-up in Python even when hyperfine is installed")
    parser.add_argument("--json", metavar="PATH", help="write every raw number to this JSON file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (databases, server logs)")
    args = parser.parse_args()
    quick = args.quick

    def pick(value, default, quick_default):
        return value if value is not None else (quick_default if quick else default)
    args.apps = pick(args.apps, 10000, 2000)
    args.runs = pick(args.runs, 5, 3)
    args.startup_runs = pick(args.startup_runs, 10, 5)
    args.wrk_seconds = pick(args.wrk_seconds, 5.0, 2.0)
    args.counts = dict(journal=pick(args.journal, 200, 50), feedback=pick(args.feedback, 100, 25),
                       contacts=pick(args.contacts, 100, 25), wins=pick(args.wins, 50, 15),
                       interviews=10 if quick else 30, stories=5 if quick else 12)
    if min(args.apps, args.runs, args.cli_runs, args.startup_runs) < 1 or args.wrk_seconds <= 0:
        parser.error("--apps, the run counts and --wrk-seconds must be positive")
    return args


def die(message):
    print(message, file=sys.stderr)
    sys.exit(2)


def on_sigterm(signum, frame):
    raise KeyboardInterrupt


def main():
    args = parse_args()
    binary = os.path.abspath(args.binary)
    if not os.path.isfile(binary):
        die(f"No nextyes binary at {binary}. Build it with: swift build -c release --product nextyes (or pass --binary PATH)")
    if not os.access(binary, os.X_OK):
        die(f"{binary} is not executable")
    try:
        version = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        die(f"{binary} --version did not run: {error}")
    if version.returncode != 0:
        die(f"{binary} --version failed (exit {version.returncode}): {short(version.stderr)}")
    sqlite = shutil.which("sqlite3")
    if not sqlite:
        die("sqlite3 is needed for the baseline: apt-get install -y sqlite3")
    args.binary = binary

    signal.signal(signal.SIGTERM, on_sigterm)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # also when started in the background
    atexit.register(stop_servers)
    atexit.register(stop_children)
    folder = tempfile.mkdtemp(prefix="nextyes-perf-")
    run = Run(args, folder)
    run.sqlite3 = sqlite
    missing = [tool for tool in ("wrk", "hyperfine") if not shutil.which(tool)]
    load = os.getloadavg()
    print(f"# NextYes performance\n")
    print(f"Binary `{binary}` ({version.stdout.strip()}{', a debug build' if '/debug/' in binary or 'debug' in os.path.basename(binary) else ''}); "
          f"{os.cpu_count()} CPUs, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
          f"{datetime.datetime.now().isoformat(timespec='seconds')}."
          + (f" Missing: {', '.join(missing)} ({INSTALL_HINT})." if missing else "") + "\n")
    run.results["meta"] = dict(binary=binary, version=version.stdout.strip(), cpus=os.cpu_count(), load_average=load,
                               started=datetime.datetime.now().isoformat(timespec="seconds"),
                               options={k: v for k, v in vars(args).items() if k != "json"})
    started = time.monotonic()
    status = 0
    errors = []
    try:
        def section(name, function, *a):
            try:
                return function(*a)
            except BenchError as error:
                print(f"**{name} could not be measured:** {error}\n", flush=True)
                errors.append(f"{name}: {error}")
                run.check(name, "section ran", False)
                return None
        db = section("database", section_build, run)
        if db:
            dump = section("dump", section_dump, run, db)
            if dump:
                section("pages", section_pages, run, db, dump)
                section("cli", section_cli, run, db, dump)
        section("wrk", section_wrk, run)
        section("startup", section_startup, run)
        if args.large:
            section("large", section_large, run)
    except KeyboardInterrupt:
        print("\nInterrupted.", flush=True)
        errors.append("interrupted")
        status = 2
    finally:
        stop_servers()
        stop_children()
    seconds = time.monotonic() - started
    failed = [f"{s} {n}" for s, n, ok in run.verdicts if not ok]
    passed = sum(ok for _, _, ok in run.verdicts)
    if status == 0:
        status = 1 if failed else 0
    print("## Summary\n")
    print(("Interrupted: " if status == 2 else "") + f"{passed} of {len(run.verdicts)} targets passed in {seconds:.0f} s." + (f" Failed: {', '.join(failed)}." if failed else "")
          + (f" Skipped: {', '.join(run.skipped)}." if run.skipped else ""))
    run.results["summary"] = dict(seconds=seconds, passed=passed, total=len(run.verdicts), failed=failed, skipped=run.skipped, errors=errors,
                                  verdicts=[dict(section=s, name=n, passed=ok) for s, n, ok in run.verdicts])
    if args.json:
        with open(args.json, "w") as f:
            json.dump(run.results, f, indent=2, default=str)
        print(f"Raw numbers: {args.json}")
    if args.keep:
        print(f"Kept the temporary folder {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
