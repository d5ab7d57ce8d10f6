"""Step 4 of the pipeline: what the learner is told (Chinese) about a scored reply.

Takes step 3's ``Scored`` and returns the ``GradeResult`` every page, notebook and report
shows: each criterion's met/missing text, each penalty's note, the flag and a summary.
"""

from __future__ import annotations

from functools import cache

from carecourse.packaged import read_yaml
from carecourse.results import CriterionResult, Flag, GradeResult, PenaltyResult, distinct_quotes, quoted
from carecourse.rubrics import Rubric
from carecourse.score import CriterionScore, PenaltyScore, Scored

__all__ = ["write_feedback", "messages"]


@cache
def messages() -> dict:
    return read_yaml(__package__, "messages.yaml")


def write_feedback(scored: Scored) -> GradeResult:
    """The learner's grade: the score with a sentence for every criterion and penalty."""
    rubric = scored.rubric
    flags = [Flag(scored.flag, _flag_message(rubric, scored.flag))] if scored.flag else []
    return GradeResult(
        scenario=rubric.id,
        score=scored.score,
        max_score=rubric.max_score,
        criteria=[_criterion_line(c, scored.flag) for c in scored.criteria],
        penalties=[_penalty_line(p) for p in scored.penalties],
        flags=flags,
        summary=_summary(rubric, scored, flags),
    )


def _criterion_line(scored: CriterionScore, flag: str | None) -> CriterionResult:
    c = scored.criterion
    text = c.feedback.met if scored.met else c.feedback.missing
    if scored.weak:  # met, in a form to say more strongly (its words are shown beside it)
        text = c.feedback.met_weakly
    elif scored.counted_once and c.feedback.counted_once:
        text = c.feedback.counted_once
    elif not scored.met and scored.points and c.feedback.partial:
        text = c.feedback.partial
    said_not_counted = messages()["said_not_counted"].get(flag)
    if said_not_counted and scored.evidence and (scored.met or (scored.enough and not c.order)):  # said, not counted
        text = said_not_counted.format(quotes=quoted(scored.quotes))
    elif not flag and scored.rebuked:  # said inside a rebuke
        text = messages()["said_in_rebuke"].format(quotes=quoted(distinct_quotes(scored.rebuked)))
    elif not flag and scored.echoed:  # said in the customer's own words
        text = messages()["said_as_echo"].format(quotes=quoted(distinct_quotes(scored.echoed)))
    elif not flag and scored.refused:  # the deed said, but negated or refused
        text = messages()["said_but_refused"].format(quotes=quoted(distinct_quotes(scored.refused)), missing=c.feedback.missing)
    elif not flag and scored.doubted:  # said, but trainers seldom count such a reply
        text = messages()["said_but_doubted"].format(quotes=quoted(distinct_quotes(scored.doubted)), missing=c.feedback.missing)
    elif not flag and scored.spoilt:  # said where a set the criterion is spoilt by says why it does not count
        text = scored.spoilt_said.format(quotes=quoted(distinct_quotes(scored.spoilt)), missing=c.feedback.missing)
    elif not flag and scored.reversed and c.feedback.out_of_order:  # both sides said, the wrong way round
        then, first = (quoted([f.text]) for f in scored.reversed)
        text = c.feedback.out_of_order.format(then=then, first=first)
    return CriterionResult(c.id, c.label, scored.met, scored.points, float(c.points), scored.evidence, text, c.section)


def _penalty_line(scored: PenaltyScore) -> PenaltyResult:
    p = scored.penalty
    return PenaltyResult(p.id, p.label, scored.points, scored.evidence, p.feedback.met, p.section)


def _flag_message(rubric: Rubric, flag: str) -> str:
    points = "、".join(c.label or c.id for c in rubric.criteria if not c.order)
    return messages()["flags"][flag].format(points=points)


def _missing_key(missing: int, criteria: int) -> str:
    """The summary for ``missing`` of ``criteria`` points not met (half of them at most)."""
    if missing == 1:
        return "one_missing"
    if 2 * missing == criteria:  # (not "most points done": half of them, 2 of 4)
        return "half_missing"
    return "two_missing" if missing == 2 else "some_missing"


def _summary(rubric: Rubric, scored: Scored, flags: list[Flag]) -> str:
    if flags:  # the flag's own message is shown beside it: say what it did to the score
        return messages()["flag_summary"].format(max=f"{rubric.max_score:g}")
    words = messages()["summary"]
    missing = sum(1 for c in scored.criteria if not c.met)
    if not missing:
        return words["all_met_penalised"] if scored.penalties else words["all_met"]
    if 2 * missing > len(scored.criteria):
        text = words["most_missing"]
    else:
        key = _missing_key(missing, len(scored.criteria))
        text = words.get(f"{key}_penalised", words[key]) if scored.penalties else words[key]
    if scored.penalties:
        text += messages()["penalty_note"]
        if sum(c.points for c in scored.criteria) + sum(p.points for p in scored.penalties) < 0:
            text += messages()["floored_note"]
    return text
