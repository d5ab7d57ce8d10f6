"""The assignment file format: one YAML file per nbgrader assignment, validated on load.

An assignment is a list of items. Exact items (``choice``, ``order``, ``match``,
``number``) carry their key; ``reply`` items name a scenario whose rubric grades them.
The notebook a learner fills in is generated from this file (``notebook.py``), so the
key never has to appear in a notebook cell.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = ["Assignment", "ChoiceItem", "Item", "MatchItem", "NumberItem", "OrderItem", "ReplyItem"]

_ASSIGNMENT_ID = r"^[a-z][a-z0-9-]*$"
_ITEM_ID = r"^q[0-9]+$"  # also the variable the learner's answer is stored in
_LETTER = r"^[A-Z]$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Item(_Strict):
    id: str = Field(pattern=_ITEM_ID)
    points: float = Field(gt=0, le=100)
    title: str = Field(min_length=1, description="A short name for reports: 投诉处理六步的顺序")
    prompt: str = Field(min_length=1, description="What the learner is asked, in Chinese (Markdown)")
    section: str = Field(default="", description="The book section to revisit: m8-complaints#six-steps")
    explain: str = Field(default="", description="Shown in the learner's feedback after grading")


def _letters(options: dict[str, str]) -> dict[str, str]:
    bad = [k for k in options if not (len(k) == 1 and "A" <= k <= "Z")]
    if bad:
        raise ValueError(f"option labels must be capital letters A, B, C…, not {', '.join(map(repr, bad))}")
    if list(options) != sorted(options):
        raise ValueError("option labels must be in alphabetical order")
    return options


class ChoiceItem(_Item):
    """Pick one option (``key: B``) or several (``key: [A, C]``)."""

    kind: Literal["choice"]
    options: dict[str, str] = Field(min_length=2)
    key: list[str] = Field(min_length=1)

    _check_options = field_validator("options")(_letters)

    @field_validator("key", mode="before")
    @classmethod
    def _one_or_many(cls, value):
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _key_in_options(self):
        unknown = [k for k in self.key if k not in self.options]
        if unknown:
            raise ValueError(f"key {', '.join(unknown)} is not an option")
        return self

    @property
    def multiple(self) -> bool:
        return len(self.key) > 1


class OrderItem(_Item):
    """Put the options in order; ``key: CABD``. Full points only for the exact order."""

    kind: Literal["order"]
    options: dict[str, str] = Field(min_length=3)
    key: str

    _check_options = field_validator("options")(_letters)

    @model_validator(mode="after")
    def _key_is_a_permutation(self):
        if sorted(self.key) != sorted(self.options):
            raise ValueError(f"key {self.key!r} must use every option letter exactly once")
        return self


class MatchItem(_Item):
    """Match each numbered statement to a lettered option; points are shared per pair."""

    kind: Literal["match"]
    statements: dict[int, str] = Field(min_length=2)
    options: dict[str, str] = Field(min_length=2)
    key: dict[int, str]

    _check_options = field_validator("options")(_letters)

    @model_validator(mode="after")
    def _key_covers_statements(self):
        if sorted(self.key) != sorted(self.statements) or list(self.statements) != list(range(1, len(self.statements) + 1)):
            raise ValueError("statements are numbered 1, 2, 3… and the key gives an option for each")
        unknown = sorted({v for v in self.key.values() if v not in self.options})
        if unknown:
            raise ValueError(f"key uses {', '.join(unknown)}, which is not an option")
        return self


class NumberItem(_Item):
    """A small calculation; any answer within ``tolerance`` of ``key`` is right."""

    kind: Literal["number"]
    key: float
    tolerance: float = Field(default=0.01, ge=0)
    unit: str = ""


class ReplyItem(_Item):
    """A free-text reply graded by a scenario's rubric, scaled to the item's points."""

    kind: Literal["reply"]
    scenario: str
    max_chars: int = Field(default=2000, gt=0, description="Longer replies are not graded")
    prompt: str = ""  # defaults to the rubric's own prompt

    @field_validator("scenario")
    @classmethod
    def _known_scenario(cls, value: str) -> str:
        from carecourse.rubrics import builtin

        builtin(value)  # RubricError (a ValueError) names the known scenarios
        return value


Item = Annotated[ChoiceItem | OrderItem | MatchItem | NumberItem | ReplyItem, Field(discriminator="kind")]


class Assignment(_Strict):
    id: str = Field(pattern=_ASSIGNMENT_ID, description="The nbgrader assignment (and notebook) name")
    title: str = Field(min_length=1)
    modules: list[str] = Field(min_length=1)
    intro: str = Field(min_length=1)
    items: list[Item] = Field(min_length=1)

    @field_validator("modules")
    @classmethod
    def _module_names(cls, value: list[str]) -> list[str]:
        bad = [m for m in value if m not in {f"M{n}" for n in range(1, 11)}]
        if bad:
            raise ValueError(f"unknown module {', '.join(bad)} (M1 … M10)")
        return value

    @model_validator(mode="after")
    def _unique_item_ids(self):
        ids = [i.id for i in self.items]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"item id used twice: {', '.join(twice)}")
        return self

    def item(self, item_id: str):
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"{self.id} has no item {item_id!r} (items: {', '.join(i.id for i in self.items)})")

    @property
    def max_score(self) -> float:
        return sum(i.points for i in self.items)
