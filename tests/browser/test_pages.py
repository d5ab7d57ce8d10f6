"""Every page as a reader sees it: loads cleanly, works offline, reads on a phone."""

import pytest

from .conftest import DESKTOP, PHONE

PAGES = ["index", "m1-care", "m2-value", "m3-rater", "m4-touchpoints", "m4-lab", "glossary"]


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_cleanly_offline_and_fits_a_phone(visit, artefacts, name):
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        v = visit(f"book/{name}.html", viewport)
        v.page.wait_for_timeout(300)
        assert v.errors == [], f"{name} ({label}) console errors: {v.errors}"
        assert v.outside == [], f"{name} ({label}) outside requests: {v.outside}"
        overflow = v.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} is {overflow}px wider than a {label} screen"
        v.page.screenshot(path=str(artefacts / f"{name}-{label}.png"), full_page=True)


def test_chinese_glyphs_render_in_a_cjk_font(visit):
    v = visit("book/index.html")
    family = v.page.evaluate(
        """() => { const h = document.querySelector('h1'); const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = getComputedStyle(h).font; return ctx.measureText('客').width > ctx.measureText('i').width * 1.5; }"""
    )
    assert family is True
