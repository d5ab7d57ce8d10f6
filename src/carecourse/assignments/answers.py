"""Read a learner's answers out of a notebook without running any of it.

Each item's answer lives in the solution cell nbgrader knows as ``<item>-answer``, as
``q3 = "…"`` in triple quotes. The cell is parsed (``ast``), never executed: only a plain string or
number assigned to the item's name counts, which is what nbgrader's execution of the
same cell would give for every answer written as the instructions say.

A notebook is the learner's file: any cell, its metadata or its nbgrader metadata may be
malformed (not a dict). Such a cell is read as no cell at all, never an error.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, replace

__all__ = ["Answer", "answer_cell_id", "read_answers", "read_source", "write_answer"]


@dataclass(frozen=True)
class Answer:
    value: object = None  # the string (or number) the learner wrote; None when unreadable
    problem: str = ""  # why there is no value, in Chinese
    note: str = ""  # what the trainer should look at though the answer was read, in Chinese


def answer_cell_id(item_id: str) -> str:
    return f"{item_id}-answer"


def read_answers(nb: dict, item_ids: list[str]) -> dict[str, Answer]:
    """``item id → Answer`` for a notebook (an nbformat node or plain JSON dict)."""
    cells = _cells_by_grade_id(nb)
    return {item_id: _read_item(cells, item_id) for item_id in item_ids}


def _cells_by_grade_id(nb: dict) -> dict[str, list[tuple[int, dict]]]:
    """``grade id → [(position, cell), …]`` in notebook order, malformed cells left out."""
    found: dict[str, list[tuple[int, dict]]] = {}
    cells = nb.get("cells") if isinstance(nb, dict) else None
    for position, cell in enumerate(cells if isinstance(cells, list) else []):
        grade_id = _grade_id(cell)
        if grade_id is not None:
            found.setdefault(grade_id, []).append((position, cell))
    return found


def _grade_id(cell: object) -> str | None:
    """A cell's nbgrader id; None for a cell without one or one that is malformed."""
    metadata = cell.get("metadata") if isinstance(cell, dict) else None
    nbgrader = metadata.get("nbgrader") if isinstance(metadata, dict) else None
    grade_id = nbgrader.get("grade_id") if isinstance(nbgrader, dict) else None
    return grade_id if isinstance(grade_id, str) else None


def _read_item(cells: dict[str, list[tuple[int, dict]]], item_id: str) -> Answer:
    copies = cells.get(answer_cell_id(item_id), [])
    if not copies:
        return _read(None, item_id)
    answer = _read(_answer_cell_graded(copies, cells.get(item_id, [])), item_id)
    if len(copies) == 1:
        return answer
    return replace(answer, note=f"{item_id} 的答案格子出现了 {len(copies)} 次（可能复制粘贴了格子）："
                                "按运行笔记本时评分读到的那一个评分，请核对。")  # fmt: skip


def _answer_cell_graded(copies: list[tuple[int, dict]], grading: list[tuple[int, dict]]) -> dict:
    """Of an item's answer cells, the one whose value the item's grading cell sees when the
    notebook runs. nbgrader keeps the last cell with a grade id (``DeduplicateIds`` strips the
    id from earlier copies, which still run): the item's value is the one the last answer cell
    above the last grading cell assigned. With no answer cell above it (or no grading cell:
    nbgrader puts it back after the answer cell) the last answer cell is read."""
    above = [cell for position, cell in copies if grading and position < grading[-1][0]]
    return above[-1] if above else copies[-1][1]


def _read(cell: dict | None, item_id: str) -> Answer:
    if cell is None:
        return Answer(problem=f"找不到 {item_id} 的答案格子（被删除，或它的编号被改动了）。")
    source = cell.get("source", "")
    if isinstance(source, list) and all(isinstance(line, str) for line in source):
        source = "".join(source)
    if not isinstance(source, str):
        return Answer(problem=f"{item_id} 的答案格子内容无法读取。")
    return read_source(source, item_id)


def read_source(source: str, item_id: str) -> Answer:
    """The answer an answer cell's code gives ``item_id``, read as grading reads it. The
    notebook's own hint for a broken cell uses it too (``cells.py``), so the learner is told
    exactly when grading would not read the answer."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError) as err:
        line = getattr(err, "lineno", None)
        where = f"第 {line} 行" if line else "格子里"
        return Answer(problem=f"{item_id} 的答案格子{where}有格式错误：可能删掉或多写了引号。")
    value = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == item_id for t in node.targets):
            value = _literal(node.value)
    if value is None:
        return Answer(problem=f"{item_id} 的答案格子里没有找到 {item_id} = \"\"\"…\"\"\" 这样写的文字答案。")
    return Answer(value=value)


def _literal(node: ast.AST) -> object:
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float)) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):  # q4 = -1.5
        inner = _literal(node.operand)
        if isinstance(inner, (int, float)) and not isinstance(inner, str):
            return -inner if isinstance(node.op, ast.USub) else inner
    return None


def write_answer(nb: dict, item_id: str, text: str) -> None:
    """Type ``text`` into an item's answer cell, as a learner would (demos and tests)."""
    if '"""' in text or text.endswith("\\"):
        raise ValueError("an answer cannot contain three double quotes or end with a backslash")
    for cell in nb["cells"]:
        if _grade_id(cell) == answer_cell_id(item_id):
            cell["source"] = f'{item_id} = """\n{text}\n"""'
            return
    raise KeyError(f"no answer cell for {item_id}")
