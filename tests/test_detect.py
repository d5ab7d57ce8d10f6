"""Technique detectors: positive, negated, quoted, Traditional, full-width and typo cases."""

import pytest

import carecourse
from carecourse.detect import TECHNIQUES


def found(text: str, technique: str) -> list[str]:
    return [f.text for f in carecourse.analyze(text).findings if f.id == technique]


# (text, technique, the evidence expected in the learner's own characters, or None = absent)
CASES = [
    # greeting
    ("您好，欢迎光临！", "greeting", "您好"),
    ("早上好，王先生。", "greeting", "早上好"),
    ("您好！", "greeting", "您好"),  # full-width punctuation
    ("歡迎光臨！", "greeting", "歡迎光臨"),  # Traditional
    # apology
    ("非常抱歉，给您添麻烦了。", "apology", "非常抱歉"),
    ("不好意思，让您久等了。", "apology", "不好意思"),
    ("我不会道歉的，这不是我的错。", "apology", None),  # negated
    ("非常报歉，我们马上处理。", "apology", "非常报歉"),  # typo
    ("非常抱歉", "apology", "非常抱歉"),
    ("真的很對不起。", "apology", "真的很對不起"),  # Traditional
    ("您刚才说\u201c你们连句对不起都没有\u201d，我明白了。", "apology", None),  # quoted customer words
    # empathy
    ("我非常理解您的心情。", "empathy", "理解您的心情"),
    ("我不理解你为什么生气。", "empathy", None),  # negated
    ("換作是我也會很著急。", "empathy", "換作是我"),  # Traditional
    # thanks
    ("谢谢您的耐心！", "thanks", "谢谢"),
    ("感謝您告訴我們。", "thanks", "感謝"),  # Traditional
    # action
    ("我马上为您核查账单。", "action", "核查"),
    ("我们会把多扣的钱退还给您。", "action", "退还"),
    # commitment
    ("明天上午十点前给您回复。", "commitment", None if False else "明天上午十点前"),
    # follow_up
    ("处理好后我会打电话通知您。", "follow_up", "打电话"),
    # alternative
    ("您也可以请您朋友带身份证原件来办理。", "alternative", "您也可以"),
    # reason
    ("根据实名制规定，补卡需要机主本人的证件。", "reason", "实名制"),
    # forbidden
    ("你错了，我们从不多扣钱。", "forbidden", "你错了"),
    ("你肯定是弄错了。", "forbidden", "你肯定是弄错了"),
    ("這不是我們的政策。", "forbidden", "這不是我們的政策"),  # Traditional
    ("您刚才说\u201c你错了\u201d，这个我记下了。", "forbidden", None),  # quoted
    # negative_label
    ("这个客户素质太差了。", "negative_label", "素质太差"),
    ("您刚才说'你们乱扣钱'，我马上核查。", "negative_label", None),
]


@pytest.mark.parametrize("text, technique, evidence", CASES)
def test_detector(text, technique, evidence):
    hits = found(text, technique)
    if evidence is None:
        assert hits == [], f"{technique} wrongly found in {text!r}: {hits}"
    else:
        assert any(evidence in h or h in evidence for h in hits), f"{technique} not found in {text!r}: {hits}"


def test_quoted_customer_accusation_is_not_staff_blame():
    text = "您刚才说'你们乱扣钱'，非常抱歉，我马上为您核查。"
    ids = {f.id for f in carecourse.analyze(text).findings}
    assert "forbidden" not in ids and "negative_label" not in ids
    assert {"apology", "action"} <= ids


def test_full_width_and_half_width_give_the_same_techniques():
    half = "您好,非常抱歉!我马上为您核查,谢谢您?"
    full = "您好，非常抱歉！我马上为您核查，谢谢您？"
    assert [f.id for f in carecourse.analyze(half).findings] == [f.id for f in carecourse.analyze(full).findings]


def test_traditional_and_simplified_give_the_same_techniques_and_offsets():
    simplified = "您好，非常抱歉让您久等了，我马上为您核查账单，请问您的手机号是多少？"
    traditional = "您好，非常抱歉讓您久等了，我馬上為您核查賬單，請問您的手機號是多少？"
    a, b = carecourse.analyze(simplified).findings, carecourse.analyze(traditional).findings
    assert [(f.id, f.start, f.end) for f in a] == [(f.id, f.start, f.end) for f in b]


@pytest.mark.parametrize(
    "question, kind",
    [
        ("请问您想办理什么业务？", "open_question"),
        ("您平时主要用手机做哪些事情呢？", "open_question"),
        ("您对套餐有什么要求？", "open_question"),
        ("您是想看看这款手机吗？", "closed_question"),
        ("您有没有带身份证？", "closed_question"),
        ("您是要换卡还是补卡？", "closed_question"),
        ("您还有什么问题吗？", "closed_question"),
        ("您是不是想换个大屏的？", "closed_question"),
    ],
)
def test_questions_are_classed_open_or_closed(question, kind):
    findings = carecourse.analyze(question).findings
    classes = [f.id for f in findings if f.id in ("open_question", "closed_question", "bad_question")]
    assert classes == [kind]


@pytest.mark.parametrize(
    "question, kind",
    [
        ("难道你不觉得这样很麻烦吗？", "aggressive"),
        ("你刚才不是说不要了吗？", "exposing"),
        ("你为什么才来？", "exposing"),
        ("如果是你的话，你也不会这么做吧？", "presumptive"),
        ("那你做了什么？", "provocative"),
        ("你还想怎样？", "condescending"),
        ("你为什么不同意？", "condescending"),
        ("没看到牌子吗？", "exposing"),  # a reproach with no pronoun
    ],
)
def test_the_five_bad_question_kinds(question, kind):
    findings = [f for f in carecourse.analyze(question).findings if f.id == "bad_question"]
    assert [f.kind for f in findings] == [kind]
    assert not found(question, "open_question") and not found(question, "closed_question")


def test_several_questions_are_found_per_sentence():
    text = "您好！请问您想看什么样的手机？平时用得多的是哪些功能？预算大概在两千左右，对吗？"
    ids = [f.id for f in carecourse.analyze(text).findings if f.id.endswith("_question")]
    assert ids == ["open_question", "open_question", "closed_question"]


def test_every_technique_has_a_lexicon():
    from carecourse.detect.lexicon import lexicon

    assert set(lexicon()) == set(TECHNIQUES)


def test_analysis_is_deterministic():
    text = "您好，非常抱歉让您久等了！我理解您的心情，马上为您核查。"
    assert carecourse.analyze(text).to_dict() == carecourse.analyze(text).to_dict()


@pytest.mark.parametrize(
    "text, technique, evidence",
    [
        ("别担心，我帮您查一下。", "action", "我帮您查一下"),
        ("别担心我帮您查一下。", "action", "我帮您查一下"),
        ("没问题我马上为您处理。", "action", "我马上为您处理"),
        ("我们不能为您办理。", "action", None),
    ],
)
def test_set_phrases_with_a_negator_negate_nothing_after_them(text, technique, evidence):
    hits = found(text, technique)
    assert (evidence in hits) if evidence else hits == []


def test_a_lexicon_gives_either_patterns_or_kinds():
    from pydantic import ValidationError

    from carecourse.detect.lexicon import LexiconEntry

    with pytest.raises(ValidationError, match="either patterns or kinds"):
        LexiconEntry(id="bad_question", label="x", colour="#ffffff", patterns=["你还想怎样"], kinds={"condescending": ["你还想怎样"]})


def test_a_lexicon_colour_must_be_a_hex_colour():
    from pydantic import ValidationError

    from carecourse.detect.lexicon import LexiconEntry

    with pytest.raises(ValidationError, match="colour"):
        LexiconEntry(id="apology", label="致歉", colour="pink", patterns=["抱歉"])
