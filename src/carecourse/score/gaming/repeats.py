"""Replies that say again what was said already: the same words over and over
(repetition, padding), the customer's own line sent back (a copy, or an echo where the
learner's own words should be)."""

from __future__ import annotations

import re
from functools import cache

from carecourse.detect.factoring import one_of
from carecourse.score.gaming.config import SEPARATORS, content_of, settings

__all__ = ["RUN", "echoes", "is_copy", "is_padding", "is_repetition", "said_again"]

RUN = re.compile(r"(.{2,10}?)\1{2,}")


def is_repetition(text: str, content: str) -> bool:
    rule = settings()["repetition"]
    clauses = [c for c in SEPARATORS.split(text) if c]
    if len(clauses) >= rule["min_clauses"] and len(set(clauses)) <= rule["distinct_share"] * len(clauses):
        return True
    return _runs_cover(content, rule["run_share"])


def _runs_cover(content: str, share: float) -> bool:
    """Units repeated back to back (抱歉抱歉抱歉) cover ``share`` of the content."""
    # Runs covering a share s of the content leave at most (1 - 2s/3) of it distinct (a unit
    # repeated 3+ times adds at most a third of its run); more distinct characters: no runs.
    if len(set(content)) > (1 - 2 * share / 3) * len(content):
        return False
    return sum(len(m.group(0)) for m in RUN.finditer(content)) >= share * len(content)


def is_padding(content: str) -> bool:
    """The reply says again what it said before ("请问有什么可以帮您的吗？可以帮您的吗？",
    "我帮您查一下，帮您查一下") in runs covering ``repetition.echo_share`` of it."""
    rule = settings()["repetition"]
    return said_again(content, rule["echo_run"]) >= rule["echo_share"] * len(content)


def is_copy(content: str, customer_says: str) -> bool:
    rule = settings()["copy"]
    customer = content_of(customer_says)
    if len(content) > 4 * len(customer):
        return False  # a long reply cannot be mostly a copy of a short line
    if len(one_of(customer).findall(content)) < rule["share"] * len(content):
        return False  # too few of its characters even occur in the customer's line
    return said_again(content, rule["min_run"], customer) >= rule["share"] * len(content)


def echoes(text: str, customer_says: str, own_words: float) -> bool:
    """Whether no more than ``own_words`` of the normalised reply ``text`` is its own: the rest
    says again the customer's line, in runs of ``echo.min_run`` characters or more, punctuation
    aside and its pronouns read as one (您是说这个月又多扣了您50块钱是吧 for 这个月又多扣了我50块钱):
    it parrots him instead of saying it in its own words."""
    fold = _speakers()
    content = SEPARATORS.sub("", text).translate(fold)
    customer = content_of(customer_says).translate(fold)
    return said_again(content, settings()["echo"]["min_run"], customer) >= (1 - own_words) * len(content) > 0


@cache
def _speakers() -> dict[int, str]:
    chars = settings()["echo"]["speakers"]
    return str.maketrans(dict.fromkeys(chars, chars[0]))


def said_again(content: str, min_run: int, source: str | None = None) -> int:
    """How many characters of ``content`` say again, in runs of ``min_run`` or more, what
    ``source`` said (the customer's line), or with no source what ``content`` said before them."""
    covered, i, n = 0, 0, len(content)
    while i < n:
        seen = content[:i] if source is None else source
        if content[i : i + min_run] not in seen:  # (most places: no run long enough starts here)
            i += 1
            continue
        k = 0
        while i + k < n and content[i : i + k + 1] in seen:
            k += 1
        if k >= min_run:
            covered += k
            i += k
        else:
            i += 1
    return covered
