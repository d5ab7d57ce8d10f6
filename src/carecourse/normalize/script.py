"""Traditional to Simplified script, from a table shipped as data (``t2s.txt``).

The table is OpenCC's ``t2s`` conversion written out: every character it changes on its own,
and the phrases of its ``TSPhrases`` dictionary (瞭解 → 了解, 答覆 → 答复), each with the
Simplified text the installed OpenCC gives it. Converting is OpenCC's own rule: at each
position the longest phrase starting there, else the character alone. Being data, the same
table serves any runtime (the browser grader reads it too); ``tests/test_normalize.py``
checks it against OpenCC, and ``t2s_table`` writes it again when OpenCC changes.
"""

from __future__ import annotations

import re
from functools import cache

from carecourse.packaged import read_text

__all__ = ["T2S_TABLE", "t2s_table", "to_simplified", "traditional_chars"]

T2S_TABLE = "t2s.txt"  # "traditional<TAB>simplified" per line: characters, then phrases


def to_simplified(text: str) -> str:
    """Traditional to Simplified, one output character per input character."""
    if text.isascii() or traditional_chars().isdisjoint(text):
        return text  # nothing to change (most replies): skip the conversion
    converted = _convert(text)
    if len(converted) == len(text):
        return converted
    return text.translate(_table()[0])  # a phrase changed the length: character by character


def traditional_chars() -> frozenset[str]:
    """The characters the conversion changes on their own. A text with none of them is left
    as it is: a phrase holds at least one, but for a few that rewrite Simplified text too
    (一坏 → 一坯), which are better skipped."""
    return _table()[2]


def _convert(text: str) -> str:
    by_char, phrases, _, phrase_at = _table()
    pieces, last = [], 0
    for m in phrase_at.finditer(text):  # longest phrase first where several start at one place
        pieces.append(text[last : m.start()].translate(by_char))
        pieces.append(phrases[m.group()])
        last = m.end()
    pieces.append(text[last:].translate(by_char))
    return "".join(pieces)


@cache
def _table() -> tuple[dict, dict[str, str], frozenset[str], re.Pattern[str]]:
    """(``str.translate`` table of the characters, phrase → Simplified, the characters,
    a pattern finding the phrases)."""
    rows = [line.split("\t") for line in read_text(__package__, T2S_TABLE).splitlines() if line]
    chars = {k: v for k, v in rows if len(k) == 1}
    phrases = {k: v for k, v in rows if len(k) > 1}
    phrase_at = re.compile("|".join(map(re.escape, sorted(phrases, key=len, reverse=True))))
    return {ord(k): v for k, v in chars.items()}, phrases, frozenset(chars), phrase_at


def t2s_table(phrases: list[str]) -> str:
    """The content of ``t2s.txt`` from the installed OpenCC: every CJK character (all planes'
    unified and compatibility blocks) that its ``t2s`` turns into another, in code-point
    order, then ``phrases`` (the keys of OpenCC's ``TSPhrases.txt``) as it converts them."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    ranges = [(0x2E80, 0x2FDF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF)]
    chars = [chr(c) for low, high in ranges for c in range(low, high + 1)]
    converted = t2s.convert("\n".join(chars)).split("\n")
    rows = [(c, out) for c, out in zip(chars, converted, strict=True) if c != out]
    rows += [(p, t2s.convert(p)) for p in sorted(set(phrases))]
    return "".join(f"{k}\t{v}\n" for k, v in rows)
