"""The rubric file format (docs/patterns.md, section 5) as pydantic models.

Loading a rubric validates it completely: every pattern is in the shared regex subset,
every name an order, penalty or sample refers to exists, and every criterion can be met.
"""

from __future__ import annotations

from collections.abc import Collection, Set as AbstractSet
from string import Formatter
from typing import Literal

from pydantic import Field, field_validator, model_validator

from carecourse.detect.lexicon import TECHNIQUES
from carecourse.models import StrictModel
from carecourse.packaged import PlacedError
from carecourse.regex_subset import subset_problem

__all__ = ["Criterion", "Feedback", "Order", "Penalty", "PhraseSet", "Rubric", "Sample"]

_ID = r"^[a-z][a-z0-9_-]*$"


def _subset_patterns(patterns: list[str]) -> list[str]:
    # (the subset refuses a pattern that can match empty text, which would match every reply)
    for p in patterns:
        if problem := subset_problem(p):
            raise ValueError(f"pattern '{p}': {problem}")  # (as written: repr would double its backslashes)
    return patterns


def _known_techniques(techniques: list[str]) -> list[str]:
    unknown = [t for t in techniques if t not in TECHNIQUES]
    if unknown:
        raise ValueError(f"unknown technique {', '.join(unknown)} (known: {', '.join(TECHNIQUES)})")
    return techniques


class Feedback(StrictModel):
    met: str = Field(min_length=1)
    missing: str = Field(min_length=1)
    # said instead of `missing` when the evidence fell short of `min_count` only because
    # `count_as_one` counted it once (the same question asked three ways)
    counted_once: str | None = Field(default=None, min_length=1)
    # said instead of `missing` when `partial_credit` earned part of the points (one open
    # question of the two asked for)
    partial: str | None = Field(default=None, min_length=1)
    # said instead of `missing` when an order criterion's two sides were both said, the wrong
    # way round; {then} and {first} are the learner's words for each side ("你先问了{then}……")
    out_of_order: str | None = Field(default=None, min_length=1)
    # said instead of `met` when all the evidence is in a form the criterion's `weak` patterns
    # name (the points stand; the learner's words are shown beside it, as for `met`)
    met_weakly: str | None = Field(default=None, min_length=1)

    @field_validator("out_of_order")
    @classmethod
    def _names_the_sides(cls, text: str | None) -> str | None:
        fields = {name for _, name, _, _ in Formatter().parse(text or "") if name is not None}
        if text is not None and fields != {"first", "then"}:
            raise ValueError("out_of_order quotes both sides, as {first} and {then}, and nothing else")
        return text


class _Matchers(StrictModel):
    """Where evidence comes from: shared techniques, own patterns, named sets."""

    techniques: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    sets: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    # A criterion that credits a deed (an action, a promise, an offer) sets this: "我不会帮您
    # 核查" and "退不了" do not do it, so negation and a refusal after the verb cancel a match.
    negatable: bool = False

    _check_patterns = field_validator("patterns", "exclude")(_subset_patterns)
    _check_techniques = field_validator("techniques")(_known_techniques)

    @property
    def has_matchers(self) -> bool:
        return bool(self.techniques or self.patterns or self.sets)


class PhraseSet(StrictModel):
    patterns: list[str] = Field(min_length=1)
    exclude: list[str] = Field(default_factory=list)
    negatable: bool = False
    # said instead of a criterion's `missing` line when the set spoils (`spoilt_by`) the only
    # words that would have met it: {quotes} are the set's words, {missing} the criterion's
    # missing line ("你写到了{quotes}，但这和客户说的正好相反……{missing}")
    said: str | None = Field(default=None, min_length=1)

    _check_patterns = field_validator("patterns", "exclude")(_subset_patterns)

    @field_validator("said")
    @classmethod
    def _quotes_the_words(cls, text: str | None) -> str | None:
        fields = {name for _, name, _, _ in Formatter().parse(text or "") if name is not None}
        if text is not None and ("quotes" not in fields or not fields <= {"quotes", "missing"}):
            raise ValueError("said quotes the set's words as {quotes} (and may add {missing}), nothing else")
        return text


class Order(StrictModel):
    first: list[str] = Field(min_length=1)
    then: list[str] = Field(min_length=1)
    # false: the earliest of `first` comes before the earliest of `then` ("open questions
    # before closed ones"); true: some `then` follows the earliest `first` ("the
    # alternatives come after the refusal", though the rule may be restated before it).
    any_then: bool = False
    # true: `first` is in order of rank, and the first name that finds anything is the first
    # side ("the alternatives come after the refusal"; the reason stands for the refusal only
    # where none is said).
    ranked: bool = False


class Criterion(_Matchers):
    id: str = Field(pattern=_ID)
    label: str = ""
    points: float = Field(gt=0, strict=True)  # (strict: `points: true` is no 1)
    section: str = ""
    min_count: int = Field(default=1, ge=1)
    # Evidence these patterns match counts once towards `min_count`: asking what he needs three
    # ways (请问有什么可以帮您？您需要什么帮助？有什么需要？) is one open question, not three.
    count_as_one: list[str] = Field(default_factory=list)
    # Short of `min_count`, each distinct piece of evidence earns its share of the points: one
    # open question of the two asked for earns half (trainers rate such a reply between the
    # one that asks none and the one that asks two).
    partial_credit: bool = False
    in_quotes: bool = False  # own patterns also match quoted/reported speech (restated facts)
    # Evidence (from techniques too, which `exclude` cannot reach) overlapping what a penalty
    # or set named in `spoilt_by` found earns nothing here: a bad question is not also a good
    # closed one, nor a sales push ("要不要试试这款？") a question about the customer's need.
    spoilt_by: list[str] = Field(default_factory=list)
    # A reply that rebukes the customer anywhere earns nothing here: thanks after a scolding
    # sends the customer off ("感谢您的宝贵意见。下一位").
    void_in_rebuke: bool = False
    # The evidence is quoted as the whole clauses it starts and ends in: a pattern that must
    # start at the hall word (营业厅, so that a lookahead can find the staff member's name)
    # quotes 这里是城东营业厅, not 营业厅; a closing 吗 quotes 心里大概有个价位吗.
    quote_clause: bool = False
    # A restatement in the learner's own words: a reply no more than this share of which is its
    # own, the rest saying again the customer's line whoever its pronouns point at (您是说这个月又
    # 多扣了您50块钱是吧), parrots him and earns nothing here (score.gaming.echoes).
    own_words: float | None = Field(default=None, gt=0, lt=1)
    # Evidence every quote of which one of these patterns matches whole (its normalised text,
    # as quoted: a whole clause with `quote_clause`) meets the criterion in a form to say more strongly: the points stand, and the feedback says
    # `met_weakly` (the rule recited, 补卡必须本人或者带原件和授权书, where a way for him was
    # asked for: 您可以让朋友……; a bare 请讲 where an offer of help was).
    weak: list[str] = Field(default_factory=list)
    order: Order | None = None
    feedback: Feedback

    _check_count_as_one = field_validator("count_as_one", "weak")(_subset_patterns)

    @model_validator(mode="after")
    def _can_be_met(self) -> "Criterion":
        if self.order is None and not self.has_matchers:
            raise ValueError(f"criterion {self.id}: no techniques, patterns, sets or order, so its points are unreachable")
        if self.order is not None and self.has_matchers:
            raise ValueError(f"criterion {self.id}: an order criterion takes no matchers of its own")
        if self.partial_credit and self.min_count < 2:
            raise ValueError(f"criterion {self.id}: partial_credit needs min_count of 2 or more (a share of one piece is all or nothing)")
        if self.feedback.out_of_order and self.order is None:
            raise ValueError(f"criterion {self.id}: feedback.out_of_order is said only by an order criterion")
        if self.feedback.counted_once and not self.count_as_one:
            raise ValueError(f"criterion {self.id}: feedback.counted_once is said only with count_as_one")
        if self.feedback.partial and not self.partial_credit:
            raise ValueError(f"criterion {self.id}: feedback.partial is said only with partial_credit")
        if bool(self.weak) != bool(self.feedback.met_weakly):
            raise ValueError(f"criterion {self.id}: weak patterns and feedback.met_weakly go together (one says when, the other what)")
        if self.order is not None and self.own_words:
            raise ValueError(f"criterion {self.id}: an order criterion has no evidence of its own to void (own_words)")
        if self.order is not None and self.void_in_rebuke:
            raise ValueError(f"criterion {self.id}: an order criterion has no evidence of its own to void (void_in_rebuke)")
        return self


class Penalty(_Matchers):
    id: str = Field(pattern=_ID)
    label: str = ""
    points: float = Field(gt=0, strict=True)  # (strict: `points: true` is no 1)
    section: str = ""
    unless: list[str] = Field(default_factory=list)
    # What a set named here finds does not count for this penalty, even from a technique: a
    # grudging 是是是 is impatience, still a rebuke, but no judgement of the customer's account.
    spoilt_by: list[str] = Field(default_factory=list)
    feedback: Feedback

    @model_validator(mode="after")
    def _can_apply(self) -> "Penalty":
        if not self.has_matchers:
            raise ValueError(f"penalty {self.id}: no techniques, patterns or sets, so it never applies")
        return self


class Sample(StrictModel):
    label: Literal["excellent", "partial", "poor", "adversarial"]
    text: str
    met: list[str] = Field(default_factory=list)
    penalties: list[str] = Field(default_factory=list)
    max_score: float | None = None
    min_score: float | None = None
    gamed: bool = False  # the grader must flag it (keyword list, repetition, copy, empty)
    note: str = ""


class Rubric(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str = Field(min_length=1)
    module: str = ""
    touchpoint: str = ""
    prompt: str = Field(min_length=1)
    customer_says: str = ""
    placeholder: str = ""
    min_agreement: float = Field(default=0.95, ge=0, le=1)
    sets: dict[str, PhraseSet] = Field(default_factory=dict)
    criteria: list[Criterion] = Field(min_length=1)
    penalties: list[Penalty] = Field(default_factory=list)
    samples: list[Sample] = Field(default_factory=list)

    @property
    def max_score(self) -> float:
        return float(sum(c.points for c in self.criteria))

    def criterion(self, id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == id)

    def score_of(self, met: AbstractSet[str], penalties: Collection[str]) -> float:
        """The score of a reply that meets ``met`` and draws ``penalties`` (ids), by the points:
        a penalty excused by a met criterion (``unless``) costs nothing; the total stays in
        ``[0, max_score]``."""
        total = sum(c.points for c in self.criteria if c.id in met)
        total -= sum(p.points for p in self.penalties if p.id in penalties and met.isdisjoint(p.unless))
        return self.bounded(total)

    def bounded(self, total: float) -> float:
        """A sum of points as a score: kept in ``[0, max_score]``, to the hundredth."""
        return round(min(max(total, 0.0), self.max_score), 2)

    @model_validator(mode="after")
    def _references_resolve(self) -> "Rubric":
        criteria = [c.id for c in self.criteria]
        penalties = [p.id for p in self.penalties]
        for field, ids, what in (("criteria", criteria, "criterion"), ("penalties", penalties, "penalty")):
            for k, i in enumerate(ids):
                if i in ids[:k]:
                    raise PlacedError((field, k, "id"), f"duplicate {what} id {i}")
        for k, i in enumerate(penalties):
            if i in criteria:
                raise PlacedError(("penalties", k, "id"), f"penalty id {i} is also a criterion's: a sample's marks "
                                  "and the grade's JSON would not tell them apart")
        names = set(criteria) | set(TECHNIQUES) | set(self.sets)
        for field, items in (("criteria", self.criteria), ("penalties", self.penalties)):
            for k, item in enumerate(items):
                for name in item.sets:
                    if name not in self.sets:
                        raise PlacedError((field, k, "sets"), f"{item.id}: unknown set {name!r}")
        for k, c in enumerate(self.criteria):
            if c.order:
                unknown = [n for n in c.order.first + c.order.then if n not in names]
                if unknown:
                    raise PlacedError(("criteria", k, "order"), f"criterion {c.id}: order names unknown {', '.join(unknown)}")
                if c.id in c.order.first + c.order.then:
                    raise PlacedError(("criteria", k, "order"), f"criterion {c.id}: an order cannot refer to itself")
            unknown = [n for n in c.spoilt_by if n not in penalties and n not in self.sets]
            if unknown:
                raise PlacedError(("criteria", k, "spoilt_by"),
                                  f"criterion {c.id}: 'spoilt_by' names unknown penalty or set {', '.join(unknown)}")
            if c.own_words and not self.customer_says:
                raise PlacedError(("criteria", k, "own_words"),
                                  f"criterion {c.id}: own_words needs the customer's line (customer_says) to compare with")
        for k, p in enumerate(self.penalties):
            unknown = [n for n in p.unless if n not in criteria]
            if unknown:
                raise PlacedError(("penalties", k, "unless"), f"penalty {p.id}: 'unless' names unknown criterion {', '.join(unknown)}")
            unknown = [n for n in p.spoilt_by if n not in self.sets]
            if unknown:
                raise PlacedError(("penalties", k, "spoilt_by"), f"penalty {p.id}: 'spoilt_by' names unknown set {', '.join(unknown)}")
        for k, s in enumerate(self.samples):
            for field, known in (("met", criteria), ("penalties", penalties)):
                unknown = [n for n in getattr(s, field) if n not in known]
                if unknown:
                    what = "criterion" if field == "met" else "penalty"
                    raise PlacedError(("samples", k, field), f"sample {k + 1}: unknown {what} {', '.join(unknown)}")
        return self
