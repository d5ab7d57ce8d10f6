"""Load the technique lexicons (``lexicon/*.yaml``) into matchers."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field, field_validator, model_validator

from carecourse.detect.matcher import PhraseMatcher
from carecourse.models import StrictModel
from carecourse.packaged import load_yaml, resource
from carecourse.regex_subset import subset_problem

__all__ = ["TECHNIQUES", "LexiconEntry", "lexicon", "lexicon_entry"]

TECHNIQUES = (
    "greeting", "apology", "empathy", "thanks", "action", "commitment", "follow_up",
    "alternative", "reason", "open_question", "closed_question", "bad_question",
    "forbidden", "negative_label",
)  # fmt: skip

BAD_QUESTION_KINDS = ("aggressive", "exposing", "presumptive", "provocative", "condescending")


def _check_patterns(patterns: list[str]) -> list[str]:
    for p in patterns:
        if problem := subset_problem(p):
            raise ValueError(f"pattern {p!r}: {problem}")
    return patterns


class LexiconEntry(StrictModel):
    """One technique's lexicon file."""

    id: Literal[TECHNIQUES]  # type: ignore[valid-type]
    label: str
    colour: str = Field(pattern=r"^#[0-9a-f]{6}$")  # warm reds are kept for what not to say
    description: str = ""
    scope: Literal["phrase", "question", "sentence"] = "phrase"
    negatable: bool = False
    patterns: list[str] = Field(default_factory=list)
    kinds: dict[Literal[BAD_QUESTION_KINDS], list[str]] = Field(default_factory=dict)  # type: ignore[valid-type]
    exclude: list[str] = Field(default_factory=list)

    _check = field_validator("patterns", "exclude")(_check_patterns)

    @field_validator("kinds")
    @classmethod
    def _check_kinds(cls, kinds: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in kinds.values():
            _check_patterns(patterns)
        return kinds

    @model_validator(mode="after")
    def _has_patterns(self) -> "LexiconEntry":
        if not self.patterns and not self.kinds:
            raise ValueError(f"{self.id}: a lexicon needs patterns (or kinds)")
        if self.patterns and self.kinds:
            raise ValueError(f"{self.id}: give either patterns or kinds, not both")
        return self

    def matchers(self) -> list[PhraseMatcher]:
        """The matcher for this technique (bad questions: one matcher over all kinds)."""
        options = {"negatable": self.negatable}
        if self.kinds:
            return [PhraseMatcher.build_kinds(self.id, self.kinds, self.exclude, **options)]
        return [PhraseMatcher.build(self.id, self.patterns, self.exclude, **options)]


@cache
def lexicon() -> dict[str, LexiconEntry]:
    """All technique lexicons shipped with the package, by technique id."""
    return {technique: lexicon_entry(technique) for technique in TECHNIQUES}


@cache
def lexicon_entry(technique: str) -> LexiconEntry:
    """One technique's lexicon, read and checked the first time it is needed."""
    entry = load_yaml(resource(__package__, "lexicon", f"{technique}.yaml"), LexiconEntry)
    if entry.id != technique:
        raise ValueError(f"lexicon/{technique}.yaml declares id {entry.id!r}")
    return entry
