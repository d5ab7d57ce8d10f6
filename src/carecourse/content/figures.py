"""The data of the course figures (``figures.yaml``), validated.

One section per figure of ``carecourse.figures``: the four customer types (M5), the five
levels of listening (M7), the repurchase survey, the complaint iceberg and the six steps
of handling a complaint (M8), the sandwich "no" (M9). The drawings only lay this data out;
a wrong number or a missing item is caught here, with the place named.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from carecourse.models import StrictModel
from carecourse.packaged import load_yaml, resource

__all__ = [
    "Axis", "CustomerType", "CustomerTypes", "FigureData", "Iceberg", "ListeningLevel",
    "RepurchaseGroup", "Repurchase", "SandwichLayer", "SandwichNo", "Step", "Steps", "figure_data",
]  # fmt: skip

class _Strict(StrictModel):
    """Figure texts are laid out by hand: a stray space in the YAML would show, so it is stripped."""

    model_config = ConfigDict(str_strip_whitespace=True)


# --- M5 customer types -----------------------------------------------------------------


class Axis(_Strict):
    name: str = Field(min_length=1, max_length=6)
    low: str = Field(min_length=1, max_length=4)
    high: str = Field(min_length=1, max_length=4)


class CustomerType(_Strict):
    id: str
    name: str = Field(min_length=1, max_length=8)
    dominance: Literal["high", "low"]
    emotion: Literal["high", "low"]
    traits: list[str] = Field(min_length=2, max_length=3)
    first: str = Field(min_length=1, max_length=40)


class CustomerTypes(_Strict):
    vertical: Axis
    horizontal: Axis
    types: list[CustomerType] = Field(min_length=4, max_length=4)

    @model_validator(mode="after")
    def _one_per_quadrant(self) -> "CustomerTypes":
        cells = [(t.dominance, t.emotion) for t in self.types]
        if len(set(cells)) != 4:
            raise ValueError(f"each quadrant (dominance, emotion) needs exactly one customer type, got {cells}")
        return self

    def at(self, dominance: str, emotion: str) -> CustomerType:
        return next(t for t in self.types if (t.dominance, t.emotion) == (dominance, emotion))


# --- M7 listening ----------------------------------------------------------------------


class ListeningLevel(_Strict):
    level: int
    name: str = Field(min_length=1, max_length=10)
    description: str = Field(min_length=1, max_length=30)


# --- M8 complaints ---------------------------------------------------------------------


class RepurchaseGroup(_Strict):
    label: str = Field(min_length=1, max_length=14)
    percent: float = Field(ge=0, le=100)


class Repurchase(_Strict):
    title: str
    subtitle: str
    source: str = Field(min_length=1)
    groups: list[RepurchaseGroup] = Field(min_length=2)


class Iceberg(_Strict):
    title: str
    subtitle: str
    complain_percent: float = Field(gt=0, lt=100)
    complain_label: str = Field(min_length=1, max_length=12)
    silent_label: str = Field(min_length=1, max_length=12)
    tells_min: int = Field(ge=1)
    tells_max: int = Field(ge=1)

    @model_validator(mode="after")
    def _range(self) -> "Iceberg":
        if self.tells_min > self.tells_max:
            raise ValueError(f"tells_min ({self.tells_min}) is above tells_max ({self.tells_max})")
        return self

    @property
    def silent_percent(self) -> float:
        return 100 - self.complain_percent


class Step(_Strict):
    name: str = Field(min_length=1, max_length=8)
    example: str = Field(min_length=1, max_length=40)
    rubric: str | None = None  # the complaint-billing criterion the example meets


class Steps(_Strict):
    title: str
    caption: str
    steps: list[Step] = Field(min_length=2)


# --- M9 saying no ----------------------------------------------------------------------

SANDWICH_ORDER = ("understanding", "refusal", "my_offer", "your_option")


class SandwichLayer(_Strict):
    role: Literal[SANDWICH_ORDER]  # type: ignore[valid-type]
    label: str = Field(min_length=1, max_length=10)
    lead: str = Field(min_length=1, max_length=20)
    example: str = Field(min_length=1, max_length=80)
    rubric: list[str] = Field(default_factory=list)  # decline-policy criteria the example meets


class SandwichNo(_Strict):
    title: str
    caption: str
    layers: list[SandwichLayer]

    @field_validator("layers")
    @classmethod
    def _bread_filling_bread(cls, layers: list[SandwichLayer]) -> list[SandwichLayer]:
        roles = tuple(layer.role for layer in layers)
        if roles != SANDWICH_ORDER:
            raise ValueError(f"the sandwich's layers must be {' → '.join(SANDWICH_ORDER)} in that order, got {' → '.join(roles)}")
        return layers


# --- all figures -----------------------------------------------------------------------


class FigureData(_Strict):
    customer_types: CustomerTypes
    listening_levels: list[ListeningLevel] = Field(min_length=5, max_length=5)
    repurchase: Repurchase
    iceberg: Iceberg
    complaint_steps: Steps
    sandwich_no: SandwichNo

    @field_validator("listening_levels")
    @classmethod
    def _levels_in_order(cls, levels: list[ListeningLevel]) -> list[ListeningLevel]:
        numbers = [lv.level for lv in levels]
        if numbers != list(range(1, len(levels) + 1)):
            raise ValueError(f"listening levels must be numbered 1, 2, 3, ... from the lowest, got {numbers}")
        return levels


@cache
def figure_data() -> FigureData:
    """The figures' data, validated."""
    return load_yaml(resource("carecourse.content", "figures.yaml"), FigureData)
