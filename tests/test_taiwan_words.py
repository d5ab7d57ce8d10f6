"""A reply in Traditional script with Taiwan's own words is graded as its mainland twin."""

import opencc
import pytest

import carecourse
from carecourse.normalize.script import _table

TO_TAIWAN = opencc.OpenCC("s2twp")  # what the course's Taiwan edition shows

MAINLAND = [
    # 设备 → 裝置, 远程 → 遠端, 短信 → 簡訊: explain and follow_up hang on these words alone
    ("follow-up-promise", "理解您明天要在家办公，真是着急。您家的设备出了问题，远程无法修复，明天上午十点前我会用短信通知您处理结果。"),
    ("follow-up-promise", "您家的宽带需要维修，明天上午十点前会用短信通知您。"),
]


def met(result) -> list[str]:
    return sorted(c.id for c in result.criteria if c.met)


@pytest.mark.parametrize("scenario, mainland", MAINLAND)
def test_taiwan_words_earn_what_the_mainland_words_earn(scenario, mainland):
    taiwan = TO_TAIWAN.convert(mainland)
    assert any(word in taiwan for word in ("裝置", "遠端", "簡訊", "寬頻"))
    twin, result = carecourse.grade(scenario, mainland), carecourse.grade(scenario, taiwan)
    assert met(result) == met(twin) and "follow_up" in met(result)
    assert [p.id for p in result.penalties] == [p.id for p in twin.penalties]
    assert result.score == twin.score
    evidence = [e for c in result.criteria for e in c.evidence]
    assert evidence and all(taiwan[e.start : e.end] == e.text for e in evidence)


def test_the_evidence_quotes_the_learners_taiwan_words():
    taiwan = TO_TAIWAN.convert(MAINLAND[0][1])
    result = carecourse.grade("follow-up-promise", taiwan)
    quotes = {c.id: [e.text for e in c.evidence] for c in result.criteria if c.met}
    assert "簡訊" in quotes["follow_up"] and "遠端無法修復" in quotes["explain"]  # (explain quotes its clause)


def test_read_character_by_character_the_taiwan_words_earn_less():
    """What the grader did before it knew Taiwan's words (so the tests above can fail)."""
    taiwan = TO_TAIWAN.convert(MAINLAND[0][1])
    by_char = taiwan.translate(_table()[0])
    assert "简讯" in by_char and "远端" in by_char
    assert not {"explain", "follow_up"} & set(met(carecourse.grade("follow-up-promise", by_char)))
