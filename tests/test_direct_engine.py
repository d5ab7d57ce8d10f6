"""The direct engine: the rows it writes are the rows nbgrader's own API writes, it never
imports nbgrader, and it holds no learner's whole result longer than it takes to write it.

Every test that touches a gradebook takes ``gradebook_url``: the database as a URL, made
empty for the test. Nothing below knows which database it is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid

import pytest

from carecourse.trainer.collect import collect
from carecourse.trainer.grading import grade_cohort, load_results
from carecourse.trainer.workspace import Workspace, with_scripts_on_path
from conftest import A, BIN, answered, cohort

pytestmark = pytest.mark.nbgrader

FORBIDDEN = ("nbgrader", "nbformat", "jsonschema")
GENERATED_IDS = {"assignment", "notebook", "base_cell", "source_cell", "submitted_assignment",
                 "submitted_notebook", "grade", "comment"}  # fmt: skip  # ids nbgrader makes (uuid4 hex)
SUBMISSION_TABLES = ("grade", "comment", "submitted_notebook", "submitted_assignment")  # children first


@pytest.fixture(params=["sqlite", "postgresql"])  # PostgreSQL: the private server of tests/postgres.py
def gradebook_url(request, tmp_path) -> str:
    """An empty database for the test's gradebook, as a URL."""
    if request.param == "postgresql":
        return request.getfixturevalue("postgres").create_database(f"t{uuid.uuid4().hex}")
    return f"sqlite:///{tmp_path / 'gradebook-under-test.db'}"


@pytest.fixture
def course(released, tmp_path, gradebook_url) -> Workspace:
    """A copy of the released course whose gradebook is at ``gradebook_url``: nbgrader makes
    the tables there, then every row of the course's own gradebook is copied in."""
    import shutil

    ws = Workspace.open(shutil.copytree(released, tmp_path / "course"))
    _copy_gradebook(ws.db_url, gradebook_url)
    (ws.root / "gradebook.db").unlink()
    with (ws.root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write(f"\nc.CourseDirectory.db_url = {gradebook_url!r}\n")
    assert Workspace.open(ws.root).db_url == gradebook_url
    return Workspace.open(ws.root)


def _copy_gradebook(source: str, target: str) -> None:
    from nbgrader.api import Base, Gradebook
    from sqlalchemy import create_engine, insert, select

    with_scripts_on_path()  # nbgrader runs `alembic` (else this passed only after a test that set PATH)
    with Gradebook(target, course_id="carecourse"):
        pass  # nbgrader's tables, alembic version and course row
    src, dst = create_engine(source), create_engine(target)
    with src.connect() as read, dst.begin() as write:
        for table in Base.metadata.sorted_tables:
            have = {tuple(r) for r in write.execute(select(table))}
            rows = [dict(r._mapping) for r in read.execute(select(table)) if tuple(r) not in have]
            if rows:
                write.execute(insert(table), rows)
    src.dispose()
    dst.dispose()


# --- every table, by natural keys ----------------------------------------------------


def dump(url: str) -> dict[str, list[str]]:
    """Every row of every table, each generated id replaced by what the row it names holds
    (recursively), so two gradebooks written with different ids compare equal."""
    from sqlalchemy import MetaData, create_engine, select

    engine = create_engine(url)
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as db:
        rows = {t.name: [dict(r._mapping) for r in db.execute(select(t))] for t in meta.sorted_tables}
    engine.dispose()
    by_id = {name: {r["id"]: r for r in table if "id" in r} for name, table in rows.items()}
    refs = {t.name: {fk.parent.name: fk.column.table.name for fk in t.foreign_keys} for t in meta.sorted_tables}

    def natural(table: str, row: dict) -> tuple:
        out = []
        for column, value in sorted(row.items()):
            if column in refs[table] and value is not None:
                value = natural(refs[table][column], by_id[refs[table][column]][value])
            elif column == "id" and table in GENERATED_IDS:
                continue
            out.append((column, value))
        return tuple(out)

    return {name: sorted(repr(natural(name, r)) for r in table) for name, table in rows.items()}


def assert_same_rows(theirs: dict[str, list[str]], ours: dict[str, list[str]]) -> None:
    assert sorted(theirs) == sorted(ours)
    for table in theirs:
        only_theirs = sorted(set(theirs[table]) - set(ours[table]))[:2]
        only_ours = sorted(set(ours[table]) - set(theirs[table]))[:2]
        assert theirs[table] == ours[table], (table, only_theirs, only_ours)


def submission_ids(url: str) -> list[str]:
    from sqlalchemy import MetaData, create_engine, select

    engine = create_engine(url)
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as db:
        ids = [i for name in SUBMISSION_TABLES for (i,) in db.execute(select(meta.tables[name].c.id))]
    engine.dispose()
    return ids


def forget_submissions(url: str) -> None:
    from sqlalchemy import MetaData, create_engine, delete

    engine = create_engine(url)
    meta = MetaData()
    meta.reflect(engine)
    with engine.begin() as db:
        for name in SUBMISSION_TABLES:
            db.execute(delete(meta.tables[name]))
    engine.dispose()


# --- the reference: nbgrader's own API, as nbgrader autograde uses it ------------------


def stamps(ws: Workspace, results) -> dict[str, str]:
    """The submission times collect saved (timestamp.txt), as nbgrader reads them."""
    folder = {r.learner: ws.submitted(r.learner, A).parent for r in results}
    return {k: (v / "timestamp.txt").read_text().strip() for k, v in folder.items() if (v / "timestamp.txt").is_file()}


def record_with_nbgrader(url: str, results, timestamps: dict[str, str]) -> None:
    """Each graded learner's scores written the way ``nbgrader autograde`` writes them:
    ``update_or_create_submission`` (``add_submission`` for a new one) with the timestamp
    nbgrader reads from timestamp.txt, then ``SaveAutoGrades._add_score`` per grade cell."""
    from nbgrader.api import Gradebook

    with Gradebook(url, course_id="carecourse") as gb:
        for result in results:
            if result.status != "graded":
                continue
            gb.update_or_create_submission(A, result.learner, timestamp=timestamps[result.learner])
            for item in result.items:
                grade = gb.find_grade(item.item_id, A, A, result.learner)
                grade.auto_score = item.points
                grade.needs_manual_grade = grade.manual_score is not None or grade.auto_score is None
                gb.db.commit()


def set_manual_score(url: str, learner: str, item: str, score: float) -> None:
    from nbgrader.api import Gradebook

    with Gradebook(url, course_id="carecourse") as gb:  # a trainer in nbgrader's formgrader
        gb.find_grade(item, A, A, learner).manual_score = score
        gb.db.commit()


def test_the_direct_engine_writes_the_rows_nbgraders_api_writes(course, gradebook_url, tmp_path):
    ws = course
    learners = sorted(ws.roster())
    returned = cohort(ws, tmp_path / "returned")
    (returned / f"{learners[0]}.ipynb").unlink()  # nothing handed in
    (returned / f"{learners[1]}.ipynb").write_text("{broken", encoding="utf-8")  # not collected
    collect(ws, A, returned)
    # first grading: every submission is new
    grade_cohort(ws, A)
    first = load_results(ws, A)
    first_stamps = stamps(ws, first)
    direct_first = dump(gradebook_url)
    new_ids = submission_ids(gradebook_url)
    # a trainer's manual score, then one learner hands in again and everyone is regraded
    set_manual_score(gradebook_url, learners[2], "q1", 0.5)
    again = tmp_path / "again"
    again.mkdir()
    (again / f"{learners[3]}.ipynb").write_text(json.dumps(answered(ws, q1="", q2="完全不相关的话")), encoding="utf-8")
    os.utime(again / f"{learners[3]}.ipynb", (1_800_000_000, 1_800_000_000))
    collect(ws, A, again)
    grade_cohort(ws, A)
    second = load_results(ws, A)
    second_stamps = stamps(ws, second)
    assert first_stamps != second_stamps
    direct_second = dump(gradebook_url)

    forget_submissions(gradebook_url)
    record_with_nbgrader(gradebook_url, first, first_stamps)
    assert_same_rows(dump(gradebook_url), direct_first)
    set_manual_score(gradebook_url, learners[2], "q1", 0.5)
    record_with_nbgrader(gradebook_url, second, second_stamps)
    assert_same_rows(dump(gradebook_url), direct_second)

    # the test can fail: the cohort has new rows, a changed score and a kept manual score
    assert [r.score for r in first] != [r.score for r in second]
    assert "0.5" in "".join(direct_second["grade"]) and "0.5" not in "".join(direct_first["grade"])
    assert len(direct_first["submitted_assignment"]) == len(learners) - 2
    assert all(len(i) == 32 and uuid.UUID(hex=i).version == 4 and i == uuid.UUID(hex=i).hex for i in new_ids)
    assert len(set(new_ids)) == len(new_ids)


# --- what the direct path imports ------------------------------------------------------

_RUN = """
import json, sys
from carecourse.cli import main
watched = json.loads(sys.argv[1])
try:
    main(sys.argv[2:])
except SystemExit as done:
    code = done.code
print(json.dumps({"code": code, "imported": [m for m in watched if m in sys.modules]}), file=sys.stderr)
"""


def run_imports(*args: str, watched: tuple[str, ...] = FORBIDDEN) -> dict:
    """The command's exit code and which of the ``watched`` modules it imported."""
    done = subprocess.run([sys.executable, "-c", _RUN, json.dumps(watched), *args], capture_output=True, text=True)
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_grading_and_reporting_never_import_nbgrader(course, tmp_path):
    collect(course, A, cohort(course, tmp_path / "returned"))
    root = str(course.root)
    for args in (["grade", root, A], ["feedback", root, A], ["report", root, A], ["export", root]):
        outcome = run_imports("course", *args)
        assert outcome == {"code": 0, "imported": []}, args
    # the check itself can fail: making a new course (its gradebook) does import nbgrader
    assert run_imports("course", "init", str(tmp_path / "new"))["imported"]


def test_grading_with_nobody_submitted_loads_no_grader(course, tmp_path):
    """With nothing handed in, ``course grade`` answers without loading the grader (the
    rubrics compiled for scoring: the start-up a cohort pays), nor the schemas of assignments
    and rubrics (pydantic), nor the HTML templates; bench/cohort_grading.py times it."""
    grader = ("carecourse.score", "pydantic", "jinja2", *FORBIDDEN)
    done = subprocess.run([str(BIN / "carecourse"), "course", "grade", str(course.root), A], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"0 graded of {len(course.roster())}" in done.stdout
    assert run_imports("course", "grade", str(course.root), A, watched=grader) == {"code": 0, "imported": []}
    # the check itself can fail: once someone has handed in, the grader is loaded
    collect(course, A, cohort(course, tmp_path / "returned"))
    assert run_imports("course", "grade", str(course.root), A, watched=grader)["imported"] == ["carecourse.score", "pydantic"]


# --- memory ----------------------------------------------------------------------------


def test_no_learner_s_whole_result_is_kept_once_written(course, tmp_path):
    """Memory stays flat as the cohort grows: when the last learner is graded, the graded
    replies alive are that learner's alone (everyone's whole result is in its file)."""
    import gc

    from carecourse.results import GradeResult

    collect(course, A, cohort(course, tmp_path / "returned"))
    alive = []

    class Counting:
        def start(self, total: int) -> None:
            pass

        def step(self, result) -> None:
            gc.collect()
            alive.append(sum(isinstance(o, GradeResult) for o in gc.get_objects()))

    grades = grade_cohort(course, A, progress=Counting())
    replies = sum(1 for i in grades.results[0].items if i.grade is not None)
    assert len(alive) == len(course.roster()) and replies
    assert max(alive) <= replies, alive
    assert [r.learner for r in grades.results] == [s.learner for s in grades.summaries]


# --- two trainers ----------------------------------------------------------------------


def test_a_batch_that_lost_a_race_is_redone(course, tmp_path, monkeypatch):
    """Two trainers' sessions both find no submission for a learner and both add one: the
    later one's insert fails on nbgrader's unique constraint, and its batch is redone as
    an update, whatever the database."""
    import carecourse.trainer.gradebook as gradebook
    from carecourse.trainer.gradebook import open_gradebook

    learner = sorted(course.roster())[0]
    real = gradebook._existing
    calls = []

    def stale(db, assignment_id, learners):  # the second trainer read before the first wrote
        calls.append(learners)
        return {} if len(calls) == 1 else real(db, assignment_id, learners)

    with open_gradebook(course.db_url) as first:
        first.record_scores(A, learner, {"q1": 1.0}, None)
        first.commit()
    monkeypatch.setattr(gradebook, "_existing", stale)
    with open_gradebook(course.db_url) as second:
        second.record_scores(A, learner, {"q1": 0.0}, None)
        second.commit()
    assert len(calls) == 2
    with open_gradebook(course.db_url) as gb:
        assert gb.recorded_scores(A)[learner]["q1"] == 0.0
    assert len(dump(course.db_url)["submitted_assignment"]) == 1


def test_a_score_for_an_item_nbgrader_does_not_know_writes_no_row(course):
    """A score for an item nbgrader does not know is not invented as a row."""
    from carecourse.trainer.gradebook import open_gradebook

    learner = sorted(course.roster())[0]
    with open_gradebook(course.db_url) as gb:
        gb.record_scores(A, learner, {"q1": 1.0, "no-such-item": 5.0}, None)
        gb.commit()
        assert set(gb.recorded_scores(A)[learner]) == set(gb.check_released(A))
    assert "no-such-item" not in "".join(dump(course.db_url)["grade"])
