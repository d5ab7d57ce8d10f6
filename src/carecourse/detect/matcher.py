"""Find phrases in a structured text: the building block of lexicons and rubric matchers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from carecourse.detect.factoring import FirstCharSearch, PlainSearch, alternation, first_char_search, kind_of
from carecourse.detect.structure import Structure
from carecourse.results import Finding
from carecourse.wordclasses import expand

__all__ = ["Finding", "PhraseMatcher", "plain_sources"]


def make_finding(structure: Structure, id: str, nstart: int, nend: int, kind: str | None = None) -> Finding:
    start, end = structure.norm.original_span(nstart, nend)
    return Finding(id, start, end, structure.norm.original[start:end], kind, nstart, nend)


@dataclass(frozen=True)
class PhraseMatcher:
    """Patterns, optional exclusions, and whether negation or quotation cancel a match."""

    id: str
    pattern: FirstCharSearch | PlainSearch | None
    exclude: FirstCharSearch | PlainSearch | None = None
    negatable: bool = False
    skip_quoted: bool = True

    @classmethod
    def build(cls, id: str, patterns: list[str], exclude: list[str] = (), **options) -> "PhraseMatcher":
        return cls._with(id, _alternatives(patterns), exclude, options)

    @classmethod
    def build_kinds(cls, id: str, kinds: dict[str, list[str]], exclude: list[str] = (), **options) -> "PhraseMatcher":
        """One matcher for several kinds of phrase; ``kind_in`` tells which kind matched."""
        return cls._with(id, _kind_alternatives(kinds), exclude, options)

    @classmethod
    def _with(cls, id: str, alternatives: list[tuple[str | None, str]], exclude: list[str], options: dict) -> "PhraseMatcher":
        exclusion = _compiled(_alternatives(exclude, longest_first=False)) if exclude else None
        if not alternatives:
            return cls(id, None, exclusion, **options)
        return cls(id, _compiled(alternatives), exclusion, **options)

    def _next(self, text: str, pos: int) -> re.Match[str] | None:
        """The leftmost match starting at ``pos`` or later."""
        return self.pattern.search(text, pos)

    def find(self, structure: Structure) -> list[Finding]:
        """Every uncancelled match in the whole text."""
        spans = self._spans(structure)
        if not spans:
            return []
        excluded = self._excluded_in(structure)
        text = structure.text
        return [
            make_finding(structure, self.id, _past_breaks(text, s, e), e)
            for s, e in spans
            if e > s and not self._cancelled(structure, s, e, excluded)
        ]

    def negated(self, structure: Structure) -> list[tuple[int, int]]:
        """The matches that negation or a refusal alone cancels ("我不会帮您核查", "这个退不了"):
        the words said, the deed not done."""
        if not self.negatable:
            return []
        spans = self._spans(structure)
        excluded = self._excluded_in(structure) if spans else []
        return [
            (s, e) for s, e in spans
            if e > s and not self._excluded_or_quoted(structure, s, e, excluded) and self._negated_at(structure, s, e)
        ]  # fmt: skip

    def _spans(self, structure: Structure) -> list[list[int]]:
        """The matches in the whole text, overlapping ones ("为您核" and "核查") merged into one
        span ("为您核查")."""
        if self.pattern is None:
            return []
        spans: list[list[int]] = []
        for s, e in self.pattern.starts(structure):
            if spans and s < spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], e)
            else:
                spans.append([s, e])
        return spans

    def matches_in(self, structure: Structure, start: int, end: int) -> bool:
        """True if an uncancelled match lies in ``text[start:end]`` (anchors at its ends)."""
        return self.kind_in(structure, start, end) is not None

    def kind_in(self, structure: Structure, start: int, end: int) -> str | None:
        """The group name (kind) of the first uncancelled match in ``text[start:end]``, ``""``
        for a matcher without kinds, or None if nothing matches there."""
        if self.pattern is None:
            return None
        piece = structure.text[start:end]
        match = self._next(piece, 0)
        excluded = [(start + a, start + b) for a, b in self._excluded(piece)] if match else []
        while match:
            s, e = start + match.start(), start + match.end()
            if e > s and not self._cancelled(structure, s, e, excluded):
                return kind_of(match)
            match = self._next(piece, match.end() if match.end() > match.start() else match.start() + 1)
        return None

    def excludes(self, structure: Structure, start: int, end: int) -> bool:
        """True if one of this matcher's exclusions (phrases declared not to be it) overlaps
        ``text[start:end]``."""
        return any(s < end and start < e for s, e in self._excluded(structure.text))

    def _excluded_in(self, structure: Structure) -> list[tuple[int, int]]:
        """The exclusions' non-overlapping matches in the whole text (as ``finditer``)."""
        if not isinstance(self.exclude, FirstCharSearch):
            return self._excluded(structure.text)
        spans, end = [], 0
        for s, e in self.exclude.starts(structure):
            if s >= end:
                spans.append((s, e))
                end = e
        return spans

    def _excluded(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.exclude.finditer(text)] if self.exclude else []

    def _cancelled(self, structure: Structure, s: int, e: int, excluded: list[tuple[int, int]]) -> bool:
        return self._excluded_or_quoted(structure, s, e, excluded) or (self.negatable and self._negated_at(structure, s, e))

    def _excluded_or_quoted(self, structure: Structure, s: int, e: int, excluded: list[tuple[int, int]]) -> bool:
        return any(xs < e and s < xe for xs, xe in excluded) or (self.skip_quoted and structure.is_quoted(s))

    @staticmethod
    def _negated_at(structure: Structure, s: int, e: int) -> bool:
        return structure.is_negated(s) or structure.is_refused_after(e)


_BREAKS = frozenset(" ,。!?~\n")


def _past_breaks(text: str, s: int, e: int) -> int:
    """Where a match that opens with the break before its phrase ("。下一个", ",行了吧")
    really starts: its evidence is the phrase, and the clause it spoils is the phrase's own."""
    while s < e - 1 and text[s] in _BREAKS:
        s += 1
    return s


def _compiled(alternatives: list[tuple[str | None, str]]) -> FirstCharSearch | PlainSearch:
    """The alternation, searched by first character where its first characters can be told
    (one search for one alternation: criteria sharing an exclusion list search it once)."""
    return _search_of(tuple(alternatives))


@lru_cache(maxsize=4096)
def _search_of(alternatives: tuple[tuple[str | None, str], ...]) -> FirstCharSearch | PlainSearch:
    return first_char_search(list(alternatives)) or PlainSearch(list(alternatives))


def plain_sources(patterns: list[str] = (), exclude: list[str] = (), kinds: dict[str, list[str]] | None = None) -> tuple[str | None, str | None]:
    """The regexes a matcher built from these searches (by first character, which changes no
    match): its pattern and its exclusion, None where there is none. The browser runs these."""
    alternatives = _kind_alternatives(kinds) if kinds else _alternatives(patterns)
    pattern = alternation(alternatives) if alternatives else None
    return pattern, alternation(_alternatives(exclude, longest_first=False)) if exclude else None


def _alternatives(patterns: list[str], longest_first: bool = True) -> list[tuple[str | None, str]]:
    return [(None, expand(p)) for p in (_longest_first(patterns) if longest_first else patterns)]


def _kind_alternatives(kinds: dict[str, list[str]]) -> list[tuple[str | None, str]]:
    return [(kind, expand(p)) for kind, patterns in kinds.items() for p in _longest_first(patterns)]


def _longest_first(patterns: list[str]) -> list[str]:
    """Longer patterns first, so the fuller phrase ("非常抱歉") wins over its core ("抱歉")
    where both start at one place."""
    return sorted(patterns, key=len, reverse=True)
