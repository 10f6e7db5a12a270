"""A career centre in a real browser: an SQLite file served with --accounts, people added on the
command line, a one-time link to choose a password, and signing in with the form, with the
requests Chromium makes by itself (the site's icon) in between."""
import re
import unittest

from selenium.webdriver.common.by import By

from harness import BrowserTestCase

PASSWORD = "correct horse battery"


class CentreTest(BrowserTestCase):
    server_args = ("--accounts",)

    def sign_in(self, email, password=PASSWORD):
        self.open("/login")
        self.fill("email", email)
        self.fill("password", password)
        self.click_button("Sign in")

    def test_people_choose_a_password_and_sign_in(self):
        self.server.cli("accounts", "add", "--email", "dee@uni.example", "--name", "Dee Admin", "--role", "admin",
                        "--password-stdin", input=PASSWORD)
        added = self.server.cli("accounts", "add", "--email", "ana@uni.example", "--name", "Ana Diaz")
        token = re.search(r"/link/(nyl_[0-9a-f]+)", added).group(1)

        # Ana opens her link, chooses a password and is in her own, empty NextYes.
        self.open("/link/" + token)
        self.fill("password", PASSWORD)
        self.click_button("Save and sign in")
        self.assertIn("Welcome to NextYes", self.text())
        self.assertNotIn("This form has expired", self.text())

        # On another browser session, she signs in with the form.
        self.driver.delete_all_cookies()
        self.sign_in("ana@uni.example")
        self.assertEqual(self.driver.current_url.rstrip("/"), self.server.base)
        self.assertIn("Welcome to NextYes", self.text())
        self.screenshot("70-centre-seeker-dashboard")

        # The admin signs in on a fresh browser session and lands on the accounts.
        self.driver.delete_all_cookies()
        self.sign_in("dee@uni.example")
        self.assertTrue(self.driver.current_url.endswith("/admin"), self.driver.current_url)
        self.assertIn("Ana Diaz", self.text())

        # A wrong password says so, and keeps the address typed.
        self.driver.delete_all_cookies()
        self.sign_in("ana@uni.example", "not her password")
        self.assertIn("don't match", self.text())
        self.assertEqual(self.driver.find_element(By.NAME, "email").get_attribute("value"), "ana@uni.example")


if __name__ == "__main__":
    unittest.main()
