"""nbgrader's gradebook behind one adapter: every read and write carecourse makes goes here.

A command opens one session (``Workspace.gradebook()``) and does all its gradebook work
in it. Scores are recorded the way nbgrader's own autograder does: only ``auto_score`` is
written; a trainer's manual score (``manual_score``, set in nbgrader's formgrader) wins
over it and is never overwritten, and such a cell is marked for review, as nbgrader marks it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from carecourse.trainer.workspace import CourseError

__all__ = ["Gradebook", "open_gradebook"]


@contextmanager
def open_gradebook(db_url: str) -> Iterator[Gradebook]:
    """One session with the gradebook at ``db_url`` (made, with nbgrader's tables, if new)."""
    from nbgrader.api import Gradebook as NbgraderGradebook

    from carecourse.trainer.workspace import with_scripts_on_path

    with_scripts_on_path()
    with NbgraderGradebook(db_url, course_id="carecourse") as gb:
        yield Gradebook(gb)


class Gradebook:
    """One open gradebook session; ``commit`` ends a transaction (closing the session does not)."""

    def __init__(self, session):
        self._gb = session

    def commit(self) -> None:
        """Write what was recorded since the last commit, and see what others wrote since."""
        self._gb.db.commit()

    # --- learners ----------------------------------------------------------------------
    def roster(self) -> dict[str, str]:
        """``learner id → name`` (the roster nbgrader knows)."""
        return {s.id: (s.first_name or "") for s in self._gb.students}

    def add_learners(self, learners: dict[str, str]) -> None:
        """Add or rename learners; nobody is removed."""
        for learner, name in learners.items():
            self._gb.update_or_create_student(learner, first_name=name)

    # --- assignments -------------------------------------------------------------------
    def check_released(self, assignment: str) -> list[str]:
        """The grade cells nbgrader knows for ``assignment``; CourseError if it was never released."""
        from nbgrader.api import MissingEntry

        try:
            record = self._gb.find_assignment(assignment)
        except MissingEntry:
            raise CourseError(f"{assignment} is not in the gradebook yet: release it first "
                              f"(carecourse course release DIR {assignment})") from None  # fmt: skip
        return [cell.name for nb in record.notebooks for cell in nb.grade_cells]

    def max_score(self, assignment: str) -> float:
        """The assignment's total points as released (0 if it never was)."""
        from nbgrader.api import MissingEntry

        try:
            return self._gb.find_assignment(assignment).max_score
        except MissingEntry:
            return 0.0

    # --- scores ------------------------------------------------------------------------
    def record_scores(self, assignment: str, learner: str, scores: dict[str, float],
                      timestamp: datetime | None) -> None:
        """Set one learner's item scores in the open transaction (the caller commits).

        A new submission is laid out as nbgrader's ``Gradebook.add_submission`` does it (a
        notebook, a grade per grade cell, a comment per solution cell), minus its commit, so
        a batch of learners is written in one transaction: one disk sync instead of two per
        learner.
        """
        from nbgrader.api import MissingEntry

        try:
            submission = self._gb.find_submission(assignment, learner)
            submission.timestamp = timestamp
        except MissingEntry:
            submission = self._new_submission(assignment, learner, timestamp)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.name in scores:
                    grade.auto_score = scores[grade.name]
                    grade.needs_manual_grade = grade.manual_score is not None

    def _new_submission(self, assignment: str, learner: str, timestamp: datetime | None):
        from nbgrader.api import Comment, Grade, SubmittedAssignment, SubmittedNotebook

        db = self._gb.db
        with db.no_autoflush:  # build the whole submission before SQLAlchemy writes any of it
            submission = SubmittedAssignment(assignment=self._gb.find_assignment(assignment),
                                             student=self._gb.find_student(learner), timestamp=timestamp)  # fmt: skip
            for notebook in submission.assignment.notebooks:
                nb = SubmittedNotebook(notebook=notebook, assignment=submission)
                for cell in notebook.grade_cells:
                    Grade(cell_id=cell.id, notebook=nb)
                for cell in notebook.solution_cells:
                    Comment(cell_id=cell.id, notebook=nb)
                for cell in notebook.task_cells:
                    Comment(cell_id=cell.id, notebook=nb)
                    Grade(cell_id=cell.id, notebook=nb)
            db.add(submission)
        db.flush()
        return submission

    def recorded_scores(self, assignment: str) -> dict[str, dict[str, float | None]]:
        """``learner → {item → score}`` as the gradebook has them (manual scores win)."""
        from nbgrader.api import MissingEntry

        try:
            record = self._gb.find_assignment(assignment)
        except MissingEntry:
            return {}
        return {
            sub.student.id: {grade.name: grade.score for nb in sub.notebooks for grade in nb.grades}
            for sub in record.submissions
        }
