"""Any Unicode string grades without an exception and with valid offsets."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import carecourse
from carecourse.rubrics import scenario_ids

PIECES = ["您好", "抱歉", "對不起", "理解", "核查", "谢谢", "吗？", "什么", "\u201c", "\u201d", "你错了", "不", "，", "！", "\n", "報歉", "👋", "\u200b", "\x00", "ｆｕｌｌ"]
replies = st.one_of(
    st.text(),
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=30).map("".join),
)


def check_spans(text, spans):
    for s in spans:
        assert 0 <= s["start"] <= s["end"] <= len(text)
        assert text[s["start"] : s["end"]] == s["text"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=replies, scenario=st.sampled_from(scenario_ids()))
def test_any_text_grades_with_valid_offsets(text, scenario):
    result = carecourse.grade(scenario, text).to_dict()
    assert 0 <= result["score"] <= result["max_score"]
    for item in result["criteria"] + result["penalties"]:
        check_spans(text, item["evidence"])
    check_spans(text, carecourse.analyze(text).to_dict()["techniques"])
    assert carecourse.grade(scenario, text).to_dict() == result


def test_a_100_kb_reply_is_read_to_the_end_and_repetition_earns_nothing():
    sentence = "王先生，非常抱歉！我理解您的心情，马上为您核查账单。请问您是哪天发现的？"
    text = (sentence * 3000)[:100_000]
    result = carecourse.grade("complaint-billing", text)
    apologies = [e for c in result.criteria if c.id == "apology" for e in c.evidence]
    assert len(apologies) == text.count("非常抱歉")  # found all the way through, not in a cut copy
    assert result.score == 0 and result.flags  # one good sentence repeated 2,778 times earns nothing …
    assert carecourse.grade("complaint-billing", sentence).score > 0  # … that earns points once
    check_spans(text, [e.to_dict() for item in result.criteria + result.penalties for e in item.evidence])
    check_spans(text, carecourse.analyze(text).to_dict()["techniques"])
    assert carecourse.grade("complaint-billing", text).to_dict() == result.to_dict()


def test_emoji_and_control_characters():
    text = "\x07您好😊\u202e，非常抱歉\ufeff🙏！\r\n我马上为您核查。"
    result = carecourse.grade("complaint-billing", text)
    assert result.met("apology") and result.met("action")
    check_spans(text, [e.to_dict() for c in result.criteria for e in c.evidence])
