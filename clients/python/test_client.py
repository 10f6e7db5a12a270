"""The Python client against a real `nextyes serve` on a temporary SQLite file with the sample search.

Run from the repository: python3 -m unittest discover -s clients/python -p 'test_*.py' -v
(NEXTYES_BIN picks the binary; the default is .build/debug/nextyes). Every client method is
called on the live server and its answer checked against what the sample holds and what the
command line says about the same file.
"""
import collections
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

from nextyes_client import OUTCOMES, Client, NextYesError  # noqa: E402

BINARY = os.environ.get("NEXTYES_BIN", os.path.join(ROOT, ".build", "debug", "nextyes"))
SAMPLE_COMPANIES = {"City Power & Light", "Relecloud", "VanArsdel", "Alpine Ski House", "Northwind Analytics",
                    "Fabrikam", "Woodgrove Bank", "Contoso Retail"}
CRISIS = "Another no today. I don't want to be alive anymore, I want to end my life."


class Server:
    """`nextyes serve --port 0` on a fresh SQLite file, started as Tests/Browser/harness.py does
    (without its browser: this test needs only the standard library)."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="nextyes-client-")
        self.database = os.path.join(self.folder, "nextyes.sqlite")
        self.process = None
        self.base = None

    def cli(self, *args):
        return subprocess.run([BINARY, *args, "--database", self.database],
                              capture_output=True, text=True, check=True).stdout

    def cli_json(self, *args):
        return json.loads(self.cli(*args))

    def start(self):
        self.process = subprocess.Popen([BINARY, "serve", "--port", "0", "--database", self.database],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line and self.process.poll() is not None:
                raise RuntimeError("nextyes serve stopped: " + self.process.stderr.read())
            match = re.search(r"(http://\S+)/\?token=[0-9a-f]+", line)
            if match:
                self.base = match.group(1)
                return self
        raise RuntimeError("nextyes serve printed no login link within a minute")

    def stop(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            for stream in (self.process.stdout, self.process.stderr):
                stream.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.exists(BINARY):
            raise unittest.SkipTest(f"no nextyes binary at {BINARY}; build it with swift build")
        cls.server = Server()
        cls.server.cli("demo")
        # Something for the goals, contacts and agenda to show.
        cls.server.cli("plan", "accept", "python")
        cls.server.cli("contacts", "add", "--name", "Priya Shah", "--role", "recruiter",
                       "--company", "City Power & Light", "--application", "20")
        cls.server.start()
        cls.read_token = cls.server.cli("api", "token", "create", "--name", "client test (read)").strip()
        cls.write_token = cls.server.cli("api", "token", "create", "--name", "client test (write)",
                                         "--scope", "write").strip()
        cls.reader = Client(cls.server.base, cls.read_token)
        cls.writer = Client(cls.server.base, cls.write_token)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def new_application(self, **fields):
        fields.setdefault("applied_on", "2026-01-05")
        return self.writer.create_application(fields.pop("company", "Test Company Ltd"),
                                              fields.pop("role", "Data Analyst"), **fields)

    def assertProblem(self, status, call, *args, field=None, **kwargs):
        with self.assertRaises(NextYesError) as caught:
            call(*args, **kwargs)
        problem = caught.exception
        self.assertEqual(problem.status, status, str(problem))
        self.assertTrue(problem.title, "a problem has a title")
        self.assertEqual(problem.problem.get("status"), status, "the body is RFC 9457 problem details")
        if field:
            self.assertIn(field, problem.field_errors, f"the problem names the field: {problem.errors}")
            self.assertTrue(problem.field_errors[field])
        return problem

    # Applications: lists, paging, filters, search and order.
    def test_list_shows_the_sample_search(self):
        page = self.reader.list_applications(per_page=100)
        companies = {item["company"] for item in page["items"]}
        self.assertTrue(SAMPLE_COMPANIES <= companies, SAMPLE_COMPANIES - companies)
        self.assertEqual(page["total"], len(self.server.cli_json("list", "--json")))
        self.assertEqual((page["page"], page["pageCount"]), (1, 1))
        city = next(item for item in page["items"] if item["company"] == "City Power & Light")
        self.assertEqual((city["role"], city["stage"], city["outcome"]), ("Analytics Engineer", "final-round", "open"))

    def test_paging_covers_every_application_exactly_once(self):
        expected = sorted(item["id"] for item in self.server.cli_json("list", "--json"))
        for sort in (None, "company", "-applied"):
            seen, page_number = [], 1
            while True:
                page = self.reader.list_applications(sort=sort, page=page_number, per_page=7)
                self.assertEqual(page["total"], len(expected))
                self.assertEqual(page["pageCount"], -(-len(expected) // 7))
                self.assertEqual(page["page"], page_number)
                self.assertLessEqual(len(page["items"]), 7)
                seen += [item["id"] for item in page["items"]]
                if page_number == page["pageCount"]:
                    break
                page_number += 1
            self.assertEqual(sorted(seen), expected, f"sort={sort}")
            self.assertEqual(len(seen), len(set(seen)), f"an application came twice with sort={sort}")
            self.assertEqual(sorted(item["id"] for item in self.reader.iter_applications(sort=sort, per_page=4)), expected)
        # Past the last page: no items, the same total.
        beyond = self.reader.list_applications(page=99, per_page=7)
        self.assertEqual((beyond["items"], beyond["total"]), ([], len(expected)))

    def test_filters_search_and_order(self):
        by_cli = collections.Counter(item["outcome"] for item in self.server.cli_json("list", "--json"))
        for outcome in OUTCOMES:
            items = list(self.reader.iter_applications(outcome=outcome))
            self.assertEqual(len(items), by_cli[outcome], outcome)
            self.assertTrue(all(item["outcome"] == outcome for item in items), outcome)
        self.assertEqual(by_cli["rejected"], 15)

        manchester = list(self.reader.iter_applications(q="manchester"))
        self.assertTrue(manchester)
        self.assertTrue(all(item.get("location") == "Manchester" for item in manchester))
        both = list(self.reader.iter_applications(q="Analytics Engineer Manchester"))
        self.assertEqual({item["company"] for item in both} & {"City Power & Light", "Fabrikam"},
                         {item["company"] for item in both})
        self.assertEqual(self.reader.list_applications(q="no such words anywhere zzz")["total"], 0)

        names = [item["company"].lower() for item in self.reader.iter_applications(sort="company")]
        self.assertEqual(names, sorted(names))
        backwards = [item["company"].lower() for item in self.reader.iter_applications(sort="-company")]
        self.assertEqual(backwards, sorted(backwards, reverse=True))

    def test_bad_list_parameters_are_problems(self):
        self.assertProblem(400, self.reader.list_applications, outcome="hired")
        self.assertProblem(400, self.reader.list_applications, sort="salary")
        self.assertProblem(400, self.reader.list_applications, per_page=101)

    def test_get_application_with_its_timeline(self):
        first = next(item for item in self.reader.iter_applications() if item["company"] == "Alpine Ski House")
        application = self.reader.get_application(first["id"])
        self.assertEqual(application["role"], "Analytics Engineer")
        self.assertEqual(application["outcome"], "rejected")
        self.assertEqual(application["rejection"]["category"], "interview-performance")
        kinds = [event["kind"] for event in application["timeline"]]
        self.assertEqual(kinds[0], "added")
        self.assertIn("rejected", kinds)
        self.assertIn("jobDescription", application)
        problem = self.assertProblem(404, self.reader.get_application, 999999)
        self.assertIn("999999", problem.detail)

    def test_create_update_move_and_delete(self):
        created = self.new_application(company="Acme Analytics", role="Data Engineer", location="Leeds",
                                       source="referral", excitement=4, notes="Met them at a meetup.",
                                       salary="45,000", url="https://acme.example/jobs/7",
                                       job_description="Python, SQL and Airflow.", stage="applied")
        self.assertEqual((created["company"], created["role"], created["stage"], created["outcome"]),
                         ("Acme Analytics", "Data Engineer", "applied", "open"))
        self.assertEqual(created["appliedOn"], "2026-01-05")
        self.assertEqual(self.reader.get_application(created["id"])["notes"], "Met them at a meetup.")

        updated = self.writer.update_application(created["id"], location="Remote", excitement=5,
                                                 applied_on=datetime.date(2026, 1, 6))
        self.assertEqual((updated["location"], updated["excitement"], updated["appliedOn"]), ("Remote", 5, "2026-01-06"))
        self.assertEqual(updated["company"], "Acme Analytics", "fields left out stay as they are")
        with self.assertRaises(TypeError):
            self.writer.update_application(created["id"], stage="interview")

        moved = self.writer.move_application(created["id"], "interview", on="2026-01-20")
        self.assertEqual((moved["stage"], moved["furthestStage"]), ("interview", "interview"))
        self.assertEqual(self.reader.get_application(created["id"])["stage"], "interview")
        self.assertIn("interview", [event["stage"] for event in moved["timeline"]])
        shown = self.server.cli("show", str(created["id"]))
        self.assertIn("Acme Analytics", shown)

        self.assertIsNone(self.writer.delete_application(created["id"]))
        self.assertProblem(404, self.reader.get_application, created["id"])
        self.assertProblem(404, self.writer.delete_application, created["id"])
        self.assertNotIn(created["id"], [item["id"] for item in self.server.cli_json("list", "--json")])

    def test_reject_close_and_reopen(self):
        application = self.new_application(company="Globex", role="BI Analyst")
        rejected = self.writer.reject_application(
            application["id"], reason="We went with someone with more Power BI experience.",
            category="skills-gap", on="2026-02-01", controllable="yes", feelings=["tired"], intensity=4)
        self.assertEqual(rejected["outcome"], "rejected")
        self.assertEqual(rejected["rejection"]["category"], "skills-gap")
        self.assertEqual(rejected["rejection"]["on"], "2026-02-01")
        self.assertEqual(rejected["rejection"]["feelings"], ["tired"])
        entries = [entry for entry in self.reader.list_rejections() if entry["applicationID"] == application["id"]]
        self.assertEqual(len(entries), 1)
        self.assertIn("Globex", entries[0]["title"])

        problem = self.assertProblem(422, self.writer.move_application, application["id"], "interview")
        self.assertIn("reopen", problem.detail)
        reopened = self.writer.reopen_application(application["id"], on="2026-02-03")
        self.assertEqual(reopened["outcome"], "open")
        self.assertNotIn(application["id"], [entry["applicationID"] for entry in self.reader.list_rejections()])
        ghosted = self.writer.close_application(application["id"], "ghosted", on="2026-03-01")
        self.assertEqual(ghosted["outcome"], "ghosted")
        self.assertEqual(self.writer.reopen_application(application["id"])["outcome"], "open")
        withdrawn = self.writer.close_application(application["id"], "withdrawn")
        self.assertEqual(withdrawn["outcome"], "withdrawn")
        self.assertProblem(400, self.writer.close_application, application["id"], "vanished")
        self.assertProblem(404, self.writer.reject_application, 999999, reason="No.")

    def test_feedback(self):
        application = self.new_application(company="Initech", role="Analyst")
        self.assertEqual(self.reader.list_feedback(application["id"]), [])
        feedback = self.writer.record_feedback(
            application["id"], "Your SQL was excellent and you communicated clearly, but we wanted more "
            "concrete examples of impact.", received_on="2026-02-10")
        self.assertEqual((feedback["applicationID"], feedback["receivedOn"]), (application["id"], "2026-02-10"))
        self.assertTrue(feedback["themes"], "feedback is read for themes at once")
        listed = self.reader.list_feedback(application["id"])
        self.assertEqual([item["id"] for item in listed], [feedback["id"]])
        self.assertIn("concrete examples", listed[0]["text"])
        self.assertProblem(404, self.reader.list_feedback, 999999)
        self.assertProblem(422, self.writer.record_feedback, application["id"], "Fine.", received_on="2026-02-31",
                           field="receivedOn")

    # Tokens, scopes and problems.
    def test_a_read_token_cannot_write(self):
        some = self.reader.list_applications(per_page=1)["items"][0]["id"]
        for call, args, kwargs in [
            (self.reader.create_application, ("Acme", "Analyst"), {}),
            (self.reader.update_application, (some,), {"notes": "changed"}),
            (self.reader.delete_application, (some,), {}),
            (self.reader.move_application, (some, "interview"), {}),
            (self.reader.reject_application, (some,), {"reason": "No."}),
            (self.reader.close_application, (some, "ghosted"), {}),
            (self.reader.reopen_application, (some,), {}),
            (self.reader.record_feedback, (some, "Good."), {}),
            (self.reader.add_journal_entry, ("A quiet day.",), {}),
        ]:
            with self.subTest(call.__name__):
                problem = self.assertProblem(403, call, *args, **kwargs)
                self.assertIn("--scope write", problem.detail)
        self.assertIsNotNone(self.reader.get_application(some), "nothing was deleted")
        # Extracting skills changes nothing, so a read token may.
        self.assertTrue(self.reader.extract_skills("Python and SQL")["skills"])

    def test_without_a_valid_token_nothing_answers(self):
        for token in ("", "nyt_" + "0" * 64, "not a token"):
            with self.subTest(token=token):
                client = Client(self.server.base, token)
                problem = self.assertProblem(401, client.list_applications)
                self.assertIn("token", problem.title.lower())
                self.assertProblem(401, client.insights)
        spare = self.server.cli("api", "token", "create", "--name", "to revoke", "--json")
        spare = json.loads(spare)
        client = Client(self.server.base, spare["token"])
        self.assertTrue(client.wins())
        self.server.cli("api", "token", "revoke", str(spare["id"]))
        problem = self.assertProblem(401, client.wins)
        self.assertIn("revoked", problem.detail)
        # The document needs no token.
        self.assertEqual(Client(self.server.base, "").openapi_document()["openapi"], "3.1.0")

    def test_bad_dates_name_their_field(self):
        problem = self.assertProblem(422, self.writer.create_application, "Acme", "Analyst",
                                     applied_on="2026-13-45", field="appliedOn")
        self.assertIn("2026-13-45", problem.field_errors["appliedOn"])
        problem = self.assertProblem(422, self.writer.create_application, "", "", field="company")
        self.assertIn("role", problem.field_errors)
        application = self.new_application()
        self.assertProblem(422, self.writer.move_application, application["id"], "screening", on="2026-02-30", field="on")
        self.assertProblem(422, self.writer.update_application, application["id"], applied_on="yesterday-ish",
                           field="appliedOn")
        self.assertProblem(422, self.writer.add_journal_entry, "A day.", on="31/12/2026", field="on")
        self.assertProblem(422, self.reader.report, start="2026-13-01", field="from")

    def test_rate_limit_answers_429_with_retry_after(self):
        client = Client(self.server.base, self.server.cli("api", "token", "create", "--name", "busy").strip())
        with self.assertRaises(NextYesError) as caught:
            for _ in range(200):
                client.wins()
        self.assertEqual(caught.exception.status, 429)
        self.assertGreaterEqual(caught.exception.retry_after, 1)
        self.assertTrue(self.reader.wins(), "the limit is per token")

    # Learning.
    def test_insights_match_the_command_line(self):
        insights = self.reader.insights()
        self.assertEqual(insights, self.server.cli_json("insights", "--json"))
        summary = insights["summary"]
        for key in ("applications", "heardBack", "interviews", "offers", "rejections", "ghosted", "funnel"):
            self.assertIn(key, summary)
        self.assertGreaterEqual(summary["applications"], 25)

    def test_report(self):
        report = self.reader.report()
        self.assertEqual(set(report), set(json.loads(self.server.cli("report", "--format", "json"))))
        self.assertIn("control", report)
        period = self.reader.report(start=datetime.date(2026, 9, 1), end="2026-09-30")
        self.assertEqual(json.dumps(period, sort_keys=True), json.dumps(json.loads(self.server.cli(
            "report", "--format", "json", "--from", "2026-09-01", "--to", "2026-09-30")), sort_keys=True))
        problem = self.assertProblem(422, self.reader.report, start="2026-10-01", end="2026-09-01", field="from")
        self.assertIn("Swap", problem.detail)

    def test_report_on_a_very_long_period_answers_in_time(self):
        # Both days are valid dates in the document's sense; the answer may be the report or a
        # problem saying the period is too long, but it must come at once, not after seconds of work.
        impatient = Client(self.server.base, self.read_token, timeout=5)
        started = time.monotonic()
        try:
            impatient.report(start="0125-06-18", end="6493-04-19")
        except NextYesError as problem:
            self.assertIn(problem.status, (400, 422), str(problem))
        except OSError as error:
            self.fail(f"GET /report?from=0125-06-18&to=6493-04-19 gave no answer within 5 s ({error})")
        self.assertLess(time.monotonic() - started, 5)

    def test_skills(self):
        found = self.reader.extract_skills("You will build dashboards in Tableau and write Python every day.")
        labels = {skill["label"] for skill in found["skills"]}
        self.assertTrue({"Python", "Tableau"} <= labels, labels)
        python = next(skill for skill in found["skills"] if skill["label"] == "Python")
        self.assertEqual(python["text"], "Python")
        demand = self.reader.skill_demand()
        by_name = {entry["skill"]["name"]: entry for entry in demand}
        self.assertIn("SQL", by_name)
        self.assertEqual(by_name["SQL"]["profileLevel"], "strong")
        self.assertGreaterEqual(by_name["SQL"]["postings"], by_name["Python"]["postings"])

    # Momentum.
    def test_goals_progress_agenda_and_contacts(self):
        goals = self.reader.goals()
        self.assertIn("Python: from learning to working level", [goal["title"] for goal in goals])
        goals = [goal for goal in goals if goal["title"].startswith("Python")]
        self.assertEqual(goals[0]["status"], "active")
        progress = self.reader.progress()
        self.assertIn("history", progress)
        self.assertTrue(any(week["applications"] for week in progress["history"]))
        agenda = self.reader.agenda(days=60)
        self.assertTrue(agenda)
        days = [item["on"] for item in agenda]
        self.assertEqual(days, sorted(days), "agenda in date order")
        deadline = [item for item in agenda if item["kind"] == "plan-deadline"]
        self.assertEqual([item["goalID"] for item in deadline], [goals[0]["id"]])
        self.assertIn("Python", deadline[0]["title"])
        self.assertIn("follow-up", " ".join(item["kind"] for item in agenda))
        self.assertLessEqual(len(self.reader.agenda(days=1)), len(agenda))
        self.assertProblem(400, self.reader.agenda, days=0)
        contacts = self.reader.contacts()
        priya = [contact for contact in contacts if contact["details"]["name"] == "Priya Shah"]
        self.assertEqual(len(priya), 1)
        self.assertEqual(priya[0]["details"]["company"], "City Power & Light")

    # Care.
    def test_journal_and_the_support_card(self):
        calm = self.writer.add_journal_entry("Sent two applications and went for a walk.", mood=7,
                                             emotions=["hopeful"], on=datetime.date.today())
        self.assertNotIn("support", calm)
        self.assertEqual(calm["entry"]["mood"], 7)
        self.assertEqual(calm["entry"]["emotions"], ["hopeful"])

        heavy = self.writer.add_journal_entry(CRISIS)
        self.assertIn("support", heavy, "words of crisis get the support card")
        card = heavy["support"]
        self.assertTrue(card["title"] and card["message"] and card["emergency"] and card["lines"])
        self.assertTrue(all(line["name"] and line["contact"] for line in card["lines"]))
        self.assertEqual(heavy["entry"]["text"], CRISIS, "the entry is kept as written")

        texts = [entry["text"] for entry in self.reader.list_journal(days=7)]
        self.assertIn(CRISIS, texts)
        self.assertIn("Sent two applications and went for a walk.", texts)
        self.assertProblem(400, self.reader.list_journal, days=0)

    def test_wins(self):
        wins = self.reader.wins()
        titles = " ".join(win["title"] for win in wins)
        self.assertIn("City Power & Light", titles)
        days = [win["on"] for win in wins]
        self.assertEqual(days, sorted(days, reverse=True), "latest first")

    # Data.
    def test_export(self):
        backup = self.reader.export()
        companies = {application["company"] for application in backup["applications"]}
        self.assertTrue(SAMPLE_COMPANIES <= companies)
        self.assertEqual(len(backup["applications"]), len(self.server.cli_json("list", "--json")))
        self.assertEqual(set(backup), set(json.loads(self.server.cli("export", "--format", "json"))))

    def test_timeline_interviews_contacts_targets_wins_and_goals_of_ones_own(self):
        city = 20  # City Power & Light in the sample, at the final round
        timeline = self.reader.list_timeline(city)
        self.assertEqual(timeline, self.reader.get_application(city)["timeline"])
        self.assertEqual([event["stage"] for event in timeline if event["kind"] == "moved"][-1], "final-round")
        self.assertEqual(self.reader.list_feedback_requests(city), [])
        self.assertIsInstance(self.reader.get_reflection(16), dict)
        self.assertProblem(404, self.reader.list_timeline, 999999)

        contact = self.writer.create_contact("Sam Lee", role="interviewer", company="City Power & Light",
                                             email="sam@example.com")
        self.assertEqual(contact["details"]["name"], "Sam Lee")
        round_ = self.writer.add_interview(city, "2026-12-03", time="10:00", interviewer_ids=[contact["id"]],
                                           notes="Panel with the data team")
        self.assertEqual((round_["applicationID"], round_["on"], round_["interviewerIDs"]), (city, "2026-12-03", [contact["id"]]))
        self.assertIn(round_["id"], [item["id"] for item in self.reader.list_application_interviews(city)])
        self.assertIn(round_["id"], [item["id"] for item in self.reader.list_interviews()])
        self.assertProblem(422, self.writer.add_interview, city, "2026-02-30", field="on")
        talk = self.writer.log_conversation(contact["id"], "coffee-chat", on="2026-11-20", note="About the team")
        self.assertEqual((talk["contactID"], talk["kind"]), (contact["id"], "coffee-chat"))
        shown = self.reader.get_contact(contact["id"])
        self.assertEqual(shown["contact"]["details"]["company"], "City Power & Light")
        self.assertIn(city, shown["applicationIDs"])
        self.assertProblem(404, self.reader.get_contact, 999999)
        self.assertProblem(403, self.reader.create_contact, "Nobody")

        self.writer.set_targets(6, 2, 3.5)
        self.assertEqual(self.reader.targets(), {"applications": 6, "conversations": 2, "skillHours": 3.5})
        self.assertProblem(422, self.writer.set_targets, 500, 2, 3, field="applications")
        win = self.writer.add_win("Finished a SQL course", on="2026-11-20")
        self.assertIn(win["id"], [item["id"] for item in self.reader.wins()])
        goal = self.writer.add_goal("Learn dbt", "course", "Finish the dbt fundamentals course", "2027-01-31", 3)
        self.assertEqual(goal["status"], "active")
        self.assertIn("Learn dbt", [item["title"] for item in self.reader.goals()])

    def test_restore_goes_only_into_an_empty_nextyes(self):
        backup = self.reader.export()
        problem = self.assertProblem(409, self.writer.restore, backup)
        self.assertIn("empty", problem.detail)
        empty = Server()
        try:
            empty.start()
            token = empty.cli("api", "token", "create", "--name", "restore", "--scope", "write").strip()
            Client(empty.base, token).restore(backup)
            self.assertEqual(sorted(item["id"] for item in empty.cli_json("list", "--json")),
                             sorted(item["id"] for item in backup["applications"]))
        finally:
            empty.stop()

    # The example script.
    def test_example_summary_counts_match_the_command_line(self):
        for how in ("environment", "arguments"):
            with self.subTest(how):
                env = dict(os.environ)
                args = [sys.executable, os.path.join(HERE, "example_summary.py")]
                if how == "environment":
                    env.update(NEXTYES_URL=self.server.base, NEXTYES_TOKEN=self.read_token)
                else:
                    env.pop("NEXTYES_URL", None), env.pop("NEXTYES_TOKEN", None)
                    args += ["--url", self.server.base, "--token", self.read_token]
                output = subprocess.run(args, capture_output=True, text=True, check=True, env=env).stdout
                summary = self.server.cli_json("insights", "--json")["summary"]
                outcomes = collections.Counter(item["outcome"] for item in self.server.cli_json("list", "--json"))

                self.assertIn(f"Applications: {summary['applications']}\n", output)
                self.assertIn(f"Heard back: {summary['heardBack']} of {summary['applications']}\n", output)
                self.assertIn(f"Interviews: {summary['interviews']}\n", output)
                self.assertIn(f"Offers: {summary['offers']}\n", output)
                self.assertIn(f"  {outcomes['open']} still open\n", output)
                self.assertIn(f"  {outcomes['rejected']} rejected\n", output)
                if outcomes["ghosted"]:
                    self.assertIn(f"  {outcomes['ghosted']} with no reply\n", output)
                self.assertEqual(outcomes["ghosted"], summary["ghosted"])
                self.assertEqual(sum(outcomes.values()), summary["applications"])
        refused = subprocess.run([sys.executable, os.path.join(HERE, "example_summary.py"), "--url", self.server.base,
                                  "--token", "nyt_nope"], capture_output=True, text=True)
        self.assertEqual(refused.returncode, 1)
        self.assertIn("401", refused.stderr)


if __name__ == "__main__":
    unittest.main()
