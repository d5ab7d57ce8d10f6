"""The zh-Hant edition used as its readers use it: the switch, search, quizzes, live practice."""

from __future__ import annotations

import pytest

import carecourse
from carecourse.edition import to_traditional
from carecourse.edition.check import leftovers

from .conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.site]

READY = "document.documentElement.dataset.ccLive === 'ready'"


def test_the_switch_keeps_the_reader_on_the_same_page_and_section(visit):
    v = visit("book/m8-complaints.html#six-steps")
    assert v.page.locator("html").get_attribute("lang") == "zh-CN"
    v.page.get_by_role("link", name="繁體中文").click()
    v.page.wait_for_url("**/zh-Hant/book/m8-complaints.html#six-steps")
    assert v.page.locator("html").get_attribute("lang") == "zh-Hant"
    assert "投訴處理" in v.page.locator("article h1").inner_text()
    v.page.get_by_role("link", name="简体中文").click()
    v.page.wait_for_url("**/book/m8-complaints.html#six-steps")
    assert "/zh-Hant/" not in v.page.url and "投诉处理" in v.page.locator("article h1").inner_text()
    assert v.errors == [] and v.outside == []


def _results(visit, query: str) -> list[str]:
    v = visit(f"zh-Hant/search.html?q={query}")
    v.page.wait_for_function("document.querySelector('#search-results .search-summary')?.innerText.length > 0",
                             timeout=15000)  # fmt: skip
    assert v.errors == []
    return v.page.locator("#search-results ul.search li a").evaluate_all("els => els.map(e => e.getAttribute('href'))")


@pytest.mark.parametrize(
    ("query", "page"),
    [("客戶投訴", "m2-value"), ("關鍵時刻", "m4-touchpoints"), ("服務禁語", "m8-complaints"),
     ("服務品質", "m3-rater"), ("開放式提問", "m6-questions"), ("首問負責制", "m10-standards")],
)  # fmt: skip
def test_search_in_the_traditional_edition_finds_traditional_queries(visit, query, page):
    hrefs = _results(visit, query)
    assert any(page in h for h in hrefs), f"{query}: {hrefs}"


def test_a_quiz_is_checked_in_traditional_script(visit):
    v = visit("zh-Hant/book/m3-rater.html", PHONE)
    quiz = v.page.locator('.cc-quiz[data-kind="match"]').first
    rows = quiz.locator(".cc-pair")
    answers = rows.evaluate_all("els => els.map(e => e.dataset.answer)")
    assert not leftovers("".join(answers))
    for k, answer in enumerate(answers):
        rows.nth(k).locator("select").select_option(answer)
    quiz.locator(".cc-submit").click()
    assert "回答正確" in quiz.locator(".cc-result").last.inner_text()
    assert v.errors == []


def test_a_practice_box_grades_a_traditional_reply_and_answers_in_traditional(visit):
    v = visit("zh-Hant/book/m8-lab.html")
    v.page.wait_for_function(READY, timeout=10_000)
    box = v.page.locator(".cc-practice").first
    reply = "王先生，真對不起，讓您又跑一趟。這個月多扣了您50元，換作是我也會生氣。我馬上幫您查帳單，多扣的錢會退給您。謝謝您告訴我們。"
    box.get_by_label("你的回應").fill(reply)
    box.get_by_role("button", name="評分").click()
    box.locator('.cc-result[data-graded="1"]').wait_for()
    result = carecourse.grade("complaint-billing", reply)  # the grader reads Traditional itself
    shown = box.locator(".cc-result .cc-fb")
    assert shown.locator(".cc-score b").inner_text() == f"{result.score:g} / {result.max_score:g} 分"
    labels = shown.locator("ul.cc-criteria > li b").all_inner_texts()
    assert labels[: len(result.criteria)] == [to_traditional(c.label) for c in result.criteria]
    text = shown.inner_text()
    assert to_traditional(result.criteria[0].feedback) in text
    assert not leftovers(text.replace(reply, "")), "the feedback around the learner's words is Traditional"
    marks = shown.locator("mark").all_inner_texts()
    assert marks and all(m in reply for m in marks), "the highlights are the learner's own characters"
    assert v.errors == [] and v.outside == []


def test_the_question_rewrite_checks_traditional_rewrites_as_python_does(visit):
    from carecourse.widgets.rewrite import check_rewrite, rewrite_items

    v = visit("zh-Hant/book/m6-lab.html")
    v.page.wait_for_function(READY, timeout=10_000)
    items = rewrite_items()
    attempts = ["會議是怎樣結束的？", to_traditional(items[1].question), "怎麼樣？"]
    forms = v.page.locator("form.cc-rewrite-live")
    for k, text in enumerate(attempts):
        form = forms.nth(k)
        form.get_by_label("你的改法").fill(text)
        form.get_by_role("button", name="檢查").click()
        check = check_rewrite(items[k].question, text)
        shown = form.locator(".cc-result").inner_text()
        assert ("✔" if check.ok else "✘") in shown and to_traditional(check.message) in shown, (text, shown)
    assert v.errors == [] and v.outside == []


def test_the_quality_calculator_works_in_traditional(visit):
    v = visit("zh-Hant/book/m10-lab.html")
    v.page.wait_for_function(READY, timeout=10_000)
    calc = v.page.locator(".cc-quality-calc").first
    text = calc.inner_text()
    assert "有形性" in text and "可靠性" in text and not leftovers(text)
    assert v.errors == [] and v.outside == []
