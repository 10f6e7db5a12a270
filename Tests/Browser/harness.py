"""Shared pieces of the browser tests: the real `nextyes serve` on a temporary database, and
headless Chromium driven through Selenium with the chromedriver that Debian installs."""
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("NEXTYES_BIN", os.path.join(ROOT, ".build", "debug", "nextyes"))
ARTIFACTS = os.environ.get("NEXTYES_ARTIFACTS", os.path.join(ROOT, "artifacts", "screenshots"))


def find(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    raise RuntimeError(f"None of {names} is installed; install Debian's chromium and chromium-driver.")


class Server:
    """`nextyes serve` on a free port and a fresh SQLite file; gives the printed login link."""

    def __init__(self, extra_args=(), env=None):
        self.folder = tempfile.mkdtemp(prefix="nextyes-browser-")
        self.database = os.path.join(self.folder, "nextyes.sqlite")
        self.extra_args = list(extra_args)
        self.env = dict(os.environ, **(env or {}))
        self.process = None
        self.login_url = None

    def cli(self, *args, input=None):
        return subprocess.run([BINARY, *args, "--database", self.database], capture_output=True, text=True, check=True,
                              env=self.env, input=input).stdout

    def start(self):
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", "0", "--database", self.database, *self.extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env)
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line and self.process.poll() is not None:
                raise RuntimeError("nextyes serve stopped: " + self.process.stderr.read())
            match = re.search(r"(http://\S+\?token=[0-9a-f]+)", line)
            if match:
                self.login_url = match.group(1)
                self.base = self.login_url.split("/?")[0]
                return self
            # A career centre's server prints its sign-in page instead.
            match = re.search(r"(http://\S+)/login\b", line)
            if match:
                self.base = match.group(1)
                self.login_url = self.base + "/login"
                return self
        raise RuntimeError("nextyes serve printed no login link within a minute")

    def stop(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def make_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = find("chromium", "chromium-browser", "google-chrome")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--lang=en-GB"):
        options.add_argument(argument)
    # Pages write days in the order the browser's language uses; the tests read British pages.
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-GB,en"})
    driver = webdriver.Chrome(service=Service(executable_path=find("chromedriver")), options=options)
    driver.implicitly_wait(2)
    return driver


class BrowserTestCase(unittest.TestCase):
    server_args = ()
    server_env = None

    def setUp(self):
        self.server = Server(self.server_args, env=self.server_env).start()
        self.driver = make_driver()

    def tearDown(self):
        self.driver.quit()
        self.server.stop()

    # Helpers that read like a person using the page.
    def open(self, path):
        self.driver.get(self.server.base + path)

    def login(self):
        self.driver.get(self.server.login_url)
        self.assertNotIn("token=", self.driver.current_url, "the token should leave the address bar")

    def fill(self, name, value, by=By.NAME):
        field = self.driver.find_element(by, name)
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        else:
            field.clear()
            # Date inputs take keystrokes in the browser's locale; set them directly instead.
            if field.get_attribute("type") == "date":
                self.driver.execute_script("arguments[0].value = arguments[1]", field, value)
            else:
                field.send_keys(value)

    def click_button(self, text, navigates=True):
        self._click(self.driver.find_element(By.XPATH, f"//button[normalize-space()='{text}']"), navigates)

    def click_link(self, text):
        self._click(self.driver.find_element(By.LINK_TEXT, text), True)

    def _click(self, element, navigates):
        """Clicks and, when the click loads a page, waits until the new page has replaced the old."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        if navigates:
            WebDriverWait(self.driver, 15).until(lambda _: self._replaced(page))

    @staticmethod
    def _replaced(page):
        """Whether the old page's root is gone. Chromium sometimes reports a replaced node as
        "does not belong to the document" instead of a stale reference; both mean the same."""
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def screenshot(self, name):
        os.makedirs(ARTIFACTS, exist_ok=True)
        self.driver.save_screenshot(os.path.join(ARTIFACTS, f"{name}.png"))

    def assert_no_alert(self):
        try:
            alert = self.driver.switch_to.alert
            text = alert.text
            alert.dismiss()
            self.fail(f"a script ran and opened an alert: {text!r}")
        except Exception as error:  # NoAlertPresentException is the good outcome.
            if "no such alert" not in str(error).lower() and "noalertpresent" not in type(error).__name__.lower():
                raise
