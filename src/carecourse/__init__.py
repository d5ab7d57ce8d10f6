"""carecourse: grade Chinese free-text customer-service replies and explain the grade.

The pipeline, one package per step (``carecourse.pipeline`` runs them)::

    normalize  ->  detect  ->  score (rubrics)  ->  feedback  ->  GradeResult

>>> import carecourse
>>> result = carecourse.grade("greet-entry", "您好，欢迎光临！请问您办理什么业务？这边请。")
>>> result.score == result.max_score
True
"""

from __future__ import annotations

from carecourse.detect import Analysis
from carecourse.pipeline import analyze, grade
from carecourse.results import CriterionResult, Finding, Flag, GradeResult, PenaltyResult
from carecourse.rubrics import Rubric, RubricError, scenario_ids

__all__ = [
    "Analysis", "CriterionResult", "Finding", "Flag", "GradeResult", "PenaltyResult",
    "Rubric", "RubricError", "analyze", "grade", "scenario_ids",
]  # fmt: skip

__version__ = "0.1.0"
