"""Traditional to Simplified script, from a table shipped as data (``t2s.txt``).

The table is OpenCC's ``t2s`` conversion written out: every character it changes on its own,
and the phrases of its ``TSPhrases`` dictionary (瞭解 → 了解, 答覆 → 答复), each with the
Simplified text the installed OpenCC gives it. Then Taiwan's own words, so a reply written
with the words of the course's Taiwan edition (``s2twp``) meets the lexicons' mainland words:
the phrases listed in ``tw_phrases.txt`` (from OpenCC's ``TWPhrases``), each as OpenCC's
``tw2sp`` folds it (寬頻 → 宽带, 簡訊 → 短信, 軟體 → 软件), where that keeps its length.
Converting is OpenCC's own rule: at each position the longest phrase starting there, else
the character alone. Being data, the same table serves any runtime (the browser grader reads
it too); ``tests/test_normalize.py`` checks it against OpenCC, and ``t2s_table`` writes it
again when OpenCC changes.
"""

from __future__ import annotations

import re
from functools import cache

from carecourse.packaged import read_text

__all__ = ["T2S_TABLE", "TW_PHRASES", "t2s_table", "taiwan_phrases", "to_simplified", "traditional_chars"]

T2S_TABLE = "t2s.txt"  # "traditional<TAB>simplified" per line: characters, then phrases
TW_PHRASES = "tw_phrases.txt"  # one Taiwan phrase a line; "#" comments, "-" a phrase left out


def to_simplified(text: str) -> str:
    """Traditional to Simplified, one output character per input character."""
    if text.isascii() or traditional_chars().isdisjoint(text):
        return text  # nothing to change (most replies): skip the conversion
    by_char, phrases, _chars = _table()
    return _to_simplified(text, by_char, phrases, _phrase_at())


def traditional_chars() -> frozenset[str]:
    """The characters the conversion changes on their own. A text with none of them is left
    as it is: a phrase holds at least one, but for a few that rewrite Simplified text too
    (一坏 → 一坯) and Taiwan words written alike in both scripts (影片 → 视频), which are
    better skipped in a reply written in Simplified."""
    return _table()[2]


def taiwan_phrases() -> list[str]:
    """The Taiwan phrases of ``tw_phrases.txt`` that the table folds (not those left out)."""
    lines = read_text(__package__, TW_PHRASES).splitlines()
    return [line for line in lines if line and line[0] not in "#-"]


def _to_simplified(text: str, by_char: dict, phrases: dict[str, str], phrase_at: re.Pattern[str]) -> str:
    converted = _convert(text, by_char, phrases, phrase_at)
    if len(converted) == len(text):
        return converted
    return text.translate(by_char)  # a phrase changed the length: character by character


def _convert(text: str, by_char: dict, phrases: dict[str, str], phrase_at: re.Pattern[str]) -> str:
    pieces, last = [], 0
    for m in phrase_at.finditer(text):  # longest phrase first where several start at one place
        pieces.append(text[last : m.start()].translate(by_char))
        pieces.append(phrases[m.group()])
        last = m.end()
    pieces.append(text[last:].translate(by_char))
    return "".join(pieces)


@cache
def _table() -> tuple[dict, dict[str, str], frozenset[str]]:
    """(``str.translate`` table of the characters, phrase → Simplified, the characters)."""
    return _tables([line.split("\t") for line in read_text(__package__, T2S_TABLE).splitlines() if line])


@cache
def _phrase_at() -> re.Pattern[str]:
    """A pattern finding the phrases; compiled only once a reply holds Traditional characters."""
    return _phrase_pattern(_table()[1])


def _tables(rows: list[tuple[str, str]]) -> tuple[dict, dict[str, str], frozenset[str]]:
    chars = {k: v for k, v in rows if len(k) == 1}
    phrases = {k: v for k, v in rows if len(k) > 1}
    return {ord(k): v for k, v in chars.items()}, phrases, frozenset(chars)


def _phrase_pattern(phrases: dict[str, str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(phrases, key=len, reverse=True))))


def t2s_table(phrases: list[str], taiwan: list[str] | None = None) -> str:
    """The content of ``t2s.txt`` from the installed OpenCC: every CJK character (all planes'
    unified and compatibility blocks) that its ``t2s`` turns into another, in code-point
    order, then ``phrases`` (the keys of OpenCC's ``TSPhrases.txt``) as it converts them,
    then the ``taiwan`` phrases (``taiwan_phrases()``) as its ``tw2sp`` converts them, each
    only where that keeps its length and differs from what the rows before give it."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    ranges = [(0x2E80, 0x2FDF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF)]
    chars = [chr(c) for low, high in ranges for c in range(low, high + 1)]
    converted = t2s.convert("\n".join(chars)).split("\n")
    rows = [(c, out) for c, out in zip(chars, converted, strict=True) if c != out]
    rows += [(p, t2s.convert(p)) for p in sorted(set(phrases))]
    rows += _taiwan_rows(sorted(set(taiwan or ()) - set(phrases)), rows, opencc.OpenCC("tw2sp"))
    return "".join(f"{k}\t{v}\n" for k, v in rows)


def _taiwan_rows(taiwan: list[str], rows: list[tuple[str, str]], tw2sp) -> list[tuple[str, str]]:
    by_char, phrases, _chars = _tables(rows)
    phrase_at = _phrase_pattern(phrases)
    folded = [(p, tw2sp.convert(p)) for p in taiwan]
    return [(p, out) for p, out in folded if len(out) == len(p) and out != _to_simplified(p, by_char, phrases, phrase_at)]
