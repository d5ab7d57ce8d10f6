"""Search an alternation trying, at each position, only the branches that can start there.

A lexicon's alternation of phrases with optional prefixes and classes (``(?:非常|十分)?抱歉|
[您你]好``) is, for Python's ``re``, tried branch by branch at every position of a text.
Rewriting it into one big regex whose branches all start with a literal lets ``re`` skip in
C, but that regex is several times larger than the lexicon and costs seconds to compile,
paid by every process before its first grade.

``FirstCharSearch`` gets the skipping without the big regex: it knows which characters
each branch can start with, finds candidate positions with a small class of those
characters (in C), and at a candidate tries only the branches that can start with the character
there, in their original order, as one small regex compiled the first time that character
is met. A branch that cannot start with that character fails there anyway, so the match
at every position — and so every search — is the plain alternation's. A pattern whose
first character cannot be told (a lookahead, an anchor alone, an open or negated class, a
back-reference) is left to the plain alternation.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as sre_c
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre_c  # type: ignore[no-redef]

from carecourse.regex_subset import parsed

__all__ = ["FirstCharSearch", "PlainSearch", "alternation", "first_char_search", "kind_of"]

_MAX_RANGE = 512  # a class spanning more characters than this is not split


class _Unsupported(Exception):
    """The first characters of this pattern cannot be told."""


def alternation(alternatives: list[tuple[str | None, str]]) -> str:
    """One alternation of the ``(kind, pattern)`` in order; a kind's patterns in a group
    named by it."""
    groups: list[tuple[str | None, list[str]]] = []
    for kind, p in alternatives:
        if groups and kind is not None and groups[-1][0] == kind:
            groups[-1][1].append(p)
        else:
            groups.append((kind, [p]))
    bodies = [("|".join(f"(?:{p})" for p in ps), kind) for kind, ps in groups]
    return "|".join(body if kind is None else f"(?P<{kind}>{body})" for body, kind in bodies)


def kind_of(match: re.Match[str]) -> str:
    """The kind of phrase a match of an alternation is, "" for none."""
    return match.lastgroup or ""


class PlainSearch:
    """The plain alternation, with the same methods as ``FirstCharSearch``."""

    def __init__(self, alternatives: list[tuple[str | None, str]]):
        self.pattern = alternation(alternatives)
        compiled = re.compile(self.pattern)
        self.search, self.finditer = compiled.search, compiled.finditer

    def each_start(self, text: str, pos: int = 0):
        """The match at each position from ``pos`` on where one starts, left to right."""
        match = self.search(text, pos)
        while match:
            yield match
            match = self.search(text, match.start() + 1)


def first_char_search(alternatives: list[tuple[str | None, str]]) -> FirstCharSearch | None:
    """A ``FirstCharSearch`` of the alternation, or None where a branch's first characters
    cannot be told."""
    try:
        firsts = [_first_chars(pattern) for _, pattern in alternatives]
    except _Unsupported:
        return None
    return FirstCharSearch(alternatives, firsts)


class FirstCharSearch:
    """``search`` and ``finditer`` of an alternation (see the module docstring); ``pattern``
    is the plain alternation's source."""

    def __init__(self, alternatives: list[tuple[str | None, str]], firsts: list[set[str]]):
        self.pattern = alternation(alternatives)
        self._alternatives = alternatives
        self._starting: dict[str, list[int]] = {}  # character -> the branches it can start
        for k, chars in enumerate(firsts):
            for char in chars:
                self._starting.setdefault(char, []).append(k)
        self._class: re.Pattern[str] | None = None
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}  # branches -> their regex
        self._at: dict[str, re.Pattern[str]] = {}  # character -> the regex of its branches

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """The leftmost match at ``pos`` or after, as ``re.Pattern.search`` finds it."""
        return next(self.each_start(text, pos), None)

    def finditer(self, text: str):
        """The non-overlapping matches, left to right (no match is empty)."""
        end = 0
        for match in self.each_start(text):
            if match.start() >= end:
                yield match
                end = match.end()

    def each_start(self, text: str, pos: int = 0):
        """The match at each position from ``pos`` on where one starts, left to right."""
        branches = self._at
        for candidate in self._candidates().finditer(text, pos):
            p = candidate.start()
            char = text[p]
            match = (branches.get(char) or self._compile(char)).match(text, p)
            if match:
                yield match

    def _candidates(self) -> re.Pattern[str]:
        """A class of every character a branch can start with."""
        if self._class is None:
            self._class = re.compile("[" + "".join(re.escape(c) for c in sorted(self._starting)) + "]")
        return self._class

    def _compile(self, char: str) -> re.Pattern[str]:
        """The branches that can start with ``char``, in order, as one regex (shared by the
        characters that start the same branches: 您 and 你 in ``[您你]好``)."""
        keep = tuple(self._starting[char])
        if keep not in self._compiled:
            self._compiled[keep] = re.compile(alternation([self._alternatives[k] for k in keep]))
        compiled = self._at[char] = self._compiled[keep]
        return compiled


# -- first characters ---------------------------------------------------------------------

def _first_chars(pattern: str) -> set[str]:
    if _REFERS_BACK.search(pattern.replace("\\\\", "")):  # group numbers change when branches are left out
        raise _Unsupported("a back-reference")
    chars, nullable = _first(parsed(pattern))
    if nullable or not chars:
        raise _Unsupported("may match empty")
    return chars


# (a false alarm, such as an octal escape in a class, only leaves the pattern plain)
_REFERS_BACK = re.compile(r"\\[1-9]|\(\?\(|\(\?P=")


def _first(seq) -> tuple[set[str], bool]:
    out: set[str] = set()
    for op, av in seq:
        chars, nullable = _first_op(op, av)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_op(op, av) -> tuple[set[str], bool]:
    if op is sre_c.LITERAL:
        return {chr(av)}, False
    if op is sre_c.IN:
        return _class_chars(av), False
    if op is sre_c.SUBPATTERN:
        return _first(av[-1])
    if op is sre_c.BRANCH:
        out, nullable = set(), False
        for branch in av[1]:
            chars, empty = _first(branch)
            out |= chars
            nullable = nullable or empty
        return out, nullable
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, _high, item = av
        chars, nullable = _first(item)
        if nullable:
            raise _Unsupported("a repeat of something that may match empty")
        return chars, low == 0
    if op is sre_c.AT and av is sre_c.AT_BEGINNING:
        return set(), True
    raise _Unsupported(f"{op} in first position")


def _class_chars(items) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is sre_c.LITERAL:
            out.add(chr(av))
        elif op is sre_c.RANGE and av[1] - av[0] <= _MAX_RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            raise _Unsupported("an open or negated class in first position")
    return out
