"""Extra marked samples kept outside a rubric (e.g. a held-out set), one file per scenario."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from carecourse.rubrics import RubricError
from carecourse.rubrics.schema import Sample

__all__ = ["SampleFile", "load_samples"]


class SampleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scenario: str
    samples: list[Sample]


def load_samples(path: str | Path) -> dict[str, list[Sample]]:
    """Samples by scenario id from a YAML file ``{scenario: id, samples: [...]}``."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        parsed = SampleFile.model_validate(data)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValidationError) as err:
        raise RubricError(f"{path}: not a usable sample file ({str(err).splitlines()[0]})") from None
    return {parsed.scenario: parsed.samples}

