"""One learner's feedback on one assignment: a self-contained HTML page, readable on a phone.

The page opens with the total and a table of the items, then explains each item: what
was read and whether it was right (exact items), or the learner's reply with their own
words marked and one line per criterion (reply items, via ``grade_html``). Missed
points link to the course book when the course has a ``book_url``; without one the
book section is named in plain text rather than linked to a page that is not there.
"""

from __future__ import annotations

from pathlib import Path

from carecourse.trainer.grading import LearnerResult, load_results
from carecourse.trainer.workspace import CourseError, Workspace, atomic_write
from carecourse.assignments.items import ItemResult
from carecourse.assignments.schema import Assignment
from carecourse.render.html import grade_html
from carecourse.render.view import book_base, book_href, graded_lines
from carecourse.render import Markup, render
from carecourse.vocabulary import ItemKind, ItemStatus, LearnerStatus

__all__ = ["feedback_html", "write_feedback_pages"]

_NOT_GRADED = {ItemStatus.UNANSWERED: "这道题没有作答，得 0 分。", ItemStatus.UNREADABLE: "没能读出你的答案，得 0 分。",
               ItemStatus.TOO_LONG: "回应超过了字数上限，没有评分。",
               ItemStatus.CELL_MISSING: "笔记本里找不到这道题的答案，得 0 分。",
               ItemStatus.COPIED: "这段回应照抄了课程里公开的示范回应，没有评分。"}  # fmt: skip


def feedback_html(assignment: Assignment, result: LearnerResult, *, name: str = "", book_url: str = "") -> str:
    who = f"{name}（{result.learner}）" if name else result.learner
    share = result.score / result.max_score if result.max_score else 0.0
    return render("feedback_page.html", title=f"{assignment.title} · {who}",
                  not_submitted=result.status == LearnerStatus.NOT_SUBMITTED,
                  not_graded=result.status == LearnerStatus.PROBLEM,
                  problems=result.problems, score=result.score, max_score=result.max_score, share=share,
                  bar_share=max(0.0, min(1.0, share)),
                  items=[_item_view(assignment, item, book_url) for item in result.items])  # fmt: skip


def _short_status(item: ItemResult) -> str:
    if item.status != ItemStatus.GRADED:
        return ItemStatus(item.status).label
    if item.kind == ItemKind.REPLY:
        return ItemStatus.GRADED.label
    if item.correct:
        return "正确"
    return "部分正确" if item.points > 0 else "不正确"


def _spec(assignment: Assignment, item_id: str):
    try:
        return assignment.item(item_id)
    except KeyError:  # the assignment changed since grading
        return None


def _item_view(assignment: Assignment, item: ItemResult, book_url: str) -> dict:
    """What the page shows of one item: its row in the table and its section."""
    spec = _spec(assignment, item.item_id)
    view = {"id": item.item_id, "title": spec.title if spec is not None else item.item_id, "points": item.points,
            "max_points": item.max_points, "status": _short_status(item), "reply": None}  # fmt: skip
    if item.status == ItemStatus.GRADED and item.grade is not None:
        return view | _reply(item, book_url)
    view |= _exact(item) if item.status == ItemStatus.GRADED else _not_graded(item)
    missed = spec is not None and item.points < item.max_points - 1e-9 and spec.section
    section = spec.section if missed else ""
    return view | {"explain": spec.explain if spec is not None else "", "section": section,
                   "href": book_href(section, book_base(book_url))}  # fmt: skip


def _not_graded(item: ItemResult) -> dict:
    shown = item.status == ItemStatus.UNREADABLE and item.answer and item.answer not in item.message
    return {"exact": False, "lead": _NOT_GRADED.get(item.status, "这道题没有评分。"),
            "message": item.message if item.status != ItemStatus.UNANSWERED else "",
            "answer": item.answer if shown else ""}  # fmt: skip


def _exact(item: ItemResult) -> dict:
    verdict = _short_status(item)
    return {"exact": True, "message": item.message, "verdict_class": {"正确": "ok", "部分正确": "part"}.get(verdict, "no"),
            "detail": item.detail if verdict != "正确" else ""}  # fmt: skip


def _reply(item: ItemResult, book_url: str) -> dict:
    """The graded reply's own fragment; without a book to link to, the sections to review by name."""
    html = grade_html(item.grade, item.answer, book_base=book_base(book_url))
    missed = {line.section for line in graded_lines(item.grade) if not line.met and line.section}
    return {"reply": Markup(html), "unlinked": [] if book_url else sorted(missed)}


def write_feedback_pages(ws: Workspace, assignment_id: str) -> list[Path]:
    """Write every graded learner's page to ``feedback/<learner>/<assignment>/index.html``."""
    assignment = ws.assignment(assignment_id)
    results = load_results(ws, assignment_id)
    if not results:
        raise CourseError(f"no grades for {assignment_id} yet (run: carecourse course grade {ws.root} {assignment_id})")
    roster, book_url = ws.roster(), ws.book_url
    pages = []
    for result in results:
        path = ws.feedback_page(result.learner, assignment_id)
        atomic_write(path, feedback_html(assignment, result, name=roster.get(result.learner, ""), book_url=book_url))
        pages.append(path)
    return pages
