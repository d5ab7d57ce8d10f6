"""Record scores in nbgrader's gradebook, the way nbgrader's own autograder does.

Only ``auto_score`` is written: a trainer's manual score (``manual_score``, set in
nbgrader's formgrader) wins over it and is never overwritten, and such a cell is marked
for review, as nbgrader marks it.
"""

from __future__ import annotations

import warnings
from datetime import datetime

from carecourse.course.workspace import CourseError

__all__ = ["check_released", "recorded_scores", "record_scores"]


def check_released(gb, assignment: str) -> list[str]:
    """The grade cells nbgrader knows for ``assignment``; CourseError if it was never released."""
    from nbgrader.api import MissingEntry

    try:
        record = gb.find_assignment(assignment)
    except MissingEntry:
        raise CourseError(f"{assignment} is not in the gradebook yet: release it first "
                          f"(carecourse course release DIR {assignment})") from None  # fmt: skip
    return [cell.name for nb in record.notebooks for cell in nb.grade_cells]


def record_scores(gb, assignment: str, learner: str, scores: dict[str, float], timestamp: datetime | None) -> None:
    """Write one learner's item scores in one transaction."""
    with warnings.catch_warnings():  # nbgrader's add_submission warns under SQLAlchemy 2 (harmless)
        warnings.simplefilter("ignore")
        submission = gb.update_or_create_submission(assignment, learner, timestamp=timestamp)
    try:
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.name in scores:
                    grade.auto_score = scores[grade.name]
                    grade.needs_manual_grade = grade.manual_score is not None
        gb.db.commit()
    except Exception:
        gb.db.rollback()
        raise


def recorded_scores(gb, assignment: str) -> dict[str, dict[str, float | None]]:
    """``learner → {item → score}`` as the gradebook has them (manual scores win)."""
    from nbgrader.api import MissingEntry

    try:
        record = gb.find_assignment(assignment)
    except MissingEntry:
        return {}
    return {
        sub.student.id: {grade.name: grade.score for nb in sub.notebooks for grade in nb.grades}
        for sub in record.submissions
    }
