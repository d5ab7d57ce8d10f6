"""Step 2 of the pipeline: detect customer-care techniques in a learner's text.

``analyze(text)`` normalises the text and runs every technique lexicon over it. A finding
is a span of the learner's original text; spans inside quotation or reported speech, and
phrases negated in their clause, are not findings (see docs/patterns.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from carecourse.detect.lexicon import TECHNIQUES, lexicon
from carecourse.detect.matcher import Finding, PhraseMatcher
from carecourse.detect.questions import find_questions
from carecourse.detect.structure import Structure
from carecourse.detect.tone import tone_finding
from carecourse.normalize import normalize

__all__ = ["Analysis", "Finding", "TECHNIQUES", "analyze", "structure_of"]


@dataclass(frozen=True)
class Analysis:
    """The techniques found in one text, in reading order."""

    structure: Structure
    findings: tuple[Finding, ...]

    @property
    def text(self) -> str:
        return self.structure.norm.original

    def of(self, technique: str) -> list[Finding]:
        return [f for f in self.findings if f.id == technique]

    def to_dict(self) -> dict:
        return {"techniques": [f.to_dict() for f in self.findings]}


def structure_of(text: str) -> Structure:
    return Structure(normalize(text))


def analyze(text: str) -> Analysis:
    """Find every technique of ``TECHNIQUES`` in ``text``."""
    structure = structure_of(text)
    return Analysis(structure, detect(structure))


def detect(structure: Structure) -> tuple[Finding, ...]:
    phrase, bad, closed, open_ = _matchers()
    found: list[Finding] = []
    for matcher in phrase:
        found.extend(matcher.find(structure))
    found.extend(find_questions(structure, bad, closed, open_))
    if not any(f.id in _RUDE for f in found) and (tone := tone_finding(structure)):
        found.append(tone)  # rude in words no lexicon lists
    unique = {(f.start, f.end, f.id): f for f in found}
    return tuple(sorted(unique.values(), key=lambda f: (f.start, f.end, _RANK[f.id])))


_RUDE = ("forbidden", "negative_label", "bad_question")
_RANK = {technique: k for k, technique in enumerate(TECHNIQUES)}


@cache
def _matchers() -> tuple[list[PhraseMatcher], ...]:
    entries = lexicon()
    phrase = [m for e in entries.values() if e.scope == "phrase" for m in e.matchers()]
    return (
        phrase,
        entries["bad_question"].matchers(),
        entries["closed_question"].matchers(),
        entries["open_question"].matchers(),
    )
