"""Graded exercises: assignments as data, the learner's ``grader``, the notebooks.

An assignment file (``assignments/<id>.yaml``, schema in ``schema.py``) lists its items;
``items.py`` grades one answer, ``answers.py`` reads answers out of a notebook without
running it, ``notebook.py`` writes the nbgrader source notebook, and ``grader.py`` is what
the notebook's cells call (``grader.check`` while working, ``grader.score`` in the
hidden grading cells).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from carecourse.exercises.schema import Assignment
from carecourse.packaged import parse_model, read_file, read_text

__all__ = ["Assignment", "AssignmentError", "assignment_ids", "builtin", "load", "parse"]


class AssignmentError(ValueError):
    """An assignment file that cannot be used; the message names the file and the problem."""


def parse(raw: str, source: str = "<assignment>") -> Assignment:
    shape = "an assignment is a YAML mapping (id, title, modules, intro, items)"
    return parse_model(raw, source, Assignment, AssignmentError, shape)


def load(path: str | Path) -> Assignment:
    return parse(read_file(path, AssignmentError, "assignment"), str(path))


@cache
def assignment_ids() -> tuple[str, ...]:
    folder = resources.files(__package__).joinpath("assignments")
    return tuple(sorted(f.name[:-5] for f in folder.iterdir() if f.name.endswith(".yaml")))


@cache
def builtin(assignment_id: str) -> Assignment:
    if assignment_id not in assignment_ids():
        raise AssignmentError(f"unknown assignment {assignment_id!r} (known: {', '.join(assignment_ids())})")
    assignment = parse(read_text(__package__, "assignments", f"{assignment_id}.yaml"), f"{assignment_id}.yaml")
    if assignment.id != assignment_id:
        raise AssignmentError(f"{assignment_id}.yaml: its id is {assignment.id!r}; the file name must match")
    return assignment
