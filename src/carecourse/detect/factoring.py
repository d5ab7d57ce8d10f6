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

The second character narrows it further: where a branch's first two characters can be
told (``[您你]好`` starts 您好 or 你好), it is tried only where the text goes on with its
second; a branch whose second cannot be told (``好.*``, or ending after one character)
is tried wherever its first character stands. ``heads.py`` works out what each branch can
start with.
"""

from __future__ import annotations

import re
from functools import lru_cache

from carecourse.detect.heads import Unsupported, heads, refers_back
from carecourse.pattern_cache import compile_pattern, compile_tree
from carecourse.regex_subset import parsed, sre_c, sre_parse

__all__ = ["FirstCharSearch", "PlainSearch", "alternation", "first_char_search", "kind_of"]

def alternation(alternatives: list[tuple[str | None, str]]) -> str:
    """One alternation of the ``(kind, pattern)`` in order; a kind's patterns in a group
    named by it."""
    bodies = [("|".join(f"(?:{p})" for p in ps), kind) for kind, ps in _by_kind(alternatives)]
    return "|".join(body if kind is None else f"(?P<{kind}>{body})" for body, kind in bodies)


def _by_kind(alternatives: list[tuple[str | None, str]]) -> list[tuple[str | None, list[str]]]:
    """The patterns in order, each run of one kind's patterns together."""
    groups: list[tuple[str | None, list[str]]] = []
    for kind, p in alternatives:
        if groups and kind is not None and groups[-1][0] == kind:
            groups[-1][1].append(p)
        else:
            groups.append((kind, [p]))
    return groups


def compile_alternation(alternatives: list[tuple[str | None, str]]) -> re.Pattern[str]:
    """``re.compile(alternation(alternatives))``, built from each pattern's parse tree, which
    is parsed once however many alternations hold it (parsing is most of compiling; the
    per-character alternations share their branches). Falls back to compiling the text
    where a tree cannot be shared (a pattern with a named group, a back-reference or a
    flag of its own)."""
    try:
        return compile_tree(tuple(alternatives), lambda: _tree(alternatives))
    except (Unsupported, re.error, AttributeError, TypeError):  # (or another Python's internals differ)
        return re.compile(alternation(alternatives))


def _tree(alternatives: list[tuple[str | None, str]]):
    """The parse tree of the alternation, built from its patterns' trees."""
    state = sre_parse.State()
    state.flags = sre_parse.fix_flags("", 0)
    trees = [(kind, [_shareable(p) for p in patterns]) for kind, patterns in _by_kind(alternatives)]
    # a pattern's own groups keep their numbers (no match is read by them, and one group
    # number in two branches is never open twice); the kinds' groups come after them all
    state.groupwidths.extend([None] * max(t.state.groups - 1 for _, ts in trees for t in ts))
    items = []
    for kind, shared in trees:
        body = _branch(state, shared)
        if kind is not None:
            group = state.opengroup(kind)
            state.closegroup(group, body)
            body = sre_parse.SubPattern(state, [(sre_c.SUBPATTERN, (group, 0, 0, body))])
        items.append(body)
    return _branch(state, items)


def _branch(state, items: list) -> object:
    return items[0] if len(items) == 1 else sre_parse.SubPattern(state, [(sre_c.BRANCH, (None, items))])


def _shareable(pattern: str):
    tree = parsed(pattern)
    if tree.state.groupdict or refers_back(pattern) or tree.state.flags != sre_parse.fix_flags("", 0):
        raise Unsupported("a named group, a back-reference or a flag of its own")
    return tree


@lru_cache(maxsize=4096)
def one_of(chars: str) -> re.Pattern[str]:
    """A class of the characters of ``chars`` (a class lets ``re`` skip every other character
    in C); one that matches nothing if there are none."""
    return compile_pattern("[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]" if chars else "(?!)")


def kind_of(match: re.Match[str]) -> str:
    """The kind of phrase a match of an alternation is, "" for none."""
    return match.lastgroup or ""


class _Search:
    def starts(self, structure) -> list[tuple[int, int]]:
        """The span of the match at each position where one starts in ``structure.text``
        (worked out once per text; a ``Scan`` may have found them with other searches)."""
        found = structure.starts.get(self)
        if found is None:
            found = structure.starts[self] = [m.span() for m in self.each_start(structure.text)]
        return found


class PlainSearch(_Search):
    """The plain alternation, with the same methods as ``FirstCharSearch``."""

    def __init__(self, alternatives: list[tuple[str | None, str]]):
        self.pattern = alternation(alternatives)
        compiled = compile_pattern(self.pattern)
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
        starts = [heads(pattern) for _, pattern in alternatives]
    except Unsupported:
        return None
    return FirstCharSearch(alternatives, starts)


class FirstCharSearch(_Search):
    """``search`` and ``finditer`` of an alternation (see the module docstring); ``pattern``
    is the plain alternation's source."""

    def __init__(self, alternatives: list[tuple[str | None, str]], starts: list[dict[str, frozenset[str] | None]]):
        self.pattern = alternation(alternatives)
        self._alternatives = alternatives
        self._starting: dict[str, list[tuple[int, frozenset[str] | None]]] = {}  # first -> (branch, its seconds)
        for k, firsts in enumerate(starts):
            for char, seconds in firsts.items():
                self._starting.setdefault(char, []).append((k, seconds))
        self._class: re.Pattern[str] | None = None
        self._compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}  # branches -> their regex
        self._routes: dict[str, dict[str, tuple[int, ...] | re.Pattern[str] | None]] = {}  # first -> second -> branches

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
        routes = self._routes
        for candidate in self._candidates().finditer(text, pos):
            p = candidate.start()
            first = text[p]
            route = routes.get(first) or self._route(first)
            second = text[p + 1 : p + 2]
            branches = route.get(second, route[""])
            if branches is None:
                continue
            if branches.__class__ is tuple:
                branches = self.branches_at(first, second)
                if branches is None:
                    continue
            match = branches.match(text, p)
            if match:
                yield match

    def branches_at(self, first: str, second: str) -> re.Pattern[str] | None:
        """The regex of the branches that can start with ``first`` then ``second`` ("" at
        the text's end), None if no branch can."""
        route = self._routes.get(first) or self._route(first)
        key = second if second in route else ""
        branches = route[key]
        if branches.__class__ is tuple:
            branches = route[key] = self._compile(branches)
        return branches

    def _candidates(self) -> re.Pattern[str]:
        """A class of every character a branch can start with."""
        if self._class is None:
            self._class = one_of("".join(self._starting))
        return self._class

    def _route(self, first: str) -> dict:
        """For each second character the branches starting with ``first`` might go on with,
        those branches in order; under "" those whose second character cannot be told (all
        that can match where the text ends or goes on with another character)."""
        starting = self._starting[first]
        anywhere = tuple(k for k, seconds in starting if seconds is None)
        named = {c for _, seconds in starting if seconds for c in seconds}
        route: dict = {"": anywhere}
        for second in named:
            route[second] = tuple(k for k, seconds in starting if seconds is None or second in seconds)
        self._routes[first] = route
        return route

    def _compile(self, keep: tuple[int, ...]) -> re.Pattern[str] | None:
        """The branches ``keep``, in order, as one regex (shared by every route that keeps
        the same branches: 您 and 你 in ``[您你]好``); None for no branch."""
        if keep not in self._compiled:
            self._compiled[keep] = compile_alternation([self._alternatives[k] for k in keep]) if keep else None
        return self._compiled[keep]
