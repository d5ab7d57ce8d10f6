"""What an exercise notebook calls: ``grader.check`` while working, ``grader.score`` to grade.

>>> grader = Grader("a4-complaints")
>>> grader.check("q1", q1)      # shows what was read and, for replies, the rubric's feedback
>>> grader.score("q1", q1)      # in nbgrader's hidden grading cell: a float, nothing printed
"""

from __future__ import annotations

from html import escape

from carecourse.exercises import builtin
from carecourse.exercises.items import ItemResult, grade_answer
from carecourse.feedback.html import STYLE, grade_html

__all__ = ["Check", "Grader"]


class Grader:
    def __init__(self, assignment_id: str):
        self.assignment = builtin(assignment_id)

    def score(self, item_id: str, answer: object = None) -> float:
        """The item's points for ``answer``. Never raises and never prints: nbgrader would
        score any error or stderr output as 0, and a missing value as full marks."""
        try:
            return grade_answer(self.assignment.item(item_id), answer).points
        except Exception:
            return 0.0

    def check(self, item_id: str, answer: object = None) -> Check:
        """Formative feedback on one answer. Exact items only confirm what was read."""
        item = self.assignment.item(item_id)
        return Check(grade_answer(item, answer))


class Check:
    """The result of ``grader.check``: HTML in Jupyter, plain text elsewhere."""

    def __init__(self, result: ItemResult):
        self.result = result

    def _repr_html_(self) -> str:
        r = self.result
        if r.grade is not None:
            return grade_html(r.grade, r.answer, book_base=None)
        tone = "#b45309" if r.status != "graded" else "#0a7d91"
        note = "" if r.status != "graded" else "（选择、排序、连线和计算题提交后由培训师评分，这里只确认读到的答案。）"
        return f'{STYLE}<div class="cc-fb"><p style="color:{tone}">{escape(r.message)}{note}</p></div>'

    def __repr__(self) -> str:
        r = self.result
        if r.grade is not None:
            lines = [f"{r.points:g} / {r.max_points:g} 分  {r.grade.summary}"]
            lines += [f"{'✔' if c.met else '✘'} {c.label}：{c.feedback}" for c in r.grade.criteria]
            lines += [f"⚠ {p.label}：{p.feedback}" for p in r.grade.penalties]
            lines += [f"! {f.message}" for f in r.grade.flags]
            return "\n".join(lines)
        return r.message
