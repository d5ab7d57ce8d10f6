"""Practice box and touchpoint explorer: live in Jupyter, worked examples on the static site."""

import pytest

from carecourse.content import journey
from carecourse.rubrics import RubricError
from carecourse.widgets import practice_box, touchpoint_explorer
from carecourse.widgets.static import STATIC_BUILD_ENV, StaticHTML

w = pytest.importorskip("ipywidgets")


@pytest.fixture
def static(monkeypatch):
    monkeypatch.setenv(STATIC_BUILD_ENV, "1")


@pytest.fixture
def live(monkeypatch):
    monkeypatch.delenv(STATIC_BUILD_ENV, raising=False)


def _parts(box):
    prompt, answer, button, output = box.children
    return answer, button, output


def test_live_box_grades_what_the_learner_typed(live):
    box = practice_box("greet-entry")
    answer, button, output = _parts(box)
    assert isinstance(answer, w.Textarea) and output.value == ""
    answer.value = "您好，欢迎光临！请问您办理什么业务？这边请。"
    button.click()
    assert "10 / 10 分" in output.value
    assert '<mark class="cc-met"' in output.value and "欢迎光临" in output.value


def test_live_box_tells_a_keyword_list_from_a_reply(live):
    answer, button, output = _parts(practice_box("greet-entry"))
    answer.value = "您好 欢迎光临 办理什么业务 这边请 取号"
    button.click()
    assert "10 / 10" not in output.value
    assert 'class="cc-flag"' in output.value


def test_live_box_shows_an_empty_reply_as_such(live):
    answer, button, output = _parts(practice_box("greet-entry"))
    button.click()
    assert "0 / 10 分" in output.value and "（空）" in output.value


def test_static_box_shows_graded_examples_and_how_to_run_it(static):
    box = practice_box("greet-entry", examples=["您好，欢迎光临！请问您办理什么业务？这边请。", "办什么业务？"])
    assert isinstance(box, StaticHTML)
    html = box._repr_html_()
    assert html.count('class="cc-fb"') == 2
    assert "10 / 10 分" in html and "make lab" in html
    assert "carecourse grade --scenario greet-entry" in html


def test_unknown_scenario_fails_before_drawing(live):
    with pytest.raises(RubricError):
        practice_box("no-such-scenario")


def test_explorer_steps_through_the_journey(live):
    box = touchpoint_explorer()
    (back, picker, forward), card, question, choice, check, verdict = box.children[0].children, *box.children[1:]
    steps = journey().touchpoints
    assert steps[0].name in card.value and back.disabled
    forward.click()
    assert picker.value == 1 and steps[1].name in card.value
    picker.value = len(steps) - 1
    assert forward.disabled and steps[-1].name in card.value


def test_explorer_quick_check_says_right_or_wrong(live):
    box = touchpoint_explorer()
    _, _, question, choice, check, verdict = box.children
    first = journey().touchpoints[0].check
    check.click()
    assert "先选一个答案" in verdict.value
    choice.value = first.answer
    check.click()
    assert "正确" in verdict.value
    choice.value = (first.answer + 1) % len(first.options)
    check.click()
    assert "不对" in verdict.value


def test_static_explorer_lists_every_touchpoint(static):
    html = touchpoint_explorer()._repr_html_()
    for t in journey().touchpoints:
        assert f"{t.step}. {t.name}" in html
    assert html.count("<details") == 2 * len(journey().touchpoints)
