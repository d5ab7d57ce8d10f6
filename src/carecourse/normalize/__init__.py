"""Step 1 of the pipeline: normalise a learner's text, keeping a map back to the original.

Patterns are written against one canonical form of Chinese text (see docs/patterns.md):
NFKC, Simplified script, lower-case ASCII, folded quotes and whitespace, common typos
fixed. Every character of the normalised text remembers the index of the original
character it came from, so a match found in the normalised text is reported as a span of
the learner's own words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from carecourse.normalize.script import to_simplified
from carecourse.packaged import read_yaml

__all__ = ["NormalizedText", "normalize"]

_QUOTES = "\"'“”‘’「」『』＂＇〝〞"
_FOLD = {ord(q): '"' for q in _QUOTES} | {ord("｡"): "。"} | {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_FOLDED = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")
# ... but the apostrophe of an English word (I'm, can't) is no quotation mark: folded to '"',
# it would open a quotation running to the sentence end, and nothing said there would count
_APOSTROPHE = re.compile("(?<=[A-Za-z])['’](?=[A-Za-z])")
_BLANKS = re.compile(r"\s+")
_LINE_BREAK = re.compile("[\n\r\v\f\u2028\u2029\x85]")
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs"}
# Controls, the common format characters and surrogates: the text needs the slow path.
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised copy of ``original`` with ``offsets[i]`` = original index of ``text[i]``."""

    original: str
    text: str
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span ``[start, end)`` to a span of the original text."""
        if end <= start:
            at = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` for matching; see the module docstring for the steps."""
    cleaned, index = _nfkc_and_clean(text)
    folded, index = _fold(to_simplified(cleaned), index)
    return NormalizedText(text, _fix_typos(folded), tuple(index))


def _nfkc_and_clean(text: str) -> tuple[str, list[int]]:
    """NFKC each character; drop control, format and unpaired-surrogate characters."""
    if not _NEEDS_CLEANING.search(text):
        whole = _nfkc(text)
        if len(whole) == len(text):  # the common case: one character for one
            return whole, list(range(len(text)))
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        if c.isspace():
            chars.append(c)
            index.append(i)
        elif unicodedata.category(c) not in _DROPPED_CATEGORIES:
            for out in unicodedata.normalize("NFKC", c):
                chars.append(out)
                index.append(i)
    return "".join(chars), index


# NFKC of the full-width ASCII forms and the ideographic space, one character each: with
# them replaced first, most Chinese text is NFKC already, which Python tells at once
# (NFKC composing the rest as before: each stands for its own decomposition)
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: " "}


def _nfkc(text: str) -> str:
    text = text.translate(_FULL_WIDTH)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def _fold(text: str, index: list[int]) -> tuple[str, list[int]]:
    """Lower-case ASCII, fold quotes, collapse whitespace runs to one space or newline."""
    if _FOLDED.search(text):  # (translating every character costs more than looking first)
        text = _apostrophes_kept(text, text.translate(_FOLD))
    if not _BLANKS.search(text):
        return text, index
    pieces: list[str] = []
    out_index: list[int] = []
    last = 0
    for m in _BLANKS.finditer(text):
        start, end = m.span()
        pieces.append(text[last:start])
        out_index.extend(index[last:start])
        pieces.append("\n" if _LINE_BREAK.search(m.group()) else " ")
        out_index.append(index[start])
        last = end
    pieces.append(text[last:])
    out_index.extend(index[last:])
    return "".join(pieces), out_index


def _apostrophes_kept(before: str, folded: str) -> str:
    """``folded`` with each apostrophe inside an English word of ``before`` put back as "'"."""
    marks = [m.start() for m in _APOSTROPHE.finditer(before)] if "'" in before or "’" in before else []
    if not marks:
        return folded
    chars = list(folded)
    for k in marks:
        chars[k] = "'"
    return "".join(chars)


def _fix_typos(text: str) -> str:
    pattern, table = _typos()
    if pattern is None:
        return text
    return pattern.sub(lambda m: table[m.group(0)], text)


@cache
def _typos() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    table = {str(k): str(v) for k, v in (read_yaml(__package__, "typos.yaml") or {}).items()}
    bad = [k for k, v in table.items() if len(k) != len(v)]
    if bad:
        raise ValueError(f"typos.yaml: fixes must keep the length: {', '.join(bad)}")
    if not table:
        return None, table
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), table
