"""The characters a regex match can start with, to skip ahead quickly.

Python's ``re`` only skips ahead by a first-character set when a pattern starts with a
plain literal or class; an alternation of phrases with optional prefixes
(``(?:非常|十分)?抱歉|对不起``) is tried at every position. Knowing the possible first
characters, the matcher tries it only where one of them stands.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

__all__ = ["char_class", "first_char_class", "first_chars"]

_MAX_RANGE = 512
_ZERO_WIDTH = {sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT}


def first_char_class(pattern: str) -> re.Pattern[str] | None:
    """A one-character class matching wherever a match of ``pattern`` may start, or None
    when that cannot be bounded (``.``, negated classes, a pattern that may match empty)."""
    chars = first_chars(pattern)
    return None if chars is None else char_class(chars)


def char_class(chars: frozenset[str]) -> re.Pattern[str]:
    """A one-character class of ``chars``."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` may start with, or None when unbounded."""
    chars, nullable = _first(sre_parse.parse(pattern))
    if chars is None or nullable or not chars:
        return None
    return frozenset(chars)


def _first(items) -> tuple[set[str] | None, bool]:
    """(possible first characters, whether the sequence can match empty)."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_op(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_op(op, av) -> tuple[set[str] | None, bool]:
    if op is sre_c.LITERAL:
        return {chr(av)}, False
    if op is sre_c.IN:
        return _class(av), False
    if op is sre_c.SUBPATTERN:
        return _first(av[-1])
    if op is sre_c.BRANCH:
        out, nullable = set(), False
        for branch in av[1]:
            chars, empty = _first(branch)
            if chars is None:
                return None, False
            out |= chars
            nullable = nullable or empty
        return out, nullable
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, _high, item = av
        chars, nullable = _first(item)
        return chars, nullable or low == 0
    if op in _ZERO_WIDTH:
        return set(), True
    return None, False


def _class(items) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is sre_c.LITERAL:
            out.add(chr(av))
        elif op is sre_c.RANGE and av[1] - av[0] <= _MAX_RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return out
