"""Searching an alternation by first character matches exactly what the plain one does."""

from __future__ import annotations

import functools
import json
import random
import re
from pathlib import Path

import pytest

from carecourse.detect import matcher
from carecourse.detect.lexicon import lexicon
from carecourse.detect.factoring import FirstCharSearch, alternation, compile_alternation, first_char_search, kind_of
from carecourse.rubrics import builtin, scenario_ids
from carecourse.score import _CompiledRubric

CORPUS = Path(__file__).parent / "data" / "corpus" / "dev.jsonl"


def _all_matchers() -> list[matcher.PhraseMatcher]:
    found = [m for entry in lexicon().values() if entry.scope != "sentence" for m in entry.matchers()]
    for scenario in scenario_ids():
        compiled = _CompiledRubric(builtin(scenario))
        found += [*compiled.sets.values(), *compiled.own.values()]
    return [m for m in found if m.pattern is not None]


@functools.cache
def _replies() -> tuple[str, ...]:
    """Every tenth dev reply, normalised (once: every matcher is tried on them)."""
    from carecourse.normalize import normalize

    lines = CORPUS.read_text(encoding="utf-8").splitlines()[::10]
    return tuple(normalize(json.loads(line)["text"]).text for line in lines)


def _noise(chars: str, rng: random.Random) -> tuple[str, ...]:
    return tuple("".join(rng.choice(chars) for _ in range(rng.randint(1, 24))) for _ in range(80))


def test_every_lexicon_and_rubric_matcher_finds_the_same_matches_by_first_character_or_plain(monkeypatch):
    factored = _all_matchers()
    monkeypatch.setattr(matcher, "first_char_search", lambda alternatives: None)
    matcher._search_of.cache_clear()  # (one search an alternation: build the plain ones anew)
    plain = _all_matchers()
    matcher._search_of.cache_clear()
    assert not any(isinstance(m.pattern, FirstCharSearch) for m in plain)
    rng = random.Random(12)
    rewritten = 0
    for fast, slow in zip(factored, plain):
        assert fast.id == slow.id
        assert fast.pattern.pattern == slow.pattern.pattern
        if not isinstance(fast.pattern, FirstCharSearch):
            continue
        rewritten += 1
        chars = "".join(sorted(set(re.sub(r"[\\\[\]()?:|{}*+.^$=!,0-9-]", "", slow.pattern.pattern)))) + "，。？ "
        replies, noise = _replies(), _noise(chars, rng)
        for text in replies + noise:
            assert [m.span() for m in slow.pattern.finditer(text)] == [m.span() for m in fast.pattern.finditer(text)]
        for text in replies[::20] + noise:  # (a search from every third position is the costly part)
            for pos in range(0, len(text), 3):
                a, b = slow.pattern.search(text, pos), fast.pattern.search(text, pos)
                assert (a and (a.span(), kind_of(a))) == (b and (b.span(), kind_of(b))), (fast.id, text, pos)
    assert rewritten >= 40  # nearly every matcher searches by first character; a regression would fall back silently


@pytest.mark.parametrize(
    ("patterns", "text", "span"),
    [
        (["(?:非常|十分)?抱歉", "[您你]好"], "嗯十分抱歉", (1, 5)),
        (["(?:非常|十分)?抱歉", "[您你]好"], "你好", (0, 2)),
        (["(?:^|[，。])行了吧"], "行了吧", (0, 3)),
        (["(?:^|[，。])行了吧"], "好，行了吧", (1, 5)),
        (["(?:^|[，。])行了吧"], "这行了吧", None),
        (["^是是是"], "嗯是是是", None),
        (["a{0,2}?ab"], "aaab", (0, 4)),
        (["(?:ab|a)b?c"], "xabc", (1, 4)),
    ],
)
def test_the_first_character_search_keeps_anchors_laziness_and_branch_order(patterns, text, span):
    plain = re.compile("|".join(f"(?:{p})" for p in patterns))
    factored = first_char_search([(None, p) for p in patterns])
    assert factored is not None
    for compiled in (plain, factored):
        match = compiled.search(text)
        assert (match and match.span()) == span


def test_kinds_survive_the_first_character_search():
    alternatives = [("rude", "你(?:懂不懂|会不会)"), ("ok", "你好"), ("rude2", "别问了")]
    pattern = first_char_search(alternatives)
    assert pattern.pattern == alternation(alternatives)
    assert [kind_of(m) for m in pattern.finditer("你好，你懂不懂？别问了")] == ["ok", "rude", "rude2"]


def test_only_the_branches_of_characters_met_are_compiled():
    pattern = first_char_search([(None, "(?:非常|十分)?抱歉"), (None, "[您你]好"), (None, "谢谢")])
    assert pattern.search("嗯，十分抱歉").span() == (2, 6)
    assert sorted(pattern._routes) == ["十"]
    assert pattern.search("你好").span() == (0, 2) and pattern.search("您好").span() == (0, 2)
    assert pattern._routes["您"]["好"] is pattern._routes["你"]["好"]  # the same branches: one regex


def test_a_branch_is_tried_only_where_the_text_goes_on_with_its_second_character():
    pattern = first_char_search([(None, "您好"), (None, "您(?:的|们)?.?问题"), (None, "您先"), (None, "谢.*")])
    heads = pattern._starting
    assert dict(heads["您"]) == {0: frozenset("好"), 1: None, 2: frozenset("先")}
    assert heads["谢"] == [(3, None)]
    assert pattern.search("您先坐").span() == (0, 2)
    assert pattern.search("您问题").span() == (0, 3)
    assert pattern.search("您") is None
    route = pattern._routes["您"]
    assert route["好"] == (0, 1) and route[""] is pattern._compiled[(1,)]


def test_an_alternation_built_from_its_patterns_parse_trees_matches_as_its_text_does():
    alternatives = [("rude", "你(懂不懂|会不会)"), ("rude", "滚"), ("ok", "([您你])好"), (None, "(?:非常|(十)分)?抱歉"), ("late", "^别问了")]
    from_trees, from_text = compile_alternation(alternatives), re.compile(alternation(alternatives))
    assert from_trees.pattern is None  # built from the trees, not compiled from text
    for text in ["你好，你懂不懂？别问了", "别问了，十分抱歉", "滚吧", "您好"]:
        assert [(m.span(), m.lastgroup) for m in from_trees.finditer(text)] == [(m.span(), m.lastgroup) for m in from_text.finditer(text)]
    assert sorted(from_trees.groupindex) == sorted(from_text.groupindex)
    # a back-reference is compiled from text
    assert compile_alternation([(None, "(好)\\1"), (None, "谢谢")]).pattern == "(?:(好)\\1)|(?:谢谢)"


def test_patterns_whose_first_characters_cannot_be_told_are_left_alone():
    assert first_char_search([(None, "(?=好)好的")]) is None  # a lookahead first
    assert first_char_search([(None, ".{0,3}抱歉")]) is None  # any character first
    assert first_char_search([(None, "(好)\\1")]) is None  # a back-reference
    assert first_char_search([(None, "[^好]抱歉")]) is None  # a negated class first
    assert first_char_search([(None, "(?:抱歉)?")]) is None  # may match empty


@pytest.mark.parametrize(
    ("pattern", "heads"),
    [
        ("[您你]好", {"您": {"好"}, "你": {"好"}}),
        ("(?:非常|十分)?抱歉", {"非": {"常"}, "十": {"分"}, "抱": {"歉"}}),
        ("好{2,}", {"好": {"好"}}),
        ("好+", {"好": None}),
        ("好(?=的)", {"好": None}),
        ("^您好", {"您": {"好"}}),
        ("(?:您|你们)[^啊]", {"您": None, "你": {"们"}}),
        ("a{0,2}?ab", {"a": {"a", "b"}}),
        ("好[\\x00a]", {"好": None}),  # the character that marks "anything may follow"
    ],
)
def test_the_first_two_characters_of_a_pattern(pattern, heads):
    from carecourse.detect.heads import heads as _heads

    assert _heads(pattern) == {c: None if s is None else frozenset(s) for c, s in heads.items()}


def test_a_rubrics_scan_gives_every_search_the_matches_it_finds_alone():
    from carecourse.detect.structure import Structure
    from carecourse.normalize import normalize

    rng = random.Random(7)
    for scenario in scenario_ids():
        scan = _CompiledRubric(builtin(scenario)).scan
        assert len(scan.members) >= 10  # its own patterns, sets, lexicons and their exclusions
        chars = "".join(sorted({c for m in scan.members for c in m._starting})) + "，。？ "
        for text in (_replies() + _noise(chars, rng))[::3]:
            structure = Structure(normalize(text))
            scan.run(structure)
            for member in scan.members:
                assert list(structure.starts[member]) == [m.span() for m in member.each_start(structure.text)], (scenario, text)


def test_a_scan_fills_in_only_what_is_not_yet_known():
    from carecourse.detect.scan import Scan
    from carecourse.detect.structure import Structure
    from carecourse.normalize import normalize

    sorry, hello = first_char_search([(None, "(?:非常|十分)?抱歉")]), first_char_search([(None, "[您你]好"), (None, "您先")])
    structure = Structure(normalize("您好，十分抱歉，您先坐"))
    assert hello.starts(structure) == [(0, 2), (8, 10)]  # searched alone first
    Scan([sorry, hello]).run(structure)
    assert list(structure.starts[sorry]) == [(3, 7), (5, 7)] and structure.starts[hello] == [(0, 2), (8, 10)]
    assert Scan([]).members == [] and Scan([re.compile("x")]).members == []  # a plain search is left to itself


def test_a_class_of_characters_matches_each_of_them_literally():
    from carecourse.detect.factoring import one_of

    assert one_of("].^-您").findall("a]b.c^-您\\") == ["]", ".", "^", "-", "您"]
    assert one_of("").search("any text") is None
    assert one_of("您好") is one_of("您好")


# The matchers whose first characters cannot be told, searched plainly. One pattern like that turns its whole
# alternation into a plain search: a rude-words pattern opening "(?:^|[,。!?\n])[^,。!?\n]{0,4}" made every grade
# about 30% slower (session 48). A new one here is a choice to make, not an accident.
PLAIN_SEARCHES = {
    ("lexicon", "closed_question", "pattern"),
    ("decline-policy", "gives_in", "pattern"),
    ("follow-up-promise", "overpromise", "exclude"),
    ("follow-up-promise", "taken_back", "pattern"),
    ("greet-entry", "guidance", "exclude"),
    ("greet-entry", "a_ban", "pattern"),
    ("greet-entry", "points_at", "exclude"),
    ("listening-restate", "asked_again", "pattern"),
    ("needs-questions", "bad_question", "exclude"),
    ("needs-questions", "repeated_ask", "pattern"),
}


def test_only_the_known_matchers_search_without_first_characters():
    named = [("lexicon", technique, m) for technique, entry in lexicon().items() for m in entry.matchers()]
    for scenario in scenario_ids():
        compiled = _CompiledRubric(builtin(scenario))
        named += [(scenario, name, m) for name, m in [*compiled.own.items(), *compiled.sets.items()]]
    plain = {
        (owner, name, part)
        for owner, name, m in named
        for part, search in (("pattern", m.pattern), ("exclude", m.exclude))
        if search is not None and not isinstance(search, FirstCharSearch)
    }
    assert plain == PLAIN_SEARCHES
