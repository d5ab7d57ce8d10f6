"""Patterns must stay in the subset JavaScript runs the same way."""

import pytest

from carecourse.regex_subset import subset_problem


@pytest.mark.parametrize(
    "pattern",
    ["抱歉", "(?:非常|十分)?抱歉", "[0-9]{1,3}(?:块|元)", "吗\\?$", "我们不会(?!再)", "(.{2,4})\\1", "[^,。]+"],
)
def test_allowed(pattern):
    assert subset_problem(pattern) is None


@pytest.mark.parametrize(
    "pattern, word",
    [
        ("\\d+元", "[0-9]"),
        ("\\b抱歉", "[0-9]"),
        ("(?<=非常)抱歉", "lookbehind"),
        ("(?<!不)理解", "lookbehind"),
        ("(?P<x>抱歉)", "named"),
        ("(?<name>抱歉)", "named"),
        ("(?i)sorry", "inline flags"),
        ("抱歉\\Z", "^ and $"),
        ("\\u6b49", "type the character"),
        ("(抱歉", "not a valid"),
        ("a++", "possessive"),
    ],
)
def test_rejected(pattern, word):
    problem = subset_problem(pattern)
    assert problem is not None and word in problem


def test_word_classes_and_template_blanks_are_in_the_subset():
    from carecourse.packaged import read_yaml
    from carecourse.score.gaming import settings

    classes = read_yaml("carecourse", "wordclasses.yaml")["classes"]
    patterns = [str(a) for alts in classes.values() for a in alts] + settings()["template_blanks"]
    assert patterns and [p for p in patterns if subset_problem(p)] == []
    assert "unknown word class" in subset_problem("{no_such_class}都会生气")
    assert subset_problem("{anyone}都会{feeling}") is None


def test_a_pattern_that_can_match_empty_text_is_refused():
    from carecourse.regex_subset import subset_problem

    assert "empty" in subset_problem("(?=您)")
    assert "empty" in subset_problem("(?:抱歉)?")
    assert subset_problem("(?:非常)?抱歉") is None
