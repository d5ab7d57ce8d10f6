"""Word classes shared by every lexicon and rubric: ``{feeling}`` in a pattern stands for
any alternative of the class ``feeling`` in ``wordclasses.yaml``.

Expansion happens before a pattern is checked against the regex subset or compiled, so
the browser can expand the same data the same way.
"""

from __future__ import annotations

import re
from functools import cache

from carecourse.packaged import read_yaml

__all__ = ["expand"]

_CLASS = re.compile(r"\{([a-z_]+)\}")  # quantifiers ({2}, {0,4}) hold digits, never letters


@cache
def _classes() -> dict[str, str]:
    data = read_yaml(__package__, "wordclasses.yaml")["classes"]
    return {name: "(?:" + "|".join(sorted(map(str, alts), key=len, reverse=True)) + ")" for name, alts in data.items()}


def expand(pattern: str) -> str:
    """``pattern`` with every ``{class}`` replaced by its alternation; ValueError for an unknown class."""
    if "{" not in pattern:
        return pattern
    classes = _classes()

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in classes:
            raise ValueError(f"unknown word class {{{name}}} (known: {', '.join(sorted(classes))})")
        return classes[name]

    return _CLASS.sub(one, pattern)
