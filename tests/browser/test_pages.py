"""Every page as a reader sees it: loads cleanly, works offline, reads on a phone."""

import pytest

from conftest import BUILT_MODULES, LABS  # tests/conftest.py (tests/ is on sys.path)

from .conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.site]

PAGES = ["index", *BUILT_MODULES.values(), *LABS, "glossary"]
EDITIONS = {"zh-Hans": "", "zh-Hant": "zh-Hant/"}  # where each edition's pages are


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("name", PAGES)
def test_page_loads_cleanly_offline_and_fits_a_phone(visit, artefacts, name, edition):
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        v = visit(f"{EDITIONS[edition]}book/{name}.html", viewport)
        v.page.wait_for_timeout(300)
        assert v.errors == [], f"{name} ({label}) console errors: {v.errors}"
        assert v.outside == [], f"{name} ({label}) outside requests: {v.outside}"
        overflow = v.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} is {overflow}px wider than a {label} screen"
        v.page.screenshot(path=str(artefacts / f"{name}-{edition}-{label}.png"), full_page=True)


def test_chinese_glyphs_render_as_real_glyphs_not_boxes(visit):
    # Without a CJK font every character is drawn as the same "missing glyph" box, so two
    # different characters rendering to identical pixels means the font is missing.
    v = visit("book/index.html")
    distinct = v.page.evaluate(
        """() => {
          const font = getComputedStyle(document.querySelector('h1')).font;
          const pixels = (ch) => {
            const c = document.createElement('canvas'); c.width = c.height = 64;
            const ctx = c.getContext('2d'); ctx.font = font.replace(/\\d+(\\.\\d+)?px/, '48px');
            ctx.fillText(ch, 4, 52); return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(',');
          };
          return new Set(['客', '户', '服', '务'].map(pixels)).size;
        }"""
    )
    assert distinct == 4
