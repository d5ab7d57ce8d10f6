"""The evidence a criterion shows the learner as their words, shaped after the count: pieces
of one clause joined into one quote, and a criterion's pieces widened to whole clauses where
its rubric asks (``quote_clause``). Offsets are the normalised text's; nothing here changes
what a criterion counts. The browser does the same (``engine/quotes.mjs``: ``joinedInClauses``,
``inWholeClauses``)."""

from __future__ import annotations

from operator import attrgetter

from carecourse.detect.matcher import make_finding
from carecourse.detect.structure import Structure
from carecourse.results import Finding

__all__ = ["QUOTE_GAP", "in_whole_clauses", "joined_in_clauses"]

QUOTE_GAP = 16  # evidence this close in one clause is quoted as one piece


def in_whole_clauses(structure: Structure, f: Finding) -> Finding:
    """``f`` widened to the whole clauses it starts and ends in (营业厅 -> 这里是城东营业厅,
    吗 -> 心里大概有个价位吗; a question of two clauses stays as it is), but not past a space:
    a reply of no punctuation, words parted by spaces, is one clause (您好 看手机吗 有什么需要)."""
    text = structure.text
    start, end = structure.clause_at(f.nstart)
    if f.nend - 1 >= end:  # (it ends in a later clause: most evidence lies in one)
        end = structure.clause_at(f.nend - 1)[1]
    start = min(f.nstart, max(start, text.rfind(" ", start, f.nstart) + 1))
    space = text.find(" ", f.nend, end)
    end = max(f.nend, end if space < 0 else space)
    while start < f.nstart and text[start] == '"':  # (a quotation mark at its edge is not said)
        start += 1
    while end > f.nend and text[end - 1] == '"':
        end -= 1
    return f if (start, end) == (f.nstart, f.nend) else make_finding(structure, f.id, start, end, f.kind)


def joined_in_clauses(structure: Structure, found: list[Finding]) -> list[Finding]:
    """The evidence as the learner's words are quoted back: pieces that overlap are one
    piece, and so are pieces of one clause at most ``QUOTE_GAP`` characters apart with no
    space between them, the words between them included ("我能" and "模板和材料清单给您" in
    "我能做的是把模板和材料清单给您" are not two quotes)."""
    if len(found) < 2:
        return found
    joined: list[Finding] = []
    clause_end = None  # where the clause holding the last piece's end ends (found when asked)
    for f in sorted(found, key=_NSPAN):
        last = joined[-1] if joined else None
        if last and f.nstart - last.nend <= QUOTE_GAP:
            if f.nstart >= last.nend and clause_end is None:
                clause_end = structure.clause_at(max(last.nstart, last.nend - 1))[1]
            if f.nstart < last.nend or (f.nstart < clause_end and " " not in structure.text[last.nend : f.nstart]):
                if f.nend > last.nend:
                    joined[-1], clause_end = make_finding(structure, last.id, last.nstart, f.nend, last.kind), None
                continue
        joined.append(f)
        clause_end = None
    return joined


_NSPAN = attrgetter("nstart", "nend")
