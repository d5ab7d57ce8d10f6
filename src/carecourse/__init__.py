"""carecourse: grade Chinese free-text customer-service replies and explain the grade.

The pipeline, one package per step::

    normalize  ->  detect  ->  score (rubrics)  ->  feedback  ->  GradeResult

>>> import carecourse
>>> result = carecourse.grade("greet-entry", "您好，欢迎光临！请问您办理什么业务？这边请。")
>>> result.score == result.max_score
True
"""

from __future__ import annotations

from carecourse.detect import Analysis, Finding
from carecourse.detect import analyze as _analyze
from carecourse.feedback import write_feedback
from carecourse.results import CriterionResult, Flag, GradeResult, PenaltyResult
from carecourse.rubrics import Rubric, RubricError, builtin, scenario_ids
from carecourse.score import apply_rubric

__all__ = [
    "Analysis", "CriterionResult", "Finding", "Flag", "GradeResult", "PenaltyResult",
    "Rubric", "RubricError", "analyze", "grade", "scenario_ids",
]  # fmt: skip
__version__ = "0.1.0"


def analyze(text: str) -> Analysis:
    """Find the customer-care techniques in ``text``.

    Every finding carries ``start``/``end`` offsets into ``text`` exactly as given, so
    ``text[f.start:f.end] == f.text``. ``analyze(text).to_dict()`` is the JSON of
    ``carecourse analyze --json``.
    """
    return _analyze(_as_text(text))


def grade(scenario_id: str, text: str, *, rubric: Rubric | None = None) -> GradeResult:
    """Grade a reply to a scenario and explain the grade.

    ``scenario_id`` names a shipped rubric (see ``scenario_ids()``); pass ``rubric=`` to use
    one loaded with ``carecourse.rubrics.load``. Raises ``RubricError`` for an unknown
    scenario. The same input always gives the same result; ``result.to_dict()`` is the
    JSON of ``carecourse grade --json``.
    """
    rubric = rubric or builtin(scenario_id)
    analysis = _analyze(_as_text(text))
    return write_feedback(rubric, apply_rubric(rubric, analysis))


def _as_text(text: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"a reply must be text (str), not {type(text).__name__}")
    return text
