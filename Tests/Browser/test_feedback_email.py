"""The feedback e-mail in a real browser: the name typed once signs the message as it is written,
the mail link follows the edited text, "Copy the message" puts the edited text on the clipboard,
and the name is remembered for the next e-mail."""
import time
import unittest
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from harness import BrowserTestCase


class FeedbackEmailTest(BrowserTestCase):
    def test_edit_sign_copy_and_remember_the_name(self):
        self.server.cli("add", "--company", "Tailspin Toys, Inc.", "--role", "Analyst", "--applied", "2026-11-01")
        self.server.cli("move", "1", "interview")
        self.server.cli("reject", "1", "--category", "skills-gap")
        self.login()
        self.driver.execute_cdp_cmd("Browser.grantPermissions", {
            "origin": self.server.base, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        self.open("/applications/1/feedback/request?to=Dana%20Reyes&email=dana@tailspin.example")
        body = self.driver.find_element(By.NAME, "body")
        self.assertTrue(body.is_enabled() and body.get_attribute("readonly") is None)
        self.assertIn("[Your name]", body.get_attribute("value"))
        self.assertNotIn("Inc..", body.get_attribute("value"))

        # The name signs the message as it is typed.
        self.fill("senderName", "Sam Rivera")
        self.assertNotIn("[Your name]", body.get_attribute("value"))
        self.assertTrue(body.get_attribute("value").rstrip().endswith("Sam Rivera"))

        # An edit reaches the mail link.
        body.send_keys("\nP.S. Thank you for the quick reply.")
        link = self.driver.find_element(By.CSS_SELECTOR, "[data-feedback-mailto]")
        href = urllib.parse.unquote(link.get_attribute("href"))
        self.assertTrue(href.startswith("mailto:dana@tailspin.example?subject="))
        self.assertIn("P.S. Thank you for the quick reply.", href)
        self.assertIn("Sam Rivera", href)

        # Copy: shown only with the script, and it copies the edited text.
        copy = self.driver.find_element(By.CSS_SELECTOR, "[data-feedback-copy]")
        self.assertTrue(copy.is_displayed())
        copy.click()
        status = self.driver.find_element(By.CSS_SELECTOR, "[data-feedback-status]")
        WebDriverWait(self.driver, 5).until(lambda _: status.text)
        self.assertIn("Copied", status.text)
        copied = self.driver.execute_async_script(
            "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('ERROR ' + e); });")
        self.assertEqual(copied.replace("\r\n", "\n"), body.get_attribute("value").replace("\r\n", "\n"))
        self.assertIn("P.S. Thank you for the quick reply.", copied)
        self.assertTrue(self.driver.find_element(By.CSS_SELECTOR, "[data-feedback-without-script]").get_attribute("hidden") is not None)
        self.screenshot("60-feedback-email-edited")

        # The name was remembered in the background: the next draft is signed, with no question.
        time.sleep(1)
        self.open("/applications/1/feedback/request")
        self.assertEqual(self.driver.find_elements(By.NAME, "senderName"), [])
        self.assertTrue(self.driver.find_element(By.NAME, "body").get_attribute("value").rstrip().endswith("Sam Rivera"))


if __name__ == "__main__":
    unittest.main()
