"""The trainer's pages: one feedback page per learner, and the cohort report with criteria.csv."""

import csv
import io
import json
import re
from html import unescape

import pytest

from carecourse.trainer import report
from carecourse.trainer.collect import Problem
from carecourse.trainer.feedback_pages import feedback_html, write_feedback_pages
from carecourse.trainer.grading import LearnerResult
from carecourse.trainer.report import (
    criteria_rows,
    normalise_answer,
    report_html,
    write_report,
)
from carecourse.trainer.report_charts import cell, columns, histogram
from carecourse.trainer.workspace import Workspace, atomic_write
from carecourse.assignments.items import grade_answer
from carecourse.assignments.schema import Assignment
from carecourse.rubrics import builtin as rubric

BOOK = "https://book.example.org/course"
ASSIGNMENT = Assignment.model_validate({
    "id": "a8-test", "title": "投诉处理练习", "modules": ["M8"], "intro": "写答案。",
    "items": [
        {"id": "q1", "kind": "choice", "points": 2, "title": "第一步", "prompt": "选一个",
         "options": {"A": "解释原因", "B": "道歉", "C": "退款"}, "key": "A",  # mis-keyed on purpose
         "section": "m8-complaints#six-steps", "explain": "先道歉、安抚情绪，再谈处理。"},
        {"id": "q2", "kind": "number", "points": 1, "title": "应退金额", "prompt": "算", "key": 50, "unit": "元",
         "section": "m8-complaints#six-steps"},
        {"id": "q3", "kind": "reply", "points": 10, "title": "账单多扣费", "scenario": "complaint-billing"},
    ],
})  # fmt: skip
GOOD = "王先生，真的很抱歉，这个月账单多扣了您50元，我理解您的心情。我现在就帮您核查明细，多扣的会退还给您。谢谢您及时告诉我们。"
SCRIPT = '<script>alert("x")</script>真的很抱歉，我马上帮您核查账单。'
ANSWERS = {  # learner: (q1, q2, q3)
    "s01": ("B", "50", GOOD),
    "s02": ("B", "50元", "对不起，我现在帮您查一下。"),
    "s03": ("b", "-50", "您好，请稍等。"),
    "s04": ("C", "50", SCRIPT),
    "s05": ("B", "", "这个不归我管，你去找别人吧。"),
    "s06": ("B", "49", ""),
}
ROSTER = {"s01": "李雷", "s02": "韩梅梅", "s03": "王芳", "s04": "张伟", "s05": "刘洋", "s06": "陈静",
          "s07": "杨帆", "s08": "赵磊"}  # fmt: skip


def _graded(learner: str) -> LearnerResult:
    result = LearnerResult(learner, ASSIGNMENT.id, "graded", max_score=ASSIGNMENT.max_score)
    result.items = [grade_answer(item, value) for item, value in zip(ASSIGNMENT.items, ANSWERS[learner])]
    result.score = round(sum(i.points for i in result.items), 2)
    return result


def _results() -> list[LearnerResult]:
    results = [_graded(learner) for learner in ANSWERS]
    results[1].problems = ["q2：nbgrader 给了 0 分，直接评分是 1 分。"]
    results.append(LearnerResult("s07", ASSIGNMENT.id, "problem", max_score=ASSIGNMENT.max_score,
                                 problems=["文件不是有效的笔记本（JSON 格式错误，第 3 行）。"]))  # fmt: skip
    results.append(LearnerResult("s08", ASSIGNMENT.id, "missing", max_score=ASSIGNMENT.max_score, problems=["没有收到提交。"]))
    return results


PROBLEMS = [Problem("", "wangwu.ipynb", "文件名对不上名单里的任何学员，没有收取。")]


def _section(html: str, heading: str) -> str:
    return html.split(f"<h2>{heading}</h2>", 1)[1].split("<h2>", 1)[0]


def _marks(html: str) -> list[str]:
    return [unescape(m) for m in re.findall(r'<mark class="cc-met"[^>]*>(.*?)</mark>', html)]


# --- feedback page ------------------------------------------------------------------
def test_feedback_page_is_a_self_contained_chinese_page():
    html = feedback_html(ASSIGNMENT, _graded("s01"), name="李雷", book_url=BOOK)
    assert '<html lang="zh-CN">' in html and 'name="viewport"' in html
    assert "投诉处理练习 · 李雷（s01）" in html
    assert not re.search(r'(src|href)="(https?:)?//(?!book\.example\.org)', html)
    assert "<link" not in html and "<script" not in html
    assert "11 / 13" in html  # q1 is mis-keyed: B earns nothing


def test_feedback_marks_the_learners_own_words():
    result = _graded("s01")
    html = feedback_html(ASSIGNMENT, result, book_url=BOOK)
    evidence = [e.text for c in result.items[2].grade.criteria if c.met for e in c.evidence]
    marked = _marks(html)
    assert "真的很抱歉" in marked and all(m in GOOD for m in marked) and set(marked) <= set(evidence)


def test_missed_criterion_links_to_the_book():
    result = _graded("s02")
    missed = [c for c in result.items[2].grade.criteria if not c.met]
    assert any(c.id == "empathy" for c in missed)
    html = feedback_html(ASSIGNMENT, result, book_url=BOOK + "/")
    assert f'href="{BOOK}/m8-complaints.html#understanding"' in html
    assert "去课本复习" in html


def test_without_a_book_url_sections_are_named_not_linked():
    html = feedback_html(ASSIGNMENT, _graded("s02"))
    assert ".html#" not in html
    assert "课本章节：m8-complaints#six-steps" in html  # q1, not full marks
    assert "复习这些课本章节：" in html and "m8-complaints#understanding" in html


def test_exact_items_show_what_was_read_and_the_explanation():
    html = feedback_html(ASSIGNMENT, _graded("s02"), book_url=BOOK)
    q1 = html.split('id="q1"', 1)[1].split("</section>", 1)[0]
    assert "读到的答案：B。" in q1 and "不正确" in q1 and "先道歉、安抚情绪" in q1 and "去课本复习" in q1
    q2 = html.split('id="q2"', 1)[1].split("</section>", 1)[0]
    assert "读到的数字：50元。" in q2 and "正确" in q2 and "去课本复习" not in q2  # full marks: no link


def test_unanswered_items_say_so():
    html = feedback_html(ASSIGNMENT, _graded("s05"))
    q2 = html.split('id="q2"', 1)[1].split("</section>", 1)[0]
    assert "这道题没有作答" in q2
    assert "未作答" in html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]


def test_learner_reply_is_escaped_in_feedback():
    html = feedback_html(ASSIGNMENT, _graded("s04"))
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_problems_are_shown_at_the_top():
    result = _results()[1]
    html = feedback_html(ASSIGNMENT, result)
    notice = html.index('class="notice"')
    assert notice < html.index("<table") and "nbgrader 给了 0 分" in html[notice:]


def test_missing_and_problem_pages():
    results = _results()
    missing = feedback_html(ASSIGNMENT, results[-1], name="赵磊")
    assert "没有收到提交" in missing and "<table" not in missing
    problem = feedback_html(ASSIGNMENT, results[-2])
    assert "JSON 格式错误" in problem and "没有评分" in problem


# --- report -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def html():
    return report_html(ASSIGNMENT, _results(), PROBLEMS, ROSTER, book_url=BOOK)


def test_report_headline(html):
    figures = dict(re.findall(r"<div><span>(.*?)</span><b>(.*?)</b></div>", html))
    assert figures["名单人数"] == "8" and figures["已提交"] == "7" and figures["已评分"] == "6"
    assert figures["未提交"] == "1" and figures["有问题"] == "3"  # s02, s07 and the stray file
    shares = sorted(r.score / r.max_score for r in _results() if r.status == "graded")
    assert figures["得分率中位数"] == f"{(shares[2] + shares[3]) / 2 * 100:.0f}%"


def test_histogram_counts_match_the_scores(html):
    drawn = [int(n) for n in re.findall(r'class="count">(\d+)</text>', _section(html, "得分分布"))]
    expected = [0] * 10
    for r in _results():
        if r.status == "graded":
            expected[min(int(r.score / r.max_score * 100 // 10), 9)] += 1
    assert drawn == expected == histogram(_results()) and sum(drawn) == 6


def test_heatmap_has_a_cell_per_learner_and_column(html):
    cols = columns(ASSIGNMENT)
    criteria = rubric("complaint-billing").criteria
    assert [c.key for c in cols] == ["q1", "q2"] + [f"q3.{c.id}" for c in criteria]
    assert "q3·" + criteria[0].label in _section(html, "学员 × 评分点")
    body = _section(html, "学员 × 评分点").split("<tbody>", 1)[1]
    rows = re.findall(r'<tr><th class="who">([^ <]+)[^<]*</th>(.*?)</tr>', body)
    by_learner = dict(rows)
    assert sorted(by_learner) == sorted(ROSTER)
    for learner in ANSWERS:
        values = re.findall(r'<td class="s-\w+"(?: title="([^"]*)")?>([^<]*)</td>', by_learner[learner])
        result = _graded(learner)
        assert len(values) == len(cols) + 1  # the total, then one per column
        assert [float(v) for _, v in values[1:]] == [cell(result, c) for c in cols]
        assert all(learner in unescape(title) for title, _ in values[1:])  # not colour alone
    s01 = [float(v) for v in re.findall(r">([\d.]+)</td>", by_learner["s01"])]
    assert s01 == [_graded("s01").score, 0, 1] + [c.points for c in _graded("s01").items[2].grade.criteria]
    assert "未提交" in by_learner["s08"] and "有问题" in by_learner["s07"]


def test_heatmap_colours_follow_the_share():
    cols = columns(ASSIGNMENT)
    row = report.report_html(ASSIGNMENT, [_graded("s01")], [], ROSTER).split('<th class="who">s01', 1)[1]
    classes = re.findall(r'<td class="(s-\w+)"', row.split("</tr>", 1)[0])
    assert classes[1] == "s-zero" and classes[2] == "s-full"  # q1 wrong, q2 right
    assert len(classes) == len(cols) + 1


def test_weakest_criteria_are_anonymised(html):
    weak = _section(html, "最薄弱的评分点")
    assert weak.count('class="weak"') == 5
    assert "学员甲" in weak and "学员乙" in weak
    for learner, name in ROSTER.items():
        assert learner not in weak and name not in weak
    assert "对不起，我现在帮您查一下。" in weak  # a real reply, quoted
    assert "&lt;script&gt;" in weak and "<script>" not in weak


def test_weak_examples_are_truncated():
    long = "对不起，" + "我现在帮您查一下。" * 30
    result = LearnerResult("s01", ASSIGNMENT.id, "graded", max_score=ASSIGNMENT.max_score)
    result.items = [grade_answer(i, v) for i, v in zip(ASSIGNMENT.items, ("B", "1", long))]
    weak = _section(report_html(ASSIGNMENT, [result], [], ROSTER), "最薄弱的评分点")
    quotes = re.findall(r"<blockquote><b>学员.：</b>(.*?)</blockquote>", weak)
    assert quotes and max(len(unescape(q)) for q in quotes) <= 121 and any(q.endswith("…") for q in quotes)


def test_all_wrong_item_is_listed_as_possibly_miskeyed(html):
    section = _section(html, "可能答案设置有误的题目")
    assert "可能答案设置有误或题目有歧义，请检查" in section
    assert "q1·第一步" in section and "6 / 6" in section
    assert "最常见的错误答案：B（5 人）" in section  # "b" counts as B
    assert "q2·应退金额" not in section


def test_nothing_is_miskeyed_with_fewer_than_five_learners():
    section = _section(report_html(ASSIGNMENT, [_graded(k) for k in ("s01", "s02")], [], ROSTER), "可能答案设置有误的题目")
    assert "q1·第一步" not in section


def test_every_problem_is_listed(html):
    section = _section(html, "问题清单")
    assert "wangwu.ipynb" in section and "不在名单上" in section
    assert "nbgrader 给了 0 分" in section and "JSON 格式错误" in section
    assert "未提交（1 人）：</b>赵磊（s08）" in section


def _problem_rows(html: str) -> list[str]:
    return re.findall(r"<tr><td class=who>.*?</tr>", _section(html, "问题清单"), re.S)


def test_each_problem_learner_is_one_row_and_the_figure_counts_the_rows():
    results = _results()
    blank = LearnerResult("s09", ASSIGNMENT.id, "graded", max_score=ASSIGNMENT.max_score,
                          items=[grade_answer(item, "") for item in ASSIGNMENT.items])  # fmt: skip
    twice = _graded("s01")  # grading repeats collect's note in the learner's problems
    twice.problems = ["s01 (1).ipynb：收到 2 份提交（s01.ipynb、s01 (1).ipynb），按最新的可用文件 s01 (1).ipynb 评分。"]
    broken = results[6]  # s07, not graded: its file is broken
    broken.problems = ["s07.ipynb：文件不是有效的笔记本（JSON 格式错误，第 3 行）。"]
    results = [twice, *results[1:], blank]
    problems = PROBLEMS + [Problem("s01", "s01 (1).ipynb", "收到 2 份提交（s01.ipynb、s01 (1).ipynb），按最新的可用文件 s01 (1).ipynb 评分。"),
                           Problem("s07", "s07.ipynb", "文件不是有效的笔记本（JSON 格式错误，第 3 行）。")]  # fmt: skip
    html = report_html(ASSIGNMENT, results, problems, {**ROSTER, "s09": "孙丽"})
    rows = _problem_rows(html)
    learners = [re.search(r"<span>(.*?)</span>", row).group(1) for row in rows]
    assert sorted(learners) == ["s01", "s02", "s07", "s09", "（不在名单上）"]
    figures = dict(re.findall(r"<div><span>(.*?)</span><b>(.*?)</b></div>", html))
    assert figures["有问题"] == str(len(rows)) == "5"
    assert _section(html, "问题清单").count("收到 2 份提交") == 1 and _section(html, "问题清单").count("JSON 格式错误") == 1
    assert "一道题也没有作答" in next(row for row in rows if "s09" in row)


def test_a_notebook_with_something_answered_is_not_a_blank_one(html):
    assert "一道题也没有作答" not in html  # s06 left its reply empty, but answered q1 and q2


def test_per_item_table(html):
    section = _section(html, "各题情况")
    q2 = section.split("<td class=nw>q2</td>", 1)[1].split("</tr>", 1)[0]
    cells = re.findall(r"<td class=num>(.*?)</td>", q2)
    assert cells == ["1", "0.5", "50%", "17%"]  # 3 of 6 right, 1 of 6 blank


def test_report_escapes_replies(html):
    assert "<script>alert" not in html


def test_normalise_answer():
    assert normalise_answer("choice", " b、a ") == normalise_answer("choice", "AB") == "A、B"
    assert normalise_answer("number", "５０元") == "50"
    assert normalise_answer("order", "d c b a") == "DCBA"


# --- criteria.csv and the writers ---------------------------------------------------
class _Ws(Workspace):
    roster_ = ROSTER

    def roster(self):
        return dict(self.roster_)

    def assignment(self, assignment_id):
        assert assignment_id == ASSIGNMENT.id
        return ASSIGNMENT

    @property
    def book_url(self):
        return BOOK


@pytest.fixture
def ws(tmp_path):
    ws = _Ws(tmp_path)
    for result in _results():
        atomic_write(ws.results_file(ASSIGNMENT.id, result.learner), json.dumps(result.to_dict(), ensure_ascii=False))
    return ws


def test_criteria_csv(ws):
    paths = write_report(ws, ASSIGNMENT.id)
    assert paths["report"] == ws.report_dir(ASSIGNMENT.id) / "report.html" and paths["report"].is_file()
    raw = paths["criteria"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    cols = columns(ASSIGNMENT)
    assert rows[0][:5] == ["learner", "name", "status", "score", "max_score"] and len(rows[0]) == 5 + len(cols)
    assert [r[0] for r in rows[1:]] == sorted(ROSTER) and all(len(r) == len(rows[0]) for r in rows)
    s04 = rows[4]
    assert s04[:3] == ["s04", "张伟", "graded"] and [float(v) for v in s04[5:]] == [cell(_graded("s04"), c) for c in cols]
    assert rows[-1][2] == "missing" and rows[-1][3] == "" and set(rows[-1][5:]) == {""}
    assert rows == criteria_rows(ASSIGNMENT, _results(), ROSTER)


def test_write_feedback_writes_every_learners_page(ws):
    pages = write_feedback_pages(ws, ASSIGNMENT.id)
    assert sorted(pages) == sorted(ws.feedback_page(k, ASSIGNMENT.id) for k in ROSTER)
    page = ws.feedback_page("s02", ASSIGNMENT.id).read_text(encoding="utf-8")
    assert "韩梅梅（s02）" in page and f'href="{BOOK}/m8-complaints.html#understanding"' in page
