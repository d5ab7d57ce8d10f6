"""Graded exercises: assignment files, reading and grading answers, the notebooks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carecourse.assignments import AssignmentError, assignment_files, load, parse
from carecourse.assignments.answers import read_answers, write_answer
from carecourse.assignments.grader import Grader
from carecourse.assignments.items import PLACEHOLDER, grade_answer
from carecourse.assignments.notebook import _model_answer, source_notebook, write_all

ROOT = Path(__file__).resolve().parent.parent
FILES = assignment_files(ROOT / "exercises")
ASSIGNMENTS = tuple(FILES)
EXACT = {"choice", "order", "match", "number"}


def builtin(assignment_id: str):
    return load(FILES[assignment_id])


def test_six_assignments_cover_every_module_and_mix_item_kinds():
    assert len(ASSIGNMENTS) >= 6
    modules = {m for a in ASSIGNMENTS for m in builtin(a).modules}
    assert modules == {f"M{n}" for n in range(1, 11)}
    for a in ASSIGNMENTS:
        kinds = {i.kind for i in builtin(a).items}
        assert "reply" in kinds and kinds & EXACT, a
    every_kind = {i.kind for a in ASSIGNMENTS for i in builtin(a).items}
    assert every_kind == EXACT | {"reply"}
    scenarios = {i.scenario for a in ASSIGNMENTS for i in builtin(a).items if i.kind == "reply"}
    assert scenarios == {"greet-entry", "needs-questions", "listening-restate", "complaint-billing",
                         "follow-up-promise", "decline-policy", "phone-answer"}  # fmt: skip


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_model_answers_earn_the_points(assignment_id):
    assignment = builtin(assignment_id)
    for item in assignment.items:
        result = grade_answer(item, _model_answer(item))
        if item.kind in EXACT:
            assert result.points == item.points and result.correct, (item.id, result.message)
        else:
            assert result.points >= 0.8 * item.points, (item.id, result.message)


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_exact_items_have_an_explanation_and_a_book_section(assignment_id):
    for item in builtin(assignment_id).items:
        page, _, anchor = item.section.partition("#")
        source = ROOT / "book" / f"{page}.md"
        assert source.is_file() and f"({anchor})=" in source.read_text(encoding="utf-8"), (item.id, item.section)
        if item.kind in EXACT:
            assert item.explain.strip(), item.id


def test_the_exercises_folder_holds_the_notebooks_the_assignment_files_make(tmp_path):
    for path in FILES.values():
        (tmp_path / path.parent.name).mkdir()
        (tmp_path / path.parent.name / path.name).write_bytes(path.read_bytes())
    write_all(tmp_path)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.ipynb"))
    kept = sorted(p.relative_to(ROOT / "exercises") for p in (ROOT / "exercises").rglob("*.ipynb"))
    assert made == kept, "run: make exercises"
    for path in made:
        assert (tmp_path / path).read_bytes() == (ROOT / "exercises" / path).read_bytes(), f"{path}: run make exercises"


# --- exact items ---------------------------------------------------------------------

ITEMS = parse("""
id: t-items
title: 测试
modules: [M8]
intro: 写答案。
items:
  - {id: q1, kind: choice, points: 2, title: 单选, prompt: 写一个字母, options: {A: 甲, B: 乙, C: 丙}, key: B}
  - {id: q2, kind: choice, points: 2, title: 多选, prompt: 写字母, options: {A: 甲, B: 乙, C: 丙}, key: [A, C]}
  - {id: q3, kind: order, points: 2, title: 排序, prompt: 排序, options: {A: 一, B: 二, C: 三}, key: CAB}
  - {id: q4, kind: match, points: 3, title: 连线, prompt: 连线, statements: {1: x, 2: y, 3: z},
     options: {A: a, B: b, C: c}, key: {1: B, 2: A, 3: C}}
  - {id: q5, kind: number, points: 2, title: 计算, prompt: 写数字, key: -1.5, tolerance: 0.05}
  - {id: q6, kind: reply, points: 5, title: 回应, scenario: complaint-billing, max_chars: 300}
""")


@pytest.mark.parametrize("item_id, answer, points", [
    ("q1", "B", 2), ("q1", " b ", 2), ("q1", "Ｂ", 2), ("q1", "选B", 2), ("q1", "A", 0), ("q1", "AB", 0),
    ("q1", "D", 0), ("q1", "", 0), ("q1", PLACEHOLDER, 0),
    ("q2", "A C", 2), ("q2", "c,a", 2), ("q2", "A", 0),
    ("q3", "CAB", 2), ("q3", "c-a-b", 2), ("q3", "C A B", 2), ("q3", "ABC", 0), ("q3", "CA", 0),
    ("q4", "1-B 2-A 3-C", 3), ("q4", "1－B\n2：A\n3→C", 3), ("q4", "BAC", 3), ("q4", "1-B 2-C 3-A", 1),
    ("q5", "-1.5", 2), ("q5", "−1.5", 2), ("q5", "５－６.５＝－１.５", 2), ("q5", "1.5", 0), ("q5", "-1.46", 2),
    ("q5", -1.5, 2), ("q5", "大约负一点五", 0),
])  # fmt: skip
def test_exact_answers(item_id, answer, points):
    assert grade_answer(ITEMS.item(item_id), answer).points == points


def test_unreadable_answers_say_what_to_write():
    assert "单选题" in grade_answer(ITEMS.item("q1"), "AB").message
    assert "CAB" not in grade_answer(ITEMS.item("q3"), "CA").message  # never gives the key away
    assert grade_answer(ITEMS.item("q1"), "").status == "unanswered"
    assert grade_answer(ITEMS.item("q1"), b"B").status == "unreadable"


def test_replies_scale_to_the_items_points_and_long_ones_are_not_graded():
    reply = "王先生，非常抱歉，多扣了50元确实让人着急。我马上帮您核查账单，查明后退还给您。谢谢您告诉我们。"
    result = grade_answer(ITEMS.item("q6"), reply)
    assert result.points == pytest.approx(5 * result.grade.fraction, abs=0.01) and result.points > 4
    long = grade_answer(ITEMS.item("q6"), reply * 20)
    assert long.status == "too_long" and long.points == 0 and "300" in long.message


def learner_grader(assignment=ITEMS) -> Grader:
    """The grader as the learner's notebook builds it: learner views only, no key."""
    return Grader(assignment.id, {i.id: i.learner_view() for i in assignment.items})


@pytest.mark.parametrize("value", [None, b"\xff", ["B"], {"a": 1}, 10**9, -3.0, float("nan"), "哈" * 100_000, "\x00" * 50])
def test_score_is_always_a_float_within_the_points_and_prints_nothing(value, capsys):
    grader = learner_grader()
    for item in ITEMS.items:
        for points in (grader.score(item.id, value), grader.score(item.id, value, **item.secret())):
            assert isinstance(points, float) and 0 <= points <= item.points
    assert grader.score("q99", "B") == 0.0
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""


@pytest.mark.parametrize("assignment_id", ASSIGNMENTS)
def test_the_learners_grader_scores_only_with_the_key_from_the_hidden_cell(assignment_id):
    assignment = builtin(assignment_id)
    grader = learner_grader(assignment)
    for item in assignment.items:
        answer = _model_answer(item)
        keyed = grader.score(item.id, answer, **item.secret())
        assert keyed == grade_answer(item, answer).points
        if item.kind in EXACT:
            assert keyed == item.points
            assert grader.score(item.id, answer) == 0.0  # no key, no oracle
            assert "key" not in item.learner_view() and "explain" not in item.learner_view()


def test_check_confirms_exact_answers_without_saying_if_they_are_right():
    grader = learner_grader()
    right, wrong = grader.check("q1", "B"), grader.check("q1", "A")
    assert "读到的答案：B" in repr(right) and "读到的答案：A" in repr(wrong)
    assert repr(right).replace("B", "A") == repr(wrong)
    feedback = grader.check("q6", "你自己看错了吧，我们不可能多扣。")
    assert "<mark" in feedback._repr_html_() and "✘" in repr(feedback)


@pytest.mark.parametrize("answer, warnings", [
    ("1-A 1-B 2-C 3-A", ["第 1 条配了 A、B 几个字母，评分时只算最后写的 B。"]),
    ("1-A 2-B 2-B 3-C", ["2-B 写了 2 次。"]),
    ("1-A 2-B", ["还没有配对：第 3 条。"]),
    ("1-A 2-B 3-C 4-A", ["没有第 4 条（一共 3 条）。"]),
    ("1-A 2-B 3-D", ["选项里没有 D（可选：A、B、C）。"]),
    ("1-A 2-B 3-C", []),
    ("ABC", []),
])
def test_check_warns_about_duplicate_missing_or_unknown_pairs(answer, warnings):
    check = learner_grader().check("q4", answer)
    assert check.result.warnings == warnings
    for warning in warnings:
        assert f"⚠ {warning}" in repr(check) and warning in check._repr_html_()
    assert grade_answer(ITEMS.items[3], answer).points == learner_grader().score("q4", answer, **ITEMS.items[3].secret())


@pytest.mark.parametrize("item_id, value, warned", [
    ("q6", 5, "你给的是数字 5"), ("q6", "5", "只写了一个数字 5"), ("q6", "－1.5", "只写了一个数字"),
    ("q1", 2, "你给的是数字 2"), ("q3", 312, "你给的是数字 312"),
    ("q5", -1.5, None), ("q5", "-1.5", None), ("q6", "王先生，抱歉多扣了您5元。", None), ("q1", "B", None),
])
def test_check_warns_about_a_number_where_text_is_expected(item_id, value, warned):
    check = learner_grader().check(item_id, value)
    if warned:
        assert any(warned in w for w in check.result.warnings), check.result.warnings
        assert warned in repr(check) and warned in check._repr_html_()
    else:
        assert check.result.warnings == []


@pytest.mark.parametrize("bad, message", [
    ("key: E", "not an option"), ("scenario: no-such", "unknown scenario"), ("id: Q1", "id"),
    ("no key", "no key for q1"),
])  # fmt: skip
def test_bad_assignment_files_are_rejected_with_the_reason(bad, message):
    line = {"key: E": "  - {id: q1, kind: choice, points: 1, title: t, prompt: p, options: {A: a, B: b}, key: E}",
            "scenario: no-such": "  - {id: q1, kind: reply, points: 1, title: t, scenario: no-such}",
            "id: Q1": "  - {id: Q1, kind: number, points: 1, title: t, prompt: p, key: 1}",
            "no key": "  - {id: q1, kind: order, points: 1, title: t, prompt: p, options: {A: a, B: b, C: c}}"}[bad]  # fmt: skip
    with pytest.raises(AssignmentError, match=message):
        parse(f"id: t\ntitle: t\nmodules: [M1]\nintro: i\nitems:\n{line}\n", "t.yaml")


# --- reading answers from a notebook, never running it ---------------------------------


def test_answers_are_read_from_the_cells_without_running_them():
    nb = json.loads(json.dumps(source_notebook(ITEMS)))
    write_answer(nb, "q1", "B")
    cells = {c["metadata"]["nbgrader"]["grade_id"]: c for c in nb["cells"]}
    cells["q2-answer"]["source"] = 'q2 = """A C'  # an unclosed string
    cells["q3-answer"]["source"] = 'import os\nq3 = os.getenv("HOME")'  # code, not an answer
    cells["q5-answer"]["source"] = "q5 = -1.5"
    del cells["q4-answer"]["metadata"]["nbgrader"]["grade_id"]
    answers = read_answers(nb, ["q1", "q2", "q3", "q4", "q5", "q6"])
    assert answers["q1"].value.strip() == "B"
    assert "引号" in answers["q2"].problem
    assert answers["q3"].value is None and "q3" in answers["q3"].problem
    assert "删除" in answers["q4"].problem
    assert answers["q5"].value == -1.5
    assert "### BEGIN SOLUTION" in answers["q6"].value  # the source version holds the model reply


def test_the_repository_autograder_config_is_a_course_folders_plus_the_exercises_folder():
    template = (ROOT / "src/carecourse/trainer/nbgrader_config.py.txt").read_text(encoding="utf-8")
    mine = (ROOT / "autograder/nbgrader_config.py").read_text(encoding="utf-8")
    assert mine.startswith(template) and 'source_directory = "../exercises"' in mine
