"""The one base of every model read from a data file: unknown keys are mistakes, values are
fixed, numbers finite (``points: .inf`` would print as a bare Infinity, which is no JSON).

A typo in a YAML key (``exmaple:``) must fail loudly rather than be ignored, and a loaded
rubric, assignment or lexicon is shared (cached), so nothing may change it after
validation. A model that needs otherwise says so on itself, with the reason.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["StrictModel"]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
