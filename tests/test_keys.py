"""Answer keys stay with the trainer: nothing a learner receives can tell right from wrong.

A learner receives the released notebook (or its zip) and installs the carecourse package
(``test_wheel`` checks the wheel holds no assignment file and no key). Here: the released
notebooks of every assignment hold no key, and the grader their setup cell builds reads
answers but cannot score an exact item, not even with the right answer.
"""

from __future__ import annotations

import json
import zipfile

import pytest

from carecourse.trainer import workflow
from carecourse.trainer.release import release
from carecourse.trainer.demo import demo_roster
from carecourse.assignments import assignment_files, load
from carecourse.assignments.notebook import _model_answer, _score_call
from conftest import EXERCISES

ASSIGNMENTS = {a: load(p) for a, p in assignment_files(EXERCISES).items()}
EXACT = ("choice", "order", "match", "number")

pytestmark = pytest.mark.nbgrader


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    base = tmp_path_factory.mktemp("keys")
    roster = base / "roster.csv"
    roster.write_text("id,name\n" + "".join(f"{k},{v}\n" for k, v in demo_roster(2).items()), encoding="utf-8")
    ws = workflow.init(base / "course", roster=roster, assignments=EXERCISES).workspace
    for assignment in ASSIGNMENTS:
        release(ws, assignment)
    return ws


def learner_material(ws, assignment: str) -> str:
    with zipfile.ZipFile(ws.root / "release" / f"{assignment}.zip") as zf:
        return "\n".join(zf.read(name).decode("utf-8") for name in zf.namelist())


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_released_notebook_holds_no_key(course, assignment):
    handed_out = learner_material(course, assignment)
    assert handed_out == course.release(assignment).read_text(encoding="utf-8")
    source = course.source(assignment).read_text(encoding="utf-8")
    for item in ASSIGNMENTS[assignment].items:
        if item.kind not in EXACT:
            continue
        hidden = json.dumps(_score_call(item), ensure_ascii=False)[1:-1]
        assert hidden in source  # the trainer's source grades with the key …
        assert hidden not in handed_out and "key=" not in handed_out  # … the learner's copy never has it
        if item.explain:
            assert item.explain not in handed_out


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_learners_grader_cannot_test_an_answer(course, assignment):
    nb = json.loads(course.release(assignment).read_text(encoding="utf-8"))
    setup = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "setup")
    namespace: dict = {}
    exec("".join(setup["source"]), namespace)  # what the learner's kernel runs
    grader = namespace["grader"]
    assert not hasattr(grader, "assignment")
    for item in ASSIGNMENTS[assignment].items:
        if item.kind not in EXACT:
            continue
        right = _model_answer(item)
        assert grader.score(item.id, right) == 0.0
        check = grader.check(item.id, right)
        assert "读到" in repr(check) and "正确" not in repr(check)
        assert check.result.correct is None and check.result.points == 0
