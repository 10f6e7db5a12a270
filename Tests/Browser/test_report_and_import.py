"""The career report printed to PDF, and an import through the page, in a real browser."""
import base64
import os
import tempfile
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from harness import BrowserTestCase, ROOT


class ReportAndImportTest(BrowserTestCase):
    def test_the_report_prints_cleanly(self):
        self.login()
        self.click_button("Load sample data")
        self.open("/report")
        self.assertIn("Next three steps", self.text())
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "svg.chart"))
        self.screenshot("40-report")
        # In print, the navigation and the buttons go; the sections stay.
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        header = self.driver.find_element(By.CSS_SELECTOR, "header.site")
        self.assertFalse(header.is_displayed())
        self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, ".no-print").is_displayed())
        self.assertTrue(self.driver.find_element(By.XPATH, "//h2[normalize-space()='Next three steps']").is_displayed())
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        pdf = base64.b64decode(self.driver.print_page(PrintOptions()))
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertGreater(len(pdf), 20_000)
        os.makedirs(os.path.join(ROOT, "artifacts"), exist_ok=True)
        with open(os.path.join(ROOT, "artifacts", "career-report.pdf"), "wb") as f:
            f.write(pdf)

    def test_a_person_imports_their_tracker(self):
        self.login()
        self.open("/applications")
        self.click_link("Import from a file")
        sheet = os.path.join(tempfile.mkdtemp(), "my tracker.csv")
        with open(sheet, "w", encoding="utf-8") as f:
            f.write("Company,Job Title,Status,Date Applied\nAcme,Analyst,Applied,2026-10-01\nGlobex,Engineer,Pondering,2026-10-02\n")
        self.driver.find_element(By.NAME, "file").send_keys(sheet)
        self.click_button("Preview")
        self.assertIn("Preview: spreadsheet, 2 rows", self.text())
        self.screenshot("41-import-preview")
        select = self.driver.find_element(By.XPATH, "//label[contains(., 'pondering')]/following-sibling::select")
        from selenium.webdriver.support.ui import Select
        Select(select).select_by_value("interview")
        self.click_button("Import 2 applications")
        self.assertIn("Imported 2 applications.", self.text())
        self.assertIn("Globex Engineer Interview", self.text())
        self.assert_no_alert()


if __name__ == "__main__":
    unittest.main()
