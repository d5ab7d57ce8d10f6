"""Rebukes: where a reply blames, scolds, mocks or brushes the customer off. Nothing said
inside one is credited to a criterion (``score`` draws on these spans), and a rude-sounding
phrase in a sentence that reads clearly calm is no rebuke (``detect.tone.calm``)."""

from __future__ import annotations

from collections.abc import Callable

from carecourse.detect import REBUKES, RUDE_SOUNDING, Analysis
from carecourse.detect.questions import GREETING_CLAUSE
from carecourse.detect.tone import calm
from carecourse.results import Finding

__all__ = ["TONE_MARK_MAX", "UNCALMED", "calm_at", "rebuke_span", "rebuke_spans", "rude_sounding"]

# the kinds of bad question a sentence that reads calm does not excuse: one that looks down on him
# or shows him up is rude however kindly put (您好，这款八千多，您买得起吗？); no dev decision changed
UNCALMED = ("condescending", "exposing")
TONE_MARK_MAX = 4  # a rebuke that is a whole clause this short ("是是是", "行了吧") sets its sentence's tone
# ... but a greeting opening that sentence on its own still greeted him ("您好，……我这边不负责引导"):
# GREETING_CLAUSE (detect.questions)


def rebuke_spans(analysis: Analysis, not_rude: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """Where the reply blames, scolds, mocks or brushes the customer off: nothing said there
    is credited."""
    structure = analysis.structure
    found = [f for f in analysis.of_any(REBUKES) if not not_rude(f.nstart, f.nend)]
    return [rebuke_span(structure, f) for f in found if not calm_at(analysis, f.nstart)]


def calm_at(analysis: Analysis, pos: int) -> bool:
    """``tone.calm`` at ``pos``, worked out once per reply: a rebuke's finding is asked about
    both for the rebuke spans and for the rudeness penalty."""
    key = ("calm", pos)
    found = analysis.memo.get(key)
    if found is None:
        found = analysis.memo[key] = calm(analysis.structure, pos)
    return found


def rude_sounding(finding: Finding, penalty_id: str) -> bool:
    """A match of the rude-words lexicons or of a rudeness penalty's own patterns (not, say,
    the refusal that makes a flat no)."""
    return finding.id in RUDE_SOUNDING or finding.id == f"pattern:{penalty_id}"


def rebuke_span(structure, finding: Finding) -> tuple[int, int]:
    """A rebuke covers its clause ("肯定是你设置错了"); a short one standing as a clause of its
    own covers its whole sentence ("是是是，都是我们的错，行了吧" is no apology) but for a greeting
    opening it ("您好，要办业务自己去取号，我这边不负责引导" greeted him)."""
    start, end = structure.clause_at(finding.nstart)
    phrase = 0 if finding.kind == "tone" else finding.nend - finding.nstart  # tone: a clause already
    if end - start <= max(TONE_MARK_MAX, phrase):
        start, end = structure.sentence_at(finding.nstart) or (start, end)
        first = structure.clause_at(start)
        if first[1] < finding.nstart and GREETING_CLAUSE.fullmatch(structure.text, *first):
            start = first[1]
    return start, end
