"""What the zh-Hant edition still shows in Simplified: the check its test and build report use.

A character is Simplified-only when OpenCC's character table never keeps it in Traditional
text (``simplified_only.txt``: 发, 这, 么 — not 后, 台 or 里, which Traditional text uses
too). The visible text of a page is what ``html.convert_html`` converts, so code is left out.
"""

from __future__ import annotations

from functools import cache

from carecourse.edition.html import convert_html
from carecourse.packaged import read_text

__all__ = ["leftovers", "simplified_only", "visible_text"]


@cache
def simplified_only() -> frozenset[str]:
    lines = read_text(__package__, "simplified_only.txt").splitlines()
    return frozenset("".join(line for line in lines if not line.startswith("#")))


def visible_text(page: str) -> str:
    """The text of ``page`` a reader sees or hears (text nodes and spoken attributes)."""
    seen: list[str] = []

    def keep(text: str) -> str:
        seen.append(text)
        return text

    convert_html(page, keep)
    return "\n".join(seen)


def leftovers(text: str) -> list[str]:
    """The Simplified-only characters of ``text``, in order, each with a little context."""
    only = simplified_only()
    return [text[max(0, i - 6) : i + 7] for i, c in enumerate(text) if c in only]
