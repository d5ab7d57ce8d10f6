"""Knowledge checks answered right and wrong on the static site (no kernel), by mouse and by
keyboard alone (Tab, Space, Enter, arrow keys)."""

import pytest

from .conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.site]


def _quiz(v, kind: str, page_index: int = 0):
    quiz = v.page.locator(f'.cc-quiz[data-kind="{kind}"]').nth(page_index)
    quiz.scroll_into_view_if_needed()
    return quiz


def _option_index(quiz, correct: bool) -> int:
    flags = quiz.locator(".cc-option").evaluate_all("els => els.map(e => e.dataset.correct)")
    return flags.index("1" if correct else "0")


def _result(quiz) -> str:
    return quiz.locator(".cc-result").inner_text()


def _ranks(quiz) -> list[int]:
    return [int(r) for r in quiz.locator(".cc-item").evaluate_all("els => els.map(e => e.dataset.rank)")]


def _focused(v) -> dict:
    """What has the keyboard focus: its tag, type, classes, accessible label and text."""
    return v.page.evaluate(
        """() => { const e = document.activeElement; return {tag: e.tagName.toLowerCase(), type: e.type || '',
             cls: e.className, label: e.getAttribute('aria-label') || '', text: e.textContent,
             id: e.id, item: (e.closest('.cc-item') || {}).dataset?.rank}; }"""
    )


def _start_before(quiz) -> None:
    """Put the keyboard focus at the top of the quiz, as if the reader had tabbed up to it."""
    quiz.evaluate("q => { q.tabIndex = -1; q.focus(); }")


# --- by mouse (or touch) ---------------------------------------------------------------


def test_single_choice_wrong_then_right(visit):
    v = visit("book/m4-touchpoints.html")
    quiz = _quiz(v, "single")
    explain = quiz.locator(".cc-explain")
    assert not explain.is_visible()
    wrong = quiz.locator(".cc-option").nth(_option_index(quiz, False))
    wrong.locator("label").click()
    assert _result(quiz) == "" and not explain.is_visible(), "a pick alone must not grade"
    quiz.locator(".cc-submit").click()
    assert "还不对" in _result(quiz)
    assert "cc-wrong" in wrong.get_attribute("class")
    assert "✘ 不对" in wrong.inner_text(), "the verdict on an option is said in words, not colour alone"
    assert explain.is_visible()
    right = quiz.locator(".cc-option").nth(_option_index(quiz, True))
    right.locator("label").click()
    assert _result(quiz) == "" and "✘" not in wrong.inner_text()
    quiz.locator(".cc-submit").click()
    assert "回答正确" in _result(quiz)
    assert "✔ 正确" in right.inner_text()
    assert v.errors == []


def test_single_choice_submitted_empty_asks_for_a_pick(visit):
    v = visit("book/m4-touchpoints.html")
    quiz = _quiz(v, "single")
    quiz.locator(".cc-submit").click()
    assert "请先选一个选项" in _result(quiz)
    assert not quiz.locator(".cc-explain").is_visible()


def test_multiple_choice_names_what_was_missed(visit):
    v = visit("book/m1-care.html")
    quiz = _quiz(v, "multiple") if v.page.locator('.cc-quiz[data-kind="multiple"]').count() else None
    if quiz is None:
        v = visit("book/m2-value.html")
        quiz = _quiz(v, "multiple")
    flags = quiz.locator(".cc-option").evaluate_all("els => els.map(e => e.dataset.correct)")
    quiz.locator(".cc-submit").click()
    assert "漏了" in _result(quiz)
    missed = quiz.locator(".cc-option.cc-missed")
    assert missed.count() == flags.count("1")
    assert all("漏选" in t for t in missed.all_inner_texts())
    for k, flag in enumerate(flags):
        if flag == "1":
            quiz.locator(".cc-option input").nth(k).check()
    quiz.locator(".cc-submit").click()
    assert "回答正确" in _result(quiz)


def test_ordering_wrong_then_right(visit):
    v = visit("book/m4-touchpoints.html", PHONE)
    quiz = _quiz(v, "order")
    quiz.locator(".cc-submit").click()
    assert "位置不对" in _result(quiz)
    ranks = _ranks(quiz)
    for k, item in enumerate(quiz.locator(".cc-item").all()):
        expected = "✔ 位置正确" if ranks[k] == k else "✘ 位置不对"
        assert expected in item.inner_text(), "a misplaced item says so in words, not only in red"
    n = quiz.locator(".cc-item").count()
    for _ in range(n * n):  # bubble sort with the ↑ buttons, as a reader would
        ranks = _ranks(quiz)
        if ranks == sorted(ranks):
            break
        k = next(i for i in range(1, n) if ranks[i] < ranks[i - 1])
        quiz.locator(".cc-item").nth(k).locator(".cc-move-btn").first.click()
    quiz.locator(".cc-submit").click()
    assert "回答正确" in _result(quiz)


def test_matching_shows_the_right_answer_for_a_wrong_pick(visit):
    v = visit("book/m3-rater.html")
    quiz = _quiz(v, "match")
    rows = quiz.locator(".cc-pair")
    answers = rows.evaluate_all("els => els.map(e => e.dataset.answer)")
    choices = quiz.locator(".cc-pairs").evaluate("e => JSON.parse(e.dataset.choices)")
    wrong = next(c for c in choices if c != answers[0])
    rows.nth(0).locator("select").select_option(wrong)
    quiz.locator(".cc-submit").click()
    assert f"应为「{answers[0]}」" in rows.nth(0).inner_text()
    assert "✘ 配错了" in rows.nth(0).inner_text()
    assert "还不对" in _result(quiz)
    for k, answer in enumerate(answers):
        rows.nth(k).locator("select").select_option(answer)
    quiz.locator(".cc-submit").click()
    assert "回答正确" in _result(quiz)


NEW_MODULES = ["m5-customer-types", "m6-questions", "m7-listening", "m8-complaints", "m9-saying-no", "m10-standards"]


@pytest.mark.parametrize("name", NEW_MODULES)
def test_each_module_has_a_working_single_choice_check(visit, name):
    v = visit(f"book/{name}.html", PHONE)
    quizzes = v.page.locator('.cc-quiz[data-kind="single"]')
    assert quizzes.count() >= 1
    for k in range(quizzes.count()):
        quiz = _quiz(v, "single", k)
        quiz.locator(".cc-option").nth(_option_index(quiz, False)).locator("label").click()
        quiz.locator(".cc-submit").click()
        assert "还不对" in _result(quiz)
        quiz.locator(".cc-option").nth(_option_index(quiz, True)).locator("label").click()
        quiz.locator(".cc-submit").click()
        assert "回答正确" in _result(quiz)
    assert v.errors == []


# --- what a screen reader is told -------------------------------------------------------


@pytest.mark.parametrize("page", ["book/m3-rater.html", "book/m4-touchpoints.html"])
def test_every_quiz_groups_its_answers_under_the_question(visit, page):
    v = visit(page)
    quizzes = v.page.locator(".cc-quiz")
    assert quizzes.count() >= 3
    for quiz in quizzes.all():
        legend = quiz.locator("fieldset.cc-fieldset > legend.cc-question")
        assert legend.count() == 1 and legend.inner_text().strip()
        answers = quiz.locator("fieldset.cc-fieldset").locator(".cc-options, .cc-order-list, .cc-pairs")
        assert answers.count() == 1
        result = quiz.locator(".cc-result")
        assert result.get_attribute("role") == "status" and result.get_attribute("aria-live") == "polite"
        group = v.page.get_by_role("group", name=legend.inner_text().strip(), exact=True)
        assert group.count() >= 1


def test_each_matching_list_is_named_by_the_item_it_answers(visit):
    v = visit("book/m3-rater.html")
    quiz = _quiz(v, "match")
    items = quiz.locator(".cc-pair-item").all_inner_texts()
    assert len(set(items)) == len(items) >= 2
    for item in items:
        assert quiz.get_by_role("combobox", name=item, exact=True).count() == 1
    assert quiz.get_by_role("combobox", name="选择答案").count() == 0


# --- by keyboard alone ------------------------------------------------------------------


def test_single_choice_by_keyboard_grades_only_when_asked(visit):
    v = visit("book/m4-touchpoints.html")
    quiz = _quiz(v, "single")
    n = quiz.locator(".cc-option").count()
    right, wrong = _option_index(quiz, True), _option_index(quiz, False)
    _start_before(quiz)
    v.page.keyboard.press("Tab")
    assert _focused(v)["type"] == "radio"
    v.page.keyboard.press("Space")  # picks the first option
    for _ in range(n):  # arrow keys move through every option: no verdict on any of them
        v.page.keyboard.press("ArrowDown")
        assert _result(quiz) == ""
        assert not quiz.locator(".cc-explain").is_visible()
    checked = lambda: quiz.locator(".cc-option input").evaluate_all("els => els.findIndex(e => e.checked)")  # noqa: E731
    assert checked() == 0  # round the group and back to the first
    for _ in range(wrong):
        v.page.keyboard.press("ArrowDown")
    assert checked() == wrong
    v.page.keyboard.press("Enter")  # Enter on a choice checks it
    assert "还不对" in _result(quiz)
    assert "✘ 不对" in quiz.locator(".cc-option").nth(wrong).inner_text()
    for _ in range((right - wrong) % n):
        v.page.keyboard.press("ArrowDown")
    assert checked() == right and _result(quiz) == ""
    v.page.keyboard.press("Tab")  # the radio group is one tab stop: next is 提交
    assert _focused(v)["text"] == "提交"
    v.page.keyboard.press("Space")
    assert "回答正确" in _result(quiz)
    assert v.errors == []


def test_multiple_choice_by_keyboard(visit):
    v = visit("book/m2-value.html")
    quiz = _quiz(v, "multiple")
    flags = quiz.locator(".cc-option").evaluate_all("els => els.map(e => e.dataset.correct)")
    _start_before(quiz)
    v.page.keyboard.press("Tab")
    assert _focused(v)["type"] == "checkbox"
    v.page.keyboard.press("Enter")  # nothing ticked yet
    assert "漏了" in _result(quiz)
    for k, flag in enumerate(flags):
        assert _focused(v)["id"] == quiz.locator(".cc-option input").nth(k).get_attribute("id")
        if flag == "1":
            v.page.keyboard.press("Space")
        v.page.keyboard.press("Tab")
    assert _focused(v)["text"] == "提交"
    v.page.keyboard.press("Enter")
    assert "回答正确" in _result(quiz)
    assert v.errors == []


def test_ordering_by_keyboard_keeps_focus_on_the_moved_item(visit):
    v = visit("book/m4-touchpoints.html", PHONE)
    quiz = _quiz(v, "order")
    n = quiz.locator(".cc-item").count()
    _start_before(quiz)
    v.page.keyboard.press("Tab")
    assert _focused(v)["label"].startswith("上移：")
    at = 0  # focus on the ↑ button of the item at this position
    for i in range(1, n):  # insertion sort: bring each item up to its place, by Enter on its ↑
        for _ in range(2 * (i - at)):
            v.page.keyboard.press("Tab")
        at = i
        assert _focused(v)["label"].startswith("上移：") and int(_focused(v)["item"]) == _ranks(quiz)[i]
        while at > 0 and _ranks(quiz)[at] < _ranks(quiz)[at - 1]:
            moved = _ranks(quiz)[at]
            v.page.keyboard.press("Enter")
            at -= 1
            focus = _focused(v)
            assert focus["label"].startswith("上移：") and int(focus["item"]) == moved, "the focus stays on the moved item"
            assert _ranks(quiz)[at] == moved
            assert f"移到第 {at + 1} 位" in quiz.locator(".cc-status").inner_text()
    assert _ranks(quiz) == sorted(_ranks(quiz))
    v.page.keyboard.press("Tab")
    v.page.keyboard.press("Tab")
    while _focused(v)["text"] != "提交":  # past the ↑/↓ of the items below
        v.page.keyboard.press("Tab")
    v.page.keyboard.press("Enter")
    assert "回答正确" in _result(quiz)
    assert all("✔ 位置正确" in t for t in quiz.locator(".cc-item").all_inner_texts())
    assert v.errors == []


def test_ordering_down_by_keyboard(visit):
    v = visit("book/m4-touchpoints.html")
    quiz = _quiz(v, "order")
    first = _ranks(quiz)[0]
    _start_before(quiz)
    v.page.keyboard.press("Tab")
    v.page.keyboard.press("Tab")  # the first item's ↓
    assert _focused(v)["label"].startswith("下移：")
    v.page.keyboard.press("Space")
    assert _ranks(quiz)[1] == first
    assert _focused(v)["label"].startswith("下移：") and int(_focused(v)["item"]) == first


def test_matching_by_keyboard(visit):
    v = visit("book/m3-rater.html", PHONE)
    quiz = _quiz(v, "match")
    rows = quiz.locator(".cc-pair")
    answers = rows.evaluate_all("els => els.map(e => e.dataset.answer)")
    choices = quiz.locator(".cc-pairs").evaluate("e => JSON.parse(e.dataset.choices)")
    _start_before(quiz)
    for k, answer in enumerate(answers):
        v.page.keyboard.press("Tab")
        assert _focused(v)["tag"] == "select"
        for _ in range(choices.index(answer) + 1):  # past 请选择… to the answer
            v.page.keyboard.press("ArrowDown")
        assert rows.nth(k).locator("select").input_value() == answer
    v.page.keyboard.press("Tab")
    assert _focused(v)["text"] == "提交"
    v.page.keyboard.press("Enter")
    assert "回答正确" in _result(quiz)
    assert v.errors == []
