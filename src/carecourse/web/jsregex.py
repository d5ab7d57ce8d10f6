"""Python regular expressions written out as JavaScript ones with the same matches.

The browser grader runs the very patterns Python compiles (lexicons, rubrics, the
normaliser's and the structure's own), translated from Python's parse tree, not from
their source text: escapes, ``$``, ``.`` and ``\\s`` then mean in JavaScript (flag ``u``)
exactly what they mean in Python.

The browser works on a text where every character outside the Basic Multilingual Plane
(and every private-use one) is replaced by a private-use stand-in, so that one JavaScript
code unit is one Python character; a literal such character in a pattern is written as its
stand-in (``stand_ins``), and a class range reaching into either block is refused
(``Untranslatable``), as is a pattern that may match empty text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextvars import ContextVar

from carecourse.regex_subset import PRIVATE_USE, sre_c, sre_parse

__all__ = ["PRIVATE_USE", "Untranslatable", "js_regex", "python_spaces"]
_SYNTAX = set("^$\\.*+?()[]{}|/")
_CLASS_SYNTAX = set("\\]^-[")


_STAND_INS: ContextVar[Mapping[str, int]] = ContextVar("stand_ins")


class Untranslatable(ValueError):
    """A pattern the browser cannot run with the same matches."""


def js_regex(pattern: str | re.Pattern[str], stand_ins: Mapping[str, int] | None = None) -> str:
    """The JavaScript source (for ``new RegExp(source, "u")``) matching what ``pattern`` does
    on the browser's text, where each character of ``stand_ins`` is its private-use stand-in."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    if isinstance(pattern, re.Pattern) and pattern.flags & ~re.UNICODE:
        raise Untranslatable(f"{source!r}: flags are not translated")
    parsed = sre_parse.parse(source)
    if parsed.state.flags & ~re.UNICODE:
        raise Untranslatable(f"{source!r}: flags are not translated")
    names = {gid: name for name, gid in parsed.state.groupdict.items()}
    if parsed.getwidth()[0] == 0:
        raise Untranslatable(f"{source!r} may match empty text (Python and JavaScript step past an empty match differently)")
    token = _STAND_INS.set(stand_ins or {})
    try:
        return _seq(list(parsed), names)
    finally:
        _STAND_INS.reset(token)


def python_spaces() -> list[int]:
    """The code points Python counts as white space (``str.isspace``, ``re``'s ``\\s``)."""
    return [c for c in range(0x110000) if chr(c).isspace()]


def _seq(seq, names) -> str:
    return "".join(_op(op, av, names) for op, av in seq)


def _atom(seq, names) -> str:
    """``seq`` as one quantifiable unit."""
    if len(seq) == 1 and seq[0][0] in (sre_c.LITERAL, sre_c.IN, sre_c.ANY, sre_c.NOT_LITERAL):
        return _op(*seq[0], names)
    if len(seq) == 1 and seq[0][0] is sre_c.SUBPATTERN:
        return _op(*seq[0], names)
    return "(?:" + _seq(seq, names) + ")"


def _op(op, av, names) -> str:
    if op is sre_c.LITERAL:
        return _literal(av)
    if op is sre_c.NOT_LITERAL:
        return "[^" + _class_char(av) + "]"
    if op is sre_c.ANY:
        return "[^\\n]"  # Python's "." (no DOTALL); JavaScript's also refuses \r and U+2028/9
    if op is sre_c.IN:
        return _class(av)
    if op is sre_c.SUBPATTERN:
        gid, add_flags, del_flags, body = av
        if add_flags or del_flags:
            raise Untranslatable("inline flags are not translated")
        inner = _seq(list(body), names)
        if gid is None:
            return "(?:" + inner + ")"
        return f"(?<{names[gid]}>" + inner + ")" if gid in names else "(" + inner + ")"
    if op is sre_c.BRANCH:
        return "(?:" + "|".join(_seq(list(b), names) for b in av[1]) + ")"
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, high, item = av
        bound = f"{{{low},}}" if high is sre_c.MAXREPEAT else f"{{{low},{high}}}"
        return _atom(list(item), names) + bound + ("?" if op is sre_c.MIN_REPEAT else "")
    if op is sre_c.GROUPREF:
        return f"(?:\\{av})"
    if op is sre_c.AT:
        return _at(av)
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
        direction, body = av
        head = {(sre_c.ASSERT, 1): "(?=", (sre_c.ASSERT_NOT, 1): "(?!", (sre_c.ASSERT, -1): "(?<=", (sre_c.ASSERT_NOT, -1): "(?<!"}
        return head[op, direction] + _seq(list(body), names) + ")"
    raise Untranslatable(f"{op} is not translated")


def _at(av) -> str:
    if av in (sre_c.AT_BEGINNING, sre_c.AT_BEGINNING_STRING):
        return "^"
    if av is sre_c.AT_END:  # Python's "$": at the end, or before a line break that ends the text
        return "(?=\\n?(?![\\s\\S]))"
    if av is sre_c.AT_END_STRING:
        return "(?![\\s\\S])"
    raise Untranslatable(f"anchor {av} is not translated")


def _class(items) -> str:
    categories = {av for op, av in items if op is sre_c.CATEGORY}
    if {sre_c.CATEGORY_SPACE, sre_c.CATEGORY_NOT_SPACE} <= categories and items[0][0] is not sre_c.NEGATE:
        return "[\\s\\S]"  # every character, in both engines
    parts = []
    for op, av in items:
        if op is sre_c.NEGATE:
            parts.append("^")
        elif op is sre_c.LITERAL:
            parts.append(_class_char(av))
        elif op is sre_c.RANGE:
            low, high = av
            _check_range(low, high)
            parts.append(_class_char(low, checked=True) + "-" + _class_char(high, checked=True))
        elif op is sre_c.CATEGORY and av is sre_c.CATEGORY_SPACE:
            parts.append(_spaces())
        else:
            raise Untranslatable(f"class item {op} {av} is not translated")
    return "[" + "".join(parts) + "]"


def _spaces() -> str:
    return "".join(_class_char(c) for c in python_spaces())


def _check_range(low: int, high: int) -> None:
    if high > 0xFFFF or (low <= PRIVATE_USE[1] and PRIVATE_USE[0] <= high):
        raise Untranslatable(f"a class range U+{low:04X}-U+{high:04X} reaches private-use or astral characters")


def _stand_in(code: int) -> int:
    """The code the browser's text holds for ``code``."""
    if code > 0xFFFF or PRIVATE_USE[0] <= code <= PRIVATE_USE[1]:
        stand_in = _STAND_INS.get().get(chr(code))
        if stand_in is None:
            raise Untranslatable(f"U+{code:04X} (private-use or above U+FFFF) has no stand-in")
        return stand_in
    return code


def _literal(code: int) -> str:
    code = _stand_in(code)
    char = chr(code)
    if char in _SYNTAX:
        return "\\" + char
    return char if char.isprintable() and not char.isspace() and code < PRIVATE_USE[0] else f"\\u{{{code:X}}}"


def _class_char(code: int, checked: bool = False) -> str:
    if not checked:
        code = _stand_in(code)
    char = chr(code)
    if char in _CLASS_SYNTAX:
        return "\\" + char
    return char if char.isprintable() and not char.isspace() else f"\\u{{{code:X}}}"
