"""HTML feedback: evidence marked in the learner's own words, everything escaped."""

import re
from html import unescape

import carecourse
from carecourse.render.html import annotated_html, grade_html, highlight, section_href

GOOD = "您好，欢迎光临！请问您办理什么业务？这边请，先取个号。"


def _marks(html: str, cls: str) -> list[str]:
    return [unescape(m) for m in re.findall(rf'<mark class="{cls}"[^>]*>(.*?)</mark>', html)]


def test_met_criteria_mark_the_learners_words():
    result = carecourse.grade("greet-entry", GOOD)
    html = grade_html(result, GOOD)
    evidence = [e.text for c in result.criteria if c.met for e in c.evidence]
    assert evidence and _marks(html, "cc-met") == sorted(evidence, key=GOOD.index)
    assert f"{result.score:g} / {result.max_score:g} 分" in html


def test_a_share_of_points_earned_marks_and_quotes_its_words_too():
    text = "是给自己买吗？喜欢什么价位的？"  # one open question of the two asked for: half its points
    result = carecourse.grade("needs-questions", text)
    half = next(c for c in result.criteria if c.id == "open_questions")
    assert not half.met and half.points > 0 and half.earned
    html = grade_html(result, text)
    assert f'<mark class="cc-met" title="{half.label}">喜欢什么价位的？</mark>' in html
    line = next(li for li in html.split("<li")[1:] if half.label in li)
    assert "你的原话：“喜欢什么价位的？”" in unescape(line)


def test_missed_criteria_link_to_their_book_section():
    result = carecourse.grade("greet-entry", "办什么业务？")
    html = grade_html(result, "办什么业务？")
    assert 'href="m4-touchpoints.html#enter-hall"' in html
    unlinked = grade_html(result, "办什么业务？", book_base=None)
    assert "href=" not in unlinked and "<a " not in unlinked and "去课本复习" not in unlinked


def test_penalties_mark_the_words_in_red():
    text = "您好，你肯定是弄错了，请到这边取号。"
    result = carecourse.grade("greet-entry", text)
    assert result.penalties
    assert "你肯定是弄错" in "".join(_marks(grade_html(result, text), "cc-bad"))


# "规定就是规定" both says the no first (order) and is a taboo, unless the learned second opinion
# lifts it in a reply kind enough (how kind is enough moves as it is retrained): the first of
# these replies where both stand is the one to draw
_TABOO_IN_ORDER = [
    "我特别理解您想帮朋友，可规定就是规定，补卡涉及号码安全。您可以让朋友签好授权书，带着他的身份证原件来。",
    "我理解，可规定就是规定。您可以让朋友签好授权书，带着他的身份证原件来。",
    "先生，可规定就是规定。您可以让朋友签好授权书，带着他的身份证原件来。",
]


def test_a_penalty_is_shown_where_its_words_overlap_a_met_criterions():
    def overlapping(text):
        result = carecourse.grade("decline-policy", text)
        order = next(c for c in result.criteria if c.id == "order")
        taboo = [e for p in result.penalties if p.id == "forbidden" for e in p.evidence]
        if order.met and any(e.start < t.end and t.start < e.end for e in order.evidence for t in taboo):
            return result
        return None

    text, result = next((t, r) for t in _TABOO_IN_ORDER if (r := overlapping(t)))
    html = grade_html(result, text)
    assert "规定就是规定" in "".join(_marks(html, "cc-bad"))


def test_learner_text_is_escaped():
    text = '<script>alert("x")</script>您好'
    html = grade_html(carecourse.grade("greet-entry", text), text)
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_overlapping_spans_never_nest():
    html = highlight("abcdef", [(0, 4, "x", "X"), (2, 6, "y", "Y")])
    assert html.count("<mark") == 1 and html.endswith("ef")


def test_section_href():
    assert section_href("m8-complaints#six-steps", "../book/") == "../book/m8-complaints.html#six-steps"
    assert section_href("m1-care") == "m1-care.html"


def test_annotated_reply_marks_exactly_what_analyze_finds():
    text = "对不起，让您久等了，我理解您的感受。你肯定是弄错了。"
    analysis = carecourse.analyze(text)
    html = annotated_html(analysis)
    found = re.findall(r'<mark class="cc-t-([a-z_]+)(?: cc-learned)?"[^>]*>(.*?)</mark><sup', html)
    assert [(t, unescape(s)) for t, s in found] == [(f.id, f.text) for f in analysis.findings]
    assert {"apology", "empathy", "forbidden"} <= {t for t, _ in found}
    legend = html.split('class="cc-legend"', 1)[1]
    assert "服务禁语" in legend or "禁语" in legend


def test_the_summary_claims_every_point_only_when_every_point_is_met():
    from carecourse import grade

    full = grade("complaint-billing", "王先生，真的非常抱歉，让您又为账单的事跑一趟。这个月多扣了50元，换作是我也会很生气。我现在马上帮您调出这个月的扣费明细，逐项核查，如果确实多扣了，今天就给您办理退还。谢谢您及时告诉我们。")
    almost = grade("complaint-billing", "王先生，非常抱歉！这个月多扣了您50元，换作是我也会生气。我马上为您核查，多扣的钱会退还给您。")
    assert full.score == full.max_score and "所有要点" in full.summary and "只差" not in full.summary
    assert 0.9 <= almost.fraction < 1 and "只差" in almost.summary
