"""What a pattern can start with: each first character and the characters that can follow
it (``heads``), worked out from the pattern's parse tree, for ``factoring.FirstCharSearch``.

``[您你]好`` starts 您 or 你, each followed by 好; ``好.*`` starts 好 followed by anything
(None: cannot be told); a pattern that may match the empty string, or opens with a
lookahead, an anchor alone, an open or negated class or a back-reference, has no heads it
can tell (``Unsupported``). Results are kept by ``pattern_cache``.
"""

from __future__ import annotations

import re

from carecourse.pattern_cache import remembered
from carecourse.regex_subset import parsed, sre_c

__all__ = ["Unsupported", "heads", "refers_back"]

_MAX_RANGE = 512  # a class spanning more characters than this is not split


class Unsupported(Exception):
    """The first characters of this pattern cannot be told."""


# -- first characters ---------------------------------------------------------------------

def heads(pattern: str) -> dict[str, frozenset[str] | None]:
    """Each character the pattern can start with, and the characters that can follow it
    (None where that cannot be told or the match may end after it)."""
    found = remembered("heads", pattern, lambda: _heads_or_none(pattern))
    if found is None:
        raise Unsupported("its first characters cannot be told")
    return found


def _heads_or_none(pattern: str) -> dict[str, frozenset[str] | None] | None:
    try:
        return _work_out_heads(pattern)
    except Unsupported:
        return None


def _work_out_heads(pattern: str) -> dict[str, frozenset[str] | None]:
    chars = _first_chars(pattern)
    try:
        prefixes = _prefixes(parsed(pattern), 2)
    except Unsupported:  # too many to list
        return dict.fromkeys(chars)
    heads: dict[str, set[str] | None] = {}
    for prefix in prefixes:
        first, second = prefix[0], prefix[1:2]
        if second in ("", _OPEN):
            heads[first] = None
        elif heads.setdefault(first, set()) is not None:
            heads[first].add(second)
    return {c: None if seconds is None else frozenset(seconds) for c, seconds in heads.items()}


def _first_chars(pattern: str) -> set[str]:
    if refers_back(pattern):  # group numbers change when branches are left out
        raise Unsupported("a back-reference")
    chars, nullable = _first(parsed(pattern))
    if nullable or not chars:
        raise Unsupported("may match empty")
    return chars


# (a false alarm, such as an octal escape in a class, only leaves the pattern plain)
_REFERS_BACK = re.compile(r"\\[1-9]|\(\?\(|\(\?P=")


def refers_back(pattern: str) -> bool:
    return bool(_REFERS_BACK.search(pattern.replace("\\\\", "")))


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
            raise Unsupported("a repeat of something that may match empty")
        return chars, low == 0
    if op is sre_c.AT and av is sre_c.AT_BEGINNING:
        return set(), True
    raise Unsupported(f"{op} in first position")


# -- the first two characters -------------------------------------------------------------
# A prefix is a string of at most ``k`` characters a match can begin with: shorter than
# ``k`` where the match ends there, or ending in _OPEN where any character may follow.

_OPEN = "\0"
_MAX_PREFIXES = 4096


def _prefixes(seq, k: int) -> set[str]:
    out = {""}
    for op, av in seq:
        if all(_complete(s, k) for s in out):
            break
        grown: set[str] = set()
        for s in out:
            if _complete(s, k):
                grown.add(s)
                continue
            try:
                grown.update(s + t for t in _op_prefixes(op, av, k - len(s)))
            except Unsupported:
                if not s:
                    raise
                grown.add(s + _OPEN)
        if len(grown) > _MAX_PREFIXES:
            raise Unsupported("too many prefixes")
        out = grown
    return out


def _complete(s: str, k: int) -> bool:
    return len(s) >= k or s.endswith(_OPEN)


def _op_prefixes(op, av, k: int) -> set[str]:
    if op is sre_c.LITERAL:
        if av == 0:
            raise Unsupported("a NUL character")
        return {chr(av)}
    if op is sre_c.IN:
        chars = _class_chars(av)
        if _OPEN in chars:
            raise Unsupported("a NUL character")
        return chars
    if op is sre_c.SUBPATTERN:
        return _prefixes(av[-1], k)
    if op is sre_c.BRANCH:
        return {s for branch in av[1] for s in _prefixes(branch, k)}
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        return _repeat_prefixes(*av, k)
    if op is sre_c.AT and av is sre_c.AT_BEGINNING:
        return {""}
    raise Unsupported(f"{op}")


def _repeat_prefixes(low: int, high: int, item, k: int) -> set[str]:
    once = _prefixes(item, k)
    if "" in once:
        raise Unsupported("a repeat of something that may match empty")
    out: set[str] = set()
    current = {""}
    for times in range(min(high, k) + 1):
        if times >= low:
            out |= current
        current = {s if _complete(s, k) else (s + t)[:k] for s in current for t in once}
    return out | {s for s in current if _complete(s, k)} if low > k else out


def _class_chars(items) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is sre_c.LITERAL:
            out.add(chr(av))
        elif op is sre_c.RANGE and av[1] - av[0] <= _MAX_RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            raise Unsupported("an open or negated class in first position")
    return out
