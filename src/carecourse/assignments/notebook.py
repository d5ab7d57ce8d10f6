"""Write an assignment as an nbgrader *source* notebook.

A locked setup cell builds the learner's ``grader`` from each item's learner view (no
key). Per item: a locked prompt, the learner's answer cell (an nbgrader solution cell
holding ``q1 = '''…'''`` in triple double quotes; nbgrader replaces the model answer between the markers with
``PLACEHOLDER``), a locked self-check cell, and a locked grade cell whose only line,
``grader.score(..., key=…)``, is a hidden test: the learner version has it empty, and
nbgrader puts it back from its gradebook when it autogrades. The key is written nowhere else.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from carecourse.assignments.answers import answer_cell_id
from carecourse.assignments.published import copied_from
from carecourse.assignments.schema import (
    Assignment,
    ChoiceItem,
    MatchItem,
    NumberItem,
    OrderItem,
    ReplyItem,
)
from carecourse.vocabulary import ItemKind

__all__ = ["setup_code", "source_notebook", "write_all", "write_source"]


def source_notebook(assignment: Assignment) -> nbformat.NotebookNode:
    cells = [
        _locked(new_markdown_cell(f"# {assignment.title}\n\n{assignment.intro.strip()}"), "intro"),
        _locked(new_code_cell(setup_code(assignment)), "setup"),
    ]  # fmt: skip
    for number, item in enumerate(assignment.items, 1):
        cells += _item_cells(number, item)
    cells.append(_locked(new_markdown_cell("## 完成了\n\n检查每道题都写好后，保存笔记本（Ctrl+S），按培训师的要求交回。"), "end"))
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    })  # fmt: skip
    return nb


def setup_code(assignment: Assignment) -> str:
    """The setup cell: a grader that knows each item's learner view and no key."""
    views = "".join(f"    {i.id!r}: {i.learner_view()!r},\n" for i in assignment.items)  # Python literals
    return (f"from carecourse.assignments.grader import Grader\n\ngrader = Grader({assignment.id!r}, {{\n{views}}})\n"
            "grader.watch(globals())  # 答案格子写坏了（引号不成对、格子被清空）时给出中文提示")


def write_source(assignment: Assignment, folder) -> str:
    """Write ``<folder>/<id>/<id>.ipynb`` (nbgrader's source layout); return the path."""
    path = Path(folder) / assignment.id / f"{assignment.id}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nbformat.writes(source_notebook(assignment)) + "\n", encoding="utf-8")
    return str(path)


def write_all(folder) -> list[str]:
    """Write the source notebook of every assignment file in ``folder`` (``<id>/<id>.yaml``)."""
    from carecourse.assignments import assignment_files, load

    return [write_source(load(path), folder) for path in assignment_files(folder).values()]


def _item_cells(number: int, item) -> list:
    q = item.id
    heading = f"## 第 {number} 题 · {ItemKind(item.kind).label}（{item.points:g} 分）：{item.title}"
    answer = f'{q} = """\n### BEGIN SOLUTION\n{_model_answer(item)}\n### END SOLUTION\n"""'
    return [
        _locked(new_markdown_cell(f"{heading}\n\n{_prompt(item)}"), f"{q}-prompt"),
        _with_meta(new_code_cell(answer), answer_cell_id(q), solution=True),
        _locked(new_code_cell(f'grader.check("{q}", {q})'), f"{q}-check"),
        _with_meta(new_code_cell(f'# 评分用的格子：培训师评分时在这里算分，请不要改动。\n### BEGIN HIDDEN TESTS\n{_score_call(item)}\n### END HIDDEN TESTS'),
                   q, grade=True, locked=True, points=item.points),
    ]  # fmt: skip


def _score_call(item) -> str:
    """The hidden grading line: the only place an item's key is written into a notebook."""
    secret = "".join(f", {name}={value!r}" for name, value in item.secret().items())
    return f'grader.score("{item.id}", {item.id}{secret})'


def _prompt(item) -> str:
    if isinstance(item, ReplyItem):
        rubric = item.scenario_rubric
        text = (item.prompt or rubric.prompt).strip()
        says = f"\n\n> **客户说：** {rubric.customer_says}" if rubric.customer_says else ""
        return f"{text}{says}\n\n在下面的三引号之间写下你要说的话。"
    text = item.prompt.strip()
    if isinstance(item, MatchItem):
        left = "\n".join(f"{n}. {s}" for n, s in item.statements.items())
        right = "\n".join(f"- **{k}** {v}" for k, v in item.options.items())
        return f"{text}\n\n{left}\n\n{right}"
    if isinstance(item, (ChoiceItem, OrderItem)):
        return text + "\n\n" + "\n".join(f"- **{k}** {v}" for k, v in item.options.items())
    return text


def _model_answer(item) -> str:
    if isinstance(item, ChoiceItem):
        return "".join(item.key)
    if isinstance(item, OrderItem):
        return item.key
    if isinstance(item, MatchItem):
        return " ".join(f"{n}-{k}" for n, k in item.key.items())
    if isinstance(item, NumberItem):
        return f"{item.key:g}"
    return item.model_answer.strip() or _best_sample(item)


def _best_sample(item: ReplyItem) -> str:
    """The best of a course's own marked samples that no learner can read (a shipped rubric's
    are in every learner's install), else nothing."""
    best = (s.text.strip() for s in item.scenario_rubric.samples if s.label == "excellent")
    return next((text for text in best if not copied_from(item.scenario, text)), "")


def _with_meta(cell, grade_id: str, *, solution=False, grade=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution,
            "task": False}  # fmt: skip
    if grade:
        meta["points"] = float(points)
    cell.metadata["nbgrader"] = meta
    cell["id"] = grade_id
    return cell


def _locked(cell, grade_id: str):
    return _with_meta(cell, grade_id, locked=True)
