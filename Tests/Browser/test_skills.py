"""Skills, driven in a real browser: seed the profile from a resume, see a posting's gaps, accept a goal."""
import unittest

from selenium.webdriver.common.by import By

from harness import BrowserTestCase


class SkillsFlowTest(BrowserTestCase):
    def test_a_person_turns_a_posting_into_a_goal(self):
        self.login()
        self.open("/profile")
        self.assertIn("No skills yet", self.text())
        self.fill("resume", "Reporting analyst. Built weekly reports in SQL and Microsoft Excel; learning Python.")
        self.click_button("Find skills")
        self.assertIn("NextYes found 3 skills", self.text())
        # Untick Python: the person is still learning it.
        box = self.driver.find_element(By.XPATH, "//label[.//span[normalize-space()='Python']]/input")
        box.click()
        self.assertFalse(box.is_selected())
        self.click_button("Keep these skills")
        self.assertIn("Added 2 skills to your profile.", self.text())
        rows = [row.text for row in self.driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")]
        self.assertEqual(2, len(rows), rows)
        self.assertFalse(any("Python" in row for row in rows), rows)
        self.screenshot("20-profile-skills")

        for company in ("Acme", "Globex", "Initech", "Umbrella"):
            self.open("/applications/new")
            self.fill("company", company)
            self.fill("role", "Data Analyst")
            self.fill("jobDescription", "You will write SQL, automate reports with Python and build dashboards in Tableau.")
            self.click_button("Add application")
        # The tools by name, and the work the posting asks for ("automate reports", "build
        # dashboards") read as reporting and dashboarding.
        self.assertIn("Your profile covers 20% of the 5 skills this posting names.", self.text())
        marked = [m.text for m in self.driver.find_elements(By.TAG_NAME, "mark")]
        self.assertEqual(["SQL", "reports", "Python", "dashboards", "Tableau"], marked)
        self.screenshot("21-application-skills")

        self.open("/skills")
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "svg"), "the demand chart should be drawn")
        self.assertIn("asked for in 4 of 4 postings; not in your profile", self.text())
        self.screenshot("22-skills-demand")

        self.click_link("Turn the gaps into a plan")
        self.assertIn("Build working knowledge of Python", self.text())
        card = self.driver.find_elements(By.CSS_SELECTOR, "form.stacked")[0]
        # A suggestion goes in with one press; its fields open only to change it first.
        self.assertFalse(card.find_element(By.NAME, "weeklyHours").is_displayed())
        card.find_element(By.XPATH, ".//summary[normalize-space()='Change it before adding']").click()
        hours = card.find_element(By.NAME, "weeklyHours")
        hours.clear()
        hours.send_keys("2")
        self.screenshot("23-plan-suggestions")
        self._click(card.find_element(By.XPATH, ".//button[normalize-space()='Add to my plan']"), True)
        self.assertIn("to your plan", self.text())
        self.assertIn("2 h a week", self.text())
        self.click_button("Log time")
        self.assertIn("Logged 1 hour. Every hour counts.", self.text())
        self.click_button("Mark done")
        self.assertIn("it's now in your wins", self.text())
        self.open("/wins")
        self.assertIn("Goal done:", self.text())
        self.assert_no_alert()


if __name__ == "__main__":
    unittest.main()
