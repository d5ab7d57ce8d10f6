"""carecourse: grade Chinese free-text customer-service replies and explain the grade.

The pipeline, one package per step (``carecourse.pipeline`` runs them)::

    normalize  ->  detect  ->  score (rubrics)  ->  feedback  ->  GradeResult

>>> import carecourse
>>> result = carecourse.grade("greet-entry", "您好，欢迎光临！请问您办理什么业务？这边请。")
>>> result.score == result.max_score
True
"""

from __future__ import annotations

import importlib

_HOMES = {"Analysis": "detect", "analyze": "pipeline", "grade": "pipeline", "CriterionResult": "results",
          "Finding": "results", "Flag": "results", "GradeResult": "results", "PenaltyResult": "results",
          "Rubric": "rubrics", "RubricError": "rubrics", "scenario_ids": "rubrics"}  # fmt: skip


def __getattr__(name: str):
    """The pipeline is imported when first used: a trainer command that grades nothing
    (or the CLI's --help) does not pay for compiling it."""
    if name in _HOMES:
        value = globals()[name] = getattr(importlib.import_module(f"carecourse.{_HOMES[name]}"), name)
        return value  # (kept: later uses don't come back here)
    raise AttributeError(f"module 'carecourse' has no attribute {name!r}")

__all__ = [
    "Analysis", "CriterionResult", "Finding", "Flag", "GradeResult", "PenaltyResult",
    "Rubric", "RubricError", "analyze", "grade", "scenario_ids",
]  # fmt: skip

__version__ = "0.1.0"
