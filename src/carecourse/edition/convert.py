"""Simplified → Traditional text for the zh-Hant edition: OpenCC's Taiwan profile with
phrases (``s2twp``), then the course's own reviewed terms (``terms.yaml``).

OpenCC converts phrase by phrase (信息 → 資訊, 默认 → 預設, 视频 → 影片); the term list
covers the course's words where the profile picks wrongly for customer service. A term is
matched in the Simplified text, so a phrase OpenCC would otherwise split stays whole.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from carecourse.packaged import read_yaml

__all__ = ["has_han", "terms", "to_traditional"]


@cache
def terms() -> dict[str, str]:
    """``Simplified term → Traditional term`` from ``terms.yaml``."""
    return {entry["zh-Hans"]: entry["zh-Hant"] for entry in read_yaml(__package__, "terms.yaml")["terms"]}


@cache
def _converter():
    import opencc

    return opencc.OpenCC("s2twp")


@cache
def _term_pattern() -> re.Pattern[str] | None:
    words = sorted(terms(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


# Taiwan and Hong Kong print corner brackets where the mainland prints curly quotes.
_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def has_han(text: str) -> bool:
    """Does ``text`` hold a Chinese character (anything the conversion could change)?"""
    return _HAN.search(text) is not None


@lru_cache(maxsize=65536)  # a page repeats its navigation and labels
def to_traditional(text: str) -> str:
    """``text`` in Traditional characters, Taiwan wording and corner-bracket quotes."""
    if not has_han(text):
        return text.translate(_QUOTES)  # a quote mark in a node of its own: “<b>评分</b>”
    return _words(text).translate(_QUOTES)


def _words(text: str) -> str:
    pattern = _term_pattern()
    if pattern is None:
        return _converter().convert(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        out += [_converter().convert(text[last : match.start()]), terms()[match[0]]]
        last = match.end()
    out.append(_converter().convert(text[last:]))
    return "".join(out)
