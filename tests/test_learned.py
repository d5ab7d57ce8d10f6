"""The rubrics' learned second opinion: it only adds, only when sure, and points at a clause."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import carecourse
from carecourse.detect.linear import SCALE, log_odds
from carecourse.rubrics import builtin, scenario_ids
from carecourse.score import _compiled, learned

DEV = Path(__file__).parent / "data" / "corpus" / "dev.jsonl"
TRAINER_NOTE = "把手机号给我吧"  # a request the complaint-billing patterns do not read as an action


def _dev() -> list[dict]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


def _toy_opinion(criterion: str, grams: dict[str, float], bias: float = -2.0) -> learned.Opinion:
    vocabulary = sorted(grams)
    return learned.Opinion({
        "n": [1, 2], "sure": log_odds(0.95), "evidence_share": 0.5, "vocabulary": vocabulary,
        "criteria": {criterion: {"bias": round(bias * SCALE), "weights": [round(grams[g] * SCALE) for g in vocabulary]}},
    })  # fmt: skip


@pytest.fixture
def toy(monkeypatch):
    """complaint-billing graded with a hand-made model that is sure of 手机号 as an action."""
    rubric = builtin("complaint-billing")
    compiled = _compiled(rubric)
    monkeypatch.setattr(compiled, "opinion", _toy_opinion("action", {"手机": 3.0, "机号": 3.0}))
    return rubric


def test_every_shipped_rubric_has_models_trained_on_the_dev_part_as_it_is_today():
    dev = _dev()
    for rubric_id in scenario_ids():
        data = json.loads((Path(learned.__file__).parent / f"{rubric_id}.json").read_text(encoding="utf-8"))
        assert data["replies"] == sum(r["scenario"] == rubric_id for r in dev)  # else: bench/train_criteria.py
        criteria = {c.id for c in builtin(rubric_id).criteria if not c.order and c.min_count == 1}
        assert data["criteria"] and set(data["criteria"]) <= criteria
        for model in data["criteria"].values():
            assert len(model["weights"]) == len(data["vocabulary"])
            assert all(type(w) is int for w in [*model["weights"], model["bias"]])


def test_a_sure_model_meets_a_missed_criterion_with_the_clause_as_evidence(toy):
    text = f"王先生您好，{TRAINER_NOTE}。"
    plain = carecourse.grade("complaint-billing", text, rubric=builtin("complaint-billing").model_copy(update={"title": "copy"}))
    assert not next(c for c in plain.criteria if c.id == "action").met  # the patterns alone miss it
    result = carecourse.grade("complaint-billing", text, rubric=toy)
    action = next(c for c in result.criteria if c.id == "action")
    assert action.met
    (evidence,) = action.evidence
    assert (evidence.text, evidence.kind) == (TRAINER_NOTE, "learned")
    assert text[evidence.start : evidence.end] == TRAINER_NOTE


def test_an_unsure_model_or_a_clause_that_is_not_the_reason_adds_nothing(toy):
    assert not next(c for c in carecourse.grade("x", "王先生您好。", rubric=toy).criteria if c.id == "action").met
    # sure of the reply, but the weight is spread over many clauses: no clause to point at
    spread = "手，机，号，手机，机号，手机号"
    assert not next(c for c in carecourse.grade("x", spread, rubric=toy).criteria if c.id == "action").met


def test_nothing_is_credited_from_inside_a_rebuke(toy):
    text = f"你自己不会看吗，{TRAINER_NOTE}，别在这儿嚷嚷。"
    result = carecourse.grade("complaint-billing", text, rubric=toy)
    action = next(c for c in result.criteria if c.id == "action")
    assert all(e.kind == "learned" for e in action.evidence)
    assert not any("嚷嚷" in e.text or "不会看" in e.text for e in action.evidence)


def test_a_trainers_changed_rubric_is_graded_by_its_patterns_alone():
    changed = builtin("complaint-billing").model_copy(update={"title": "我们自己的版本"})
    assert _compiled(changed).opinion is None
    assert _compiled(builtin("complaint-billing")).opinion is not None


def test_the_shipped_models_only_add_to_what_the_patterns_find():
    # one changed copy per scenario (a copy is compiled once, not once per reply)
    copies = {s: builtin(s).model_copy(update={"title": builtin(s).title + " "}) for s in scenario_ids()}
    for r in _dev()[::3]:
        shipped, alone = builtin(r["scenario"]), copies[r["scenario"]]
        with_models = carecourse.grade(r["scenario"], r["text"])
        patterns = carecourse.grade(r["scenario"], r["text"], rubric=alone)
        for a, b in zip(patterns.criteria, with_models.criteria):
            assert not a.met or b.met
            learned_evidence = [e for e in b.evidence if e.kind == "learned"]
            if learned_evidence and not shipped.criterion(b.id).order:  # an order shows its sides' evidence
                assert not a.met and len(learned_evidence) == 1
                assert b.met or with_models.flags  # (a gaming flag voids every criterion)
                assert r["text"][learned_evidence[0].start : learned_evidence[0].end] == learned_evidence[0].text
