"""The site's practices are live: typed, graded in the page, the same as Python grades them.

Every practice box of every lab page, the M6 question rewrite and the M10 quality
calculator, used in headless Chromium as a reader would (mouse, Ctrl+Enter, keyboard only),
compared with ``carecourse.grade`` / ``check_rewrite`` / ``quality_gaps`` on the same input.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

import carecourse
from carecourse.render.html import grade_html
from carecourse.widgets.quality import DIMENSIONS, gaps_table_html, quality_gaps
from carecourse.widgets.rewrite import check_rewrite, rewrite_items
from conftest import BUILT_MODULES, LABS  # tests/conftest.py (tests/ is on sys.path)

from .conftest import DESKTOP, PHONE, ROOT

pytestmark = [pytest.mark.browser, pytest.mark.site]

CORPUS = ROOT / "tests" / "data" / "corpus" / "dev.jsonl"
SHOTS = Path("/tmp/practice-shots")
SCRIPT = "_static/carecourse-web/live.mjs"
READY = "document.documentElement.dataset.ccLive === 'ready'"


def _page_html(name: str, site: Path) -> str:
    return (site / "book" / f"{name}.html").read_text(encoding="utf-8")


def _scenarios(html: str) -> list[str]:
    return re.findall(r'<div class="cc-practice" data-scenario="([^"]+)">', html)


def _replies(scenario: str, n: int = 2) -> list[str]:
    """Replies to type: written by the corpus's writers for this scenario (never its test
    part), one with an emoji in front (offsets are code points, not UTF-16 units)."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    texts = sorted(r["text"] for r in rows if r["scenario"] == scenario)
    picked = random.Random(scenario).sample(texts, n)
    return [picked[0], "😀" + picked[1]]


def _without_style(html: str) -> str:
    return re.sub(r"<style>.*?</style>\n?", "", html, flags=re.S)


def _graded(box, act) -> None:
    """Do ``act`` (press 评分, Ctrl+Enter …) and wait for the box's new grade: the first
    grade of a box may wait for its scenario's data."""
    result = box.locator(".cc-result")
    before = int(result.get_attribute("data-graded") or 0)
    act()
    box.locator(f'.cc-result[data-graded="{before + 1}"]').wait_for()


def _open(visit, name: str, viewport: dict = DESKTOP):
    v = visit(f"book/{name}.html", viewport)
    v.page.wait_for_function(READY, timeout=10_000)
    return v


# --- which pages load the script ------------------------------------------------------


def test_the_script_is_on_every_lab_page_and_no_other(site):
    for name in LABS:
        assert SCRIPT in _page_html(name, site), name
    for name in ["index", *BUILT_MODULES.values(), "glossary"]:
        html = _page_html(name, site)
        assert "carecourse-web" not in html, f"{name} loads the practice script without a practice"


def test_a_page_without_practice_requests_nothing_of_it(visit):
    v = visit("book/m8-complaints.html")
    requested = []
    v.page.on("request", lambda r: requested.append(r.url))
    v.page.reload(wait_until="load")
    assert not [u for u in requested if "carecourse-web" in u]


# --- every practice box on every lab page ---------------------------------------------


@pytest.mark.parametrize("name", LABS)
def test_every_practice_box_grades_as_python_does(visit, site, name):
    scenarios = _scenarios(_page_html(name, site))
    assert scenarios, f"{name} has no practice box"
    v = _open(visit, name)
    for k, scenario in enumerate(scenarios):
        box = v.page.locator(".cc-practice").nth(k)
        assert box.locator(".cc-nojs").is_hidden() and box.locator("form.cc-live").is_visible()
        assert "不会发送到任何地方" in box.locator(".cc-privacy").inner_text()
        answer = box.get_by_label("你的回应")
        for text in _replies(scenario):
            answer.fill(text)
            _graded(box, box.get_by_role("button", name="评分").click)
            result = carecourse.grade(scenario, text)
            shown = box.locator(".cc-result .cc-fb")
            assert shown.locator(".cc-score b").inner_text() == f"{result.score:g} / {result.max_score:g} 分"
            items = shown.locator("ul.cc-criteria > li")
            assert items.count() == len(result.criteria) + len(result.penalties)
            for c, li in zip(result.criteria, items.all()):
                assert li.get_attribute("class") == ("cc-ok" if c.met else "cc-miss")
                assert li.locator("b").inner_text() == c.label
            # the whole fragment, as the browser parses it: the same as Python's grade_html
            live, python = v.page.evaluate(
                """([k, html]) => {
                  const t = document.createElement('template'); t.innerHTML = html;
                  const box = document.querySelectorAll('.cc-practice')[k];
                  return [box.querySelector('.cc-result').innerHTML.trim(), t.innerHTML.trim()];
                }""",
                [k, _without_style(grade_html(result, text, book_base=""))],
            )
            assert live == python, (scenario, text)
    assert v.errors == [] and v.outside == []


def test_the_feedback_is_drawn_once_for_notebook_and_page(visit):
    """Python's grade_html and the page's gradeHtml on the same results (GradeResult.to_dict()),
    both parsed by Chromium: the same DOM, so the two renderers cannot drift apart."""
    from carecourse.web.ui import ui

    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    picked = random.Random(2).sample(rows, 200)
    cases = [(r["scenario"], r["text"]) for r in picked] + [("greet-entry", ""), ("greet-entry", "<b>您好</b>")]
    results = [carecourse.grade(s, t) for s, t in cases]
    v = _open(visit, "m4-lab")
    live, python = v.page.evaluate(
        """async ([cases, words, pythons]) => {
          const { gradeHtml } = await import(new URL('../_static/carecourse-web/feedback.mjs', location.href).href);
          const parse = (html) => { const t = document.createElement('template'); t.innerHTML = html; return t.innerHTML; };
          return [cases.map(([r, text]) => parse(gradeHtml(r, text, words, ''))), pythons.map(parse)];
        }""",
        [[[r.to_dict(), t] for r, (_, t) in zip(results, cases)], ui()["graded"],
         [_without_style(grade_html(r, t, book_base="")) for r, (_, t) in zip(results, cases)]],
    )
    assert len(live) == len(cases)
    for (scenario, text), a, b in zip(cases, live, python):
        assert a == b, (scenario, text)


def test_ctrl_enter_grades_and_the_result_is_announced(visit):
    v = _open(visit, "m8-lab")
    box = v.page.locator(".cc-practice").first
    region = box.locator(".cc-result")
    assert region.get_attribute("aria-live") == "polite"
    text = "王先生，非常抱歉！这个月多扣了您50元，换作是我也会生气。我马上为您核查账单，多扣的费用会退还给您。谢谢您告诉我们。"
    answer = box.get_by_label("你的回应")
    answer.fill(text)
    _graded(box, lambda: answer.press("Control+Enter"))
    result = carecourse.grade("complaint-billing", text)
    assert region.locator(".cc-score").inner_text() == f"{result.score:g} / {result.max_score:g} 分"
    assert v.errors == []


def test_the_draft_is_kept_across_a_reload_and_can_be_cleared(visit):
    v = _open(visit, "m9-lab")
    text = "我特别理解您的心情，不过按规定今天没法办理。"
    v.page.locator(".cc-practice").first.get_by_label("你的回应").fill(text)
    v.page.reload(wait_until="load")
    v.page.wait_for_function(READY)
    box = v.page.locator(".cc-practice").first
    assert box.get_by_label("你的回应").input_value() == text
    box.get_by_role("button", name="清除草稿").click()
    assert box.get_by_label("你的回应").input_value() == ""
    assert "草稿已清除" in box.locator(".cc-status").inner_text()
    v.page.reload(wait_until="load")
    v.page.wait_for_function(READY)
    assert v.page.locator(".cc-practice").first.get_by_label("你的回应").input_value() == ""
    assert v.errors == []


def test_drafts_are_kept_per_page_and_scenario(visit):
    v = _open(visit, "m8-lab")
    first, second = v.page.locator(".cc-practice").nth(0), v.page.locator(".cc-practice").nth(1)
    first.get_by_label("你的回应").fill("第一题的草稿")
    second.get_by_label("你的回应").fill("第二题的草稿")
    v.page.goto(v.page.url.replace("m8-lab", "m9-lab"), wait_until="load")
    v.page.wait_for_function(READY)
    assert v.page.locator(".cc-practice").first.get_by_label("你的回应").input_value() == ""
    v.page.go_back(wait_until="load")
    v.page.wait_for_function(READY)
    assert v.page.locator(".cc-practice").nth(0).get_by_label("你的回应").input_value() == "第一题的草稿"
    assert v.page.locator(".cc-practice").nth(1).get_by_label("你的回应").input_value() == "第二题的草稿"


def test_a_practice_box_by_keyboard_alone(visit):
    v = _open(visit, "m4-lab")
    page = v.page
    answer = page.locator(".cc-practice").first.get_by_label("你的回应")
    # Tab from the top of the page until the text area has the focus, as a reader would.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cc-answer')"):
            break
    else:
        pytest.fail("the practice box's text area is never reached with Tab")
    page.keyboard.type("您好，欢迎光临！请问您办理什么业务？这边请。")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "评分"
    _graded(page.locator(".cc-practice").first, lambda: page.keyboard.press("Enter"))
    assert page.locator(".cc-practice .cc-result .cc-score b").first.inner_text() == "10 / 10 分"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "清除草稿"
    page.keyboard.press("Space")
    assert answer.input_value() == "" and page.evaluate("document.activeElement === document.querySelector('.cc-answer')")
    assert v.errors == []


def test_without_javascript_the_page_says_how_to_practise(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(f"{base_url}/book/m8-lab.html", wait_until="load")
        box = page.locator(".cc-practice").first
        assert box.locator("form.cc-live").is_hidden()
        assert "make lab" in box.locator(".cc-nojs").inner_text()
        assert page.locator(".cc-practice .cc-fb").count() >= 2  # the worked examples stay
    finally:
        context.close()


def test_when_the_grader_cannot_load_the_page_says_how_else_to_practise(browser, base_url):
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.route("**/carecourse-web/data/core.json", lambda route: route.abort())
        page.goto(f"{base_url}/book/m10-lab.html", wait_until="load")
        page.wait_for_function("document.querySelector('form.cc-quality-form') && !document.querySelector('form.cc-quality-form').hidden")
        page.wait_for_timeout(500)
        box = page.locator(".cc-practice").first
        assert box.locator("form.cc-live").is_hidden() and box.locator(".cc-nojs").is_visible()
        # the calculator needs no grader: it works all the same
        page.get_by_label("响应性：感知").select_option("1")
        assert "-5" in page.locator(".cc-quality-out").inner_text()
    finally:
        context.close()


# --- M6: the question rewrite ---------------------------------------------------------


def test_question_rewrite_is_checked_on_the_page_as_python_checks_it(visit):
    v = _open(visit, "m6-lab")
    items = rewrite_items()
    attempts = ["会议是怎样结束的？", items[1].question, "你不认为这样不对吗？", "怎么样？", "", items[5].example]
    forms = v.page.locator("form.cc-rewrite-live")
    assert forms.count() == len(items)
    passed = 0
    for k, text in enumerate(attempts):
        form = forms.nth(k)
        form.get_by_label("你的改法").fill(text)
        form.get_by_role("button", name="检查").click()
        check = check_rewrite(items[k].question, text)
        passed += check.ok
        shown = form.locator(".cc-result").inner_text()
        assert ("✔" if check.ok else "✘") in shown and check.message in shown, (text, shown)
        assert ("参考改法" in shown) == bool(text.strip() and not check.ok)
        marks = form.locator(".cc-result mark").evaluate_all("els => els.map(e => e.className)")
        assert marks == [f"cc-t-{f.id}" + (" cc-learned" if f.kind == "learned" else "") for f in check.analysis.findings], text
    summary = v.page.locator(".cc-rewrite-summary")
    assert summary.inner_text() == f"{passed} / {len(items)} 题改好了。"
    assert v.errors == [] and v.outside == []
    v.page.reload(wait_until="load")  # the rewrites are kept, each until cleared
    v.page.wait_for_function(READY)
    forms = v.page.locator("form.cc-rewrite-live")
    assert forms.nth(0).get_by_label("你的改法").input_value() == attempts[0]
    forms.nth(0).get_by_role("button", name="清除").click()
    v.page.reload(wait_until="load")
    v.page.wait_for_function(READY)
    assert forms.nth(0).get_by_label("你的改法").input_value() == ""
    assert forms.nth(1).get_by_label("你的改法").input_value() == attempts[1]


# --- M10: the quality calculator ------------------------------------------------------


def test_quality_calculator_recomputes_on_the_page_as_python_does(visit):
    v = _open(visit, "m10-lab")
    calc = v.page.locator(".cc-quality-calc")
    rng = random.Random(10)
    for _ in range(5):
        expected = {d: rng.randint(1, 7) for d in DIMENSIONS}
        perceived = {d: rng.randint(1, 7) for d in DIMENSIONS}
        for d in DIMENSIONS:
            calc.get_by_label(f"{d}：期望").select_option(str(expected[d]))
            calc.get_by_label(f"{d}：感知").select_option(str(perceived[d]))
        live, python = v.page.evaluate(
            """(html) => {
              const t = document.createElement('template'); t.innerHTML = html;
              return [document.querySelector('.cc-quality-out').innerHTML, t.innerHTML];
            }""",
            gaps_table_html(quality_gaps(expected, perceived)),
        )
        assert live == python
    calc.get_by_role("button", name="恢复示例分数").click()
    assert "最该先改进的是可靠性" in calc.locator(".cc-quality-out").inner_text()
    assert calc.locator(".cc-quality-out").get_attribute("aria-live") == "polite"
    assert v.errors == []


# --- how it looks ---------------------------------------------------------------------


@pytest.mark.parametrize(("label", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_practice_pages_look_right_graded(visit, artefacts, label, viewport):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name in ("m8-lab", "m6-lab", "m10-lab"):
        v = _open(visit, name, viewport)
        box = v.page.locator(".cc-practice").first
        box.get_by_label("你的回应").fill("王先生，非常抱歉😀！多扣了您50元，换作是我也会生气。我马上为您核查，多扣的会退还。")
        _graded(box, box.get_by_role("button", name="评分").click)
        if name == "m6-lab":
            form = v.page.locator("form.cc-rewrite-live").first
            form.get_by_label("你的改法").fill("会议开完了吗？")
            form.get_by_role("button", name="检查").click()
        overflow = v.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} is {overflow}px wider than a {label} screen"
        wide = v.page.evaluate("""() => [...document.querySelectorAll('.cc-live, .cc-quality-out, .cc-result')]
            .filter(e => !e.hidden && e.scrollWidth > e.clientWidth + 1).map(e => e.className)""")
        assert wide == [], f"{name} ({label}): these scroll sideways: {wide}"
        target = v.page.locator(".cc-rewrite" if name == "m6-lab" else ".cc-quality-calc" if name == "m10-lab" else ".cc-practice").first
        target.scroll_into_view_if_needed()
        v.page.screenshot(path=str(SHOTS / f"{name}-{label}.png"))
        box.scroll_into_view_if_needed()
        v.page.screenshot(path=str(SHOTS / f"{name}-box-{label}.png"))
        v.page.screenshot(path=str(artefacts / f"{name}-live-{label}.png"), full_page=True)
        assert v.errors == []


def _rewrite_attempts() -> list[str]:
    """Originals, worked rewrites, questions from the corpus, blanks Python and JavaScript
    trim differently, an emoji in front."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    questions = sorted({q + "？" for r in rows for q in re.split(r"[？?]", r["text"])[:-1] if 2 <= len(q) <= 30})
    items = rewrite_items()
    return ([i.question for i in items] + [i.example for i in items] + random.Random(6).sample(questions, 150)
            + ["", " \u3000 ", "\x1c", "\x85", "\ufeff", "😀您对哪些地方还有顾虑？", "会议 结束了吗"])  # fmt: skip


def test_every_rewrite_check_and_its_feedback_are_pythons(visit):
    from carecourse.widgets.rewrite import _TEMPLATE, _verdict_html
    from carecourse.render import macro

    v = _open(visit, "m6-lab")
    items = rewrite_items()
    cases = [(k % len(items), text) for k, text in enumerate(_rewrite_attempts())]
    shown = v.page.evaluate(
        """async (cases) => {
          const here = new URL('../_static/carecourse-web/', location.href);
          const { checkRewrite, verdictHtml } = await import(new URL('rewrite.mjs', here).href);
          const live = document.querySelector('script[type="module"][src*="live.mjs"]').src;  // the page's own
          const engine = await (await import(live)).ready;
          const data = JSON.parse(document.querySelector('.cc-rewrite > script.cc-data').textContent);
          return cases.map(([k, text]) => {
            const item = data.items[k];
            const check = checkRewrite(item.question, text, engine, data);
            return [check.ok, check.message, verdictHtml(check, text, item, engine, data)];
          });
        }""",
        cases,
    )
    assert len(shown) == len(cases)
    for (k, text), (ok, message, html) in zip(cases, shown):
        check = check_rewrite(items[k].question, text)
        tried = text.strip() and not check.ok
        python = _verdict_html(check) + (macro(_TEMPLATE, "example", text=items[k].example) if tried else "")
        assert (ok, message) == (check.ok, check.message), text
        assert html == _without_style(python), text
    assert sum(ok for ok, _, _ in shown) >= len(items)  # the worked rewrites at least
    assert v.errors == []
