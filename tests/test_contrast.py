"""Text on the site is readable: every text/background pair the course's own stylesheets put
together has a WCAG contrast of at least 4.5:1 (normal text, level AA), computed from the palette.

The axe audit in tests/browser/test_accessibility.py checks the same in the browser, on the
pages as drawn; this test names the pairs and needs no browser.
"""

import pytest

from carecourse.render.palette import colours

# The theme's page colours (its CSS variables: pydata-sphinx-theme's background and surface,
# sphinx-book-theme's primary), which the quiz box, options and button take where the theme
# is loaded; the palette's own colours are the fallbacks elsewhere.
THEME_LIGHT = {"background": "#ffffff", "surface": "#f3f4f5"}
THEME_DARK = {"background": "#14181e", "surface": "#29313d"}


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return tuple(int(h[k : k + 2], 16) / 255 for k in (0, 2, 4))


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background) -> float:
    """WCAG 2 contrast ratio; ``background`` is a hex colour or an (r, g, b) triple."""
    bg = _rgb(background) if isinstance(background, str) else background
    lighter, darker = sorted((_luminance(_rgb(foreground)), _luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def tint(colour: str, share: float, over: str):
    """``colour`` mixed in at ``share`` with ``over`` (CSS color-mix in srgb)."""
    return tuple(share * c + (1 - share) * o for c, o in zip(_rgb(colour), _rgb(over)))


def test_contrast_matches_known_values():
    assert contrast("#000", "#fff") == pytest.approx(21)
    assert contrast("#ffffff", "#16a34a") == pytest.approx(3.30, abs=0.01)  # the old verdict badge


def _pairs() -> list[tuple[str, str, object]]:
    c = colours()
    pairs = [
        # annotated reply: the verdict badge, the score line and the commentary
        ("verdict badge, good", c["verdict_ink"], c["verdict_good"]),
        ("verdict badge, poor", c["verdict_ink"], c["verdict_poor"]),
        ("annotated score line", c["ink_mid"], c["reply_bg"]),
        ("annotated commentary", c["ink_soft"], c["reply_bg"]),
        ("annotated reply text (its own ink, on a dark page too)", c["ink"], c["reply_bg"]),
        ("a link in an annotated reply", c["link"], c["reply_bg"]),
        # quiz: submit button (palette fallback of the theme's primary)
        ("quiz submit button", c["paper"], c["brand"]),
    ]
    for page, bg in (("palette", c["paper"]), ("theme", THEME_LIGHT["background"])):
        pairs += [
            (f"quiz verdict right on the box ({page})", c["quiz_right"], c["quiz_bg"] if page == "palette" else THEME_LIGHT["surface"]),
            (f"quiz verdict wrong on the box ({page})", c["quiz_wrong"], c["quiz_bg"] if page == "palette" else THEME_LIGHT["surface"]),
            (f"quiz hint on the box ({page})", c["quiz_muted"], c["quiz_bg"] if page == "palette" else THEME_LIGHT["surface"]),
            (f"quiz mark right on a right item ({page})", c["quiz_right"], tint(c["quiz_right"], 0.08, bg)),
            (f"quiz mark wrong on a wrong item ({page})", c["quiz_wrong"], tint(c["quiz_wrong"], 0.07, bg)),
            (f"quiz correction on a wrong item ({page})", c["quiz_wrong"], tint(c["quiz_wrong"], 0.07, bg)),
            (f"quiz explanation on an option ({page})", c["quiz_muted"], bg),
        ]
    dark = THEME_DARK["background"]
    pairs += [
        ("quiz verdict right, dark box", c["quiz_right_dark"], THEME_DARK["surface"]),
        ("quiz verdict wrong, dark box", c["quiz_wrong_dark"], THEME_DARK["surface"]),
        ("quiz mark right on a right item, dark", c["quiz_right_dark"], tint(c["quiz_right"], 0.08, dark)),
        ("quiz mark wrong on a wrong item, dark", c["quiz_wrong_dark"], tint(c["quiz_wrong"], 0.07, dark)),
        ("quiz submit button, dark (theme's primary text on primary)", "#14181e", "#528fe4"),
    ]
    return pairs


@pytest.mark.parametrize(("what", "text", "background"), _pairs(), ids=[p[0] for p in _pairs()])
def test_text_has_enough_contrast(what, text, background):
    assert contrast(text, background) >= 4.5, f"{what}: {contrast(text, background):.2f}:1"
