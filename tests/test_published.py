"""Replies a learner can read (the shipped rubrics' samples, the site's worked examples) are no
answer key: a graded reply copying one earns nothing, and no model answer is one of them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from carecourse.assignments import AssignmentError, assignment_files, load, parse
from carecourse.assignments.items import grade_answer
from carecourse.assignments.notebook import _model_answer, source_notebook
from carecourse.assignments.published import copied_from, published_replies
from carecourse.edition.convert import to_traditional
from carecourse.rubrics import builtin, scenario_ids
from carecourse.widgets.practice import practice_box, worked_examples
from carecourse.widgets.static import STATIC_BUILD_ENV

ROOT = Path(__file__).resolve().parent.parent
FILES = assignment_files(ROOT / "exercises")
REPLIES = [(a, item) for a in FILES for item in load(FILES[a]).items if item.kind == "reply"]


def reply_item(scenario: str):
    return next(item for _, item in REPLIES if item.scenario == scenario)


def test_every_shipped_scenario_publishes_its_worked_examples_and_its_samples():
    for scenario in scenario_ids():
        examples = worked_examples(scenario)
        assert len(examples) >= 2, scenario
        published = published_replies(scenario)
        assert set(examples) <= set(published)
        assert {s.text.strip() for s in builtin(scenario).samples if not s.gamed} <= set(published)


@pytest.mark.parametrize("scenario", ["decline-policy", "complaint-billing", "phone-answer"])
def test_a_graded_reply_copying_a_published_one_earns_nothing_and_says_why(scenario):
    item = reply_item(scenario)
    strong = worked_examples(scenario)[0]
    assert grade_answer(item, strong).status == "copied"
    excellent = next(s.text.strip() for s in builtin(scenario).samples if s.label == "excellent")
    for copy in (excellent, f"您好，{excellent}", to_traditional(excellent)):
        result = grade_answer(item, copy)
        assert (result.status, result.points) == ("copied", 0.0), copy
        assert "公开的示范" in result.message and "自己的话" in result.message


def test_a_reply_of_ones_own_in_the_same_stock_words_is_graded():
    item = reply_item("phone-answer")
    own = "您好，让您久等了，这里是营业厅，我是工号1024，请问有什么可以帮您？"
    assert copied_from("phone-answer", own) is None
    result = grade_answer(item, own)
    assert result.status == "graded" and result.points > 0


@pytest.mark.parametrize("assignment_id, item", REPLIES, ids=[f"{a}-{i.id}" for a, i in REPLIES])
def test_every_reply_items_model_answer_is_the_trainers_own_and_earns_the_points(assignment_id, item):
    answer = _model_answer(item)
    assert answer and copied_from(item.scenario, answer) is None
    assert grade_answer(item, answer).points >= 0.9 * item.points
    nb = source_notebook(load(FILES[assignment_id]))
    solutions = [c.source for c in nb.cells if "BEGIN SOLUTION" in c.source]
    assert not [p for p in published_replies(item.scenario) for s in solutions if p in s]


def test_an_assignment_whose_model_answer_is_published_is_refused():
    sample = next(s.text.strip() for s in builtin("decline-policy").samples if s.label == "excellent")
    line = f"  - {{id: q1, kind: reply, points: 5, title: t, scenario: decline-policy, model_answer: '{sample}'}}"
    with pytest.raises(AssignmentError, match="model_answer is a reply learners can read"):
        parse(f"id: t\ntitle: t\nmodules: [M9]\nintro: i\nitems:\n{line}\n", "t.yaml")


def test_a_shipped_scenario_without_a_model_answer_shows_none_rather_than_a_sample():
    text = "id: t\ntitle: t\nmodules: [M9]\nintro: i\nitems:\n  - {id: q1, kind: reply, points: 5, title: t, scenario: decline-policy}\n"
    (item,) = parse(text, "t.yaml").items
    assert _model_answer(item) == ""


def test_the_practice_box_shows_the_scenarios_worked_examples(monkeypatch):
    monkeypatch.setenv(STATIC_BUILD_ENV, "1")
    shown = re.sub(r"<[^>]+>", "", practice_box("decline-policy")._repr_html_())
    for example in worked_examples("decline-policy"):
        assert example in shown
