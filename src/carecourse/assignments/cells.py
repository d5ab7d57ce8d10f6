"""A broken answer cell gets a Chinese hint in the notebook, never a traceback.

The setup cell calls ``grader.watch(globals())``, which does two things:

- every item's name starts out as a ``CellProblem`` saying the answer cell has not run, so
  a check cell after an emptied or skipped answer cell says what to do instead of raising
  ``NameError``;
- in IPython (JupyterLab, or nbgrader executing the notebook) it registers an input
  transformer. A cell that assigns an item (``q1 = …``) and that grading could not read
  (``answers.read_source``: a stray or missing ``\"\"\"``, a word without quotes) runs as
  ``q1 = <the problem>`` instead, which shows the hint in that cell.

Grading does not change: the direct engine reads the same cell with the same
``read_source``, and nbgrader's hidden cell receives a ``CellProblem``, not text, which
``grader.score`` scores 0 (before, the cell raised and nbgrader scored it 0). A cell that
reads is never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from carecourse.assignments.answers import read_source
from carecourse.render import render

__all__ = ["CellProblem", "broken", "not_run", "show", "watch"]


@dataclass(frozen=True)
class CellProblem:
    """Why an item has no answer to read, and what its answer cell should look like."""

    item_id: str
    message: str

    @property
    def example(self) -> str:
        return f'{self.item_id} = """\n在这里写你的答案\n"""'

    def _repr_html_(self) -> str:
        return render("check.html", message=self.message, example=self.example, graded=False)

    def __repr__(self) -> str:
        return f"{self.message}\n\n{self.example}"


def not_run(item_id: str) -> CellProblem:
    return CellProblem(item_id, f"还没有读到 {item_id} 的答案：先运行上面 {item_id} 的答案格子（Shift+Enter），"
                                "再运行这个格子。如果答案格子被清空或删掉了，把下面这几行写回去再运行。")  # fmt: skip


def broken(item_id: str, problem: str) -> CellProblem:
    return CellProblem(item_id, f"{problem}这道题的答案现在读不到，要先修好这个格子。答案格子应该像下面这样："
                                "第一行是 " f'{item_id} = """' "，最后一行只有 " '"""' "，答案写在两者之间，"
                                "答案里不要再出现连在一起的三个双引号。把引号补回去，再运行这个格子（Shift+Enter）。")  # fmt: skip


def show(item_id: str, problem: str) -> CellProblem:
    """What a broken answer cell runs instead (see ``AnswerCellGuard``): show the hint, be the value."""
    found = broken(item_id, problem)
    try:
        from IPython.display import display

        display(found)
    except ImportError:
        print(repr(found))
    return found


def watch(item_ids: list[str], namespace: dict) -> None:
    for item_id in item_ids:
        namespace.setdefault(item_id, not_run(item_id))
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    transforms = shell.input_transformers_cleanup
    transforms[:] = [t for t in transforms if not isinstance(t, AnswerCellGuard)]  # setup may run twice
    transforms.insert(0, AnswerCellGuard(item_ids))


class AnswerCellGuard:
    """An IPython input transformer (lines in, lines out) that replaces an unreadable answer cell."""

    def __init__(self, item_ids: list[str]):
        names = "|".join(re.escape(i) for i in sorted(item_ids, key=len, reverse=True))
        self._assigns = re.compile(rf"^[ \t]*({names})[ \t]*=(?!=)", re.MULTILINE)

    def __call__(self, lines: list[str]) -> list[str]:
        try:
            return self._guard(lines)
        except Exception:  # a transformer that raises would itself show a traceback
            return lines

    def _guard(self, lines: list[str]) -> list[str]:
        source = "".join(lines)
        assigned = set(self._assigns.findall(source))
        if len(assigned) != 1:
            return lines
        item_id = assigned.pop()
        answer = read_source(source, item_id)
        if not answer.problem:
            return lines
        call = f"__import__({__name__!r}, fromlist=['show']).show({item_id!r}, {answer.problem!r})"
        return [f"{item_id} = {call}\n"]
