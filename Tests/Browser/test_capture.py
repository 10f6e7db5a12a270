"""Postings and e-mails in, in a real browser: paste a posting and save it; paste a rejection
e-mail and land in the rejection flow filled in; upload a small mailbox, preview, apply."""
import os
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from harness import BrowserTestCase, ROOT

FIXTURES = os.path.join(ROOT, "Tests", "Fixtures")


class CaptureTest(BrowserTestCase):
    def set_value(self, name, value):
        """Long pasted text goes in as a paste would, all at once."""
        field = self.driver.find_element(By.NAME, name)
        self.driver.execute_script("arguments[0].value = arguments[1]", field, value)

    def test_a_pasted_posting_fills_the_form(self):
        self.login()
        self.open("/applications")
        self.click_link("Add from a posting")
        with open(os.path.join(FIXTURES, "postings", "northwind.txt"), encoding="utf-8") as f:
            self.set_value("posting", f.read())
        self.click_button("Read the posting")
        body = self.text()
        self.assertIn("What NextYes read in the posting", body)
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "#found mark"), "the evidence marks what was found")
        self.assertEqual(self.driver.find_element(By.NAME, "company").get_attribute("value"), "Northwind Traders")
        self.assertEqual(self.driver.find_element(By.NAME, "role").get_attribute("value"), "Senior Data Analyst")
        self.assertIn("Leeds", self.driver.find_element(By.NAME, "location").get_attribute("value"))
        self.assertIn("SQL", self.driver.find_element(By.NAME, "jobDescription").get_attribute("value"))
        self.screenshot("50-posting-read")
        self.click_button("Add application")
        self.assertIn("Added Senior Data Analyst at Northwind Traders", self.text())
        # The same posting again is flagged before saving.
        self.open("/applications/from-posting")
        with open(os.path.join(FIXTURES, "postings", "northwind.txt"), encoding="utf-8") as f:
            self.set_value("posting", f.read())
        self.click_button("Read the posting")
        self.assertIn("You may already have this one", self.text())
        self.assert_no_alert()

    def test_the_bookmarklet_brings_a_page_in(self):
        self.login()
        self.open("/settings")
        link = self.driver.find_element(By.LINK_TEXT, "Save to NextYes")
        script = link.get_attribute("href")
        self.assertTrue(script.startswith("javascript:"))
        # A job page on another site; the person clicks the bookmark there.
        self.driver.get("data:text/html;charset=utf-8,<title>Product Analyst - Contoso</title><body><h1>Product Analyst</h1>"
                        "<p>Contoso</p><p>Austin, TX</p><p>$95,000 - $115,000 a year. Full-time.</p></body>")
        before = set(self.driver.window_handles)
        self.driver.execute_script(script[len("javascript:"):])
        opened = (set(self.driver.window_handles) - before).pop()
        self.driver.switch_to.window(opened)
        from selenium.webdriver.support.ui import WebDriverWait
        WebDriverWait(self.driver, 15).until(lambda d: d.find_elements(By.ID, "found"))
        self.assertEqual(self.driver.find_element(By.NAME, "company").get_attribute("value"), "Contoso")
        self.assertEqual(self.driver.find_element(By.NAME, "role").get_attribute("value"), "Product Analyst")
        self.assertNotIn("#posting=", self.driver.current_url)
        self.click_button("Add application")
        self.assertIn("Added Product Analyst at Contoso", self.text())

    def test_a_rejection_email_opens_the_rejection_flow_filled_in(self):
        self.server.cli("add", "--company", "Northwind Traders", "--role", "Data Analyst", "--applied", "2026-10-20")
        self.login()
        self.open("/applications")
        self.click_link("I got an e-mail")
        with open(os.path.join(FIXTURES, "mail", "rejection.eml"), encoding="utf-8") as f:
            self.set_value("message", f.read())
        self.click_button("Read the e-mail")
        body = self.text()
        self.assertIn("A no", body)
        self.assertIn("Northwind Traders", body)
        self.assertIn("More experienced candidate", Select(self.driver.find_element(By.NAME, "category")).first_selected_option.text)
        self.assertEqual(Select(self.driver.find_element(By.NAME, "application")).first_selected_option.text, "Data Analyst at Northwind Traders")
        self.screenshot("51-mail-read")
        self.click_button("Continue to log the no")
        self.assertIn("A no from Northwind Traders", self.text())
        self.click_link("Continue")
        self.assertEqual(self.driver.find_element(By.NAME, "on").get_attribute("value"), "2026-11-18")
        self.assertIn("retail analytics", self.driver.find_element(By.NAME, "reason").get_attribute("value"))
        self.fill("feelings", "flat")
        self.click_button("Continue")
        checked = self.driver.find_element(By.CSS_SELECTOR, "input[name=category]:checked")
        self.assertEqual(checked.get_attribute("value"), "more-experienced-candidate")
        self.click_button("Save the rejection")
        self.assertIn("After Northwind Traders", self.text())
        self.click_link("See the application")
        self.assertIn("Rejected", self.text())
        self.assertIn("retail analytics", self.text(), "the e-mail is kept as feedback")
        self.assert_no_alert()

    def test_a_mailbox_is_previewed_and_applied(self):
        for company, role in (("Northwind Traders", "Data Analyst"), ("Contoso", "Product Analyst"), ("Fabrikam", "BI Developer")):
            self.server.cli("add", "--company", company, "--role", role, "--applied", "2026-10-20")
        self.login()
        self.open("/mail")
        self.driver.find_element(By.ID, "mailbox-file").send_keys(os.path.join(FIXTURES, "mail", "sample.mbox"))
        self.click_button("Read the mailbox")
        body = self.text()
        self.assertIn("Read 10 messages: 6 job updates for your applications", body)
        self.assertIn("4 not about a job", body)
        self.assertIn("Add the interview on 26 Nov 2026 at 10:00", body)
        self.screenshot("52-mailbox-preview")
        # Leave the offer out: only ticked changes are applied.
        offer = self.driver.find_element(By.XPATH, "//label[contains(., 'Move to offer')]/input")
        offer.click()
        self.click_button("Apply the ticked changes")
        self.assertIn("from your mailbox", self.text())
        self.open("/applications?outcome=rejected")
        rejected = self.text()
        self.assertIn("Northwind Traders", rejected)
        self.assertIn("Fabrikam", rejected)
        self.open("/applications")
        self.assertNotIn("Offer", self.driver.find_element(By.XPATH, "//table//tr[td/a[text()='Contoso']]").text)
        self.assert_no_alert()


if __name__ == "__main__":
    unittest.main()
