"""Graded exercises: assignments as data, the learner's ``grader``, the notebooks.

An assignment file (``<id>.yaml``, schema in ``schema.py``) lists its items with their
keys. It is the trainer's: the repository keeps the course's own in ``exercises/<id>/``,
and ``carecourse course init`` copies them into the course folder, where the trainer
edits them or adds new ones. No assignment file ships in the package learners install.
``items.py`` grades one answer, ``answers.py`` reads answers out of a notebook without
running it, ``notebook.py`` writes the nbgrader source notebook, and ``grader.py`` is what
the notebook's cells call (``grader.check`` while working, ``grader.score`` in the hidden
grading cells).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from carecourse.assignments.schema import Assignment
from carecourse.packaged import DataFileError, load_yaml
from carecourse.rubrics import Rubric

__all__ = ["Assignment", "AssignmentError", "assignment_files", "load", "parse"]


class AssignmentError(DataFileError):
    """An assignment file that cannot be used."""

    what = "assignment"
    shape = "an assignment is a YAML mapping (id, title, modules, intro, items)"


def parse(raw: str, source: str = "<assignment>", rubrics: Mapping[str, Rubric] | None = None) -> Assignment:
    return load_yaml(source, Assignment, text=raw, error=AssignmentError, context={"rubrics": rubrics or {}})


def load(path: str | Path, rubrics: Mapping[str, Rubric] | None = None) -> Assignment:
    """Read and validate an assignment file; its id must match its file name. A reply item's
    scenario is looked up in ``rubrics`` (a course's own, by id) before the shipped ones."""
    assignment = load_yaml(path, Assignment, error=AssignmentError, context={"rubrics": rubrics or {}})
    if assignment.id != Path(path).stem:
        raise AssignmentError(f"{path}: its id is {assignment.id!r}; the file name must match ({assignment.id}.yaml)")
    return assignment


def assignment_files(folder: str | Path) -> dict[str, Path]:
    """``id → file`` for the assignment files in ``folder``: ``<id>.yaml`` or ``<id>/<id>.yaml``."""
    folder = Path(folder)
    found = {p.stem: p for p in folder.glob("*.yaml")}
    found.update({p.stem: p for p in folder.glob("*/*.yaml") if p.stem == p.parent.name})
    return dict(sorted(found.items()))
