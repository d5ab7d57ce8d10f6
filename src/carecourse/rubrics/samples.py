"""Extra marked samples kept outside a rubric (e.g. a held-out set), one file per scenario."""

from __future__ import annotations

from pathlib import Path

from carecourse.models import StrictModel
from carecourse.packaged import load_yaml
from carecourse.rubrics import RubricError
from carecourse.rubrics.schema import Sample

__all__ = ["SampleFile", "SampleFileError", "load_samples"]


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
