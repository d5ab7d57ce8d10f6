"""Rubrics: one YAML file per scenario, shipped beside this module, validated on load."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from carecourse.packaged import parse_model, read_file, read_text
from carecourse.rubrics.schema import Criterion, Penalty, Rubric, Sample

__all__ = ["Criterion", "Penalty", "Rubric", "RubricError", "Sample", "builtin", "load", "scenario_ids"]


class RubricError(ValueError):
    """A rubric that cannot be used; the message names the file and every problem."""


def load(path: str | Path) -> Rubric:
    """Read and validate a rubric file."""
    return parse(read_file(path, RubricError, "rubric"), str(path))


def parse(raw: str, source: str = "<rubric>") -> Rubric:
    """Validate rubric YAML text; ``source`` names it in error messages."""
    return parse_model(raw, source, Rubric, RubricError, "a rubric is a YAML mapping (id, title, prompt, criteria, ...)")


def _folder():
    return resources.files(__package__)


@cache
def scenario_ids() -> tuple[str, ...]:
    """The ids of the scenarios shipped with carecourse, sorted."""
    return tuple(sorted(f.name[:-5] for f in _folder().iterdir() if f.name.endswith(".yaml")))


@cache
def builtin(scenario_id: str) -> Rubric:
    """The shipped rubric for ``scenario_id``; RubricError if there is none."""
    if scenario_id not in scenario_ids():
        known = ", ".join(scenario_ids())
        raise RubricError(f"unknown scenario {scenario_id!r} (known: {known})")
    return parse(read_text(__package__, f"{scenario_id}.yaml"), f"{scenario_id}.yaml")
