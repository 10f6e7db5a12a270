"""Momentum and network, driven in a real browser: targets, a contact and a conversation, an
interview on the agenda, and one practice answer rated."""
import datetime
import unittest

from selenium.webdriver.common.by import By

from harness import BrowserTestCase


class MomentumFlowTest(BrowserTestCase):
    def test_a_week_of_search_work(self):
        self.login()
        self.open("/progress")
        self.assertIn("No targets yet", self.text())
        self.fill("applications", "3")
        self.fill("conversations", "1")
        self.fill("skillHours", "2")
        self.click_button("Set targets")
        self.assertIn("These targets count from this week on", self.text())
        self.screenshot("30-progress")

        self.open("/applications/new")
        self.fill("company", "Acme")
        self.fill("role", "Data Analyst")
        self.click_button("Add application")

        self.open("/contacts")
        self.fill("name", "Sam Lee")
        self.fill("role", "recruiter")
        self.fill("company", "Acme")
        self.click_button("Add contact")
        self.fill("kind", "coffee-chat")
        self.fill("note", "They hire analysts in spring.")
        self.click_button("Log it")
        self.assertIn("That's a win", self.text())
        self.fill("applicationID", "1")
        self.click_button("Link")
        self.assertIn("Linked Sam Lee to Data Analyst at Acme", self.text())
        self.screenshot("31-contact")

        soon = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
        self.open("/applications/1")
        # The page has another date field (moving the stage); the interview form's fields have their own ids.
        self.fill("interview-on", soon, by=By.ID)
        self.fill("interview-time", "14:30", by=By.ID)
        self.fill("interview-type", "panel", by=By.ID)
        self.driver.find_element(By.XPATH, "//label[.//span[contains(., 'Sam Lee')]]/input").click()
        self.click_button("Add interview")
        self.assertIn("It's on your agenda", self.text())

        self.open("/")
        self.assertIn("Coming up", self.text())
        self.assertIn("Interview: Data Analyst at Acme at 14:30", self.text())
        self.assertIn("1 of 1 ✓", self.text())
        self.screenshot("32-dashboard-week")

        self.click_link("Open the agenda")
        self.assertIn("Panel interview for Data Analyst at Acme. With Sam Lee.", self.text())
        self.assertIn("/feed/", self.text())
        self.screenshot("33-agenda")

        self.open("/practice")
        for part in ("situation", "task", "action", "result"):
            self.fill(part, "4" if part != "result" else "2")
        self.click_button("Save my rating")
        self.assertIn("Next time, for the result", self.text())
        self.screenshot("34-practice")
        self.assert_no_alert()


if __name__ == "__main__":
    unittest.main()
