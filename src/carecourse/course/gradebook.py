"""Record scores in nbgrader's gradebook, the way nbgrader's own autograder does.

Only ``auto_score`` is written: a trainer's manual score (``manual_score``, set in
nbgrader's formgrader) wins over it and is never overwritten, and such a cell is marked
for review, as nbgrader marks it.
"""

from __future__ import annotations

from datetime import datetime

from carecourse.course.workspace import CourseError

__all__ = ["check_released", "record_scores", "recorded_scores"]


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
    """Set one learner's item scores in the open transaction (the caller commits).

    A new submission is laid out as nbgrader's ``Gradebook.add_submission`` does it (a
    notebook, a grade per grade cell, a comment per solution cell), minus its commit, so
    a batch of learners is written in one transaction: one disk sync instead of two per
    learner.
    """
    from nbgrader.api import (
        Comment,
        Grade,
        MissingEntry,
        SubmittedAssignment,
        SubmittedNotebook,
    )

    try:
        submission = gb.find_submission(assignment, learner)
        submission.timestamp = timestamp
    except MissingEntry:
        with gb.db.no_autoflush:  # build the whole submission before SQLAlchemy writes any of it
            submission = SubmittedAssignment(assignment=gb.find_assignment(assignment),
                                             student=gb.find_student(learner), timestamp=timestamp)  # fmt: skip
            for notebook in submission.assignment.notebooks:
                nb = SubmittedNotebook(notebook=notebook, assignment=submission)
                for cell in notebook.grade_cells:
                    Grade(cell_id=cell.id, notebook=nb)
                for cell in notebook.solution_cells:
                    Comment(cell_id=cell.id, notebook=nb)
                for cell in notebook.task_cells:
                    Comment(cell_id=cell.id, notebook=nb)
                    Grade(cell_id=cell.id, notebook=nb)
            gb.db.add(submission)
        gb.db.flush()
    for notebook in submission.notebooks:
        for grade in notebook.grades:
            if grade.name in scores:
                grade.auto_score = scores[grade.name]
                grade.needs_manual_grade = grade.manual_score is not None


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
