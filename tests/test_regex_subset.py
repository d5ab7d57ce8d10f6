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
        ("(耳)?(?(1)塞|x)", "conditional groups"),
        ("(耳)(?(1)塞)", "conditional groups"),
        ("[😀-😂]", "list such characters one by one"),
        ("表情[😀-😂]", "list such characters one by one"),
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


# Each kind of syntax once (and a few combinations): whatever the subset lets through, the
# browser's translation must write out, or `rubric check` passes a pattern the site cannot run.
CONSTRUCTS = [
    "抱歉", "a.b", "[^,。]", "[0-9]", "[😀😂]", "😀", "(a)", "(?:a)", "a|b", "a?b", "a*b", "a+", "a{2}", "a{2,}", "a{2,3}",
    "a*?b", "a{1,2}?", "^a", "a$", "a(?=b)", "a(?!b)", "(a)\\1", "\\?", "\\.", "\\n", "\\t", "a(?#note)", "(耳)?(?(1)塞|x)",
    "[😀-😂]", "(?<=a)b", "(?>a)", "a*+", "(?P<x>a)(?P=x)", "(?i)a", "(?i:a)", "\\d", "[\\s]", "\\ba", "a\\Z", "\\Aa",
    "(?:(a)|b)(?(1)c|d)", "((?:a|b)+)\\1", "[a-z]{1,3}(?!c)", "(?=a)a", "a(?=(?:b|c)$)",
]


@pytest.mark.parametrize("pattern", CONSTRUCTS)
def test_what_the_subset_allows_the_browser_can_run(pattern):
    from carecourse.web.jsregex import PRIVATE_USE, js_regex

    if subset_problem(pattern) is None:
        stand_ins = {c: PRIVATE_USE[0] for c in pattern if ord(c) > 0xFFFF}  # as `carecourse web` gives them
        assert js_regex(pattern, stand_ins)
