"""Step 4 of the pipeline: write the learner's feedback (Chinese) onto a scored reply."""

from __future__ import annotations

from functools import cache

from carecourse.packaged import read_yaml
from carecourse.results import Flag, GradeResult
from carecourse.rubrics import Rubric
from carecourse.score import Scored

__all__ = ["write_feedback", "messages"]


@cache
def messages() -> dict:
    return read_yaml(__package__, "messages.yaml")


def write_feedback(rubric: Rubric, scored: Scored) -> GradeResult:
    """Attach each criterion's met/missing text, penalty notes and a summary."""
    for result, criterion in zip(scored.criteria, rubric.criteria):
        result.feedback = criterion.feedback.met if result.met else criterion.feedback.missing
        if scored.flag and result.evidence and not criterion.order:  # said, but not counted
            quotes = "、".join(f"“{q}”" for q in result.quotes)
            result.feedback = messages()["said_not_counted"].format(quotes=quotes)
    for result in scored.penalties:
        result.feedback = next(p for p in rubric.penalties if p.id == result.id).feedback.met
    flags = [Flag(scored.flag, _flag_message(rubric, scored.flag))] if scored.flag else []
    return GradeResult(
        scenario=rubric.id,
        score=scored.score,
        max_score=rubric.max_score,
        criteria=scored.criteria,
        penalties=scored.penalties,
        flags=flags,
        summary=_summary(rubric, scored, flags),
    )


def _flag_message(rubric: Rubric, flag: str) -> str:
    points = "、".join(c.label or c.id for c in rubric.criteria if not c.order)
    return messages()["flags"][flag].format(points=points)


def _summary(rubric: Rubric, scored: Scored, flags: list[Flag]) -> str:
    if flags:  # the flag's own message is shown beside it: say what it did to the score
        return messages()["flag_summary"].format(max=f"{rubric.max_score:g}")
    share = scored.score / rubric.max_score if rubric.max_score else 0.0
    text = next(b["text"] for b in messages()["bands"] if share >= b["min"])
    return f"{text}{messages()['penalty_note']}" if scored.penalties else text
