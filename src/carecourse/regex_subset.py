"""The regex subset that Python and JavaScript agree on (docs/patterns.md, section 2).

Lexicons and rubrics are data that the static site will one day run in the browser, so a
pattern may only use syntax with the same meaning in both engines.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11+ (the one place that knows where re keeps its parser: import them from here)
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

from carecourse.pattern_cache import remembered
from carecourse.wordclasses import expand

__all__ = ["PRIVATE_USE", "compile_subset", "parsed", "sre_c", "sre_parse", "subset_problem", "subtrees"]

PRIVATE_USE = (0xE000, 0xF8FF)  # the browser's stand-ins for characters above U+FFFF (web/jsregex.py)

_FORBIDDEN = [
    (re.compile(r"\\[dDwWsSbB]"), "use an explicit class such as [0-9] instead of \\d, \\w, \\s or \\b"),
    (re.compile(r"\(\?<[=!]"), "lookbehind is not allowed"),
    (re.compile(r"\(\?P"), "named groups are not allowed"),
    (re.compile(r"\(\?<[A-Za-z_]"), "named groups are not allowed"),
    (re.compile(r"\(\?[aiLmsux-]+[):]"), "inline flags are not allowed"),
    (re.compile(r"\(\?>"), "atomic groups are not allowed"),
    (re.compile(r"[*+?}][+]"), "possessive quantifiers are not allowed"),
    (re.compile(r"\\[AZz]"), "use ^ and $ instead of \\A or \\Z"),
    (re.compile(r"\\[pPNuUx]"), "Unicode and hex escapes differ between engines: type the character"),
    (re.compile(r"\\[0-9]{2}|\\0"), "octal escapes and back-references above \\9 are not allowed"),
]


def subset_problem(pattern: str) -> str | None:
    """Return why ``pattern`` is outside the shared subset, or None if it is fine.
    Word classes (``{feeling}``) are expanded first."""
    try:
        pattern = expand(pattern)
    except ValueError as err:
        return str(err)
    return remembered("subset", pattern, lambda: _subset_problem(pattern))


def _subset_problem(pattern: str) -> str | None:
    unescaped = re.sub(r"\\\\", "", pattern)
    for rule, message in _FORBIDDEN:
        if rule.search(unescaped):
            return message
    if re.search(r"(?<!\\)\[\]", unescaped):
        return "an empty character class [] means different things in Python and JavaScript"
    try:
        tree = parsed(pattern)  # every syntax error of the subset shows here, without compiling
    except re.error as err:
        return f"not a valid regular expression ({err})"
    if tree.getwidth()[0] == 0:  # the engines step past an empty match differently
        return "it can match empty text (an optional or lookaround-only pattern): give it at least one character it must match"
    return _untranslatable(tree)


# What the browser's translation (web/jsregex.py) writes out; anything else it refuses, so the
# subset refuses it too (the rules above name the usual cases more helpfully).
_TRANSLATED = {sre_c.LITERAL, sre_c.NOT_LITERAL, sre_c.ANY, sre_c.IN, sre_c.SUBPATTERN, sre_c.BRANCH,
               sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.GROUPREF, sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT}
_ANCHORS = {sre_c.AT_BEGINNING, sre_c.AT_BEGINNING_STRING, sre_c.AT_END, sre_c.AT_END_STRING}


def _untranslatable(tree) -> str | None:
    """Why the browser could not run a construct of the parse tree ``tree``, or None."""
    for op, av in tree:
        if op is sre_c.GROUPREF_EXISTS:
            return "conditional groups (?(1)...|...) are not allowed: JavaScript has none"
        if op not in _TRANSLATED or (op is sre_c.AT and av not in _ANCHORS):
            return f"{str(op).lower()} is not in the subset the browser runs"
        if op is sre_c.IN and (problem := _class_problem(av)):
            return problem
        for child in subtrees(op, av):
            if problem := _untranslatable(child):
                return problem
    return None


def _class_problem(items) -> str | None:
    for op, av in items:
        if op is sre_c.RANGE and (av[1] > 0xFFFF or (av[0] <= PRIVATE_USE[1] and PRIVATE_USE[0] <= av[1])):
            return (f"a class range reaching beyond U+FFFF or into the private-use block (U+{av[0]:04X}-U+{av[1]:04X}) "
                    "cannot run in the browser: list such characters one by one")
        if op not in (sre_c.NEGATE, sre_c.LITERAL, sre_c.RANGE):
            return f"{str(op).lower()} in a class is not in the subset the browser runs"
    return None


def subtrees(op, av) -> list:
    """The parse trees inside one node of a parse tree (a group's, a branch's, a repeat's ...)."""
    if op is sre_c.SUBPATTERN:
        return [av[3]]
    if op is sre_c.BRANCH:
        return list(av[1])
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        return [av[2]]
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
        return [av[1]]
    return []


@lru_cache(maxsize=8192)
def parsed(pattern: str):
    """The parse tree of ``pattern`` (read-only): the subset check and the matchers'
    first-character search (``detect/factoring.py``) read the same patterns."""
    return sre_parse.parse(pattern)


def compile_subset(patterns: list[str]) -> re.Pattern[str]:
    """Compile several subset patterns into one alternation."""
    return re.compile("|".join(f"(?:{expand(p)})" for p in patterns))
