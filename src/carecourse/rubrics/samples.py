"""Extra marked samples kept outside a rubric (e.g. a held-out set), one file per scenario."""

from __future__ import annotations

from pathlib import Path

from carecourse.models import StrictModel
from carecourse.packaged import load_yaml, yaml_lines
from carecourse.rubrics import RubricError
from carecourse.rubrics.schema import Rubric, Sample

__all__ = ["SampleFile", "SampleFileError", "load_samples", "samples_for"]


class SampleFileError(RubricError):
    """A file of marked samples that cannot be used."""

    what = "sample file"
    shape = "a sample file is a YAML mapping (scenario, samples)"


class SampleFile(StrictModel):
    scenario: str
    samples: list[Sample]


def load_samples(path: str | Path) -> dict[str, list[Sample]]:
    """Samples by scenario id from a YAML file ``{scenario: id, samples: [...]}``."""
    parsed = load_yaml(path, SampleFile, error=SampleFileError)
    return {parsed.scenario: parsed.samples}


def samples_for(path: str | Path, rubrics: dict[str, Rubric]) -> dict[str, list[Sample]]:
    """The samples of the file at ``path`` by scenario id, checked against ``rubrics`` (by id),
    the ones they are run with: a scenario none of them is, or a mark that is no criterion or
    penalty of its rubric, would leave samples unrun or marks unread without a word."""
    samples = load_samples(path)
    line = yaml_lines(path)
    for scenario, marked in samples.items():
        rubric = rubrics.get(scenario)
        if rubric is None:
            raise SampleFileError(f"{path}:{line(('scenario',))}: scenario {scenario!r} is none of the rubrics tested "
                                  f"({', '.join(rubrics)}), so its samples would not run")
        for k, sample in enumerate(marked):
            for field, known, what in (("met", rubric.criteria, "criterion"), ("penalties", rubric.penalties, "penalty")):
                unknown = [n for n in getattr(sample, field) if n not in {item.id for item in known}]
                if unknown:
                    raise SampleFileError(f"{path}:{line(('samples', k, field))}: sample {k + 1}: {scenario} has no "
                                          f"{what} {', '.join(unknown)}")
    return samples
