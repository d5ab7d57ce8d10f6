"""Rubrics: one YAML file per scenario, validated on load.

carecourse ships its own beside this module (``builtin``); a course folder holds the
trainer's copies and new scenarios in ``COURSE/rubrics/<scenario>.yaml`` (``load_folder``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path

from carecourse.packaged import DataFileError, load_yaml, resource, yaml_lines
from carecourse.rubrics.schema import Criterion, Penalty, Rubric, Sample

__all__ = ["Criterion", "Penalty", "Rubric", "RubricError", "RubricFolder", "Sample", "builtin", "builtin_file", "load",
           "load_folder", "load_named", "scenario_ids"]


class RubricError(DataFileError):
    """A rubric that cannot be used."""

    what = "rubric"
    shape = "a rubric is a YAML mapping (id, title, prompt, criteria, ...)"


def load(path: str | Path) -> Rubric:
    """Read and validate a rubric file."""
    return load_yaml(path, Rubric, error=RubricError)


def load_folder(folder: str | Path) -> dict[str, Rubric]:
    """``scenario id → rubric`` for every ``<id>.yaml`` in ``folder``; each file's id must
    match its name, as an assignment names the scenario by it."""
    return dict(RubricFolder(folder))


class RubricFolder(Mapping[str, Rubric]):
    """``scenario id → rubric`` for the ``<id>.yaml`` files of a folder, each read and
    validated when first asked for: a command grading one assignment compiles only the
    scenarios it uses (``load_folder`` reads them all, as ``course check`` must)."""

    def __init__(self, folder: str | Path):
        self._paths = {path.stem: path for path in sorted(Path(folder).glob("*.yaml"))}
        self._read: dict[str, Rubric] = {}

    def __getitem__(self, scenario: str) -> Rubric:
        if scenario not in self._read:
            self._read[scenario] = load_named(self._paths[scenario])
        return self._read[scenario]

    def __contains__(self, scenario: object) -> bool:
        return scenario in self._paths

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


def load_named(path: str | Path) -> Rubric:
    """Read and validate a rubric file whose name must be its id (``<id>.yaml``)."""
    rubric = load(path)
    if rubric.id != Path(path).stem:
        line = yaml_lines(path)(("id",))
        raise RubricError(f"{path}:{line}: its id is {rubric.id!r}; the file name must match ({rubric.id}.yaml)")
    return rubric


def parse(raw: str, source: str = "<rubric>") -> Rubric:
    """Validate rubric YAML text; ``source`` names it in error messages."""
    return load_yaml(source, Rubric, text=raw, error=RubricError)


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
    return load_yaml(builtin_file(scenario_id), Rubric, error=RubricError)


def builtin_file(scenario_id: str):
    """The shipped YAML file of ``scenario_id`` (a package resource)."""
    return resource(__package__, f"{scenario_id}.yaml")
