"""Sentence-level techniques: bad questions (any sentence) and open/closed questions."""

from __future__ import annotations

import re

from carecourse.detect.matcher import PhraseMatcher, make_finding
from carecourse.results import Finding
from carecourse.detect.structure import ASKED_LAST, Structure

__all__ = ["find_questions"]

_TRAILING = " \n。!?;.~,"
# A clause that opens with 请问 starts the question; what comes before it in the sentence
# (a greeting, "这里是…营业厅，我是…") is not part of it.
_ASKS = re.compile(r"[,:] ?请问")
# "现在用的是哪个牌子,用着顺手吗?" asks two things: an earlier clause with an open-question
# word is an open question of its own, unless it only sets up a condition or an offer.
_CLAUSE = re.compile(r"[^,:]+")
# A greeting (您好, 欢迎光临) opening a sentence is no part of its question: 您好，您平时用手机主要
# 做什么？ asks 您平时用手机主要做什么？ (a rebuke's sentence leaves the same greeting out: score).
GREETING_CLAUSE = re.compile(r"(您|你|大家)(们)?好(呀|啊|哈)?|(早上|上午|中午|下午|晚上)好|欢迎(光临)?")
_GREETED = re.compile(rf"(?:{GREETING_CLAUSE.pattern})(?:[,!] ?| )")
# ... and neither is a clause saying what the staff member saw him do: 看您转了好一会儿了，是给
# 自己挑还是给家里人买呀？ asks 是给自己挑还是给家里人买呀？ (on dev: 14 decisions towards trainers, 1 away)
_LEAD_IN = re.compile(r"我?(?:看|瞧|见)(?:您|你)[^,?!。]{0,14}, ?")
# "May I ask …?" asks what it wraps: its 吗 asks leave to ask (能问一下您平时用手机主要做什么吗？ is open).
_MAY_I_ASK = re.compile(r"我?(?:能|可以|方便|想)(?:问|请教)(?:一下|下)?")
_NOT_ASKING = re.compile(r"如果|要是|假如|万一|无论|不管|随时|都可以|有什么(?:问题|需要)")
# a sentence of a chat-style reply, closed by a space or the reply's end, that ends in the word it
# asks with: 预算大概多少, 平时主要用来干嘛 (not 没什么, 不算什么)
_ASKED_LAST = re.compile(rf"(?<![没不算])(?:{'|'.join(ASKED_LAST)})$")
_ASKING_WORD = re.compile(r"什么|怎么|怎样|哪|如何|为什么|多少|啥|干嘛")
# A question mark after a hedge, with no one addressed, is the speaker unsure aloud, not a
# question put to the customer: 补卡……好像是二十？, 可能是还没揽收？, 系统显示是…风控冻结？
_DOUBT = re.compile(r"好像|应该|可能|大概|也许|估计|似乎|记得")
_ADDRESSED = re.compile(r"您|你")


def question_end(text: str) -> str | None:
    """How a sentence ends as a question: ``"?"``, the particle ``吗``/``么``/``呢``, ``"wh"``
    for the word it asks with and no mark at all (预算多少, in a reply parted by spaces), or None.

    A sentence ending in ``呢`` or ``"wh"`` is only a question if it also asks something (see
    ``find_questions``): "我这边忙着呢" and "后面还有人排队呢" state a fact."""
    stripped = text.rstrip(" \n")
    if stripped.endswith("?"):
        return "?"
    core = stripped.rstrip(_TRAILING)
    unmarked = stripped == core
    if unmarked and _ASKED_LAST.search(core):
        return "wh"
    if unmarked and core.endswith("什么"):  # (没什么: 么 closes a word, it asks nothing)
        return None
    return core[-1] if core.endswith(("吗", "呢", "么")) else None


def is_question(text: str) -> bool:
    """A sentence is a question if it ends with '?', in a question particle, or (no mark at all)
    in the word it asks with."""
    return question_end(text) is not None


def question_start(text: str, s: int, e: int) -> int:
    """Where the question in the sentence ``text[s:e]`` starts: at a clause opening with 请问,
    and after a greeting and a lead-in (看您转了好一会儿了) opening it."""
    asks = _ASKS.search(text, s, e)
    start = asks.end() - 2 if asks else s
    greeted = _GREETED.match(text, start, e)
    start = greeted.end() if greeted and greeted.end() < e else start
    lead = _LEAD_IN.match(text, start, e)
    return lead.end() if lead and lead.end() < e else start


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
        found += _open_clauses(structure, q, e, closed, open_)
        asked = _asked_end(text, q, e)
        if any(m.matches_in(structure, q, asked) for m in closed):
            found.append(make_finding(structure, "closed_question", q, e))
        elif any(m.matches_in(structure, q, asked) for m in open_):
            found.append(make_finding(structure, "open_question", q, e))
        elif end not in ("呢", "wh") and not _unsure_aloud(text, q, e):
            found.append(make_finding(structure, "closed_question", q, e))
    return found


def _asked_end(text: str, q: int, e: int) -> int:
    """Where what the question from ``q`` asks ends: before the 吗 of "may I ask …吗?", else ``e``."""
    core = text[q:e].rstrip(_TRAILING)
    if (core.endswith("吗") or (core.endswith("么") and not core.endswith("什么"))) and _MAY_I_ASK.match(text, q, e):
        return q + len(core) - 1
    return e


def _unsure_aloud(text: str, q: int, e: int) -> bool:
    return bool(_DOUBT.search(text, q, e)) and not _ADDRESSED.search(text, q, e)


def _open_clauses(structure: Structure, q: int, e: int, closed, open_) -> list[Finding]:
    """Open questions asked in the clauses before a question sentence's last clause."""
    clauses = [m.span() for m in _CLAUSE.finditer(structure.text, q, e)]
    found = []
    for cs, ce in clauses[:-1]:
        piece = structure.text[cs:ce]
        if _NOT_ASKING.search(piece) or not _ASKING_WORD.search(piece) or len(piece.strip()) < 4:
            continue
        if any(m.matches_in(structure, cs, ce) for m in open_) and not any(m.matches_in(structure, cs, ce) for m in closed):
            found.append(make_finding(structure, "open_question", cs, ce))
    return found
