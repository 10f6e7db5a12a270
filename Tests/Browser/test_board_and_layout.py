"""The board, the table and the layout on a desktop and a phone, with the real page in headless
Chromium: drag and drop, the keyboard move, search and sort, the navigation, and no page wider
than a 390 px phone. Screenshots of every main page at both widths land in artifacts/screenshots/layout."""
import os
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from harness import ARTIFACTS, BrowserTestCase

MAIN_PAGES = ["/", "/applications", "/applications/1", "/agenda", "/contacts", "/progress", "/insights", "/skills",
              "/plan", "/practice", "/journal", "/wins", "/support", "/profile", "/settings", "/report", "/import",
              "/mail", "/applications/new", "/applications/from-posting"]


def phone(driver):
    """A 390 px wide phone screen, as the browser's device emulation gives it."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})


class BoardTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        self.ids = {}
        for company, role, stage, location, notes in (
                ("Initech", "Data Analyst", "screening", "Leeds", "Met Sam at the meetup"),
                ("Globex", "Product Analyst", "interview", "Remote", ""),
                ("Umbrella", "BI Developer", None, "Bristol", "Referral from Priya"),
                ("Aperture Science Laboratories Incorporated", "Analyst", None, "", "")):
            args = ["add", "--company", company, "--role", role]
            if location:
                args += ["--location", location]
            if notes:
                args += ["--notes", notes]
            self.ids[company] = self.server.cli(*args).strip()
            if stage:
                self.server.cli("move", self.ids[company], stage)
        self.login()

    def column_of(self, company):
        for column in self.driver.find_elements(By.CSS_SELECTOR, ".board .column"):
            if company in column.text:
                return column.get_attribute("data-stage")
        return None

    def stage_from_cli(self, company):
        return self.server.cli("show", self.ids[company], "--json")

    def test_a_card_is_dragged_to_another_stage(self):
        self.open("/applications")
        self.assertEqual(self.column_of("Umbrella"), "applied")
        card = self.driver.find_element(By.CSS_SELECTOR, f"[data-move-card='{self.ids['Umbrella']}']")
        target = self.driver.find_element(By.CSS_SELECTOR, ".board .column[data-stage='interview']")
        page = self.driver.find_element(By.TAG_NAME, "html")
        # Chromium's driver cannot drive a native HTML drag, so the test sends the same events a
        # mouse drag sends, in the same order, to the same elements.
        self.driver.execute_script("""
            const [card, target] = arguments;
            const data = new DataTransfer();
            card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
            target.dispatchEvent(new DragEvent('dragenter', {bubbles: true, cancelable: true, dataTransfer: data}));
            target.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
            target.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
            card.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));
        """, card, target)
        WebDriverWait(self.driver, 15).until(lambda _: self._replaced(page))
        self.assertEqual(self.column_of("Umbrella"), "interview")
        self.assertIn('"stage" : "interview"', self.stage_from_cli("Umbrella").replace('":"', '" : "'))
        self.assertIn("Moved BI Developer at Umbrella to interview.", self.text())
        self.screenshot("layout/board-after-drag")

    def test_a_card_is_moved_with_the_keyboard(self):
        self.open("/applications")
        card = self.driver.find_element(By.CSS_SELECTOR, f"[data-move-card='{self.ids['Initech']}']")
        summary = card.find_element(By.TAG_NAME, "summary")
        # Tab to the card's Move menu, open it with Enter, go to "Assessment", press Enter.
        self.driver.execute_script("arguments[0].focus()", card.find_element(By.CSS_SELECTOR, "a.tile"))
        self.driver.switch_to.active_element.send_keys(Keys.TAB)
        self.assertEqual(self.driver.switch_to.active_element, summary)
        summary.send_keys(Keys.ENTER)
        self.driver.switch_to.active_element.send_keys(Keys.TAB)  # Saved
        self.driver.switch_to.active_element.send_keys(Keys.TAB)  # Applied
        self.driver.switch_to.active_element.send_keys(Keys.TAB)  # Assessment (Screening is where it is)
        self.assertEqual(self.driver.switch_to.active_element.text, "Assessment")
        page = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.switch_to.active_element.send_keys(Keys.ENTER)
        WebDriverWait(self.driver, 15).until(lambda _: self._replaced(page))
        self.assertEqual(self.column_of("Initech"), "assessment")
        self.assertTrue(self.driver.current_url.endswith("/applications"))

    def test_a_move_that_cannot_be_made_says_why_and_changes_nothing(self):
        self.open("/applications")
        self.server.cli("reject", self.ids["Globex"], "--category", "no-reason-given")
        card = self.driver.find_element(By.CSS_SELECTOR, f"[data-move-card='{self.ids['Globex']}']")
        card.find_element(By.TAG_NAME, "summary").click()
        self.click_button_in(card, "Offer")
        self.assertIn("Nothing was changed", self.driver.find_element(By.CSS_SELECTOR, ".flash.problem").text)
        self.assertIn('"outcome" : "rejected"', self.stage_from_cli("Globex").replace('":"', '" : "'))

    def click_button_in(self, element, text):
        self._click(element.find_element(By.XPATH, f".//button[normalize-space()='{text}']"), True)

    def test_search_covers_location_and_notes_and_every_column_sorts(self):
        self.open("/applications?q=priya")
        rows = self.driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")
        self.assertEqual([r.find_element(By.TAG_NAME, "td").text for r in rows], ["Umbrella"])
        self.open("/applications?q=leeds")
        self.assertIn("Initech", self.driver.find_element(By.CSS_SELECTOR, "table.data tbody").text)
        self.assertNotIn("Globex", self.driver.find_element(By.CSS_SELECTOR, "table.data tbody").text)

        self.open("/applications")
        def companies():
            return [r.find_element(By.TAG_NAME, "td").text for r in self.driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")]
        def heading(title):
            self._click(self.driver.find_element(By.XPATH, f"//th/a[starts-with(normalize-space(.), '{title}')]"), True)
        heading("Company")
        self.assertEqual(companies(), sorted(companies(), key=str.lower))
        self.assertEqual(self.driver.find_element(By.XPATH, "//th[@aria-sort]").get_attribute("aria-sort"), "ascending")
        heading("Company")
        self.assertEqual(companies(), sorted(companies(), key=str.lower, reverse=True))
        self.assertEqual(self.driver.find_element(By.XPATH, "//th[@aria-sort]").get_attribute("aria-sort"), "descending")
        heading("Stage")
        self.assertEqual(companies()[0], "Globex")  # interview is furthest along
        heading("Role")
        roles = [r.find_elements(By.TAG_NAME, "td")[1].text.split("\n")[0] for r in self.driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")]
        self.assertEqual(roles, sorted(roles, key=str.lower))
        # The order chosen by a heading stays when searching.
        self.fill("q", "analyst")
        self.click_button("Show")
        self.assertIn("sort=role", self.driver.current_url)

    def test_long_names_wrap_inside_their_column(self):
        self.open("/applications")
        card = self.driver.find_element(By.CSS_SELECTOR, f"[data-move-card='{self.ids['Aperture Science Laboratories Incorporated']}']")
        column = card.find_element(By.XPATH, "ancestor::div[contains(@class,'column')]")
        self.assertLessEqual(card.rect["x"] + card.rect["width"], column.rect["x"] + column.rect["width"] + 1)
        # At 1280 px every stage column is on screen, Offer included.
        offer = self.driver.find_element(By.CSS_SELECTOR, ".board .column[data-stage='offer']")
        self.assertLessEqual(offer.rect["x"] + offer.rect["width"], self.driver.execute_script("return document.documentElement.clientWidth"))


class LayoutTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        self.server.cli("demo")
        self.login()

    def measure(self):
        return self.driver.execute_script("""
            const header = document.querySelector('header.site').getBoundingClientRect().height;
            return {header: header, scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth};""")

    def test_every_main_page_fits_a_phone_and_a_desktop(self):
        os.makedirs(os.path.join(ARTIFACTS, "layout"), exist_ok=True)
        for width in (1280, 390):
            if width == 390:
                phone(self.driver)
            for path in MAIN_PAGES:
                self.open(path)
                m = self.measure()
                self.assertLessEqual(m["scroll"], m["width"], f"{path} is wider than the screen at {width} px")
                if width == 390:
                    self.assertLess(m["header"], 120, f"{path}: the header takes {m['header']} px of a phone screen")
                else:
                    self.assertLess(m["header"], 70, f"{path}: the header wraps at 1280 px ({m['header']} px)")
                name = path.strip("/").replace("/", "-") or "dashboard"
                self.screenshot(f"layout/{name}-{width}")

    def test_the_navigation_opens_on_a_desktop_and_as_a_menu_on_a_phone(self):
        self.open("/")
        insights = self.driver.find_element(By.CSS_SELECTOR, "nav.primary a[href='/insights']")
        self.assertFalse(insights.is_displayed())
        self.driver.find_element(By.XPATH, "//button[contains(@class,'group-name')][normalize-space()='Learn']").click()
        self.assertTrue(insights.is_displayed())
        self.click_link("Insights")
        self.assertIn("/insights", self.driver.current_url)
        # The group of the page you are on says where you are.
        self.assertIn("Learn: Insights", self.driver.find_element(By.CSS_SELECTOR, ".group.current button").text)

        phone(self.driver)
        self.open("/")
        journal = self.driver.find_element(By.CSS_SELECTOR, "nav.primary a[href='/journal']")
        self.assertFalse(journal.is_displayed())
        self.driver.find_element(By.CSS_SELECTOR, "label.menu-button").click()
        self.assertTrue(journal.is_displayed())
        self.screenshot("layout/menu-390")
        self.click_link("Journal")
        self.assertIn("/journal", self.driver.current_url)


if __name__ == "__main__":
    unittest.main()
