"""The rubrics' learned second opinion: it adds criteria only when sure, pointing at a clause;
it takes one the grader met away only when sure trainers would not count it, naming the
words; it only lifts penalties, only when sure."""

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


def _toy_opinion(criterion: str, grams: dict[str, float], bias: float = -2.0, penalties: dict | None = None,
                 doubts: dict | None = None, misses: dict | None = None, adds: dict | None = None) -> learned.Opinion:
    """A hand-made opinion: one criterion model, and penalty, doubt, miss and add models given as
    {penalty or criterion id: (bias, {n-gram: weight}, {verdict token: weight})}."""
    penalties, doubts, misses, adds = penalties or {}, doubts or {}, misses or {}, adds or {}
    vocabulary = sorted({*grams, *(g for _, w, _ in [*penalties.values(), *doubts.values(), *misses.values(), *adds.values()] for g in w)})

    def weights(w: dict[str, float]) -> list[int]:
        return [round(w.get(g, 0.0) * SCALE) for g in vocabulary]

    def reading_found(models: dict) -> dict:
        return {key: {"bias": round(b * SCALE), "weights": weights(w), "verdicts": {t: round(v * SCALE) for t, v in said.items()}}
                for key, (b, w, said) in models.items()}  # fmt: skip

    return learned.Opinion({
        "n": [1, 2], "sure": log_odds(0.95), "evidence_share": 0.5, "lift": log_odds(0.1), "doubt": log_odds(0.2),
        "vocabulary": vocabulary, "criteria": {criterion: {"bias": round(bias * SCALE), "weights": weights(grams)}},
        "penalties": reading_found(penalties), "doubts": reading_found(doubts), "misses": reading_found(misses),
        "adds": reading_found(adds), "add_sure": log_odds(0.8),
    })  # fmt: skip


@pytest.fixture
def toy(monkeypatch):
    """complaint-billing graded with a hand-made model that is sure of 手机号 as an action."""
    rubric = builtin("complaint-billing")
    compiled = _compiled(rubric)
    monkeypatch.setattr(compiled, "opinion", _toy_opinion("action", {"手机": 3.0, "机号": 3.0}))
    return rubric


def _decline_policy_with(monkeypatch, opinion: learned.Opinion):
    """The shipped decline-policy rubric, graded with a hand-made opinion."""
    rubric = builtin("decline-policy")
    monkeypatch.setattr(_compiled(rubric), "opinion", opinion)
    return rubric


def _criterion(result, cid: str):
    return next(c for c in result.criteria if c.id == cid)


def test_every_shipped_rubric_has_models_trained_on_the_dev_part_as_it_is_today():
    dev = _dev()
    for rubric_id in scenario_ids():
        data = json.loads((Path(learned.__file__).parent / f"{rubric_id}.json").read_text(encoding="utf-8"))
        rows = [r for r in dev if r["scenario"] == rubric_id]
        assert data["replies"] == len(rows)  # else: bench/train_criteria.py
        rubric = builtin(rubric_id)
        criteria = {c.id for c in rubric.criteria if not c.order and c.min_count == 1}
        assert data["criteria"] and set(data["criteria"]) <= criteria
        # a penalty trainers give in at least 5% of the replies has a model; a rarer one has none
        often = {p.id for p in rubric.penalties if sum(p.id in r["penalties"] for r in rows) >= 0.05 * len(rows)}
        assert set(data["penalties"]) == often
        tokens = {f"c:{c.id}" for c in rubric.criteria} | {f"p:{p.id}" for p in rubric.penalties}
        # a doubt model for every criterion, order ones too, that the grader meets in replies trainers both do and do not mark met
        assert data["doubts"] and set(data["doubts"]) <= {c.id for c in rubric.criteria}
        assert data["doubt"] < 0  # doubted only where the model puts "met" below even odds
        # a miss model for criteria one clause can show, that the grader misses in replies trainers do and do not mark met
        assert data["misses"] and set(data["misses"]) <= criteria
        for model in [*data["criteria"].values(), *data["penalties"].values(), *data["doubts"].values(), *data["misses"].values()]:
            assert len(model["weights"]) == len(data["vocabulary"])
            assert all(type(w) is int for w in [*model["weights"], model["bias"], *model.get("verdicts", {}).values()])
            assert set(model.get("verdicts", {})) <= tokens
    assert "overpromise" not in json.loads((Path(learned.__file__).parent / "follow-up-promise.json").read_text(encoding="utf-8"))["penalties"]


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


def test_the_shipped_models_add_criteria_doubt_them_with_the_words_named_and_only_lift_penalties():
    # one changed copy per scenario (a copy is compiled once, not once per reply)
    copies = {s: builtin(s).model_copy(update={"title": builtin(s).title + " "}) for s in scenario_ids()}
    doubted_seen = 0
    for r in _dev()[::3]:
        shipped, alone = builtin(r["scenario"]), copies[r["scenario"]]
        with_models = carecourse.grade(r["scenario"], r["text"])
        patterns = carecourse.grade(r["scenario"], r["text"], rubric=alone)
        doubted = {b.id for a, b in zip(patterns.criteria, with_models.criteria) if a.met and not b.met}
        # lifted, or added by a model of the replies the grader misses it in (a flat no only), with the
        # clause it rests on as evidence; or one a doubted criterion kept off (flat_no unless your_option)
        added = {p.id for p in with_models.penalties} - {p.id for p in patterns.penalties}
        for p in with_models.penalties:
            if p.id in added and not doubted.intersection(next(q for q in shipped.penalties if q.id == p.id).unless):
                assert (r["scenario"], p.id) == ("decline-policy", "flat_no")
                assert [e.kind for e in p.evidence] == ["learned"] and r["text"][p.evidence[0].start : p.evidence[0].end] == p.evidence[0].text
        for a, b in zip(patterns.criteria, with_models.criteria):
            if b.id in doubted:  # taken away only with the words that did not count named
                doubted_seen += 1
                assert not b.evidence and not b.points
                if not with_models.flags:  # (a flagged reply's lines say what its flag does)
                    # (a near copy of his line is named as that: said_as_echo)
                    assert ("培训老师通常不算" in b.feedback or "原话照搬" in b.feedback) and f"“{a.quotes[0]}”" in b.feedback
                continue
            learned_evidence = [e for e in b.evidence if e.kind == "learned"]
            if learned_evidence and not shipped.criterion(b.id).order:  # an order shows its sides' evidence
                assert not a.met and len(learned_evidence) == 1
                assert b.met or with_models.flags  # (a gaming flag voids every criterion)
                assert r["text"][learned_evidence[0].start : learned_evidence[0].end] == learned_evidence[0].text
    assert doubted_seen > 100


KIND_NO = "我特别理解您想帮朋友，可规定就是规定，补卡要本人或者授权代办，今天办不了。"


def test_a_sure_penalty_model_lifts_a_penalty_the_patterns_found(monkeypatch):
    # sure that 规定就是规定 is no taboo in a reply that shows understanding (理解)
    rubric = _decline_policy_with(monkeypatch, _toy_opinion("empathy", {}, penalties={"forbidden": (2.0, {"理解": -5.0}, {})}))
    kind = carecourse.grade("decline-policy", KIND_NO, rubric=rubric)
    assert "forbidden" not in {p.id for p in kind.penalties}
    assert "flat_no" in {p.id for p in kind.penalties}  # no model for it here: the patterns decide
    curt = carecourse.grade("decline-policy", "规定就是规定，今天办不了。", rubric=rubric)
    assert "forbidden" in {p.id for p in curt.penalties}
    # a rebuke is never lifted, however sure the model (理解 is in the reply)
    rebuke = carecourse.grade("decline-policy", "我理解您，可你自己不会看吗，今天办不了。", rubric=rubric)
    assert "forbidden" in {p.id for p in rebuke.penalties}


def test_a_penalty_model_reads_what_the_patterns_found(monkeypatch):
    # a flat no is lifted only where the patterns found a reason (the token c:reason)
    rubric = _decline_policy_with(monkeypatch, _toy_opinion("empathy", {}, penalties={"flat_no": (2.0, {}, {"c:reason": -5.0})}))
    with_reason = carecourse.grade("decline-policy", "补卡涉及号码安全，今天办不了。", rubric=rubric)
    bare = carecourse.grade("decline-policy", "今天办不了。", rubric=rubric)
    assert "flat_no" not in {p.id for p in with_reason.penalties}
    assert "flat_no" in {p.id for p in bare.penalties}
    analysis = carecourse.analyze("补卡涉及号码安全，今天办不了。")
    assert _compiled(rubric).pattern_verdicts(analysis) == {"c:reason", "p:flat_no"}


def test_a_sure_add_model_adds_a_penalty_the_patterns_missed_with_its_clause(monkeypatch):
    # sure of a flat no where 可惜 is said and no reason was found (the token c:reason weighs against it)
    toy = _toy_opinion("empathy", {}, adds={"flat_no": (-3.0, {"可惜": 6.0}, {"c:reason": -5.0})})
    rubric = _decline_policy_with(monkeypatch, toy)
    text = "您这份热心真难得，可惜热心不能当身份证用。"
    (flat,) = [p for p in carecourse.grade("decline-policy", text, rubric=rubric).penalties if p.id == "flat_no"]
    assert [(e.text, e.kind) for e in flat.evidence] == [("可惜热心不能当身份证用", "learned")]
    # not where the model reads a reason found, nor where a way forward keeps a flat no off (unless)
    assert "flat_no" not in {p.id for p in carecourse.grade("decline-policy", "补卡涉及号码安全，可惜热心不能当身份证用。", rubric=rubric).penalties}
    with_a_way = "可惜热心不能当身份证用。您可以让朋友写好授权书，带上他的身份证原件来办。"
    assert "flat_no" not in {p.id for p in carecourse.grade("decline-policy", with_a_way, rubric=rubric).penalties}


def test_the_shipped_add_model_is_decline_policys_flat_no_alone():
    for sid in scenario_ids():
        data = json.loads((Path(learned.__file__).parent / f"{sid}.json").read_text(encoding="utf-8"))
        assert set(data.get("adds", {})) == ({"flat_no"} if sid == "decline-policy" else set())
        if sid == "decline-policy":
            assert data["add_sure"] == log_odds(0.8) and len(data["adds"]["flat_no"]["weights"]) == len(data["vocabulary"])
    flat = {p.id for p in carecourse.grade("decline-policy", "嗯嗯，通融，我也想通融啊，谁不想呢。系统它不通融啊。").penalties}
    assert "flat_no" in flat


def test_the_shipped_models_lift_a_taboo_trainers_do_not_hold_against_a_kind_no():
    sandwich = "我特别理解您想帮朋友，可规定就是规定，补卡要本人或者授权代办。您可以让朋友签好授权书，带着他的身份证原件来，我先把材料清单写给您。"
    kind = carecourse.grade("decline-policy", sandwich)
    trainers_copy = builtin("decline-policy").model_copy(update={"title": "我们自己的版本"})
    patterns = carecourse.grade("decline-policy", sandwich, rubric=trainers_copy)
    assert "forbidden" in {p.id for p in patterns.penalties}
    assert "forbidden" not in {p.id for p in kind.penalties}
    assert "forbidden" in {p.id for p in carecourse.grade("decline-policy", "规定就是规定，办不了就是办不了，别在这儿磨了。").penalties}


@pytest.mark.parametrize("sid", scenario_ids())
def test_a_replys_weights_summed_at_once_are_each_models_own_sum(sid):
    """``_reply_weights`` packs every model into one integer per n-gram; unpacked, each model's
    sum is what the model alone gives, however many n-grams (and however negative)."""
    opinion = learned.opinion(sid)
    texts = [sample.text for sample in builtin(sid).samples]
    texts += ["", "不", "对不起" * 3, "规定就是规定，我也没办法。" * 400, "".join(map(chr, range(0x4E00, 0x4E00 + 6000)))]
    for text in texts:
        weights = opinion._reply_weights(text)
        assert weights == {key: model.weight(text) for key, model in opinion.models.items()}


SHALL_DO = "补卡要本人来，规定就是这样。"  # the patterns read 规定就是这样 as the reason


def test_a_sure_doubt_model_takes_a_met_criterion_away_and_names_the_words(monkeypatch):
    copy = builtin("decline-policy").model_copy(update={"title": "copy"})
    reason = _criterion(carecourse.grade("decline-policy", SHALL_DO, rubric=copy), "reason")
    assert reason.met  # the patterns alone
    rubric = _decline_policy_with(monkeypatch, _toy_opinion("empathy", {}, doubts={"reason": (2.0, {"就是": -5.0}, {})}))
    doubted = _criterion(carecourse.grade("decline-policy", SHALL_DO, rubric=rubric), "reason")
    assert (doubted.met, doubted.points, doubted.evidence) == (False, 0.0, [])
    assert doubted.feedback.startswith(f"你写到了{'、'.join(f'“{q}”' for q in reason.quotes)}，")
    assert doubted.feedback.endswith(rubric.criterion("reason").feedback.missing)
    # the model unsure (no 就是): the criterion stands
    assert _criterion(carecourse.grade("decline-policy", "补卡要本人来，这是为了保护机主的号码安全。", rubric=rubric), "reason").met


def test_a_doubt_model_reads_what_the_patterns_found(monkeypatch):
    # doubted only where the patterns also found a flat no (the token p:flat_no)
    rubric = _decline_policy_with(monkeypatch, _toy_opinion("empathy", {}, doubts={"reason": (2.0, {}, {"p:flat_no": -5.0})}))
    assert not _criterion(carecourse.grade("decline-policy", "补卡涉及号码安全，今天办不了。", rubric=rubric), "reason").met
    assert _criterion(carecourse.grade("decline-policy", "补卡涉及号码安全，您可以让机主本人来办。", rubric=rubric), "reason").met


def test_a_miss_model_adds_a_criterion_still_missed_reading_what_the_patterns_found(monkeypatch):
    rubric = builtin("complaint-billing")
    # the criterion's own model unsure; the miss model sure of 手机号 only where an apology was found (c:apology)
    toy = _toy_opinion("action", {}, misses={"action": (-4.0, {"手机": 3.0, "机号": 3.0}, {"c:apology": 2.0})})
    monkeypatch.setattr(_compiled(rubric), "opinion", toy)
    sorry = f"王先生您好，对不起，{TRAINER_NOTE}。"
    assert "c:apology" in _compiled(rubric).pattern_verdicts(carecourse.analyze(sorry))
    action = _criterion(carecourse.grade("complaint-billing", sorry, rubric=rubric), "action")
    assert action.met and [(e.text, e.kind) for e in action.evidence] == [(TRAINER_NOTE, "learned")]
    assert not _criterion(carecourse.grade("complaint-billing", f"王先生您好，{TRAINER_NOTE}。", rubric=rubric), "action").met
