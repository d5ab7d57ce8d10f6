"""The grading pipeline, one step per package, each taking the previous step's output::

    text ─ normalize ─> NormalizedText ─ detect ─> Analysis ─ score ─> Scored ─ feedback ─> GradeResult

``carecourse.grade`` and ``carecourse.analyze`` are these functions; modules inside the
package import them from here, never from the top-level package.
"""

from __future__ import annotations

from carecourse.detect import Analysis, detect
from carecourse.feedback import write_feedback
from carecourse.normalize import normalize
from carecourse.results import GradeResult
from carecourse.rubrics import Rubric, builtin
from carecourse.score import apply_rubric

__all__ = ["analyze", "grade"]


def analyze(text: str) -> Analysis:
    """Find the customer-care techniques in ``text``.

    Every finding carries ``start``/``end`` offsets into ``text`` exactly as given, so
    ``text[f.start:f.end] == f.text``. ``analyze(text).to_dict()`` is the JSON of
    ``carecourse analyze --json``.
    """
    return detect(normalize(_as_text(text)))


def grade(scenario_id: str, text: str, *, rubric: Rubric | None = None) -> GradeResult:
    """Grade a reply to a scenario and explain the grade.

    ``scenario_id`` names a shipped rubric (see ``scenario_ids()``); pass ``rubric=`` to use
    one loaded with ``carecourse.rubrics.load``. Raises ``RubricError`` for an unknown
    scenario. The same input always gives the same result; ``result.to_dict()`` is the
    JSON of ``carecourse grade --json``.
    """
    rubric = rubric or builtin(scenario_id)
    normalised = normalize(_as_text(text))
    analysis = detect(normalised)
    scored = apply_rubric(rubric, analysis)
    return write_feedback(scored)


def _as_text(text: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"a reply must be text (str), not {type(text).__name__}")
    return text
