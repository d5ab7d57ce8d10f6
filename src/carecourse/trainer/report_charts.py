"""The cohort report's columns and charts: the score histogram (SVG) and the heatmap (a table).

A *column* is one thing a learner can earn points for: an exact item, or one rubric
criterion of a reply item. The heatmap, the weakest-criteria list and ``criteria.csv``
all use the same columns, in the assignment's order.
"""

from __future__ import annotations

from dataclasses import dataclass

from carecourse.trainer.grading import LearnerResult
from carecourse.assignments.schema import Assignment
from carecourse.render import render
from carecourse.render.palette import colours
from carecourse.vocabulary import ItemKind, LearnerStatus

__all__ = ["Column", "cell", "columns", "heatmap_html", "histogram", "histogram_svg", "share_class"]

@dataclass(frozen=True)
class Column:
    key: str  # "q1" for an exact item, "q3.apology" for a criterion of reply item q3
    label: str  # "q1·选择" or "q3·道歉"
    item_id: str
    criterion: str  # "" for an exact item
    max_points: float
    section: str


def columns(assignment: Assignment) -> list[Column]:
    out = []
    for item in assignment.items:
        if item.kind != ItemKind.REPLY:
            out.append(Column(item.id, f"{item.id}·{item.title}", item.id, "", float(item.points), item.section))
            continue
        for c in item.scenario_rubric.criteria:
            out.append(Column(f"{item.id}.{c.id}", f"{item.id}·{c.label or c.id}", item.id, c.id,
                              float(c.points), c.section or item.section))  # fmt: skip
    return out


def cell(result: LearnerResult, column: Column) -> float | None:
    """The points ``result`` earned in ``column`` (None unless the learner was graded)."""
    if result.status != LearnerStatus.GRADED:
        return None
    item = next((i for i in result.items if i.item_id == column.item_id), None)
    if item is None:
        return 0.0
    if not column.criterion:
        return item.points
    if item.grade is None:
        return 0.0
    return next((c.points for c in item.grade.criteria if c.id == column.criterion), 0.0)


def share_class(points: float, max_points: float) -> str:
    if max_points and points >= max_points - 1e-9:
        return "s-full"
    return "s-part" if points > 1e-9 else "s-zero"


# --- histogram ----------------------------------------------------------------------
def histogram(results: list[LearnerResult]) -> list[int]:
    """Graded learners per 10-point band of score %: 0–10, 10–20, … 90–100 (100 in the last)."""
    counts = [0] * 10
    for r in results:
        if r.status == LearnerStatus.GRADED and r.max_score:
            pct = round(r.score / r.max_score * 100, 6)
            counts[min(max(int(pct // 10), 0), 9)] += 1
    return counts


def histogram_svg(counts: list[int]) -> str:
    width, height, left, bottom, top = 640, 260, 36, 40, 24
    bar_w = (width - left - 10) / len(counts)
    tallest = max(counts) or 1
    scale = (height - bottom - top) / tallest
    total = sum(counts)
    c = colours()
    svg = (f'<svg class="hist" viewBox="0 0 {width} {height}" role="img" xmlns="http://www.w3.org/2000/svg" '
           f'aria-label="得分分布：{total} 位已评分学员">')  # fmt: skip
    axis = f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="{c["chart_axis"]}"/>'
    parts = [svg, axis]
    for k, n in enumerate(counts):
        x, h = left + k * bar_w, n * scale
        y = height - bottom - h
        band = f"{k * 10}–{k * 10 + 10}%"
        parts.append(f'<rect x="{x + 4:.1f}" y="{y:.1f}" width="{bar_w - 8:.1f}" height="{h:.1f}" fill="{c["chart_bar"]}">'
                     f"<title>{band}：{n} 人</title></rect>")  # fmt: skip
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 6:.1f}" text-anchor="middle" font-size="14" '
                     f'class="count">{n}</text>')  # fmt: skip
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 18}" text-anchor="middle" '
                     f'font-size="12" fill="{c["ink_soft"]}">{k * 10}–{k * 10 + 10}</text>')  # fmt: skip
    parts.append(f'<text x="{width / 2}" y="{height - 4}" text-anchor="middle" font-size="12" fill="{c["muted"]}">'
                 "得分（占满分的百分比）</text></svg>")  # fmt: skip
    return "".join(parts)


# --- heatmap ------------------------------------------------------------------------


def heatmap_html(results: list[LearnerResult], cols: list[Column], roster: dict[str, str]) -> str:
    rows = [_heat_row(r, cols, roster.get(r.learner, "")) for r in sorted(results, key=lambda r: r.learner)]
    return render("heatmap.html", columns=cols, rows=rows)


def _heat_row(result: LearnerResult, cols: list[Column], name: str) -> dict:
    row = {"who": result.learner + (f" {name}" if name else "")}
    if result.status != LearnerStatus.GRADED:
        return row | {"why": LearnerStatus(result.status).label}
    cells = []
    for c in cols:
        points = cell(result, c)
        tip = f"{result.learner} · {c.label}：{points:g} / {c.max_points:g}"
        cells.append({"cls": share_class(points, c.max_points), "tip": tip, "points": points})
    total_class = share_class(result.score, result.max_score)
    return row | {"why": "", "total_class": total_class, "score": result.score, "cells": cells}
