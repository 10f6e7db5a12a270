"""The foundation, driven in a real browser: log in, add, move, log a rejection, see the board."""
import unittest

from selenium.webdriver.common.by import By

from harness import BrowserTestCase


class ApplicationFlowTest(BrowserTestCase):
    def test_a_person_tracks_an_application_through_a_rejection(self):
        self.open("/")
        self.assertIn("Open NextYes with your login link", self.text())
        self.screenshot("01-login-help")

        self.login()
        self.assertIn("Welcome to NextYes", self.text())
        self.screenshot("02-dashboard-empty")

        self.click_link("Add your first application")
        self.click_button("Add application", navigates=False)  # empty form: the browser refuses it
        self.assertIn("/applications", self.driver.current_url)
        self.fill("company", "Acme Analytics")
        self.fill("role", "Data Analyst")
        self.fill("appliedOn", "2026-01-05")
        self.fill("source", "referral")
        self.fill("url", "acme.example/jobs/42")
        self.fill("jobDescription", "We need SQL, Python and clear communication.")
        self.screenshot("03-add-form")
        self.click_button("Add application")
        self.assertIn("Added Data Analyst at Acme Analytics", self.text())
        self.assertIn("https://acme.example/jobs/42", self.driver.page_source)

        self.fill("stage", "interview")
        self.fill("on", "2026-01-20")
        self.click_button("Move")
        self.assertIn("Your application stood out", self.text())
        self.assertIn("Moved from applied to interview", self.text())
        self.screenshot("04-detail-after-move")

        self.click_link("Log a rejection")
        self.assertIn("A no from Acme Analytics", self.text())
        self.assertIn("they saw something in you", self.text())
        self.screenshot("05-rejection-acknowledge")
        self.click_link("Continue")
        self.fill("on", "2026-01-28")
        self.fill("reason", "We decided to go with an internal candidate.")
        self.fill("feelings", "disappointed, tired")
        self.fill("intensity", "7")
        self.screenshot("06-rejection-what-happened")
        self.click_button("Continue")
        self.assertIn("Was it in your control?", self.text())
        self.assertIn("say nothing about your worth", self.text())
        self.driver.find_element(By.CSS_SELECTOR, "input[name=category][value=internal-candidate]").click()
        self.assertTrue(self.driver.find_element(By.CSS_SELECTOR, "input[name=category][value=internal-candidate]").is_selected())
        self.screenshot("07-rejection-control")
        self.click_button("Save the rejection")
        self.assertIn("After Acme Analytics", self.text())
        self.assertIn("This one was out of your hands", self.text())
        self.screenshot("08-rejection-whats-next")

        self.click_link("See the application")
        body = self.text()
        self.assertIn("Rejected", body)
        self.assertIn("Internal candidate", body)
        self.assertIn("disappointed, tired (7/10)", body)
        self.assertIn("Interview", body)

        self.open("/applications?outcome=rejected")
        row = self.driver.find_element(By.XPATH, "//table//tr[td/a[text()='Acme Analytics']]")
        self.assertIn("Interview", row.text)  # the furthest stage survives the rejection
        self.screenshot("09-applications-table")

    def test_the_board_shows_open_applications_by_stage(self):
        for company, stage in (("Initech", "screening"), ("Globex", "interview"), ("Umbrella", None)):
            app_id = self.server.cli("add", "--company", company, "--role", "Analyst").strip()
            if stage:
                self.server.cli("move", app_id, stage)
        self.login()
        self.open("/applications")
        columns = {column.find_element(By.TAG_NAME, "h3").text.split("\n")[0]: column.text
                   for column in self.driver.find_elements(By.CSS_SELECTOR, ".board .column")}
        self.assertIn("Initech", columns["SCREENING"])
        self.assertIn("Globex", columns["INTERVIEW"])
        self.assertIn("Umbrella", columns["APPLIED"])
        self.screenshot("10-board")
        self.driver.set_window_size(390, 844)
        self.open("/applications")
        self.screenshot("11-board-phone")

    def test_hostile_text_shows_as_text_and_runs_nothing(self):
        hostile = "<script>alert(1)</script>"
        self.login()
        self.open("/applications/new")
        self.fill("company", hostile)
        self.fill("role", "<img src=x onerror=alert(2)>")
        self.fill("notes", "</textarea><script>alert(3)</script>")
        self.click_button("Add application")
        self.assert_no_alert()
        self.assertIn(hostile, self.text())
        for path in ("/", "/applications", "/applications/1", "/applications/1/edit", "/applications/1/reject"):
            self.open(path)
            self.assert_no_alert()
            self.assertEqual(self.driver.find_elements(By.XPATH, "//img[@src='x']"), [], path)
        self.open("/applications")
        self.assertIn(hostile, self.text())
        self.screenshot("12-hostile-text")

    def test_sample_data_from_the_empty_dashboard(self):
        self.login()
        self.click_button("Load sample data")
        self.assertIn("Loaded a sample search of 25 applications", self.text())
        self.screenshot("13-dashboard-sample")


if __name__ == "__main__":
    unittest.main()
