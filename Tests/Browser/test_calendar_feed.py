"""The calendar feed, read by a real iCalendar parser (the `icalendar` package), from the real
server running in a time zone with daylight saving."""
import datetime
import re
import unittest
import urllib.error
import urllib.request
from zoneinfo import ZoneInfo

import icalendar

from harness import Server

ZONE = "America/New_York"


class CalendarFeedTest(unittest.TestCase):
    def setUp(self):
        self.server = Server(env={"TZ": ZONE}).start()

    def tearDown(self):
        self.server.stop()

    def test_calendar_apps_can_read_the_feed(self):
        tz = ZoneInfo(ZONE)
        today = datetime.datetime.now(tz).date()
        soon = today + datetime.timedelta(days=10)
        later = today + datetime.timedelta(days=150)  # on the other side of a daylight-saving change
        cli = self.server.cli
        cli("add", "--company", "Acme, Inc; Ltd", "--role", "Data Analyst", "--applied", str(today - datetime.timedelta(days=20)))
        cli("move", "1", "interview")
        cli("contacts", "add", "--name", "Zoë Ångström", "--role", "hiring-manager", "--company", "Acme", "--application", "1")
        cli("interviews", "add", "1", "--on", str(soon), "--time", "09:30", "--type", "panel", "--with", "1",
            "--notes", "Bring the portfolio. " + "Ask about the data team's roadmap, tooling and on-call. " * 3)
        cli("interviews", "add", "1", "--on", str(later), "--time", "16:00", "--type", "onsite")
        cli("add", "--company", "Globex", "--role", "Analyst", "--applied", str(today - datetime.timedelta(days=9)))

        url = cli("agenda", "--feed-url").strip().replace("http://127.0.0.1:8080", self.server.base)
        with urllib.request.urlopen(url) as response:
            self.assertEqual(200, response.status)
            self.assertTrue(response.headers["Content-Type"].startswith("text/calendar"))
            raw = response.read()

        text = raw.decode("utf-8")
        self.assertTrue(text.endswith("\r\n"))
        for line in text.split("\r\n"):
            self.assertLessEqual(len(line.encode("utf-8")), 75, line)

        calendar = icalendar.Calendar.from_ical(raw)
        self.assertEqual("2.0", str(calendar["VERSION"]))
        self.assertIn("PRODID", calendar)
        events = calendar.walk("VEVENT")
        self.assertEqual(len(events), len({str(e["UID"]) for e in events}), "UIDs must be unique")
        for event in events:
            for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
                self.assertIn(prop, event)

        interviews = sorted((e for e in events if str(e["SUMMARY"]).startswith("Interview:")), key=lambda e: e.decoded("DTSTART"))
        self.assertEqual(2, len(interviews))
        self.assertEqual("Interview: Data Analyst at Acme, Inc; Ltd", str(interviews[0]["SUMMARY"]))
        for event, day, hour, minute in ((interviews[0], soon, 9, 30), (interviews[1], later, 16, 0)):
            expected = datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
            start = event.decoded("DTSTART")
            self.assertEqual(expected, start, "the local time must survive the trip through UTC")
            self.assertEqual(datetime.timedelta(hours=1), event.decoded("DTEND") - start)
        description = str(interviews[0]["DESCRIPTION"])
        self.assertIn("With Zoë Ångström.", description)
        self.assertIn("Ask about the data team's roadmap, tooling and on-call. " * 2, description)

        reminders = [e for e in events if str(e["CATEGORIES"].cats[0] if hasattr(e["CATEGORIES"], "cats") else e["CATEGORIES"]) == "Application follow-up"]
        self.assertTrue(reminders, "the follow-up on Globex should be in the feed")
        self.assertIsInstance(reminders[0].decoded("DTSTART"), datetime.date)
        self.assertNotIsInstance(reminders[0].decoded("DTSTART"), datetime.datetime)

        wrong = re.sub(r"/feed/[0-9a-f]+", "/feed/" + "0" * 64, url)
        with self.assertRaises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(wrong)
        self.assertEqual(404, caught.exception.code)


if __name__ == "__main__":
    unittest.main()
