"""The cohort report: one self-contained HTML page for the trainer, and ``criteria.csv``.

The page shows the headline figures, the score distribution, a learner × criterion
heatmap, the weakest criteria with anonymised example replies, items that may be
mis-keyed, every problem (nothing is silently dropped) and a per-item table. Charts are
inline SVG or plain tables with CSS colours; nothing is fetched from anywhere.
"""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

from carecourse.trainer.collect import Problem, load_problems
from carecourse.trainer.grading import LearnerResult, load_results
from carecourse.trainer.report_charts import Column, cell, columns, heatmap_html, histogram, histogram_svg
from carecourse.trainer.spreadsheet import spreadsheet_csv
from carecourse.trainer.workspace import CourseError, Workspace, atomic_write
from carecourse.assignments.items import normalise_answer
from carecourse.assignments.schema import Assignment
from carecourse.render.view import book_base, book_href
from carecourse.render import Markup, render
from carecourse.vocabulary import ItemKind, ItemStatus, LearnerStatus

__all__ = ["ANONYMOUS", "criteria_rows", "normalise_answer", "report_html", "write_report"]

ANONYMOUS = "甲乙丙丁戊"
MISKEY_SHARE, MISKEY_MIN = 0.8, 5


def report_html(assignment: Assignment, results: list[LearnerResult], problems: list[Problem],
                roster: dict[str, str], *, book_url: str = "") -> str:  # fmt: skip
    cols = columns(assignment)
    graded = [r for r in results if r.status == LearnerStatus.GRADED]
    problem_rows = _problems(results, problems, roster)
    return render("report.html", title=f"{assignment.title}（{assignment.id}）· 班级报告",
                  figures=_headline(results, problem_rows, roster), histogram=Markup(histogram_svg(histogram(results))),
                  heatmap=Markup(heatmap_html(results, cols, roster)), any_graded=bool(graded),
                  weakest=_weakest(graded, cols, book_url), anonymous=ANONYMOUS,
                  miskeyed=_miskeyed(graded, cols), miskey_min=MISKEY_MIN, miskey_share=MISKEY_SHARE,
                  problems=problem_rows, not_submitted=_not_submitted(results, roster),
                  items=_items(assignment, graded))  # fmt: skip


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def _shares(graded: list[LearnerResult]) -> list[float]:
    return [r.score / r.max_score if r.max_score else 0.0 for r in graded]


def _headline(results: list[LearnerResult], problem_rows: list[dict], roster: dict[str, str]) -> list[tuple[str, object]]:
    graded = [r for r in results if r.status == LearnerStatus.GRADED]
    handed_in = [r for r in results if r.status != LearnerStatus.NOT_SUBMITTED]
    submitted = sum(1 for r in handed_in if r.learner in roster)
    shares = _shares(graded)
    mean = _pct(statistics.mean(shares)) if shares else "—"
    median = _pct(statistics.median(shares)) if shares else "—"
    return [("名单人数", len(roster)), ("已提交", submitted), (LearnerStatus.GRADED.label, len(graded)),
            ("有问题", len(problem_rows)), (LearnerStatus.NOT_SUBMITTED.label, len(results) - len(handed_in)),
            ("平均得分率", mean), ("得分率中位数", median)]  # fmt: skip


def _item_of(result: LearnerResult, item_id: str):
    return next((i for i in result.items if i.item_id == item_id), None)


def _missed(graded: list[LearnerResult], col: Column) -> list[LearnerResult]:
    return [r for r in graded if cell(r, col) < col.max_points - 1e-9]


def _mean_share(graded: list[LearnerResult], col: Column) -> float:
    return statistics.mean(cell(r, col) / col.max_points for r in graded)


def _weakest(graded: list[LearnerResult], cols: list[Column], book_url: str) -> list[dict]:
    """Up to five columns with the lowest mean share, each with up to three replies that missed it."""
    if not graded:
        return []
    ranked = sorted(((_mean_share(graded, c), k, c) for k, c in enumerate(cols)), key=lambda t: t[:2])
    weak = [(share, c) for share, _, c in ranked if share < 1 - 1e-9][:5]
    shown: set[str] = set()  # each block prefers replies the blocks above did not quote
    return [_weak_block(graded, share, c, book_url, shown) for share, c in weak]


def _weak_block(graded: list[LearnerResult], share: float, col: Column, book_url: str, shown: set[str]) -> dict:
    missed = _missed(graded, col)
    answers = list(dict.fromkeys(i.answer for r in missed if (i := _item_of(r, col.item_id)) and i.answer))
    answers = sorted(answers, key=lambda a: a in shown)[:3]
    shown.update(answers)
    return {"label": col.label, "share": share, "missed": len(missed), "graded": len(graded), "section": col.section,
            "href": book_href(col.section, book_base(book_url)), "answers": [_truncate(a) for a in answers]}  # fmt: skip


def _truncate(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _miskeyed(graded: list[LearnerResult], cols: list[Column]) -> list[dict]:
    rows = []
    for col in cols:
        answered = [r for r in graded if (i := _item_of(r, col.item_id)) and i.status == ItemStatus.GRADED]
        wrong = _missed(answered, col)
        if len(answered) < MISKEY_MIN or len(wrong) < MISKEY_SHARE * len(answered):
            continue
        row = {"label": col.label, "wrong": len(wrong), "answered": len(answered), "common": ""}
        if not col.criterion:
            kind = _item_of(wrong[0], col.item_id).kind
            top = Counter(normalise_answer(kind, _item_of(r, col.item_id).answer) for r in wrong).most_common(1)
            row |= {"common": top[0][0], "common_n": top[0][1]} if top else {}
        rows.append(row)
    return rows


def _problems(results: list[LearnerResult], problems: list[Problem], roster: dict[str, str]) -> list[dict]:
    """One row per learner with a problem, and one per file that matched nobody: the rows the
    "有问题" figure counts. A learner who handed nothing in is listed under 未提交 instead
    (``_not_submitted``), unless collect found a file of theirs it could not take."""
    rows = [_problem_row("（不在名单上）", "", "未收取", [f"{p.file}：{p.message}"]) for p in problems if not p.learner]
    notes: dict[str, list[str]] = {}
    for p in problems:
        if p.learner:
            notes.setdefault(p.learner, []).append(f"{p.file}：{p.message}")
    for r in sorted(results, key=lambda r: r.learner):
        messages = notes.pop(r.learner, [])  # grading repeats collect's notes in r.problems
        if r.status != LearnerStatus.NOT_SUBMITTED:
            messages += r.problems + _blank_notebook(r)
        if messages:
            rows.append(_problem_row(r.learner, roster.get(r.learner, ""), LearnerStatus(r.status).label, messages))
    rows += [_problem_row(learner, roster.get(learner, ""), "收取时", found) for learner, found in sorted(notes.items())]
    return rows


def _problem_row(learner: str, name: str, status: str, messages: list[str]) -> dict:
    return {"learner": learner, "name": name, "status": status, "messages": list(dict.fromkeys(messages))}


def _blank_notebook(result: LearnerResult) -> list[str]:
    """A notebook handed in with no answer in it: graded 0, and worth a word with the learner."""
    empty = (ItemStatus.UNANSWERED, ItemStatus.CELL_MISSING)
    if result.status != LearnerStatus.GRADED or not result.items or any(i.status not in empty for i in result.items):
        return []
    return ["交回的笔记本里一道题也没有作答（0 分）：可能交错了文件，或交之前没有保存。"]


def _not_submitted(results: list[LearnerResult], roster: dict[str, str]) -> list[dict]:
    return [{"learner": r.learner, "name": roster.get(r.learner, "")}
            for r in sorted(results, key=lambda r: r.learner) if r.status == LearnerStatus.NOT_SUBMITTED]  # fmt: skip


def _items(assignment: Assignment, graded: list[LearnerResult]) -> list[dict]:
    rows = []
    for item in assignment.items:
        got = [i for r in graded if (i := _item_of(r, item.id))]
        n = len(got) or 1
        mean = f"{statistics.mean(i.points for i in got):.1f}" if got else "—"
        full = sum(1 for i in got if i.points >= i.max_points - 1e-9) / n
        blank = sum(1 for i in got if i.status == ItemStatus.UNANSWERED) / n
        numbers = [f"{item.points:g}", mean, _pct(full) if got else "—", _pct(blank) if got else "—"]
        rows.append({"cells": [item.id, item.title, ItemKind(item.kind).label], "numbers": numbers})
    return rows


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
