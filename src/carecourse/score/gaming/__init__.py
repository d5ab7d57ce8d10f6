"""Replies that are not replies: empty, placeholder, not Chinese, keyword lists, repetition,
copying, templates.

``check`` names a reply's first such problem; the checks live beside it — ``lists`` (techniques
named instead of done), ``repeats`` (words said again: repetition, padding, the customer's
line copied or echoed) — and read ``config`` (``gaming.yaml``: thresholds and word lists).
"""

from __future__ import annotations

import re
from functools import cache

from carecourse.detect import TECHNIQUES, Analysis
from carecourse.regex_subset import compile_subset
from carecourse.results import Finding
from carecourse.rubrics import Rubric
from carecourse.score.gaming.lists import CHINESE_NUMERALS, is_keyword_list, is_listed_only, listed_spans, said_in_clause
from carecourse.score.gaming.repeats import echoes, is_copy, is_padding, is_repetition
from carecourse.score.gaming.config import HAN, SEPARATORS, content_of, settings

__all__ = ["EMPTY", "SAID", "SAID_BUT_NOT_RESTATED", "SLOT_LEAD", "blank_spans", "check", "echoes", "listed_spans", "said_in_clause", "settings"]

# Every flagged reply scores 0; these are not even penalised (keyword_list, repetition and
# copied_customer still are: their rude words count).
EMPTY = ("empty", "placeholder", "not_chinese")
# A reply saying the right things over and over, or around the blanks of a template, still
# said them: its criteria are met (the trainers mark them so), though, flagged, it scores
# nothing. Every other flag meets none (a keyword list says nothing to him), but the copy below.
SAID = ("repetition", "template")
# The customer's line copied back restates nothing (it meets no criterion that restates his
# words: ``in_quotes``), but a check asked after it is still asked: the trainers mark
# "……，对吗？" met in a parroting reply.
SAID_BUT_NOT_RESTATED = ("copied_customer",)


def check(rubric: Rubric, analysis: Analysis, extra: list[Finding]) -> str | None:
    """The first gaming problem of the reply, or None. ``extra`` holds rubric-pattern findings."""
    text = analysis.structure.text
    content = SEPARATORS.sub("", text)
    if not content:
        return "empty"
    if _is_placeholder(content, rubric):
        return "placeholder"
    if _is_not_chinese(text):
        return "not_chinese"
    memo: list[list[Finding]] = []

    def findings() -> list[Finding]:  # every technique's lexicon runs only if a sign needs them
        if not memo:
            memo.append([f for f in (*analysis.of_any(TECHNIQUES), *extra) if f.id not in ("open_question", "closed_question", "bad_question")])
        return memo[0]

    if is_keyword_list(text, content, findings) or is_listed_only(text):
        return "keyword_list"
    if is_repetition(text, content):
        return "repetition"
    if rubric.customer_says and is_copy(content, rubric.customer_says):
        return "copied_customer"
    if is_padding(content):  # (after the copy: the customer's line said twice is a copy)
        return "repetition"
    if len(blank_spans(text)) >= settings()["template"]["min_blanks"]:
        return "template"
    return None


def _is_placeholder(content: str, rubric: Rubric) -> bool:
    return content in _placeholders() or bool(rubric.placeholder) and content == content_of(rubric.placeholder)


@cache
def _placeholders() -> frozenset[str]:
    return frozenset(content_of(p) for p in settings()["placeholders"])


LATIN_WORD = re.compile("[a-z]{2,}")


def _is_not_chinese(text: str) -> bool:
    """Written mostly in another language: few Chinese characters for its Latin words."""
    rule = settings()["language"]
    words = len(LATIN_WORD.findall(text))
    return words >= rule["min_words"] and len(HAN.findall(text)) < rule["han_per_word"] * words


@cache
def blanks() -> re.Pattern[str]:
    return compile_subset(settings()["template_blanks"])


def blank_spans(text: str) -> list[tuple[int, int]]:
    """Unfilled template blanks in a normalised text."""
    return [m.span() for m in blanks().finditer(text)]


# What may stand between words and the blank that fills their slot: a colon, an item's number, or
# both ("建议您：1.____", "需要：1、____", normalised). Dev +4 -1 (the loss: a slot of choices after a
# colon, 您比较关注哪方面：【拍照/续航/性能】？, where its trainers still heard the question).
SLOT_LEAD = re.compile(f":?(?:[1-9][.、)]|[{CHINESE_NUMERALS}]、)|:")
