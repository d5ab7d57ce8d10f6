"""Rubric files are validated on load; lints warn about weaker problems."""

import re

import pytest

from carecourse.rubrics import RubricError, builtin, parse, scenario_ids
from carecourse.rubrics.lint import warnings

MINIMAL = """
id: mini
title: 测试
prompt: 写一句问候。
criteria:
  - id: greeting
    points: 2
    techniques: [greeting]
    section: m4-touchpoints#enter-hall
    feedback: {met: 有问候。, missing: 请先问候。}
"""


def rubric_with(extra: str = "", **replace) -> str:
    text = MINIMAL
    for old, new in replace.items():
        text = text.replace(old, new)
    return text + extra


def test_minimal_rubric_loads():
    rubric = parse(MINIMAL)
    assert rubric.max_score == 2.0 and rubric.min_agreement == 0.95


@pytest.mark.parametrize(
    "text, message",
    [
        (rubric_with(**{"[greeting]": "[greting]"}), "unknown technique greting"),
        (rubric_with(**{"techniques: [greeting]": "patterns: ['\\d+元']"}), "[0-9]"),
        (rubric_with(**{"techniques: [greeting]": "patterns: ['(?<=你)好']"}), "lookbehind"),
        (rubric_with(**{"techniques: [greeting]": "patterns: ['(您)?']"}), "empty text"),
        (rubric_with(**{"techniques: [greeting]": "techniques: [greeting]\n    count_as_one: ['(?<=你)好']"}), "lookbehind"),
        (rubric_with(**{"techniques: [greeting]": "label: 没有匹配"}), "points are unreachable"),
        (rubric_with(**{"points: 2": "points: 0"}), "greater than 0"),
        (rubric_with(**{"points: 2": "points: .inf"}), "finite number"),  # else grade --json prints Infinity
        (rubric_with(**{"points: 2": "points: .nan"}), "finite number"),
        (rubric_with(**{"points: 2": "points: true"}), "valid number"),  # no 1 point
        (rubric_with("penalties:\n  - id: p\n    points: .inf\n    techniques: [forbidden]\n    feedback: {met: a, missing: b}\n"), "finite number"),
        (rubric_with("penalties:\n  - id: greeting\n    points: 1\n    techniques: [forbidden]\n    feedback: {met: a, missing: b}\n"),
         "penalty id greeting is also a criterion's"),
        (rubric_with(**{"title: 测试\n": ""}), "title: Field required"),
        (rubric_with("  - id: greeting\n    points: 1\n    techniques: [greeting]\n    feedback: {met: a, missing: b}\n"), "duplicate criterion id greeting"),
        (rubric_with("  - id: order\n    points: 1\n    order: {first: [greeting], then: [nothing]}\n    feedback: {met: a, missing: b}\n"), "order names unknown nothing"),
        (rubric_with("  - id: s\n    points: 1\n    sets: [missing]\n    feedback: {met: a, missing: b}\n"), "unknown set 'missing'"),
        (rubric_with("penalties:\n  - id: p\n    points: 1\n    techniques: [forbidden]\n    unless: [ghost]\n    feedback: {met: a, missing: b}\n"), "unknown criterion ghost"),
        (rubric_with("  - id: s\n    points: 1\n    techniques: [greeting]\n    spoilt_by: [ghost]\n    feedback: {met: a, missing: b}\n"), "'spoilt_by' names unknown penalty or set ghost"),
        (rubric_with("  - id: order\n    points: 1\n    void_in_rebuke: true\n    order: {first: [greeting], then: [greeting]}\n    feedback: {met: a, missing: b}\n"), "an order criterion has no evidence of its own to void"),
        (rubric_with("penalties:\n  - id: p\n    points: 1\n    techniques: [forbidden]\n    spoilt_by: [ghost]\n    feedback: {met: a, missing: b}\n"), "penalty p: 'spoilt_by' names unknown set ghost"),
        (rubric_with("samples:\n  - label: excellent\n    text: 您好\n    met: [ghost]\n"), "sample 1: unknown criterion ghost"),
        (rubric_with("samples:\n  - label: excellent\n    text: 您好\n    penalties: [ghost]\n"), "sample 1: unknown penalty ghost"),
        (rubric_with(**{"techniques: [greeting]": "techniques: [greeting]\n    partial_credit: true"}), "partial_credit needs min_count of 2"),
        (rubric_with(**{"missing: 请先问候。}": "missing: 请先问候。, partial: 问候了一半。}"}), "feedback.partial is said only with partial_credit"),
        (rubric_with(**{"missing: 请先问候。}": "missing: 请先问候。, counted_once: 只算一次。}"}), "feedback.counted_once is said only with count_as_one"),
        # the pattern as written, not with its backslashes doubled
        (rubric_with(**{"techniques: [greeting]": "patterns: ['耳塞[0-9]?\\d']"}), "pattern '耳塞[0-9]?\\d': use an explicit class"),
        (rubric_with(**{"missing: 请先问候。}": "missing: 请先问候。, out_of_order: '顺序反了{then}{first}'}"}), "out_of_order is said only by an order criterion"),
        (rubric_with(**{"missing: 请先问候。}": "missing: 请先问候。, out_of_order: '顺序反了{then}'}"}), "as {first} and {then}"),
        (rubric_with(**{"missing: 请先问候。}": "missing: 请先问候。, out_of_order: '{then}{first}{quotes}'}"}), "as {first} and {then}"),
        (rubric_with("sets:\n  s:\n    said: 相反了\n    patterns: ['不']\n"), "as {quotes}"),
        (rubric_with("sets:\n  s:\n    said: '{quotes}{then}'\n    patterns: ['不']\n"), "as {quotes}"),
        (rubric_with(**{"    points: 2\n": "    points: 2\n    weak: ['您好']\n"}), "weak patterns and feedback.met_weakly go together"),
        (rubric_with(**{"missing: 请先问候。}": "missing: 请先问候。, met_weakly: 只说了一半。}"}), "weak patterns and feedback.met_weakly go together"),
        (rubric_with(**{"    points: 2\n": "    points: 2\n    weak: ['(?<=你)好']\n", "missing: 请先问候。}": "missing: 请先问候。, met_weakly: 只说了一半。}"}), "lookbehind"),
        (rubric_with("colour: red\n"), "colour: Extra inputs are not permitted"),
        ("- just\n- a list\n", "a rubric is a YAML mapping"),
        ("id: [unclosed\n", "not valid YAML"),
    ],
)
def test_invalid_rubrics_are_rejected_with_a_clear_reason(text, message):
    with pytest.raises(RubricError) as err:
        parse(text, "my.yaml")
    assert re.match(r"my\.yaml:\d+: ", str(err.value))
    assert message in str(err.value)


@pytest.mark.parametrize(
    "text, where",
    [
        (rubric_with(**{"points: 2": "points: 0"}), "my.yaml:7: criteria.0.points:"),  # the value's line
        (rubric_with(**{"title: 测试\n": ""}), "my.yaml:2: title: Field required"),  # missing: the mapping's line
        (rubric_with("colour: red\n"), "my.yaml:11: colour:"),
        ("id: mini\ntitle: [unclosed\n", "my.yaml:3: not valid YAML"),
        # a key written twice: YAML would keep the last without a word
        (rubric_with(**{"    section:": "    techniques: [apology]\n    section:"}),
         "my.yaml:9: techniques is given twice (first on line 8)"),
        # a cross-reference names the line it is written on, not the top of the file
        (rubric_with("  - id: greeting\n    points: 1\n    techniques: [greeting]\n    feedback: {met: a, missing: b}\n"),
         "my.yaml:11: criteria.1.id: duplicate criterion id greeting"),
        (rubric_with("penalties:\n  - id: greeting\n    points: 1\n    techniques: [forbidden]\n    feedback: {met: a, missing: b}\n"),
         "my.yaml:12: penalties.0.id: penalty id greeting is also a criterion's"),
        (rubric_with("samples:\n  - label: excellent\n    text: 您好\n    met: [ghost]\n"),
         "my.yaml:14: samples.0.met: sample 1: unknown criterion ghost"),
        ("- a list\n", "my.yaml:1: a rubric is a YAML mapping"),
    ],
)
def test_a_rubric_error_names_the_file_and_line(text, where):
    with pytest.raises(RubricError, match=re.escape(where)):
        parse(text, "my.yaml")


def test_lint_warns_about_missing_samples_and_sections():
    rubric = parse(MINIMAL.replace("    section: m4-touchpoints#enter-hall\n", ""))
    found = " | ".join(warnings(rubric))
    assert "only 0 marked samples" in found
    assert "no book section" in found


def test_lint_warns_when_no_sample_meets_a_criterion():
    rubric = parse(rubric_with("samples:\n  - label: poor\n    text: 喂\n    met: []\n"))
    assert any("no sample meets it" in w for w in warnings(rubric))


def test_lint_warns_when_met_feedback_gives_examples_a_learner_may_not_have_said():
    # "你给出了具体的下一步（核查明细、退还多扣的费用）" shown to a learner who only said 我帮您查一下
    rubric = parse(MINIMAL.replace("met: 有问候。", "met: 你问候了客户（您好、欢迎光临）。"))
    assert any("examples in brackets" in w for w in warnings(rubric))
    assert not any("examples in brackets" in w for w in warnings(parse(MINIMAL)))


@pytest.mark.parametrize(
    "pattern, reads",
    [
        ("Earplug", "'Earplug' reads 'earplug'"),  # ASCII is lower-cased
        ("耳塞！", "'耳塞！' reads '耳塞!'"),  # full-width punctuation is half-width
        ("換房間", "'換房間' reads '换房间'"),  # Traditional is Simplified
        ("(?:给|帮)您換房間", "'您換房間' reads '您换房间'"),
        ("(?:Earplug|耳塞！)", "'Earplug' reads 'earplug', '耳塞！' reads '耳塞!'"),  # every alternative dead
        ("耳塞[！？]", "'！' reads '!', '？' reads '?'"),
        ("报歉", "'报歉' reads '抱歉'"),  # typos are fixed
    ],
)
def test_lint_warns_about_a_pattern_no_normalised_text_matches(pattern, reads):
    rubric = parse(rubric_with(**{"techniques: [greeting]": f"patterns: ['{pattern}']"}))
    found = [w for w in warnings(rubric) if "can never match" in w]
    assert found == [f"criterion greeting: pattern '{pattern}' can never match: patterns see the learner's text normalised "
                     f"(lower-case, half-width, Simplified, typos fixed), where {reads}"]


@pytest.mark.parametrize("pattern", ["(?:換房間|换房间)", "耳塞[！!]", "耳塞(?!！)", "耳塞[^！]", "耳塞\\?", "(?:耳塞)?您好", "a\\.b"])
def test_lint_passes_a_pattern_some_normalised_text_matches(pattern):
    rubric = parse(rubric_with(**{"techniques: [greeting]": f"patterns: ['{pattern}']"}))
    assert not [w for w in warnings(rubric) if "can never match" in w]


def test_lint_checks_every_pattern_list_of_a_rubric():
    text = rubric_with("sets:\n  s:\n    patterns: ['Sorry']\n", **{
        "techniques: [greeting]": "techniques: [greeting]\n    sets: [s]\n    exclude: ['耳塞！']\n    count_as_one: ['換']"})
    found = [w.split(" can never")[0] for w in warnings(parse(text)) if "can never match" in w]
    assert found == ["set s: pattern 'Sorry'", "criterion greeting: pattern '耳塞！'", "criterion greeting: pattern '換'"]


@pytest.mark.parametrize("scenario", scenario_ids())
def test_shipped_rubrics_are_clean(scenario):
    rubric = builtin(scenario)
    assert warnings(rubric) == []
    assert len(rubric.samples) >= 10
    assert rubric.max_score > 0
