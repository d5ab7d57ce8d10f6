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


# --- M6: rewriting closed and barbed questions ---------------------------------------

from carecourse.widgets import quality_calculator, question_rewrite  # noqa: E402
from carecourse.widgets.quality import DIMENSIONS, quality_gaps  # noqa: E402
from carecourse.widgets.rewrite import check_rewrite, rewrite_items  # noqa: E402


def test_every_original_question_fails_and_every_worked_rewrite_passes():
    for item in rewrite_items():
        as_written = check_rewrite("（另一个问题）", item.question)
        assert not as_written.ok, f"{item.question} ({item.kind}) would pass as a rewrite"
        assert check_rewrite(item.question, item.example).ok, item.example


@pytest.mark.parametrize(
    ("rewrite", "says"),
    [
        ("", "还没有写"),
        ("会议结束了吗", "和原来的问题一样"),
        ("你不认为会议早该结束了吗？", "带刺的问题"),
        ("会议开完了吗？", "还不是开放式问题"),
        ("会议是怎样结束的？", "友好的开放式问题"),
    ],
)
def test_a_rewrite_is_judged_by_the_analyzer(rewrite, says):
    assert says in check_rewrite("会议结束了吗？", rewrite).message


def test_live_rewrite_form_checks_each_answer_and_counts(live):
    form = question_rewrite()
    *rows, button, summary = form.children
    assert len(rows) == len(rewrite_items())
    first, second = rows[0].children[1], rows[1].children[1]
    first.value = "会议是怎样结束的？"
    second.value = "你喜欢你的工作吗？"
    button.click()
    assert "✔" in rows[0].children[2].value
    assert "✘" in rows[1].children[2].value and "参考改法" in rows[1].children[2].value
    assert f"1 / {len(rows)} 题改好了" in summary.value


def test_static_rewrite_form_shows_worked_rewrites_annotated(static):
    html = question_rewrite()._repr_html_()
    assert html.count("✔") == len(rewrite_items())
    assert html.count('class="cc-t-open_question"') == len(rewrite_items())
    assert html.count('class="cc-t-bad_question"') == sum(item.kind != "封闭式提问" for item in rewrite_items())


# --- M10: service quality = perceived − expected ------------------------------------


def test_quality_gaps_are_perceived_minus_expected():
    expected = dict(zip(DIMENSIONS, (5, 7, 6, 6, 5)))
    perceived = dict(zip(DIMENSIONS, (6, 5, 3, 6, 6)))
    result = quality_gaps(expected, perceived)
    assert list(result.gaps.values()) == [1, -2, -3, 0, 1]
    assert result.average == pytest.approx(-0.6)
    assert result.worst == "响应性"
    assert quality_gaps(perceived, perceived).worst is None


@pytest.mark.parametrize("bad", [{"有形性": 5}, dict.fromkeys(DIMENSIONS, 9)])
def test_quality_gaps_reject_missing_or_off_scale_scores(bad):
    with pytest.raises(ValueError):
        quality_gaps(bad, dict.fromkeys(DIMENSIONS, 4))


def test_live_calculator_recomputes_when_a_slider_moves(live):
    *rows, table = quality_calculator().children
    expected, perceived = rows[2].children[1], rows[2].children[2]  # 响应性
    expected.value, perceived.value = 7, 1
    assert "-6" in table.value and "最该先改进的是<b>响应性</b>" in table.value


def test_static_calculator_is_a_worked_table(static):
    html = quality_calculator()._repr_html_()
    table = html.split('class="cc-quality-out"', 1)[1]
    assert table.count("<tr>") == 1 + len(DIMENSIONS)
    assert "感知−期望" in table and "make lab" in html


def test_static_calculator_carries_its_live_form_hidden(static):
    html = quality_calculator()._repr_html_()
    form = html.split('<form class="cc-live cc-quality-form" hidden>', 1)[1].split("</form>")[0]
    assert form.count("<select") == 2 * len(DIMENSIONS)
    assert form.count(" selected>") == 2 * len(DIMENSIONS)  # the worked example's scores


def test_static_box_carries_a_live_form_hidden_until_the_page_script_runs(static):
    import json
    import re

    html = practice_box("greet-entry", examples=["您好"])._repr_html_()
    assert '<div class="cc-practice" data-scenario="greet-entry">' in html
    form = html.split('<form class="cc-live" hidden>', 1)[1].split("</form>")[0]
    assert "<textarea" in form and ">评分</button>" in form and 'aria-live="polite"' in form
    assert "不会发送到任何地方" in form
    data = json.loads(re.search(r'<script type="application/json" class="cc-data">(.*?)</script>', form).group(1))
    assert data["scenario"] == "greet-entry" and data["words"]["points"] == "分"
    # the note for readers whose browser runs no script comes after the form, outside it
    assert html.index('<div class="cc-nojs">') > html.index("</form>")


def test_a_rewrite_in_traditional_script_is_checked_as_the_simplified_one():
    import opencc

    from carecourse.widgets.rewrite import check_rewrite, rewrite_items

    # the script only (s2t): Taiwan's own words (宽带 → 寬頻) are the grader's lexicons' matter
    to_traditional = opencc.OpenCC("s2t").convert
    for item in rewrite_items():
        for text in (item.question, item.example, "怎么样？", "会议是怎样结束的？"):
            simplified, traditional = check_rewrite(item.question, text), check_rewrite(item.question, to_traditional(text))
            assert (traditional.ok, traditional.message) == (simplified.ok, simplified.message), text
