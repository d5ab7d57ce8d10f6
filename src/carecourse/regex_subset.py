"""The regex subset that Python and JavaScript agree on (docs/patterns.md, section 2).

Lexicons and rubrics are data that the static site will one day run in the browser, so a
pattern may only use syntax with the same meaning in both engines.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11+
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

from carecourse.pattern_cache import remembered
from carecourse.wordclasses import expand

__all__ = ["compile_subset", "parsed", "subset_problem"]

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
    return None


@lru_cache(maxsize=8192)
def parsed(pattern: str):
    """The parse tree of ``pattern`` (read-only): the subset check and the matchers'
    first-character search (``detect/factoring.py``) read the same patterns."""
    return sre_parse.parse(pattern)


def compile_subset(patterns: list[str]) -> re.Pattern[str]:
    """Compile several subset patterns into one alternation."""
    return re.compile("|".join(f"(?:{expand(p)})" for p in patterns))
