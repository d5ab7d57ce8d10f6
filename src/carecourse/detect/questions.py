"""Sentence-level techniques: bad questions (any sentence) and open/closed questions."""

from __future__ import annotations

import re

from carecourse.detect.matcher import Finding, PhraseMatcher, make_finding
from carecourse.detect.structure import Structure

__all__ = ["find_questions"]

_TRAILING = " \n。!?;.~,"
# A clause that opens with 请问 starts the question; what comes before it in the sentence
# (a greeting, "这里是…营业厅，我是…") is not part of it.
_ASKS = re.compile(r"[,:] ?请问")


def question_end(text: str) -> str | None:
    """How a sentence ends as a question: ``"?"``, the particle ``吗``/``么``/``呢``, or None.

    A sentence ending in ``呢`` without a question mark is only a question if it also asks
    something (see ``find_questions``): "我这边忙着呢" and "后面还有人排队呢" state a fact."""
    stripped = text.rstrip(" \n")
    if stripped.endswith("?"):
        return "?"
    core = stripped.rstrip(_TRAILING)
    return core[-1] if core.endswith(("吗", "呢", "么")) else None


def is_question(text: str) -> bool:
    """A sentence is a question if it ends with '?' or in a question particle."""
    return question_end(text) is not None


def question_start(text: str, s: int, e: int) -> int:
    """Where the question in the sentence ``text[s:e]`` starts: at a clause opening with 请问."""
    asks = _ASKS.search(text, s, e)
    return asks.end() - 2 if asks else s


def find_questions(
    structure: Structure,
    bad: list[PhraseMatcher],
    closed: list[PhraseMatcher],
    open_: list[PhraseMatcher],
) -> list[Finding]:
    """Classify each sentence: a bad question of some kind, else closed, else open."""
    found = []
    text = structure.text
    for s, e in structure.sentences:
        kind = next((k for m in bad if (k := m.kind_in(structure, s, e)) is not None), None)
        if kind is not None:
            found.append(make_finding(structure, "bad_question", s, e, kind))
            continue
        end = question_end(text[s:e])
        if end is None or structure.is_quoted(e - 1):
            continue
        q = question_start(text, s, e)
        if any(m.matches_in(structure, q, e) for m in closed):
            found.append(make_finding(structure, "closed_question", q, e))
        elif any(m.matches_in(structure, q, e) for m in open_):
            found.append(make_finding(structure, "open_question", q, e))
        elif end != "呢":
            found.append(make_finding(structure, "closed_question", q, e))
    return found
