"""The cohort report in Chromium at desktop and phone width: nothing wider than the screen,
and the problem table's names and statuses each on one line."""

import pytest

from carecourse.trainer.report import report_html

from test_trainer_pages import ASSIGNMENT, PROBLEMS, ROSTER, _results
from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

ONE_LINE = """(selector) => [...document.querySelectorAll(selector)].map((el) => {
  const range = document.createRange(); range.selectNodeContents(el);
  return [el.textContent, new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size];
})"""


def test_report_fits_the_screen_and_problem_rows_do_not_wrap_names(browser, artefacts, tmp_path):
    page_file = tmp_path / "report.html"
    page_file.write_text(report_html(ASSIGNMENT, _results(), PROBLEMS, ROSTER), encoding="utf-8")
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(page_file.as_uri())
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"the report is {overflow}px wider than a {label} screen"
        cells = page.evaluate(ONE_LINE, ".problems td.who b, .problems td.who span, .problems td.nw")
        assert cells and all(lines == 1 for _, lines in cells), f"wrapped on a {label} screen: {cells}"
        page.screenshot(path=str(artefacts / f"report-{label}.png"), full_page=True)
        context.close()
