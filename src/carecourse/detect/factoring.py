"""Rewrite an alternation so that every branch starts with a plain character.

Python's ``re`` skips ahead in C only when each branch of a pattern starts with a literal,
and then tries just the branch whose first character is the one under the cursor. A
lexicon's alternation of phrases with optional prefixes and classes (``(?:非常|十分)?抱歉|
[您你]好``) gets neither: it is tried branch by branch at every position. This module
rewrites it into the same language, branch for branch in the same priority, as
``抱(?:歉)|非(?:常抱歉)|十(?:分抱歉)|您(?:好)|你(?:好)`` — one branch per possible first
character, holding what may follow it (the pattern's derivative by that character).

Where a match starts, both patterns try the same paths in the same order, so they return
the same match. A pattern the rewrite does not cover (a lookahead or anchor in first
position, an unbounded first character, a back-reference) is left as it is.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

__all__ = ["factor_by_first_char", "kind_of"]

_MAX_RANGE = 512  # a class spanning more characters than this is not split
_MAX_BRANCHES = 4000  # a rewrite growing beyond this many branches is not worth it


class _Unsupported(Exception):
    """The rewrite does not cover this pattern."""


def factor_by_first_char(alternatives: list[tuple[str | None, str]]) -> str | None:
    """One regex equal to the alternation of ``(kind, pattern)`` in order, with each
    branch starting with a literal character; a kind's branches carry an empty group
    named ``<kind>__<n>`` so ``lastgroup`` tells the kind. None if not covered."""
    try:
        by_char: dict[str, list[tuple[str | None, str]]] = {}
        for kind, pattern in alternatives:
            seq = list(sre_parse.parse(pattern))
            if _refers_back(seq):
                return None
            for char in sorted(_first_chars(seq)):
                for rest in _derive(seq, char):
                    by_char.setdefault(char, []).append((kind, _unparse(rest)))
        if sum(len(v) for v in by_char.values()) > _MAX_BRANCHES:
            return None
    except _Unsupported:
        return None
    counter = iter(range(1, 1 << 30))
    return "|".join(re.escape(char) + _group(rests, counter) for char, rests in by_char.items())


def _group(rests: list[tuple[str | None, str]], counter) -> str:
    """``(?:…|…)`` of the remainders, a kind's consecutive ones behind one named marker."""
    runs: list[tuple[str | None, list[str]]] = []
    for kind, rest in rests:
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(rest)
        else:
            runs.append((kind, [rest]))
    bodies = []
    for kind, parts in runs:
        body = "|".join(parts) if kind is None else f"(?P<{kind}__{next(counter)}>)(?:{'|'.join(parts)})"
        bodies.append(body)
    return "(?:" + "|".join(bodies) + ")"


def _refers_back(seq) -> bool:
    for op, av in seq:
        if op is sre_c.GROUPREF or op is sre_c.GROUPREF_EXISTS:
            return True
        for sub in _children(op, av):
            if _refers_back(sub):
                return True
    return False


def _children(op, av) -> list:
    if op is sre_c.SUBPATTERN:
        return [av[-1]]
    if op is sre_c.BRANCH:
        return list(av[1])
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        return [av[2]]
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
        return [av[1]]
    return []


def kind_of(match: re.Match[str]) -> str:
    """The kind of phrase a match of a (factored or plain) alternation is, "" for none."""
    return (match.lastgroup or "").split("__", 1)[0]


# -- first characters ---------------------------------------------------------------------

def _first_chars(seq) -> set[str]:
    chars, nullable = _first(seq)
    if nullable or not chars:
        raise _Unsupported("may match empty")
    return chars


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


# -- derivative: what may follow a first character, in the backtracking order -------------

def _derive(seq, char: str) -> list[list]:
    """The sequences that, after ``char``, complete a match of ``seq`` — in the order the
    backtracking engine tries the paths, so the first one matching is the same path."""
    if not seq:
        return []
    (op, av), rest = seq[0], list(seq[1:])
    if op is sre_c.LITERAL:
        return [rest] if chr(av) == char else []
    if op is sre_c.IN:
        return [rest] if char in _class_chars(av) else []
    if op is sre_c.SUBPATTERN:
        return _derive(list(av[-1]) + rest, char)
    if op is sre_c.BRANCH:
        return [d for branch in av[1] for d in _derive(list(branch) + rest, char)]
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, high, item = av
        fewer = [] if high == 1 else [(op, (max(low - 1, 0), high if high is sre_c.MAXREPEAT else high - 1, item))]
        one_more = _derive(list(item) + fewer + rest, char)
        if low > 0:
            return one_more
        skip = _derive(rest, char)
        return one_more + skip if op is sre_c.MAX_REPEAT else skip + one_more
    if op is sre_c.AT and av is sre_c.AT_BEGINNING:  # "^": the character consumed was the first
        return [[(_AFTER_FIRST, None), *d] for d in _derive(rest, char)]
    raise _Unsupported(f"{op} in first position")


_AFTER_FIRST = "after-first"  # stands for "^" once the first character is consumed


# -- back to pattern text -----------------------------------------------------------------

def _unparse(seq) -> str:
    return "".join(_unparse_op(op, av) for op, av in seq)


def _unparse_op(op, av) -> str:
    if op is _AFTER_FIRST:
        return r"(?<=^[\s\S])"
    if op is sre_c.LITERAL:
        return re.escape(chr(av))
    if op is sre_c.NOT_LITERAL:
        return "[^" + _class_char(av) + "]"
    if op is sre_c.ANY:
        return "."
    if op is sre_c.IN:
        return "[" + "".join(_unparse_class_item(o, a) for o, a in av) + "]"
    if op is sre_c.SUBPATTERN:
        return "(?:" + _unparse(av[-1]) + ")"
    if op is sre_c.BRANCH:
        return "(?:" + "|".join(_unparse(b) for b in av[1]) + ")"
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, high, item = av
        bound = f"{{{low},}}" if high is sre_c.MAXREPEAT else f"{{{low},{high}}}"
        return "(?:" + _unparse(item) + ")" + bound + ("?" if op is sre_c.MIN_REPEAT else "")
    if op is sre_c.AT:
        if av is sre_c.AT_BEGINNING:
            return "^"
        if av is sre_c.AT_END:
            return "$"
    if op is sre_c.ASSERT and av[0] == 1:
        return "(?=" + _unparse(av[1]) + ")"
    if op is sre_c.ASSERT_NOT and av[0] == 1:
        return "(?!" + _unparse(av[1]) + ")"
    raise _Unsupported(f"{op} {av}")


def _unparse_class_item(op, av) -> str:
    if op is sre_c.NEGATE:
        return "^"
    if op is sre_c.LITERAL:
        return _class_char(av)
    if op is sre_c.RANGE:
        return _class_char(av[0]) + "-" + _class_char(av[1])
    raise _Unsupported(f"class item {op}")


def _class_char(code: int) -> str:
    char = chr(code)
    return "\\" + char if char in "\\]^-[" else char if char != "\n" else "\\n"
