"""The cohort report: one self-contained HTML page for the trainer, and ``criteria.csv``.

The page shows the headline figures, the score distribution, a learner × criterion
heatmap, the weakest criteria with anonymised example replies, items that may be
mis-keyed, every problem (nothing is silently dropped) and a per-item table. Charts are
inline SVG or plain tables with CSS colours; nothing is fetched from anywhere.
"""

from __future__ import annotations

import statistics
from collections import Counter
from html import escape
from pathlib import Path

from carecourse.course.collect import Problem, load_problems
from carecourse.course.feedback_page import book_link, html_page
from carecourse.course.grading import LearnerResult, load_results
from carecourse.course.report_charts import (
    CHART_CSS,
    Column,
    cell,
    columns,
    heatmap_html,
    histogram,
    histogram_svg,
)
from carecourse.course.spreadsheet import spreadsheet_csv
from carecourse.course.workspace import CourseError, Workspace, atomic_write
from carecourse.exercises.items import normalise_answer
from carecourse.exercises.schema import Assignment
from carecourse.vocabulary import ItemKind, ItemStatus, LearnerStatus

__all__ = ["ANONYMOUS", "criteria_rows", "normalise_answer", "report_html", "write_report"]

ANONYMOUS = "甲乙丙丁戊"
MISKEY_SHARE, MISKEY_MIN = 0.8, 5
REPORT_CSS = """
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5em,1fr));gap:.6em;margin:.6em 0}
.figures div{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:.5em .8em}
.figures b{display:block;font-size:1.5em}
.weak{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:.3em 1em .7em;margin:.8em 0}
.weak h3{font-size:1.05em;margin:.5em 0 .2em}
blockquote{margin:.4em 0;padding:.3em .8em;border-left:4px solid #f59e0b;background:#fffbeb}
.table-wrap{overflow-x:auto}
main{max-width:1200px}
"""


def report_html(assignment: Assignment, results: list[LearnerResult], problems: list[Problem],
                roster: dict[str, str], *, book_url: str = "") -> str:  # fmt: skip
    cols = columns(assignment)
    graded = [r for r in results if r.status == LearnerStatus.GRADED]
    title = f"{assignment.title}（{assignment.id}）· 班级报告"
    body = [
        f"<h1>{escape(title)}</h1>",
        _headline(results, problems, roster),
        "<h2>得分分布</h2>", histogram_svg(histogram(results)),
        "<h2>学员 × 评分点</h2>", heatmap_html(results, cols, roster),
        "<h2>最薄弱的评分点</h2>", _weakest(graded, cols, book_url),
        "<h2>可能答案设置有误的题目</h2>", _miskeyed(assignment, graded, cols),
        "<h2>问题清单</h2>", _problems(results, problems, roster),
        "<h2>各题情况</h2>", _items(assignment, graded),
    ]  # fmt: skip
    return html_page(title, "\n".join(body), CHART_CSS + REPORT_CSS)


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def _shares(graded: list[LearnerResult]) -> list[float]:
    return [r.score / r.max_score if r.max_score else 0.0 for r in graded]


def _headline(results: list[LearnerResult], problems: list[Problem], roster: dict[str, str]) -> str:
    graded = [r for r in results if r.status == LearnerStatus.GRADED]
    handed_in = [r for r in results if r.status != LearnerStatus.NOT_SUBMITTED]
    submitted = sum(1 for r in handed_in if r.learner in roster)
    troubled = {r.learner for r in handed_in if r.problems} | {p.learner for p in problems if p.learner}
    troubled_n = len(troubled) + sum(1 for p in problems if not p.learner)
    shares = _shares(graded)
    mean = _pct(statistics.mean(shares)) if shares else "—"
    median = _pct(statistics.median(shares)) if shares else "—"
    figures = [("名单人数", len(roster)), ("已提交", submitted), (LearnerStatus.GRADED.label, len(graded)),
               ("有问题", troubled_n), (LearnerStatus.NOT_SUBMITTED.label, len(results) - len(handed_in)),
               ("平均得分率", mean), ("得分率中位数", median)]  # fmt: skip
    cells = "".join(f"<div><span>{label}</span><b>{value}</b></div>" for label, value in figures)
    return f'<div class="figures">{cells}</div>'


def _item_of(result: LearnerResult, item_id: str):
    return next((i for i in result.items if i.item_id == item_id), None)


def _missed(graded: list[LearnerResult], col: Column) -> list[LearnerResult]:
    return [r for r in graded if cell(r, col) < col.max_points - 1e-9]


def _mean_share(graded: list[LearnerResult], col: Column) -> float:
    return statistics.mean(cell(r, col) / col.max_points for r in graded)


def _weakest(graded: list[LearnerResult], cols: list[Column], book_url: str) -> str:
    if not graded:
        return "<p>还没有已评分的学员。</p>"
    ranked = sorted(((_mean_share(graded, c), k, c) for k, c in enumerate(cols)), key=lambda t: t[:2])
    weak = [(share, c) for share, _, c in ranked if share < 1 - 1e-9][:5]
    if not weak:
        return "<p>每个评分点所有学员都拿到了满分。</p>"
    shown: set[str] = set()  # each block prefers replies the blocks above did not quote
    return '<div class="weakest">' + "".join(_weak_block(graded, share, c, book_url, shown) for share, c in weak) + "</div>"


def _weak_block(graded: list[LearnerResult], share: float, col: Column, book_url: str, shown: set[str]) -> str:
    missed = _missed(graded, col)
    answers = list(dict.fromkeys(i.answer for r in missed if (i := _item_of(r, col.item_id)) and i.answer))
    answers = sorted(answers, key=lambda a: a in shown)[:3]
    shown.update(answers)
    quotes = "".join(f"<blockquote><b>学员{ANONYMOUS[k]}：</b>{escape(_truncate(a))}</blockquote>"
                     for k, a in enumerate(answers))  # fmt: skip
    link = book_link(col.section, book_url, "课本章节 →")
    return (f'<div class="weak"><h3>{escape(col.label)}</h3>'
            f"<p>平均得分率 {_pct(share)}；{len(missed)} / {len(graded)} 人没有拿满分。{link}</p>"
            f"{quotes or '<p class=muted>（没有可展示的作答。）</p>'}</div>")  # fmt: skip


def _truncate(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _miskeyed(assignment: Assignment, graded: list[LearnerResult], cols: list[Column]) -> str:
    rows = []
    for col in cols:
        answered = [r for r in graded if (i := _item_of(r, col.item_id)) and i.status == ItemStatus.GRADED]
        wrong = _missed(answered, col)
        if len(answered) < MISKEY_MIN or len(wrong) < MISKEY_SHARE * len(answered):
            continue
        common = ""
        if not col.criterion:
            kind = _item_of(wrong[0], col.item_id).kind
            top = Counter(normalise_answer(kind, _item_of(r, col.item_id).answer) for r in wrong).most_common(1)
            common = f"最常见的错误答案：{escape(top[0][0])}（{top[0][1]} 人）" if top else ""
        rows.append(f"<tr><td>{escape(col.label)}</td><td class=num>{len(wrong)} / {len(answered)}</td>"
                    f"<td>{common}</td></tr>")  # fmt: skip
    if not rows:
        return f"<p>没有这样的题目（至少 {MISKEY_MIN} 人作答、{_pct(MISKEY_SHARE)} 以上答错才会列出）。</p>"
    head = "<tr><th>题目 / 评分点</th><th class=num>答错 / 作答</th><th>说明</th></tr>"
    return (f'<div class="notice">以下题目或评分点有 {_pct(MISKEY_SHARE)} 以上的学员答错或没有做到：'
            f"可能答案设置有误或题目有歧义，请检查。</div>"
            f'<div class="table-wrap"><table>{head}{"".join(rows)}</table></div>')  # fmt: skip


def _problems(results: list[LearnerResult], problems: list[Problem], roster: dict[str, str]) -> str:
    rows = [("（不在名单上）", "", p.file, "未收取", p.message) for p in problems if not p.learner]
    rows += [(p.learner, roster.get(p.learner, ""), p.file, "收取时", p.message) for p in problems if p.learner]
    rows += [(r.learner, roster.get(r.learner, ""), "", LearnerStatus(r.status).label, m)
             for r in sorted(results, key=lambda r: (r.status == LearnerStatus.NOT_SUBMITTED, r.learner))
             for m in r.problems]  # fmt: skip
    if not rows:
        return "<p>没有问题。</p>"
    body = "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in rows)
    head = "<tr><th>学员</th><th>姓名</th><th>文件</th><th>状态</th><th>问题</th></tr>"
    return f'<div class="table-wrap"><table class="problems">{head}{body}</table></div>'


def _items(assignment: Assignment, graded: list[LearnerResult]) -> str:
    head = ("<tr><th>题号</th><th>题目</th><th>题型</th><th class=num>满分</th><th class=num>平均分</th>"
            "<th class=num>满分率</th><th class=num>未作答率</th></tr>")  # fmt: skip
    rows = []
    for item in assignment.items:
        got = [i for r in graded if (i := _item_of(r, item.id))]
        n = len(got) or 1
        mean = f"{statistics.mean(i.points for i in got):.1f}" if got else "—"
        full = sum(1 for i in got if i.points >= i.max_points - 1e-9) / n
        blank = sum(1 for i in got if i.status == ItemStatus.UNANSWERED) / n
        cells = [escape(item.id), escape(item.title), ItemKind(item.kind).label]
        nums = [f"{item.points:g}", mean, _pct(full) if got else "—", _pct(blank) if got else "—"]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "".join(f"<td class=num>{c}</td>" for c in nums) + "</tr>")
    return f'<div class="table-wrap"><table>{head}{"".join(rows)}</table></div>'


def criteria_rows(assignment: Assignment, results: list[LearnerResult], roster: dict[str, str]) -> list[list[str]]:
    """Header + one row per learner: learner, name, status, score, max_score, points per column."""
    cols = columns(assignment)
    rows = [["learner", "name", "status", "score", "max_score"] + [f"{c.label} (/{c.max_points:g})" for c in cols]]
    for r in sorted(results, key=lambda r: r.learner):
        graded = r.status == LearnerStatus.GRADED
        score = f"{r.score:g}" if graded else ""
        points = [f"{cell(r, c):g}" if graded else "" for c in cols]
        rows.append([r.learner, roster.get(r.learner, ""), r.status, score, f"{r.max_score:g}", *points])
    return rows


def write_report(ws: Workspace, assignment_id: str) -> dict[str, Path]:
    """Write ``reports/<id>/report.html`` and ``reports/<id>/criteria.csv``."""
    assignment = ws.assignment(assignment_id)
    results = load_results(ws, assignment_id)
    if not results:
        raise CourseError(f"no grades for {assignment_id} yet (run: carecourse course grade {ws.root} {assignment_id})")
    roster, folder = ws.roster(), ws.report_dir(assignment_id)
    html = report_html(assignment, results, load_problems(ws, assignment_id), roster, book_url=ws.book_url)
    paths = {"report": folder / "report.html", "criteria": folder / "criteria.csv"}
    atomic_write(paths["report"], html)
    atomic_write(paths["criteria"], spreadsheet_csv(criteria_rows(assignment, results, roster)))
    return paths
