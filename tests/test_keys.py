"""Answer keys stay with the trainer: nothing a learner receives can tell right from wrong.

A learner receives the released notebook (or its zip, or the release folder nbgrader
writes) and installs the carecourse package (``test_wheel`` looks for every key in the
package). Here, for every shipped assignment: what a release hands out holds no trace of
any key (``conftest.key_traces``: the hidden grading line, the key as YAML, Python or
JSON write it, the model order, pairing or number, the explanation) and is the same,
byte for byte, whatever the keys are; the repository's own autograder folder releases no
assignment file beside the notebook; and the grader the notebook's setup cell builds
reads answers but holds no key and cannot score an exact item, not even the right answer.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from carecourse.assignments import assignment_files, load
from carecourse.assignments.notebook import _model_answer, _score_call
from carecourse.trainer import workflow
from carecourse.trainer.demo import demo_roster
from carecourse.trainer.release import check_no_key, release
from carecourse.trainer.workspace import CourseError
from conftest import EXERCISES, ROOT, leaked_keys

ASSIGNMENTS = {a: load(p) for a, p in assignment_files(EXERCISES).items()}
EXACT = ("choice", "order", "match", "number")

pytestmark = pytest.mark.nbgrader


def released_course(base: Path, assignments: Path):
    roster = base / "roster.csv"
    roster.write_text("id,name\n" + "".join(f"{k},{v}\n" for k, v in demo_roster(2).items()), encoding="utf-8")
    ws = workflow.init(base / "course", roster=roster, assignments=assignments).workspace
    for assignment in ASSIGNMENTS:
        release(ws, assignment)
    return ws


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return released_course(tmp_path_factory.mktemp("keys"), EXERCISES)


@pytest.fixture(scope="module")
def other_keys_course(tmp_path_factory):
    """The same assignments with every exact item's key and explanation changed."""
    base = tmp_path_factory.mktemp("other-keys")
    for assignment_id, path in assignment_files(EXERCISES).items():
        data = json.loads(load(path).model_dump_json())  # every item, keys as the schema holds them
        for item in data["items"]:
            if item["kind"] in EXACT:
                item["key"] = other_key(item)
                item["explain"] = "另一种解释。"
        (base / "assignments").mkdir(exist_ok=True)
        (base / "assignments" / f"{assignment_id}.yaml").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return released_course(base, base / "assignments")


def other_key(item: dict):
    letters = list(item["options"]) if "options" in item else []
    if item["kind"] == "choice":
        return [o for o in letters if o not in item["key"]][: len(item["key"])]  # as many: the same learner view
    if item["kind"] == "order":
        return item["key"][1:] + item["key"][0]
    if item["kind"] == "match":
        return {n: letters[(letters.index(k) + 1) % len(letters)] for n, k in item["key"].items()}
    return item["key"] + 7


def received(ws, assignment: str) -> dict[str, bytes]:
    """Every file a learner can be given: the release folder and the zip to hand out."""
    folder = ws.root / "release" / assignment
    files = {f"release/{p.relative_to(folder)}": p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    with zipfile.ZipFile(ws.root / "release" / f"{assignment}.zip") as zf:
        files.update({f"zip/{name}": zf.read(name) for name in zf.namelist()})
    return files


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_nothing_a_learner_receives_holds_a_key(course, assignment):
    files = received(course, assignment)
    assert sorted(files) == [f"release/{assignment}.ipynb", f"zip/{assignment}.ipynb"]
    source = course.source(assignment).read_text(encoding="utf-8")
    for item in ASSIGNMENTS[assignment].items:
        if item.kind in EXACT:  # the trainer's source grades with the key …
            assert json.dumps(_score_call(item), ensure_ascii=False)[1:-1] in source
    for name, data in files.items():  # … the learner's copy holds none of it
        text = data.decode("utf-8")
        assert not leaked_keys(ASSIGNMENTS[assignment], text, bare=True), name
        assert "key=" not in text and "HIDDEN TESTS" not in text and "BEGIN SOLUTION" not in text, name


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_what_a_learner_receives_is_the_same_whatever_the_keys(course, other_keys_course, assignment):
    assert course.source(assignment).read_text() != other_keys_course.source(assignment).read_text()
    assert received(course, assignment) == received(other_keys_course, assignment)


def test_the_repository_autograder_folder_releases_no_assignment_file(tmp_path):
    """``cd autograder && nbgrader generate_assignment ID`` (autograder/README.md) on the
    repository's exercises/, where each notebook sits beside its assignment file."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    for name in ("autograder", "exercises"):
        shutil.copytree(ROOT / name, tmp_path / name)
    root = tmp_path / "autograder"
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"  # alembic
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    coursedir = CourseDirectory(config=config, root=str(root))
    api = NbGraderAPI(coursedir=coursedir, config=config)
    for assignment_id, assignment in ASSIGNMENTS.items():
        done = api.generate_assignment(assignment_id, force=True)
        assert done["success"], done.get("error")
        folder = root / "release" / assignment_id
        assert sorted(p.name for p in folder.rglob("*")) == [f"{assignment_id}.ipynb"]
        text = (folder / f"{assignment_id}.ipynb").read_text(encoding="utf-8")
        assert not leaked_keys(assignment, text, bare=True)


def test_a_release_that_would_hand_out_a_key_stops(tmp_path):
    assignment = ASSIGNMENTS["a4-complaints"]
    folder = tmp_path / "release" / assignment.id
    for leak in (_score_call(assignment.item("q3")), "CEBFAD"):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{assignment.id}.ipynb").write_text(json.dumps({"cells": [{"source": leak}]}), encoding="utf-8")
        with pytest.raises(CourseError, match="holds the key of q[13]: nothing was released"):
            check_no_key(assignment, folder)
        assert not folder.exists()
    folder.mkdir(parents=True)
    (folder / f"{assignment.id}.yaml").write_text("id: a4-complaints\n", encoding="utf-8")
    with pytest.raises(CourseError, match=r"a4-complaints\.yaml is YAML"):
        check_no_key(assignment, folder)


def learners_grader(ws, assignment: str):
    nb = json.loads(ws.release(assignment).read_text(encoding="utf-8"))
    setup = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "setup")
    namespace: dict = {}
    exec("".join(setup["source"]), namespace)  # what the learner's kernel runs
    return namespace["grader"]


def wrong_answer(item) -> str:
    return {"choice": lambda: next(o for o in item.options if o not in item.key),
            "order": lambda: item.key[::-1],
            "match": lambda: " ".join(f"{n}-{next(o for o in item.options if o != k)}" for n, k in item.key.items()),
            "number": lambda: f"{item.key + 1:g}"}[item.kind]()  # fmt: skip


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_learners_grader_holds_no_key_and_cannot_test_an_answer(course, assignment):
    grader = learners_grader(course, assignment)
    assert [a for a in dir(grader) if not a.startswith("_")] == ["assignment_id", "check", "score", "watch"]
    held = json.dumps({k: v.model_dump() if hasattr(v, "model_dump") else repr(v)
                       for k, v in {**vars(grader), **grader._items}.items()}, ensure_ascii=False)  # fmt: skip
    assert not leaked_keys(ASSIGNMENTS[assignment], held)
    for item in ASSIGNMENTS[assignment].items:
        if item.kind not in EXACT:
            continue
        assert grader._items[item.id].key is None
        right, wrong = _model_answer(item), wrong_answer(item)
        assert grader.score(item.id, right) == grader.score(item.id, wrong) == 0.0
        for answer in (right, wrong):  # self-check says what was read, the same way for both
            check = grader.check(item.id, answer)
            assert check.result.message.startswith("读到") and "正确" not in repr(check), (item.id, answer)
            assert (check.result.correct, check.result.points, check.result.detail) == (None, 0.0, "")
            assert check.result.status == "graded"


def test_self_check_on_a_reply_still_gives_the_rubric_feedback(course):
    grader = learners_grader(course, "a4-complaints")
    reply = "王先生，非常抱歉！这个月多扣了您50元，换作是我也会生气。我马上为您核查账单，多扣的费用会退还给您。谢谢您告诉我们。"
    check = grader.check("q6", reply)
    assert check.result.grade is not None and check.result.points > 0
    assert "✔" in repr(check) and "<" in check._repr_html_()
