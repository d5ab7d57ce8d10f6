"""Knowledge checks answered right and wrong on the static site (no kernel)."""

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


def test_single_choice_wrong_then_right(visit):
    v = visit("book/m4-touchpoints.html")
    quiz = _quiz(v, "single")
    explain = quiz.locator(".cc-explain")
    assert not explain.is_visible()
    wrong = quiz.locator(".cc-option").nth(_option_index(quiz, False))
    wrong.locator("label").click()
    assert "还不对" in quiz.locator(".cc-result").inner_text()
    assert "cc-wrong" in wrong.get_attribute("class")
    assert explain.is_visible()
    right = quiz.locator(".cc-option").nth(_option_index(quiz, True))
    right.locator("label").click()
    assert "回答正确" in quiz.locator(".cc-result").inner_text()
    assert v.errors == []


def test_multiple_choice_names_what_was_missed(visit):
    v = visit("book/m1-care.html")
    quiz = _quiz(v, "multiple") if v.page.locator('.cc-quiz[data-kind="multiple"]').count() else None
    if quiz is None:
        v = visit("book/m2-value.html")
        quiz = _quiz(v, "multiple")
    flags = quiz.locator(".cc-option").evaluate_all("els => els.map(e => e.dataset.correct)")
    quiz.locator(".cc-submit").click()
    assert "漏了" in quiz.locator(".cc-result").inner_text()
    for k, flag in enumerate(flags):
        if flag == "1":
            quiz.locator(".cc-option input").nth(k).check()
    quiz.locator(".cc-submit").click()
    assert "回答正确" in quiz.locator(".cc-result").inner_text()


def test_ordering_wrong_then_right(visit):
    v = visit("book/m4-touchpoints.html", PHONE)
    quiz = _quiz(v, "order")
    quiz.locator(".cc-submit").click()
    assert "位置不对" in quiz.locator(".cc-result").inner_text()
    n = quiz.locator(".cc-item").count()
    for _ in range(n * n):  # bubble sort with the ↑ buttons, as a reader would
        ranks = [int(r) for r in quiz.locator(".cc-item").evaluate_all("els => els.map(e => e.dataset.rank)")]
        if ranks == sorted(ranks):
            break
        k = next(i for i in range(1, n) if ranks[i] < ranks[i - 1])
        quiz.locator(".cc-item").nth(k).locator(".cc-move-btn").first.click()
    quiz.locator(".cc-submit").click()
    assert "回答正确" in quiz.locator(".cc-result").inner_text()


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
    assert "还不对" in quiz.locator(".cc-result").inner_text()
    for k, answer in enumerate(answers):
        rows.nth(k).locator("select").select_option(answer)
    quiz.locator(".cc-submit").click()
    assert "回答正确" in quiz.locator(".cc-result").inner_text()


NEW_MODULES = ["m5-customer-types", "m6-questions", "m7-listening", "m8-complaints", "m9-saying-no", "m10-standards"]


@pytest.mark.parametrize("name", NEW_MODULES)
def test_each_module_has_a_working_single_choice_check(visit, name):
    v = visit(f"book/{name}.html", PHONE)
    quizzes = v.page.locator('.cc-quiz[data-kind="single"]')
    assert quizzes.count() >= 1
    for k in range(quizzes.count()):
        quiz = _quiz(v, "single", k)
        quiz.locator(".cc-option").nth(_option_index(quiz, False)).locator("label").click()
        assert "还不对" in quiz.locator(".cc-result").inner_text()
        quiz.locator(".cc-option").nth(_option_index(quiz, True)).locator("label").click()
        assert "回答正确" in quiz.locator(".cc-result").inner_text()
    assert v.errors == []
