"""What an exercise notebook calls: ``grader.check`` while working, ``grader.score`` to grade.

The notebook's setup cell builds the grader from each item's learner view (kind, points,
option letters: what reading an answer needs). It holds no key, so nothing in a learner's
notebook or installed package can tell right from wrong. The key reaches ``score`` only in
nbgrader's hidden test cells, which the learner's copy does not contain:

>>> grader = Grader("a9-example", {"q1": {"kind": "order", "points": 2, "options": "ABCD"}})
>>> grader.watch(globals())             # a broken answer cell gets a hint, not a traceback
>>> grader.check("q1", q1)               # shows what was read; for replies, the rubric's feedback
>>> grader.score("q1", q1, key="DBAC")   # in the hidden grading cell: a float, nothing printed
"""

from __future__ import annotations

from pydantic import TypeAdapter

from carecourse.assignments import cells
from carecourse.assignments.items import ItemResult, grade_answer
from carecourse.assignments.schema import Item
from carecourse.rubrics import Rubric
from carecourse.render.html import grade_html
from carecourse.render.view import graded_lines
from carecourse.render import render
from carecourse.vocabulary import ItemStatus

__all__ = ["Check", "Grader", "item_from_view"]

_ITEM = TypeAdapter(Item)


def item_from_view(item_id: str, view: dict):
    """A keyless item from its learner view (``Item.learner_view()``); a reply item's view
    holds its rubric when the course wrote its own."""
    view = dict(view)
    rubrics = {view["scenario"]: Rubric.model_validate(view.pop("rubric"))} if "rubric" in view else {}
    data = {"id": item_id, "title": item_id, "prompt": item_id, **view}
    if "options" in view:  # option letters only: the texts are in the notebook's prompt
        data["options"] = dict.fromkeys(view["options"], "")
    if "statements" in view:
        data["statements"] = dict.fromkeys(range(1, view["statements"] + 1), "")
    return _ITEM.validate_python(data, context={"rubrics": rubrics})


class Grader:
    def __init__(self, assignment_id: str, items: dict[str, dict]):
        self.assignment_id = assignment_id
        self._items = {item_id: item_from_view(item_id, view) for item_id, view in items.items()}

    def score(self, item_id: str, answer: object = None, **secret) -> float:
        """The item's points for ``answer``, with the key given by the hidden cell. Never
        raises and never prints: nbgrader would score any error or stderr output as 0, and a
        missing value as full marks. Without a key an exact item scores 0."""
        try:
            item = self._items[item_id]
            if secret:
                item = _ITEM.validate_python({**item.model_dump(), **secret})
            return grade_answer(item, answer).points
        except Exception:
            return 0.0

    def watch(self, namespace: dict) -> None:
        """Called by the setup cell with ``globals()``: a broken, emptied or skipped answer
        cell gets a Chinese hint, in its own cell and in its check cell (``cells.py``)."""
        cells.watch(list(self._items), namespace)

    def check(self, item_id: str, answer: object = None) -> Check | cells.CellProblem:
        """Formative feedback on one answer. Exact items only confirm what was read."""
        if item_id not in self._items:
            raise KeyError(f"{self.assignment_id} has no item {item_id!r} (items: {', '.join(self._items)})")
        if isinstance(answer, cells.CellProblem):
            return answer
        return Check(grade_answer(self._items[item_id], answer))


class Check:
    """The result of ``grader.check``: HTML in Jupyter, plain text elsewhere."""

    def __init__(self, result: ItemResult):
        self.result = result

    def _repr_html_(self) -> str:
        r = self.result
        if r.grade is not None:
            warnings = render("check.html", message="", warnings=r.warnings, graded=False) if r.warnings else ""
            return warnings + grade_html(r.grade, r.answer, book_base=None)
        return render("check.html", message=r.message, warnings=r.warnings, graded=r.status == ItemStatus.GRADED)

    def __repr__(self) -> str:
        r = self.result
        warnings = [f"⚠ {w}" for w in r.warnings]
        if r.grade is not None:
            lines = warnings + [f"{r.points:g} / {r.max_points:g} 分  {r.grade.summary}"]
            lines += [f"{_mark(line)} {line.label}：{line.feedback}" for line in graded_lines(r.grade)]
            lines += [f"! {f.message}" for f in r.grade.flags]
            return "\n".join(lines)
        return "\n".join([r.message, *warnings])


def _mark(line) -> str:
    return "⚠" if line.penalty else "✔" if line.met else "✘"
