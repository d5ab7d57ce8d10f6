"""Run several searches over a text in one pass: a rubric's patterns, sets and lexicons.

Grading with a rubric searches one reply with a few dozen alternations (each technique's
lexicon, each criterion's and penalty's own patterns, the named sets, their exclusions).
Searched one by one (``FirstCharSearch.each_start``), every alternation walks the text on
its own. A ``Scan`` walks it once (a grade took 17% fewer instructions): at each place where
one of its searches can start, it tries each search that can (with its own branches for
those first two characters, the very regex the search alone would try there), and keeps
each search's matches in the structure (``Structure.starts``), where
``FirstCharSearch.starts`` finds them. So every search gives exactly the matches it gives
alone.
"""

from __future__ import annotations

import re

from carecourse.detect.factoring import FirstCharSearch, one_of
from carecourse.detect.structure import Structure

__all__ = ["Scan"]


class Scan:
    """The searches ``members``, run together over a structure's text."""

    def __init__(self, members):
        self.members: list[FirstCharSearch] = list(dict.fromkeys(m for m in members if isinstance(m, FirstCharSearch)))
        self._firsts: dict[str, list[int]] = {}  # first character -> the members that can start with it
        for k, member in enumerate(self.members):
            for char in member._starting:
                self._firsts.setdefault(char, []).append(k)
        self._class: re.Pattern[str] | None = None
        self._tries: dict[str, tuple] = {}  # first two characters -> ((member index, regex), ...)

    def run(self, structure: Structure) -> None:
        """Each member's matches in ``structure.text``, kept in ``structure.starts``."""
        store = structure.starts
        if not self.members or self.members[0] in store:
            return
        text = structure.text
        found: dict[int, list[tuple[int, int]]] = {}
        tries_at = self._tries
        for candidate in self._candidates().finditer(text):
            p = candidate.start()
            pair = text[p : p + 2]  # (one character at the end of the text)
            tries = tries_at.get(pair)
            if tries is None:
                tries = self._tries_for(pair)
            for k, regex in tries:
                match = regex.match(text, p)
                if match:
                    found.setdefault(k, []).append((p, match.end()))
        for k, member in enumerate(self.members):
            store.setdefault(member, found.get(k, _NONE))

    def _candidates(self) -> re.Pattern[str]:
        """A class of every character a member can start with (the character after it is
        looked at by ``_tries_for``: a class lets ``re`` skip the rest in C, where an
        alternation of character pairs would try each pair at every place)."""
        if self._class is None:
            self._class = one_of("".join(self._firsts))
        return self._class

    def _tries_for(self, pair: str) -> tuple:
        """The members that can start with the characters ``pair``, each with the regex of
        its branches that can (the one its own search compiles and tries there)."""
        first, second = pair[0], pair[1:]
        tries = []
        for k in self._firsts[first]:
            regex = self.members[k].branches_at(first, second)
            if regex is not None:
                tries.append((k, regex))
        if len(self._tries) >= _MAX_PAIRS:  # (any pair of characters may come: keep it bounded)
            self._tries.clear()
        self._tries[pair] = tries = tuple(tries)
        return tries


_MAX_PAIRS = 50_000
_NONE: tuple[tuple[int, int], ...] = ()  # what a member that found nothing is given
