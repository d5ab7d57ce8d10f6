"""The techniques' learned second opinion (detect/learned.py): in the analyzer's view only,
only where the lexicon found nothing, only when sure, pointing at the clause that says it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import carecourse
import carecourse.detect
from carecourse.detect.matcher import make_finding
from carecourse.detect import TECHNIQUES, learned
from carecourse.detect.linear import SCALE, LinearModel
from carecourse.evaluation import jsonl
from carecourse.render.html import annotated_html

DEV = Path(__file__).parent / "data" / "techniques" / "dev.jsonl"
# a reason in words no reason frame lists (a stock-take holding the parcels)
STOCKTAKE = "仓库那边今天盘点，发不了货。"


def _learned(text: str) -> list[tuple[str, str]]:
    return [(f.id, f.text) for f in carecourse.analyze(text).findings if f.kind == learned.KIND]


def test_the_models_are_trained_on_the_technique_dev_part_as_it_is_today():
    data = json.loads((Path(learned.__file__).parent / learned.MODEL_FILE).read_text(encoding="utf-8"))
    rows = list(jsonl(DEV))
    assert data["replies"] == len(rows)  # else: bench/train_techniques.py
    assert data["scale"] == SCALE and data["n"] == [1, 2]
    assert set(data["techniques"]) == {"action", "commitment", "reason"}
    for t, m in data["techniques"].items():
        assert m["positives"] == sum(t in r["techniques"] for r in rows)
        # whole numbers: every sum is exact, in Python and JavaScript alike
        assert all(type(w) is int and w != 0 for w in [*m["weights"].values(), m["bias"]])
        assert m["bias"] < data["sure"]  # so a clause with no weight of its own is never read as it
        assert 100 <= len(m["weights"]) <= 500  # kept small for the browser


def test_a_reason_no_frame_lists_is_read_from_its_clause():
    assert _learned(STOCKTAKE) == [("reason", "仓库那边今天盘点")]
    analysis = carecourse.analyze(STOCKTAKE)
    assert analysis.of("reason") == []  # what rubrics draw on: the lexicon alone
    (finding,) = [f for f in analysis.findings if f.id == "reason"]
    assert STOCKTAKE[finding.start : finding.end] == finding.text
    assert finding.to_dict()["kind"] == "learned"


def test_nothing_is_added_where_the_lexicon_already_found_the_technique():
    text = "系统在升级，暂时办不了。"
    analysis = carecourse.analyze(text)
    assert [f.kind for f in analysis.findings if f.id == "reason"] == [None]
    assert analysis.learned() == []


def test_replies_without_the_technique_get_nothing_added():
    for text in ("您好，请问有什么可以帮您？", "好的，谢谢您。", "您好，欢迎光临。"):
        assert _learned(text) == [], text


def test_nothing_is_read_into_a_rebuke():
    """A sentence that blames the customer explains nothing, whatever its words."""
    rebuke = "你自己没看清楚，仓库那边今天盘点，发不了货。"
    assert carecourse.analyze(rebuke).of("forbidden")
    assert _learned(rebuke) == []
    assert _learned("您好，" + STOCKTAKE) == [("reason", "仓库那边今天盘点")]


def test_the_customers_quoted_words_are_never_read():
    analysis = carecourse.analyze(f'您说"{STOCKTAKE}"，我帮您问一下。')
    assert analysis.open_clauses() and all(not analysis.structure.is_quoted(s) for s, _ in analysis.open_clauses())
    assert not any(f.id == "reason" for f in analysis.learned())


def test_the_clause_the_model_is_surest_of_is_the_evidence_if_sure_enough():
    analysis = carecourse.analyze("甲乙，丙丁。")
    model = LinearModel({"甲": 3 * SCALE, "丙": 5 * SCALE}, -2 * SCALE, 2)
    (finding,) = analysis.learned({"reason": model})
    assert (finding.id, finding.text, finding.kind) == ("reason", "丙丁", "learned")
    shy = LinearModel({"甲": 1 * SCALE, "丙": 2 * SCALE}, -2 * SCALE, 2)  # 丙丁 scores 0: not sure
    assert analysis.learned({"reason": shy}) == []


def test_a_clause_two_models_pick_is_read_as_the_surer_ones_technique():
    analysis = carecourse.analyze("甲乙，丙丁。")
    reason = LinearModel({"甲": 3 * SCALE, "丙": 5 * SCALE}, -2 * SCALE, 2)
    promise = LinearModel({"丙": 6 * SCALE}, -2 * SCALE, 2)
    assert [(f.id, f.text) for f in analysis.learned({"reason": reason, "commitment": promise})] == [("commitment", "丙丁")]
    promise = LinearModel({"丙": 4 * SCALE}, -2 * SCALE, 2)
    assert [(f.id, f.text) for f in analysis.learned({"reason": reason, "commitment": promise})] == [("reason", "丙丁")]


@pytest.mark.parametrize("scenario", ["decline-policy", "follow-up-promise"])
def test_rubrics_draw_on_the_lexicons_alone(scenario):
    """The models know what labellers call a reason or a promise anywhere; a rubric's
    criterion asks for something narrower and has a learned second opinion of its own."""
    result = carecourse.grade(scenario, STOCKTAKE)
    assert not any(e.kind == learned.KIND and not e.id.startswith("learned:") for c in result.criteria for e in c.evidence)
    assert all(not c.met for c in result.criteria if c.id in ("reason", "explain"))


def test_grades_never_depend_on_the_models(monkeypatch):
    """Rubric criteria, penalties and gaming checks (a keyword list counts the lexicons'
    technique words) are the same with models that fire on every reply."""
    replies = ["道歉 理解 核查 回电 谢谢", "抱歉 谢谢", STOCKTAKE, "王先生您好，非常抱歉，我马上为您核查，今天下午五点前给您回电。"]
    before = [carecourse.grade("complaint-billing", r).to_dict() for r in replies]

    def everywhere(structure, techniques, *rest):
        return [make_finding(structure, t, 0, len(structure.text), kind=learned.KIND) for t in techniques]

    monkeypatch.setattr(carecourse.detect, "learned_readings", everywhere)
    assert carecourse.analyze(STOCKTAKE).learned()  # the patch is in force
    assert [carecourse.grade("complaint-billing", r).to_dict() for r in replies] == before
    assert before[0]["flags"][0]["id"] == "keyword_list"


def test_a_models_reading_is_marked_as_such_and_lessons_show_the_lexicons_alone():
    analysis = carecourse.analyze("您好，" + STOCKTAKE)
    html = annotated_html(analysis)
    assert 'class="cc-t-reason cc-learned" title="说明原因（模型判断）">仓库那边今天盘点</mark>' in html
    assert "（模型判断）" not in annotated_html(analysis, learned=False)  # (the stylesheet names cc-learned)
    assert 'class="cc-t-greeting"' in annotated_html(analysis, learned=False)
