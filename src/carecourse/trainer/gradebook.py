"""nbgrader's gradebook behind one adapter: every read and write carecourse makes goes here.

A command opens one session (``Workspace.gradebook()``) and does all its gradebook work
in it. The adapter speaks SQL to nbgrader's own tables (``gradebook_sql``) and never
imports nbgrader, whose import alone takes seconds; only a gradebook that does not exist
yet is made by nbgrader (its tables, its alembic version, the course row).

Scores are recorded the way nbgrader's own autograder does: only ``auto_score`` is
written; a trainer's manual score (``manual_score``, set in nbgrader's formgrader) wins
over it and is never overwritten, and such a cell is marked for review, as nbgrader marks
it. A new submission is laid out as ``nbgrader.api.Gradebook.add_submission`` lays it out.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from carecourse.trainer.gradebook_sql import Database, connect
from carecourse.trainer.workspace import CourseError

__all__ = ["Gradebook", "open_gradebook"]

COURSE_ID = "carecourse"
RETRIES = 5  # a batch that lost a race (another trainer added the same submission) is redone


@contextmanager
def open_gradebook(db_url: str) -> Iterator[Gradebook]:
    """One session with the gradebook at ``db_url`` (made, with nbgrader's tables, if new)."""
    db = connect(db_url)
    try:
        if not db.has_table("assignment"):
            db.close()
            _create(db_url)
            db = connect(db_url)
        yield Gradebook(db)
    finally:
        db.close()


def _create(db_url: str) -> None:
    """A new gradebook, made by nbgrader itself: the one step that may import it."""
    from nbgrader.api import Gradebook as NbgraderGradebook

    from carecourse.trainer.workspace import with_scripts_on_path

    with_scripts_on_path()
    with NbgraderGradebook(db_url, course_id=COURSE_ID):
        pass


@dataclass(frozen=True)
class _Notebook:
    id: str
    grade_cells: dict[str, str]  # cell name → base_cell id
    solution_cells: list[str]  # base_cell ids
    task_cells: dict[str, str]


@dataclass(frozen=True)
class _Released:
    id: str
    notebooks: list[_Notebook]


@dataclass
class _Pending:
    learner: str
    scores: dict[str, float]
    timestamp: datetime | None


@dataclass
class _Batch:
    assignment: _Released | None = None
    learners: list[_Pending] = field(default_factory=list)


class Gradebook:
    """One open gradebook session. Scores are recorded in batches: ``record_scores`` keeps
    a learner's scores and ``commit`` writes the batch in one transaction."""

    def __init__(self, db: Database):
        self._db = db
        self._released: dict[str, _Released | None] = {}
        self._batch = _Batch()

    def commit(self) -> None:
        """Write the scores recorded since the last commit, in one transaction."""
        batch, self._batch = self._batch, _Batch()
        if batch.learners:
            self._db.transaction(lambda: _write_batch(self._db, batch), retries=RETRIES)

    # --- learners ----------------------------------------------------------------------
    def roster(self) -> dict[str, str]:
        """``learner id → name`` (the roster nbgrader knows)."""
        return {learner: name or "" for learner, name in self._db.rows("SELECT id, first_name FROM student")}

    def add_learners(self, learners: dict[str, str]) -> None:
        """Add or rename learners; nobody is removed, and a blank name keeps the one recorded."""
        self._db.transaction(lambda: _upsert_learners(self._db, learners), retries=RETRIES)

    # --- assignments -------------------------------------------------------------------
    def check_released(self, assignment: str) -> list[str]:
        """The grade cells nbgrader knows for ``assignment``; CourseError if it was never released."""
        return [name for nb in self._released_or_fail(assignment).notebooks for name in nb.grade_cells]

    def released_points(self, assignment: str) -> dict[str, float]:
        """``grade cell → its points`` as ``assignment`` was released."""
        return {name: float(points) for name, points in self._db.rows(
            "SELECT b.name, c.max_score FROM grade_cells c JOIN base_cell b ON b.id = c.id "
            "JOIN notebook n ON n.id = b.notebook_id JOIN assignment a ON a.id = n.assignment_id "
            "WHERE a.name = :assignment", assignment=assignment)}  # fmt: skip

    def max_score(self, assignment: str) -> float:
        """The assignment's total points as released (0 if it never was), as nbgrader sums them."""
        total = 0.0
        for table in ("grade_cells", "task_cells"):
            total += self._db.rows(
                f"SELECT COALESCE(SUM(c.max_score), 0.0) FROM {table} c JOIN base_cell b ON b.id = c.id "
                "JOIN notebook n ON n.id = b.notebook_id JOIN assignment a ON a.id = n.assignment_id "
                "WHERE a.name = :assignment", assignment=assignment)[0][0]  # fmt: skip
        return total

    def _released_or_fail(self, assignment: str) -> _Released:
        if assignment not in self._released:
            self._released[assignment] = _read_released(self._db, assignment)
        if self._released[assignment] is None:
            raise CourseError(f"{assignment} is not in the gradebook yet: release it first "
                              f"(carecourse course release DIR {assignment})")  # fmt: skip
        return self._released[assignment]

    # --- scores ------------------------------------------------------------------------
    def record_scores(self, assignment: str, learner: str, scores: dict[str, float],
                      timestamp: datetime | None) -> None:
        """Keep one learner's item scores for the next ``commit``.

        A batch holds one assignment; recording another one commits the batch first.
        """
        released = self._released_or_fail(assignment)
        if self._batch.assignment is not None and self._batch.assignment.id != released.id:
            self.commit()
        self._batch.assignment = released
        self._batch.learners.append(_Pending(learner, dict(scores), timestamp))

    def recorded_scores(self, assignment: str) -> dict[str, dict[str, float | None]]:
        """``learner → {item → score}`` as the gradebook has them (manual scores win); None
        for an item with no score (nbgrader adds a submission before it grades it, and
        leaves it so when it fails on the notebook)."""
        recorded: dict[str, dict[str, float | None]] = {}
        for learner, item, score in self._db.rows(
            "SELECT sa.student_id, b.name, CASE "
            "WHEN g.manual_score IS NOT NULL THEN g.manual_score + COALESCE(g.extra_credit, 0.0) "
            "WHEN g.auto_score IS NOT NULL THEN g.auto_score + COALESCE(g.extra_credit, 0.0) "
            "ELSE NULL END "
            "FROM grade g JOIN submitted_notebook sn ON sn.id = g.notebook_id "
            "JOIN submitted_assignment sa ON sa.id = sn.assignment_id "
            "JOIN assignment a ON a.id = sa.assignment_id JOIN base_cell b ON b.id = g.cell_id "
            "WHERE a.name = :assignment", assignment=assignment):  # fmt: skip
            recorded.setdefault(learner, {})[item] = score
        return recorded


def new_id() -> str:
    """A row id as nbgrader makes it (``nbgrader.api.new_uuid``)."""
    return uuid.uuid4().hex


def _read_released(db: Database, assignment: str) -> _Released | None:
    found = db.rows("SELECT id FROM assignment WHERE name = :assignment", assignment=assignment)
    if not found:
        return None
    assignment_id = found[0][0]
    cells = db.rows(
        "SELECT n.id, n.name, b.id, b.name, b.type FROM notebook n "
        "LEFT JOIN base_cell b ON b.notebook_id = n.id WHERE n.assignment_id = :assignment_id "
        "ORDER BY n.name, b.name, b.type", assignment_id=assignment_id)  # fmt: skip
    notebooks: dict[str, _Notebook] = {}
    for notebook_id, _, cell_id, name, kind in cells:
        nb = notebooks.setdefault(notebook_id, _Notebook(notebook_id, {}, [], {}))
        if kind == "GradeCell":
            nb.grade_cells[name] = cell_id
        elif kind == "SolutionCell":
            nb.solution_cells.append(cell_id)
        elif kind == "TaskCell":
            nb.task_cells[name] = cell_id
    return _Released(assignment_id, list(notebooks.values()))


def _upsert_learners(db: Database, learners: dict[str, str]) -> None:
    known = {learner for (learner,) in db.rows("SELECT id FROM student")}
    # a roster listing only ids (or a name cell left empty) adds learners, never unnames them
    db.execute_many("UPDATE student SET first_name = :name WHERE id = :id",
                    [{"id": k, "name": v} for k, v in learners.items() if k in known and v])  # fmt: skip
    db.execute_many("INSERT INTO student (id, first_name) VALUES (:id, :name)",
                    [{"id": k, "name": v} for k, v in learners.items() if k not in known])  # fmt: skip


def _write_batch(db: Database, batch: _Batch) -> None:
    """One transaction: the batch's existing grades updated, its new submissions added."""
    released = batch.assignment
    existing = _existing(db, released.id, [p.learner for p in batch.learners])
    new_rows = _NewRows()
    grade_updates, stamp_updates = [], []
    for pending in batch.learners:
        submission = existing.get(pending.learner)
        if submission is None:
            new_rows.add(released, pending)
            continue
        submission_id, stamp, grades = submission
        when = db.timestamp(pending.timestamp)
        if stamp != when:
            stamp_updates.append({"id": submission_id, "timestamp": when})
        for name, (grade_id, auto, manual, needs) in grades.items():
            if name in pending.scores:
                score, review = pending.scores[name], manual is not None
                if auto != score or bool(needs) != review:
                    grade_updates.append({"id": grade_id, "auto_score": score, "needs": review})
    db.execute_many("UPDATE submitted_assignment SET timestamp = :timestamp WHERE id = :id", stamp_updates)
    db.execute_many("UPDATE grade SET auto_score = :auto_score, needs_manual_grade = :needs WHERE id = :id",
                    grade_updates)  # fmt: skip
    new_rows.insert(db)


def _existing(db: Database, assignment_id: str, learners: list[str]) -> dict[str, tuple]:
    """``learner → (submission id, timestamp, {cell name → (grade id, auto, manual, needs review)})``."""
    marks = ", ".join(f":l{k}" for k in range(len(learners)))
    params = {f"l{k}": learner for k, learner in enumerate(learners)}
    found: dict[str, tuple] = {}
    for learner, sub_id, stamp in db.rows(
        f"SELECT student_id, id, timestamp FROM submitted_assignment "
        f"WHERE assignment_id = :assignment_id AND student_id IN ({marks})", assignment_id=assignment_id, **params):  # fmt: skip
        found[learner] = (sub_id, stamp, {})
    if not found:
        return found
    for learner, name, grade_id, auto, manual, needs in db.rows(
        f"SELECT sa.student_id, b.name, g.id, g.auto_score, g.manual_score, g.needs_manual_grade "
        f"FROM submitted_assignment sa JOIN submitted_notebook sn ON sn.assignment_id = sa.id "
        f"JOIN grade g ON g.notebook_id = sn.id JOIN base_cell b ON b.id = g.cell_id "
        f"WHERE sa.assignment_id = :assignment_id AND sa.student_id IN ({marks})",
        assignment_id=assignment_id, **params):  # fmt: skip
        found[learner][2][name] = (grade_id, auto, manual, needs)
    return found


class _NewRows:
    """New submissions' rows, as ``add_submission`` lays them out, inserted table by table."""

    def __init__(self):
        self.submissions, self.notebooks, self.grades, self.comments = [], [], [], []

    def add(self, released: _Released, pending: _Pending) -> None:
        submission = new_id()
        self.submissions.append({"id": submission, "assignment_id": released.id, "student_id": pending.learner,
                                 "timestamp": pending.timestamp})  # fmt: skip
        for nb in released.notebooks:
            notebook = new_id()
            self.notebooks.append({"id": notebook, "assignment_id": submission, "notebook_id": nb.id})
            for name, cell in [*nb.grade_cells.items(), *nb.task_cells.items()]:
                score = pending.scores.get(name)
                # as nbgrader's autograder leaves it: a score set means no review is needed
                self.grades.append({"id": new_id(), "notebook_id": notebook, "cell_id": cell, "auto_score": score,
                                    "needs": score is None})  # fmt: skip
            for cell in [*nb.solution_cells, *nb.task_cells.values()]:
                self.comments.append({"id": new_id(), "notebook_id": notebook, "cell_id": cell})

    def insert(self, db: Database) -> None:
        for row in self.submissions:
            row["timestamp"] = db.timestamp(row["timestamp"])
        db.execute_many("INSERT INTO submitted_assignment (id, assignment_id, student_id, timestamp) "
                        "VALUES (:id, :assignment_id, :student_id, :timestamp)", self.submissions)  # fmt: skip
        db.execute_many("INSERT INTO submitted_notebook (id, assignment_id, notebook_id, flagged) "
                        "VALUES (:id, :assignment_id, :notebook_id, :flagged)",
                        [row | {"flagged": False} for row in self.notebooks])  # fmt: skip
        db.execute_many("INSERT INTO grade (id, notebook_id, cell_id, auto_score, needs_manual_grade) "
                        "VALUES (:id, :notebook_id, :cell_id, :auto_score, :needs)", self.grades)  # fmt: skip
        db.execute_many("INSERT INTO comment (id, notebook_id, cell_id) VALUES (:id, :notebook_id, :cell_id)",
                        self.comments)  # fmt: skip
