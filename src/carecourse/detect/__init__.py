"""Step 2 of the pipeline: detect customer-care techniques in a normalised text.

``detect(normalised)`` takes step 1's output (``carecourse.pipeline.analyze`` runs both
steps); each technique's lexicon runs over it when that technique is first asked for
(``Analysis.of``). A finding is a span of the learner's original text; spans inside
quotation or reported speech, and phrases negated in their clause, are not findings (see
docs/patterns.md). Where a technique's lexicon finds nothing, a learned model may still
point at the clause that says it in the analyzer's view (``findings``; ``learned.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, cached_property
from operator import attrgetter

from carecourse.detect.learned import learned_readings, learned_techniques
from carecourse.detect.lexicon import TECHNIQUES, lexicon_entry
from carecourse.detect.linear import LinearModel
from carecourse.detect.matcher import PhraseMatcher
from carecourse.detect.questions import find_questions
from carecourse.detect.structure import Structure
from carecourse.detect.tone import tone_finding
from carecourse.normalize import NormalizedText, normalize
from carecourse.results import Finding

__all__ = ["DEEDS", "REBUKES", "RUDE_SOUNDING", "Analysis", "Finding", "TECHNIQUES", "detect", "matchers_of", "structure_of"]


class Analysis:
    """The techniques found in one text, in reading order.

    Each technique's lexicon runs the first time it is asked for (``of``), so grading with
    a rubric runs only the lexicons the rubric uses; ``findings`` runs them all."""

    def __init__(self, structure: Structure):
        self.structure = structure
        self._found: dict[str, list[Finding]] = {}
        self.memo: dict = {}  # what carecourse.score worked out for this reply (matches, calm tests)

    @property
    def text(self) -> str:
        return self.structure.norm.original

    def of(self, technique: str) -> list[Finding]:
        """The findings of one technique, in reading order."""
        if technique not in self._found:
            if technique not in _RANK:
                return []
            self._detect(technique)
        return self._found[technique]

    def of_any(self, techniques) -> list[Finding]:
        """The findings of several techniques, in reading order."""
        found = [f for t in _by_rank(tuple(techniques)) for f in self.of(t)]
        found.sort(key=_SPAN)  # stable: where two spans are equal, the rank order stays
        return found

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        """Every technique the lexicons find and, for a technique they do not find, the clause
        where a learned model reads it (``learned.py``): the analyzer's whole view of a reply,
        worked out once. Rubrics draw on the lexicons alone (``of``); their criteria have
        second opinions of their own, trained on trainers' marks for them."""
        found = self.of_any(TECHNIQUES) + self.learned()
        found.sort(key=_SPAN)  # stable: where a learned span equals a lexicon's, the lexicon's comes first
        return tuple(found)

    def learned(self, models: dict[str, LinearModel] | None = None) -> list[Finding]:
        """What the learned models (``models``: the shipped ones) add: for each technique they
        know that the lexicon did not find, the clause that says it, in the techniques' order
        (one technique a clause)."""
        known = learned_techniques(TECHNIQUES) if models is None else _by_rank(tuple(models))
        missing = [t for t in known if not self.of(t)]
        if not missing:
            return []
        clauses = self.open_clauses()
        undone = {t: self.undone((t,)) for t in missing}
        open_to = {t: [(s, e) for s, e in clauses if not undone[t](s, e)] for t in missing}
        return learned_readings(self.structure, missing, open_to, models)

    def undone(self, techniques, also: list[tuple[int, int]] = ()) -> Callable[[int, int], bool]:
        """A test of a clause (start, end): True where it says a deed of ``techniques`` (or one
        whose negated words are ``also``) was not done, its words negated or refused ("今天我这边
        不会给您查"), so no learned model may read the deed there. A clause typed with spaces may
        be several, one refused and one done ("今天这边不给您查 明天一早就给您查"), and is left to
        the models."""
        spans = [span for t in techniques for span in self.negated(t)] + list(also)
        text = self.structure.text
        return lambda s, e: bool(spans) and " " not in text[s:e] and any(ns < e and s < ne for ns, ne in spans)

    def negated(self, technique: str) -> list[tuple[int, int]]:
        """For a technique that is a deed (``DEEDS``), where its lexicon matched words that
        negation or a refusal cancels (spans in the normalised text): said, not done."""
        key = ("negated", technique)
        if key not in self.memo:
            found = matchers_of(technique) if technique in DEEDS else []
            self.memo[key] = [span for m in found for span in m.negated(self.structure)]
        return self.memo[key]

    def open_clauses(self) -> list[tuple[int, int]]:
        """The clauses a learned model may read a technique in: not the customer's quoted
        words, not in a sentence that blames, scolds or asks a bad question (a rebuke
        explains or promises nothing)."""
        structure = self.structure
        rebukes = [structure.sentence_at(f.nstart) or (f.nstart, f.nend) for f in self.of_any(RUDE_SOUNDING)]
        return [(s, e) for ss, se in structure.sentences for s, e in structure.clauses_in(ss, se)
                if not structure.is_quoted(s) and not any(rs < e and s < re for rs, re in rebukes)]  # fmt: skip

    def to_dict(self) -> dict:
        return {"techniques": [f.to_dict() for f in self.findings]}

    def _detect(self, technique: str) -> None:
        if technique in _QUESTIONS:
            found = find_questions(self.structure, *(matchers_of(t) for t in _QUESTIONS))
            for t in _QUESTIONS:
                self._found[t] = _unique([f for f in found if f.id == t])
            return
        (matcher,) = matchers_of(technique)
        found = matcher.find(self.structure)
        # rude in words no lexicon lists (the model first: it rarely fires, the question
        # lexicons need not run at all for most rubrics then); a clause holding words the
        # lexicon declares not rude ("不是您的错") is not rude by tone either
        if technique == "forbidden" and not found and not self.of("negative_label"):
            tone = tone_finding(self.structure)
            if tone and not self.of("bad_question") and not matcher.excludes(self.structure, tone.nstart, tone.nend):
                found = [tone]
        self._found[technique] = _unique(found)


def detect(normalised: NormalizedText) -> Analysis:
    """The techniques of ``TECHNIQUES`` in a normalised text (each found when first asked for)."""
    return Analysis(Structure(normalised))


def structure_of(text: str) -> Structure:
    """The sentence and quotation structure of ``text`` once normalised (for the models' tests)."""
    return Structure(normalize(text))


def _unique(found: list[Finding]) -> list[Finding]:
    """One finding per span (of one technique), in reading order."""
    return sorted({(f.start, f.end): f for f in found}.values(), key=_SPAN)


_SPAN = attrgetter("start", "end")


@cache
def _by_rank(techniques: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted((t for t in techniques if t in _RANK), key=_RANK.__getitem__))


_QUESTIONS = ("bad_question", "closed_question", "open_question")
# what staff do or will do: where its words are negated or refused, no learned model reads it
DEEDS = ("action", "commitment", "follow_up", "alternative")
# the lexicons of what not to say: rebukes (blame, scolding, brushing off, labels), and with
# the bad questions, everything that sounds rude (carecourse.score reads them from here)
REBUKES = ("forbidden", "negative_label")
RUDE_SOUNDING = (*REBUKES, "bad_question")
_RANK = {technique: k for k, technique in enumerate(TECHNIQUES)}


@cache
def matchers_of(technique: str) -> list[PhraseMatcher]:
    """A technique's compiled matchers, built the first time a reply needs them."""
    return lexicon_entry(technique).matchers()
