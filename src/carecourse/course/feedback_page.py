"""One learner's feedback on one assignment: a self-contained HTML page, readable on a phone.

The page opens with the total and a table of the items, then explains each item: what
was read and whether it was right (exact items), or the learner's reply with their own
words marked and one line per criterion (reply items, via ``grade_html``). Missed
points link to the course book when the course has a ``book_url``; without one the
book section is named in plain text rather than linked to a page that is not there.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from carecourse.course.grading import LearnerResult, load_results
from carecourse.course.workspace import CourseError, Workspace, atomic_write
from carecourse.exercises.items import ItemResult
from carecourse.exercises.schema import Assignment
from carecourse.feedback.html import grade_html, section_href
from carecourse.vocabulary import ItemKind, ItemStatus, LearnerStatus

__all__ = ["book_link", "feedback_html", "html_page", "write_feedback"]

PAGE_CSS = """
body{margin:0;padding:1em;font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",
"Microsoft YaHei",sans-serif;font-size:16px;line-height:1.7;color:#1f2937;background:#f9fafb}
main{max-width:820px;margin:0 auto}
h1{font-size:1.4em;line-height:1.4;margin:.3em 0 .6em}
h2{font-size:1.15em;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid #e5e7eb}
a{color:#1d4ed8}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #e5e7eb;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#f3f4f6;font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
td.nw,th.nw{white-space:nowrap}
@media (max-width:480px){body{padding:.6em}.item{padding:.1em .7em .6em}th,td{padding:.3em .35em}}
.notice{background:#fef3c7;border:1px solid #f59e0b;border-radius:6px;padding:.6em .9em;margin:.8em 0}
.notice ul{margin:.3em 0;padding-left:1.3em}
.total{display:flex;align-items:center;gap:.8em;flex-wrap:wrap;margin:.4em 0 1em}
.total b{font-size:1.5em}
.bar{flex:1;min-width:120px;max-width:320px;height:12px;background:#e5e7eb;border-radius:6px;overflow:hidden}
.bar span{display:block;height:100%;background:#16a34a}
.item{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:.2em 1em .8em;margin:1em 0}
.item h2{border:0;margin:.6em 0 .3em}
.ok{color:#166534;font-weight:600}.no{color:#b91c1c;font-weight:600}.part{color:#b45309;font-weight:600}
.muted{color:#6b7280}
.explain{background:#f3f4f6;border-radius:6px;padding:.4em .8em}
"""


def html_page(title: str, body: str, css: str = "") -> str:
    """A complete, self-contained page: inline CSS, no outside requests."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{PAGE_CSS}{css}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def book_base(book_url: str) -> str | None:
    """The prefix for book links, with its trailing slash; None when there is no book."""
    return book_url.rstrip("/") + "/" if book_url else None


def book_link(section: str, book_url: str, text: str = "去课本复习 →") -> str:
    """A link to a book section, or the section named in plain text when there is no book URL."""
    if not section:
        return ""
    base = book_base(book_url)
    if base is None:
        return f'<span class="muted">课本章节：{escape(section)}</span>'
    return f'<a href="{escape(section_href(section, base))}">{escape(text)}</a>'


def feedback_html(assignment: Assignment, result: LearnerResult, *, name: str = "", book_url: str = "") -> str:
    who = f"{name}（{result.learner}）" if name else result.learner
    title = f"{assignment.title} · {who}"
    parts = [f"<h1>{escape(title)}</h1>"]
    if result.status == LearnerStatus.NOT_SUBMITTED:
        parts.append('<div class="notice"><b>没有收到提交。</b>这份作业还没有交上来，所以没有评分。'
                     "如果你已经交了，请联系培训老师。</div>")  # fmt: skip
        return html_page(title, "\n".join(parts))
    parts.append(_problems(result))
    if result.status == LearnerStatus.PROBLEM:
        parts.append("<p>这份作业没有评分。请按上面的说明处理后重新提交，或联系培训老师。</p>")
        return html_page(title, "\n".join(parts))
    parts += [_total(result), _item_table(assignment, result)]
    parts += [_item_section(assignment, item, book_url) for item in result.items]
    return html_page(title, "\n".join(p for p in parts if p))


def _problems(result: LearnerResult) -> str:
    if not result.problems:
        return ""
    lines = "".join(f"<li>{escape(p)}</li>" for p in result.problems)
    return f'<div class="notice"><b>请注意：</b><ul>{lines}</ul></div>'


def _total(result: LearnerResult) -> str:
    share = result.score / result.max_score if result.max_score else 0.0
    return (
        f'<div class="total"><span>总分</span><b>{result.score:g} / {result.max_score:g}</b>'
        f'<span class="bar" role="img" aria-label="得分 {share * 100:.0f}%">'
        f'<span style="width:{max(0.0, min(1.0, share)) * 100:.0f}%"></span></span>'
        f"<span>{share * 100:.0f}%</span></div>"
    )


def _title(assignment: Assignment, item_id: str) -> str:
    spec = _spec(assignment, item_id)
    return spec.title if spec is not None else item_id


def _short_status(item: ItemResult) -> str:
    if item.status != ItemStatus.GRADED:
        return ItemStatus(item.status).label
    if item.kind == ItemKind.REPLY:
        return ItemStatus.GRADED.label
    if item.correct:
        return "正确"
    return "部分正确" if item.points > 0 else "不正确"


def _item_table(assignment: Assignment, result: LearnerResult) -> str:
    rows = "".join(
        f'<tr><td class="nw"><a href="#{escape(i.item_id)}">{escape(i.item_id)}</a></td>'
        f"<td>{escape(_title(assignment, i.item_id))}</td>"
        f'<td class="num">{i.points:g} / {i.max_points:g}</td><td class="nw">{_short_status(i)}</td></tr>'
        for i in result.items
    )
    head = '<tr><th class="nw">题号</th><th>题目</th><th class="num">得分/满分</th><th class="nw">情况</th></tr>'
    return f"<table>\n<thead>{head}</thead>\n<tbody>{rows}</tbody>\n</table>"


def _spec(assignment: Assignment, item_id: str):
    try:
        return assignment.item(item_id)
    except KeyError:  # the assignment changed since grading
        return None


def _item_section(assignment: Assignment, item: ItemResult, book_url: str) -> str:
    spec = _spec(assignment, item.item_id)
    head = (f'<section class="item" id="{escape(item.item_id)}"><h2>{escape(item.item_id)} · '
            f"{escape(_title(assignment, item.item_id))}"
            f' <span class="muted">{item.points:g} / {item.max_points:g} 分</span></h2>')  # fmt: skip
    if item.status == ItemStatus.GRADED and item.grade is not None:
        return head + _reply(item, book_url) + "</section>"
    parts = [head]
    parts.append(_exact(item) if item.status == ItemStatus.GRADED else _not_graded(item))
    if spec is not None and spec.explain:
        parts.append(f'<p class="explain">{escape(spec.explain)}</p>')
    if spec is not None and item.points < item.max_points - 1e-9 and spec.section:
        parts.append(f"<p>{book_link(spec.section, book_url)}</p>")
    return "".join(parts) + "</section>"


def _not_graded(item: ItemResult) -> str:
    plain = {ItemStatus.UNANSWERED: "这道题没有作答，得 0 分。", ItemStatus.UNREADABLE: "没能读出你的答案，得 0 分。",
             ItemStatus.TOO_LONG: "回应超过了字数上限，没有评分。",
             ItemStatus.CELL_MISSING: "笔记本里找不到这道题的答案，得 0 分。"}  # fmt: skip
    lead = plain.get(item.status, "这道题没有评分。")
    detail = f"<p>{escape(item.message)}</p>" if item.message and item.status != ItemStatus.UNANSWERED else ""
    shown = item.status == ItemStatus.UNREADABLE and item.answer and item.answer not in item.message
    answer = f'<p class="muted">你写的是：{escape(item.answer)}</p>' if shown else ""
    return f'<p class="no">{lead}</p>{detail}{answer}'


def _exact(item: ItemResult) -> str:
    verdict = _short_status(item)
    cls = {"正确": "ok", "部分正确": "part"}.get(verdict, "no")
    detail = f"（{escape(item.detail)}）" if item.detail and verdict != "正确" else ""
    return f"<p>{escape(item.message)}</p><p class=\"{cls}\">{verdict}{detail}</p>"


def _reply(item: ItemResult, book_url: str) -> str:
    html = grade_html(item.grade, item.answer, book_base=book_base(book_url))
    if book_url:
        return html
    missed = sorted({c.section for c in item.grade.criteria if not c.met and c.section}
                    | {p.section for p in item.grade.penalties if p.section})  # fmt: skip
    if not missed:
        return html
    names = "、".join(escape(s) for s in missed)
    return html + f'<p class="muted">复习这些课本章节：{names}</p>'


def write_feedback(ws: Workspace, assignment_id: str) -> list[Path]:
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
