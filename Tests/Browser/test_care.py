"""Care first, in a real browser: words of crisis in the journal are saved as written and the very
next page opens with the support card (the person's own helpline, then their country's line);
an everyday idiom does not; the support card is the first thing in the page."""
import unittest

from selenium.webdriver.common.by import By

from harness import BrowserTestCase


class CareTest(BrowserTestCase):
    server_env = {"LANG": "en_GB.UTF-8", "LC_ALL": ""}

    def test_crisis_words_meet_support_first(self):
        self.login()
        self.open("/support")
        self.fill("helpline", "My GP's crisis line 0123 456")
        self.click_button("Save")

        self.open("/journal")
        self.fill("text", "This job hunt is killing me, dead tired after the panel.")
        self.click_button("Save entry")
        self.assertEqual(self.driver.find_elements(By.ID, "support-now"), [])

        entry = "Another no. I don't want to be alive anymore, everyone would be better off without me."
        self.fill("text", entry)
        self.click_button("Save entry")
        card = self.driver.find_element(By.ID, "support-now")
        self.assertTrue(card.is_displayed())
        self.assertIn("My GP's crisis line 0123 456", card.text)
        self.assertIn("Samaritans", card.text)
        self.assertIn("116 123", card.text)
        # First in the page, above everything else in the main area.
        first = self.driver.find_element(By.CSS_SELECTOR, "main > *:first-child")
        self.assertEqual(first.get_attribute("id"), "support-now")
        self.screenshot("50-support-card")

        # Saved exactly as written, with no thinking-trap analysis beside it.
        self.open("/journal")
        self.assertIn(entry, self.text())
        self.assertNotIn("Another way to see it", self.text())
        self.open("/")
        self.assertIn("Please reach out to someone now", self.text())
        self.assert_no_alert()


if __name__ == "__main__":
    unittest.main()
