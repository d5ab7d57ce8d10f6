"""What step 3 returns (``Scored``: each criterion's and penalty's score, the flag, the
total), and how a criterion's evidence becomes its points and the words the learner is shown
(``criterion_score``); ``carecourse.score`` gathers the evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from carecourse.detect import Analysis
from carecourse.detect.matcher import make_finding
from carecourse.results import Finding, distinct_quotes
from carecourse.rubrics import Criterion, Penalty, Rubric
from carecourse.score.gaming import SAID, SAID_BUT_NOT_RESTATED, listed_spans
from carecourse.score.quotes import in_whole_clauses, joined_in_clauses
from carecourse.score.spans import covered_by, overlap_test

__all__ = ["CriterionScore", "PenaltyScore", "Scored", "criterion_score", "with_refused"]


@dataclass(frozen=True)
class CriterionScore:
    """One criterion of the rubric: met or not, the points it earned, the evidence found."""

    criterion: Criterion
    met: bool
    points: float
    evidence: list[Finding]
    # what the criterion's words found inside a rebuke, said but not counted (是是是，对不起对不起)
    rebuked: list[Finding] = field(default_factory=list)
    # what the criterion's words found in a reply that parrots the customer (``own_words``)
    echoed: list[Finding] = field(default_factory=list)
    # an order criterion's two sides, both said but the wrong way round: [then, first]
    reversed: list[Finding] = field(default_factory=list)
    # missed only because its count_as_one evidence counted once
    counted_once: bool = False
    # the evidence would meet the criterion, were the reply not flagged (one open question
    # of the two asked for is not enough, flagged or not)
    enough: bool = False
    # the evidence the second opinion doubted: words that met the criterion, but trainers
    # seldom count such a reply as meeting it
    doubted: list[Finding] = field(default_factory=list)
    # for a criterion that credits a deed and is missed: the clauses where its words are said
    # negated or refused (今天我这边不会给您查), named in the feedback
    refused: list[Finding] = field(default_factory=list)
    # for a missed criterion: the words of a set it is spoilt by that spoilt the only words
    # that would have met it (不断线 for 断线), and what that set has the learner told (``said``)
    spoilt: list[Finding] = field(default_factory=list)
    spoilt_said: str = ""
    # met, all its evidence in a form its `weak` patterns name: the feedback asks for more
    weak: bool = False

    @property
    def quotes(self) -> list[str]:
        return distinct_quotes(self.evidence)


@dataclass(frozen=True)
class PenaltyScore:
    """A penalty of the rubric that applies; ``points`` is negative."""

    penalty: Penalty
    points: float
    evidence: list[Finding]


@dataclass(frozen=True)
class Scored:
    """What the rubric made of the reply, before anything is said to the learner."""

    rubric: Rubric
    criteria: list[CriterionScore]
    penalties: list[PenaltyScore]
    flag: str | None
    score: float



def criterion_score(
    c: Criterion, found: list[Finding], flag: str | None, unheard: list[list[Finding]],
    as_one: re.Pattern[str] | None, structure,
) -> CriterionScore:
    """A flagged reply scores nothing; it meets no criterion either, unless its flag is one of
    ``gaming.SAID``, or of ``gaming.SAID_BUT_NOT_RESTATED`` and the criterion restates nothing of
    the customer's (its real evidence is shown all the same). ``unheard``: what the criterion's
    words found inside a rebuke, and in a reply that parrots the customer; an order criterion's
    sides said the wrong way round."""
    text = structure.text
    void = flag is not None and flag not in SAID and not (flag in SAID_BUT_NOT_RESTATED and not c.in_quotes)
    need = 1 if c.order else c.min_count
    count = _distinct(found, as_one, text)
    met = not void and count >= need
    counted_once = not met and not void and as_one is not None and _distinct(found, None, text) >= need
    share = min(count, need) / need if c.partial_credit or met else 0.0
    points = round(float(c.points) * share, 2) if flag is None else 0.0
    rebuked, echoed, reversed_ = unheard if not met else ([], [], [])
    if c.quote_clause:
        found = [in_whole_clauses(structure, f) for f in found]
        reversed_ = [in_whole_clauses(structure, f) for f in reversed_]
    if len(reversed_) < 2 or overlap_test([(reversed_[0].start, reversed_[0].end)])(reversed_[1].start, reversed_[1].end):
        reversed_ = []  # (both sides in one clause, one question read both ways: no order to name)
    shown = found if c.order else joined_in_clauses(structure, found)
    return CriterionScore(c, met, points, shown, rebuked, echoed, reversed_, counted_once, enough=count >= need)


def with_refused(scored: CriterionScore, analysis: Analysis, own: list[tuple[int, int]] = ()) -> CriterionScore:
    """``scored``, or, for a missed criterion whose techniques or own words (negated, refused or
    taken back at once: ``own``) name a deed not done, that criterion with those
    clauses as ``refused`` (as the learned models leave them: not in a clause typed with
    spaces, ``Analysis.undone``). An outline or a list of technique names says nothing to
    the customer, so refuses nothing either ("说明原因(今日无法修复)→预约明天")."""
    techniques = scored.criterion.techniques
    if scored.met or scored.doubted:
        return scored
    structure = analysis.structure
    found = [make_finding(structure, t, s, e) for t in techniques for s, e in analysis.negated(t)]
    found += [make_finding(structure, f"pattern:{scored.criterion.id}", s, e) for s, e in own]
    if not found:
        return scored
    undone = analysis.undone(techniques, own)
    in_list = covered_by(listed_spans(structure.text))
    said = [f for f in sorted(found, key=lambda f: f.nstart) if undone(*structure.clause_at(f.nstart)) and not in_list(f.nstart)]
    refused = [in_whole_clauses(structure, f) for f in said]
    return replace(scored, refused=refused) if refused else scored


def _distinct(found: list[Finding], as_one: re.Pattern[str] | None, text: str) -> int:
    """How many different pieces of evidence ``found`` holds: the same words count once, and
    so does all evidence the criterion's ``count_as_one`` patterns (``as_one``) match in the
    normalised ``text``."""
    if as_one is None or len(found) < 2:
        return len({f.key for f in found})
    return len({_AS_ONE if as_one.search(text, f.nstart, f.nend) else f.key for f in found})


_AS_ONE = object()  # the key of all such evidence (no text can be equal to it)
