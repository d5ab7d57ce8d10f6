"""The theme speaks Chinese on the course's pages and names its controls (carecourse.sphinx.theme,
_templates/, locales/zh_CN): no English-only label, no unnamed sidebar toggle."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from carecourse.sphinx.theme import label_toggles

SITE = Path(__file__).resolve().parents[1] / "_build" / "html"
LABEL = re.compile(r'\b(?:title|aria-label|data-bs-title|placeholder|alt)="([^"]*)"')
# Latin letters a Chinese label may hold: a key, a file type, the course's own acronyms.
LATIN_OK = {"Ctrl", "K", "PDF", "RATER", "MOT"}


def _pages() -> list[Path]:
    pages = sorted(p for p in SITE.rglob("*.html") if not p.relative_to(SITE).as_posix().startswith("_"))
    if not pages:
        pytest.fail(f"{SITE} has no pages: run `make book`")
    return pages


@pytest.mark.site
def test_no_label_or_hint_is_in_english():
    english = set()
    for page in _pages():
        html = page.read_text(encoding="utf-8")
        for label in LABEL.findall(html):
            if set(re.findall(r"[A-Za-z]+", label)) - LATIN_OK:
                english.add(label)
        english.update(re.findall(r"toggleHint\w+ = '([^']*[A-Za-z][^']*)'", html))
    assert english == set()


@pytest.mark.site
def test_every_sidebar_toggle_has_a_name():
    for page in _pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for summary in soup.select("nav.bd-docs-nav summary"):
            assert summary.get("aria-label") or summary.get_text(strip=True), page.name


def test_a_toggle_is_named_by_the_chapter_it_opens():
    html = (
        '<ul><li class="toctree-l1 has-children"><a class="reference internal" href="m4.html">4. 服务接触</a>'
        "<details><summary><span class=\"toctree-toggle\" role=\"presentation\"></span></summary><ul><li>x</li></ul>"
        "</details></li>"
        '<li class="toctree-l0 has-children"><details><summary><p class="caption">第一部分</p></summary></details></li></ul>'
    )
    soup = label_toggles(BeautifulSoup(html, "html.parser"))
    named, captioned = soup.select("summary")
    assert named["aria-label"] == "「4. 服务接触」的小节"
    assert "aria-label" not in captioned.attrs  # its caption names it
