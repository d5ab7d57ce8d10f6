"""Course content kept as data: the business hall's 16 touchpoints (``touchpoints.yaml``).

The journey map, the touchpoint explorer and the M4 page all read the same file. The data
of the other course figures (``figures.yaml``) is in ``carecourse.content.figures``.
"""

from __future__ import annotations

from functools import cache

from pydantic import Field, model_validator

from carecourse.content.figures import FigureData, figure_data
from carecourse.models import StrictModel
from carecourse.packaged import load_yaml, resource

__all__ = ["Check", "FigureData", "Journey", "Touchpoint", "Zone", "figure_data", "journey"]


class Zone(StrictModel):
    id: str
    name: str


class Check(StrictModel):
    question: str
    options: list[str] = Field(min_length=2)
    answer: int
    explain: str

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> "Check":
        if not 0 <= self.answer < len(self.options):
            raise ValueError(f"answer {self.answer} is not an option index")
        return self


class Touchpoint(StrictModel):
    id: str
    step: int
    name: str
    zone: str
    need: str = Field(max_length=12)
    need_detail: str
    guidelines: list[str] = Field(min_length=1)
    phrase: str | None = None
    case: str | None = None
    from_seed: bool
    check: Check


class Journey(StrictModel):
    zones: list[Zone]
    touchpoints: list[Touchpoint]

    @model_validator(mode="after")
    def _in_order_by_zone(self) -> "Journey":
        steps = [t.step for t in self.touchpoints]
        if steps != list(range(1, len(steps) + 1)):
            raise ValueError("touchpoints must be numbered 1, 2, 3, ... in order")
        zone_ids = [z.id for z in self.zones]
        seen = [t.zone for t in self.touchpoints]
        unknown = set(seen) - set(zone_ids)
        if unknown:
            raise ValueError(f"unknown zones: {sorted(unknown)}")
        runs = [z for k, z in enumerate(seen) if k == 0 or seen[k - 1] != z]
        if runs != [z for z in zone_ids if z in seen]:
            raise ValueError("each zone's touchpoints must be consecutive, in the zones' order")
        return self

    def zone(self, zone_id: str) -> Zone:
        return next(z for z in self.zones if z.id == zone_id)

    def in_zone(self, zone_id: str) -> list[Touchpoint]:
        return [t for t in self.touchpoints if t.zone == zone_id]


@cache
def journey() -> Journey:
    """The 16 touchpoints of the business hall, validated."""
    return load_yaml(resource("carecourse.content", "touchpoints.yaml"), Journey)
