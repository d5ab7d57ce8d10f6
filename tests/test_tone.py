"""The learned tone signal: plain data, an exact sum, the rude sentence as evidence."""

from __future__ import annotations

import json
from pathlib import Path

import carecourse
from carecourse.rubrics import builtin
from carecourse.detect import structure_of
from carecourse.detect.linear import SCALE, LinearModel, ngrams
from carecourse.detect.tone import model, rude_clause, threshold
from carecourse.evaluation import jsonl

DATA = Path(__file__).parent / "data"
DEV = DATA / "corpus" / "dev.jsonl"
TONE_SET = DATA / "tone" / "tone.jsonl"
RUDE_IN_NEW_WORDS = "这事急不来，你明天去网吧办公呗。"  # no lexicon phrase in it
RUDE_CLAUSE = "你明天去网吧办公呗"


def _lines(path: Path) -> list[dict]:
    return list(jsonl(path))


def test_the_model_is_trained_on_the_dev_parts_and_the_tone_set_as_they_are_today():
    tone = model()
    data = json.loads((Path(carecourse.__file__).parent / "detect" / "tone.json").read_text(encoding="utf-8"))
    agreed = [r for r in _lines(TONE_SET) if r["intended"] == r["labelled"]]
    techniques_dev = _lines(DATA / "techniques" / "dev.jsonl")  # staff in other settings
    assert (data["replies"], data["tone_set"]) == (len(_lines(DEV)), len(agreed) + len(techniques_dev))  # else: bench/train_tone.py
    assert tone.longest == 2 and threshold() > 0 and len(tone.weights) > 1000 and data["scale"] == SCALE
    # whole numbers: every sum is exact, in any order, in Python and JavaScript alike
    assert all(type(v) is int and v != 0 for v in [*tone.weights.values(), tone.bias, threshold()])
    assert all(isinstance(k, str) and 1 <= len(k) <= tone.longest for k in tone.weights)


def test_the_tone_set_is_training_data_that_repeats_no_corpus_reply():
    rows = _lines(TONE_SET)
    assert len(rows) == len({r["id"] for r in rows}) == len({r["text"] for r in rows}) > 1000
    corpus = {r["text"] for part in ("dev", "test") for r in _lines(DATA / "corpus" / f"{part}.jsonl")}
    assert not corpus & {r["text"] for r in rows}
    assert all(isinstance(r["intended"], bool) and isinstance(r["labelled"], bool) for r in rows)
    agreement = sum(r["intended"] == r["labelled"] for r in rows) / len(rows)
    assert agreement > 0.95 and 0.4 < sum(r["labelled"] for r in rows) / len(rows) < 0.6


def test_a_score_is_the_bias_plus_each_distinct_ngram_once():
    tone = model()
    assert tone.score("") == tone.bias
    assert ngrams("您您好", tone.longest) == {"您", "好", "您您", "您好"}
    assert tone.score("您您好") == tone.bias + sum(tone.weights.get(g, 0) for g in ["您", "好", "您您", "您好"])
    assert tone.score("哈哈哈") == tone.score("哈哈")  # each distinct n-gram counts once


def test_rude_words_no_lexicon_lists_are_penalised_with_the_sentence_as_evidence():
    analysis = carecourse.analyze(RUDE_IN_NEW_WORDS)
    (tone,) = [f for f in analysis.findings if f.kind == "tone"]
    assert (tone.id, tone.text) == ("forbidden", RUDE_CLAUSE)
    result = carecourse.grade("follow-up-promise", RUDE_IN_NEW_WORDS)
    (penalty,) = [p for p in result.penalties if p.id == "forbidden"]
    assert RUDE_CLAUSE in [f.text for f in penalty.evidence]


def test_only_the_rude_clause_is_marked_and_polite_replies_are_left_alone():
    text = "唉。" + RUDE_IN_NEW_WORDS
    span = rude_clause(structure_of(text))
    assert span is not None and text[span[0] : span[1]] == RUDE_CLAUSE
    for polite in ["您稍等，我马上帮您查。", "王先生，您先坐，我马上帮您把账单调出来看看。", "您好，欢迎光临！请问办理什么业务？"]:
        assert rude_clause(structure_of(polite)) is None


def test_rude_words_quoted_back_are_not_the_staff_speaking():
    assert rude_clause(structure_of(f'"{RUDE_IN_NEW_WORDS}"这种话，我不会说。')) is None
    # the whole reply in quotation marks is the staff's own words
    assert rude_clause(structure_of(f'"{RUDE_IN_NEW_WORDS}"')) is not None


def test_a_greeting_in_another_clause_of_the_rude_sentence_still_counts():
    text = "您好，我不会带您去的，您自己找窗口吧。"
    result = carecourse.grade("greet-entry", text)
    assert {c.id for c in result.criteria if c.met} == {"greeting"}
    (penalty,) = [p for p in result.penalties if p.id == "forbidden"]
    assert "您好" not in "".join(f.text for f in penalty.evidence)


def _fixed_model(monkeypatch, weights: dict[str, int], bias: int) -> None:
    """The tone model replaced by one whose weights the test chooses, so a test of a rule
    does not hang on where a fitted model puts a borderline sentence."""
    import carecourse.detect.tone as tone

    monkeypatch.setattr(tone, "model", lambda: LinearModel(weights, bias, 2))


def test_a_clause_the_lexicon_declares_not_rude_is_not_rude_by_tone(monkeypatch):
    # the model flags every reply, and the clause with 急, 错, 用, 例 or 晾 in it is the rude one
    _fixed_model(monkeypatch, dict.fromkeys("急错用例晾", 1_000), bias=10**6)
    assert [f.kind for f in carecourse.analyze("这事急不来，我们马上查。").of("forbidden")] == ["tone"]
    assert carecourse.analyze("肯定不是您设置错了，我们马上查。").of("forbidden") == []
    assert carecourse.analyze("这肯定不是您不会用，我们一起查查原因。").of("forbidden") == []
    # giving way (wrongly, but kindly) is no rebuke either
    assert carecourse.analyze("我这回就给您破个例。").of("forbidden") == []
    # nor is disowning a slight
    assert carecourse.analyze("我们真不是故意晾着您的。").of("forbidden") == []


# A rude-sounding phrase said in a sentence that reads clearly calm (my own examples)
CALM_COFFEE = "我理解您明天要在家办公，已经帮您约了明天上午师傅上门。您要是实在着急，也可以先去附近咖啡馆办公，师傅出发前会给您打电话。"


def test_a_rude_sounding_phrase_in_a_clearly_calm_sentence_is_no_rebuke(monkeypatch):
    import carecourse.score.rebukes as rebukes

    patterns_only = builtin("follow-up-promise").model_copy(update={"title": "a trainer's copy"})  # no second opinion
    # a model sure that no sentence of this reply is rude: the rule is under test, not where a
    # fitted model puts the sentence (dev's trainers penalised 62 of the 64 replies in which the
    # patterns find such a suggestion, so a retrained model may read it either way)
    _fixed_model(monkeypatch, {}, bias=-(10**6))
    assert "forbidden" not in {p.id for p in carecourse.grade("follow-up-promise", CALM_COFFEE, rubric=patterns_only).penalties}
    monkeypatch.setattr(rebukes, "calm", lambda structure, pos: False)  # without the rule: penalised
    assert "forbidden" in {p.id for p in carecourse.grade("follow-up-promise", CALM_COFFEE, rubric=patterns_only).penalties}


def test_courtesy_around_a_rebuke_does_not_make_it_calm():
    from carecourse.detect.tone import calm

    text = "您好，你肯定是弄错了，请到这边取号。"  # one sentence that reads calm as a whole
    structure = structure_of(text)
    assert not calm(structure, structure.text.index("你肯定"))
    assert "forbidden" in {p.id for p in carecourse.grade("greet-entry", text).penalties}


def test_calm_means_the_model_is_sure_the_sentence_is_not_rude():
    from carecourse.detect.linear import log_odds
    from carecourse.detect.tone import calm

    data = json.loads((Path(carecourse.__file__).parent / "detect" / "tone.json").read_text(encoding="utf-8"))
    assert data["calm"] == log_odds(0.02) < 0 < data["threshold"]
    # (您好，请问有什么可以帮您？ sits on the 2% line itself: 1.94% before batch 35 joined, 2.01% after)
    structure = structure_of("您好，欢迎光临！" + RUDE_IN_NEW_WORDS)
    assert calm(structure, 0) and not calm(structure, structure.text.index("你明天"))


def test_a_rebuke_in_an_otherwise_polite_reply_is_still_penalised():
    text = "王先生您好，非常抱歉让您跑一趟。您自己不会看账单吗？我马上帮您查。"
    result = carecourse.grade("complaint-billing", text)
    (penalty,) = [p for p in result.penalties if p.id == "forbidden"]
    assert any("账单吗" in f.text for f in penalty.evidence)


def test_a_rude_sentence_in_a_reply_that_leans_rude_counts_on_its_own(monkeypatch):
    """The reply below the threshold as a whole, but above the sentence gate, and its rudest
    sentence alone above the sentence threshold: that sentence's rudest clause is the finding
    (learners' red team, session 46: one rude line after a complete reply went unpenalised)."""
    import carecourse.detect.tone as tone

    _fixed_model(monkeypatch, {"滚": 3_000, "好": -1_500, "请": -1_000}, bias=0)
    text = "您好。请坐。滚吧。"  # 500 as a whole; 3,000 the last sentence alone
    structure = structure_of(text)
    base = {"threshold": 5_000, "calm": -10_000}
    for data, expected in [
        (base, None),  # the reply alone decides, as before the gate
        (base | {"sentence_gate": 0, "sentence_threshold": 2_000}, "滚吧"),
        (base | {"sentence_gate": 1_000, "sentence_threshold": 2_000}, None),  # the reply does not lean rude
        (base | {"sentence_gate": 0, "sentence_threshold": 3_500}, None),  # nor is the sentence rude enough
    ]:
        monkeypatch.setattr(tone, "_data", lambda data=data: data)
        span = tone.rude_clause(structure)
        assert (structure.text[span[0] : span[1]] if span else None) == expected


def test_the_shipped_sentence_thresholds_are_the_ones_trained_and_measured():
    from carecourse.detect.linear import log_odds

    data = json.loads((Path(carecourse.__file__).parent / "detect" / "tone.json").read_text(encoding="utf-8"))
    assert (data["sentence_gate"], data["sentence_threshold"]) == (log_odds(0.5), log_odds(0.975))
    assert data["calm"] < data["sentence_gate"] < data["threshold"] < data["sentence_threshold"]
