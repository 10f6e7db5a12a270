"""The career report on paper, and the charts on a phone, in a real browser.

The sample search prints on at most four A4 pages, and every chart's smallest text stays readable
(10 CSS px or more) on a 390 px wide phone."""
import base64
import datetime
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import harness  # noqa: E402
from harness import BrowserTestCase  # noqa: E402

A4 = {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True}
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
CHART_PAGES = ["/insights", "/progress", "/skills", "/journal", "/report"]

# The rendered size of each chart's text in CSS px: the font size in the SVG's own units times the
# scale the SVG is drawn at (its screen matrix), the smallest first.
SMALLEST_TEXT = """
return Array.from(document.querySelectorAll('svg.chart')).map(svg => {
  const sizes = Array.from(svg.querySelectorAll('text')).map(t => {
    const m = t.getScreenCTM();
    const scale = Math.hypot(m.a, m.b);
    return parseFloat(getComputedStyle(t).fontSize) * scale;
  });
  return {id: svg.id || svg.getAttribute('aria-labelledby') || '', smallest: sizes.length ? Math.min(...sizes) : null,
          texts: sizes.length, titled: !!svg.querySelector('title') && !!svg.querySelector('desc'),
          width: svg.getBoundingClientRect().width};
});
"""


def pdf_pages(pdf):
    """The number of pages: the page objects (not the /Pages tree), or the tree's count."""
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    if pages:
        return pages
    counts = [int(n) for n in re.findall(rb"/Count\s+(\d+)", pdf)]
    return max(counts) if counts else 0


class ReportPrintTest(BrowserTestCase):
    def load_sample(self):
        self.login()
        self.click_button("Load sample data")

    def test_the_sample_report_fits_on_four_a4_pages(self):
        self.load_sample()
        self.open("/report")
        text = self.text()
        self.assertIn("Next three steps", text)
        self.assertNotIn("))", text, "a share in brackets is never wrapped in a second pair")
        self.assertNotRegex(text, r"Conversations: 0(, 0)+", "a row of zeros is not shown as raw text")
        printed = self.driver.execute_cdp_cmd("Page.printToPDF", A4)
        pdf = base64.b64decode(printed["data"])
        self.assertTrue(pdf.startswith(b"%PDF"))
        os.makedirs(harness.ARTIFACTS, exist_ok=True)
        with open(os.path.join(harness.ARTIFACTS, "career-report-print.pdf"), "wb") as f:
            f.write(pdf)
        pages = pdf_pages(pdf)
        self.assertGreater(pages, 0)
        self.assertLessEqual(pages, 4, f"the sample report printed on {pages} A4 pages")

    def test_chart_text_is_readable_on_a_phone(self):
        self.load_sample()
        # A few mood check-ins, so the journal and the report (once it includes them) draw mood too.
        today = datetime.date.today()
        for back, mood in ((12, 4), (9, 5), (5, 7), (2, 6)):
            self.server.cli("journal", "add", "--mood", str(mood), "--on", (today - datetime.timedelta(days=back)).isoformat())
        self.open("/report")
        self.click_button("Include how I felt")
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
        try:
            report = []
            for path in CHART_PAGES:
                self.open(path)
                charts = self.driver.execute_script(SMALLEST_TEXT)
                self.assertTrue(charts, f"{path} shows a chart for the sample search")
                name = path.strip("/")
                self.screenshot(f"chart-390-{name}")
                for chart in charts:
                    report.append((path, chart))
                    self.assertTrue(chart["titled"], f"every chart on {path} has a title and a description")
                    self.assertGreater(chart["texts"], 0)
                    self.assertLessEqual(chart["width"], 390, f"a chart on {path} is wider than the phone")
                    self.assertGreaterEqual(chart["smallest"], 10, f"chart text on {path} ({chart['id']}) renders at {chart['smallest']:.1f} px")
            ids = {chart["id"] for _, chart in report}
            for expected in ("chart-funnel", "chart-cuts", "chart-weekly-applications", "chart-demand", "chart-mood",
                             "chart-report-funnel", "chart-report-momentum", "chart-report-mood"):
                self.assertIn(expected, ids)
            smallest = min(chart["smallest"] for _, chart in report)
            print(f"\nsmallest chart text at 390 px: {smallest:.1f} px over {len(report)} charts")
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


if __name__ == "__main__":
    unittest.main()
