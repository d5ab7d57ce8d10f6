"""The assignment file format: one YAML file per nbgrader assignment, validated on load.

An assignment is a list of items. Exact items (``choice``, ``order``, ``match``,
``number``) carry their key; ``reply`` items name a scenario whose rubric grades them.
The file is the trainer's: the notebook a learner gets (``notebook.py``) holds only each
item's ``learner_view()`` (what reading an answer needs), and the key (``secret()``)
travels in nbgrader's hidden test cells, which the learner's copy never contains. An item
built from a learner view has no key: it reads answers but cannot grade them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from carecourse.models import StrictModel
from carecourse.rubrics.schema import Rubric

__all__ = ["Assignment", "ChoiceItem", "Item", "MatchItem", "NumberItem", "OrderItem", "ReplyItem"]

_ASSIGNMENT_ID = r"^[a-z][a-z0-9-]*$"
_ITEM_ID = r"^q[0-9]+$"  # also the variable the learner's answer is stored in
_LETTER = r"^[A-Z]$"


class _Item(StrictModel):
    id: str = Field(pattern=_ITEM_ID)
    points: float = Field(gt=0, le=100)
    title: str = Field(min_length=1, description="A short name for reports: 投诉处理六步的顺序")
    prompt: str = Field(min_length=1, description="What the learner is asked, in Chinese (Markdown)")
    section: str = Field(default="", description="The book section to revisit: m8-complaints#six-steps")
    explain: str = Field(default="", description="Shown in the learner's feedback after grading")

    def learner_view(self) -> dict:
        """What the learner's notebook needs to read an answer to this item: never the key."""
        return {"kind": self.kind, "points": self.points}

    def secret(self) -> dict:
        """What grading needs beyond the learner view (the key): for hidden test cells only."""
        return {}

    @property
    def keyed(self) -> bool:
        return True


def _letters(options: dict[str, str]) -> dict[str, str]:
    bad = [k for k in options if not (len(k) == 1 and "A" <= k <= "Z")]
    if bad:
        raise ValueError(f"option labels must be capital letters A, B, C…, not {', '.join(map(repr, bad))}")
    if list(options) != sorted(options):
        raise ValueError("option labels must be in alphabetical order")
    return options


class _KeyedItem(_Item):
    @property
    def keyed(self) -> bool:
        return self.key is not None

    def secret(self) -> dict:
        return {"key": self.key}


class ChoiceItem(_KeyedItem):
    """Pick one option (``key: <letter>``) or several (``key: [<letter>, <letter>]``)."""

    kind: Literal["choice"]
    options: dict[str, str] = Field(min_length=2)
    key: list[str] | None = Field(default=None, min_length=1)
    multiple: bool = False  # derived from the key; a learner view states it

    _check_options = field_validator("options")(_letters)

    @model_validator(mode="before")
    @classmethod
    def _one_or_many(cls, data):
        if isinstance(data, dict) and data.get("key") is not None:
            key = [data["key"]] if isinstance(data["key"], str) else data["key"]
            data = {**data, "key": key, "multiple": len(key) > 1}
        return data

    @model_validator(mode="after")
    def _key_in_options(self):
        unknown = [k for k in self.key or [] if k not in self.options]
        if unknown:
            raise ValueError(f"key {', '.join(unknown)} is not an option")
        return self

    def learner_view(self) -> dict:
        return {**super().learner_view(), "options": "".join(self.options), "multiple": self.multiple}


class OrderItem(_KeyedItem):
    """Put the options in order; ``key: CABD``. Full points only for the exact order."""

    kind: Literal["order"]
    options: dict[str, str] = Field(min_length=3)
    key: str | None = None

    _check_options = field_validator("options")(_letters)

    @model_validator(mode="after")
    def _key_is_a_permutation(self):
        if self.key is not None and sorted(self.key) != sorted(self.options):
            raise ValueError(f"key {self.key!r} must use every option letter exactly once")
        return self

    def learner_view(self) -> dict:
        return {**super().learner_view(), "options": "".join(self.options)}


class MatchItem(_KeyedItem):
    """Match each numbered statement to a lettered option; points are shared per pair."""

    kind: Literal["match"]
    statements: dict[int, str] = Field(min_length=2)
    options: dict[str, str] = Field(min_length=2)
    key: dict[int, str] | None = None

    _check_options = field_validator("options")(_letters)

    @model_validator(mode="after")
    def _key_covers_statements(self):
        if list(self.statements) != list(range(1, len(self.statements) + 1)):
            raise ValueError("statements are numbered 1, 2, 3…")
        if self.key is None:
            return self
        if sorted(self.key) != sorted(self.statements):
            raise ValueError("the key gives an option for each statement (1, 2, 3…)")
        unknown = sorted({v for v in self.key.values() if v not in self.options})
        if unknown:
            raise ValueError(f"key uses {', '.join(unknown)}, which is not an option")
        return self

    def learner_view(self) -> dict:
        return {**super().learner_view(), "options": "".join(self.options), "statements": len(self.statements)}


class NumberItem(_KeyedItem):
    """A small calculation; any answer within ``tolerance`` of ``key`` is right."""

    kind: Literal["number"]
    key: float | None = None
    tolerance: float = Field(default=0.01, ge=0)
    unit: str = ""

    def learner_view(self) -> dict:
        return {**super().learner_view(), "unit": self.unit}

    def secret(self) -> dict:
        return {"key": self.key, "tolerance": self.tolerance}


class ReplyItem(_Item):
    """A free-text reply graded by a scenario's rubric, scaled to the item's points.

    The scenario is the course's own when its folder has ``rubrics/<scenario>.yaml`` (given
    to validation as ``context={"rubrics": {id: Rubric}}``), else the one carecourse ships.
    """

    kind: Literal["reply"]
    scenario: str
    max_chars: int = Field(default=2000, gt=0, description="Longer replies are not graded")
    prompt: str = ""  # defaults to the rubric's own prompt
    # The trainer's model reply, shown only in the source notebook's solution: never a reply a
    # learner can read (a shipped rubric's sample, a worked example on the site). Left out, a
    # course's own scenario shows its best marked sample (which stays with the trainer), a
    # shipped one none.
    model_answer: str = ""
    # Filled in from the validation context, never written in the file: the course's rubric.
    rubric: Rubric | None = Field(default=None, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _course_rubric(cls, data, info: ValidationInfo):
        rubrics = (info.context or {}).get("rubrics") or {}
        if isinstance(data, dict) and data.get("scenario") in rubrics:
            data = {**data, "rubric": rubrics[data["scenario"]]}
        return data

    @field_validator("scenario")
    @classmethod
    def _known_scenario(cls, value: str, info: ValidationInfo) -> str:
        from carecourse.rubrics import RubricError, builtin, scenario_ids

        course = sorted((info.context or {}).get("rubrics") or {})
        if value in course:
            return value
        try:
            builtin(value)
        except RubricError:
            where = f"the course's rubrics/ folder has no {value}.yaml and " if course else ""
            raise ValueError(f"unknown scenario {value!r}: {where}carecourse ships no such rubric "
                             f"(known: {', '.join(sorted({*course, *scenario_ids()}))})") from None  # fmt: skip
        return value

    @model_validator(mode="after")
    def _model_answer_unpublished(self) -> "ReplyItem":
        from carecourse.assignments.published import copied_from

        if self.model_answer and copied_from(self.scenario, self.model_answer):
            raise ValueError(f"{self.id}: its model_answer is a reply learners can read (a marked sample of the shipped "
                             "rubric or a worked example on the site); write one of your own")
        return self

    @property
    def scenario_rubric(self) -> Rubric:
        """The rubric that grades this item: the course's own, else the shipped one."""
        from carecourse.rubrics import builtin

        return self.rubric or builtin(self.scenario)

    def learner_view(self) -> dict:
        view = {**super().learner_view(), "scenario": self.scenario, "max_chars": self.max_chars}
        if self.rubric is not None and self.rubric != _shipped(self.scenario):
            # the learner's install knows only the shipped rubrics: a course's own travels
            # in the notebook, without its marked samples (model replies stay the trainer's)
            view["rubric"] = self.rubric.model_dump(mode="json", exclude={"samples"}, exclude_defaults=True)
        return view


def _shipped(scenario: str) -> Rubric | None:
    from carecourse.rubrics import builtin, scenario_ids

    return builtin(scenario) if scenario in scenario_ids() else None


Item = Annotated[ChoiceItem | OrderItem | MatchItem | NumberItem | ReplyItem, Field(discriminator="kind")]


class Assignment(StrictModel):
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

    @model_validator(mode="after")
    def _every_exact_item_has_a_key(self):
        unkeyed = [i.id for i in self.items if not i.keyed]
        if unkeyed:
            raise ValueError(f"no key for {', '.join(unkeyed)}: every exact item needs one (key: …)")
        return self

    def item(self, item_id: str):
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"{self.id} has no item {item_id!r} (items: {', '.join(i.id for i in self.items)})")

    @property
    def max_score(self) -> float:
        return sum(i.points for i in self.items)
