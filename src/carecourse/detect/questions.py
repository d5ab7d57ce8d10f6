"""Sentence-level techniques: bad questions (any sentence) and open/closed questions."""

from __future__ import annotations

from carecourse.detect.matcher import Finding, PhraseMatcher, make_finding
from carecourse.detect.structure import Structure

__all__ = ["find_questions"]

_TRAILING = " \n。!?;.~,"


def is_question(text: str) -> bool:
    """A sentence is a question if it ends with '?' or in a question particle."""
    stripped = text.rstrip(" \n")
    if stripped.endswith("?"):
        return True
    core = stripped.rstrip(_TRAILING)
    return core.endswith(("吗", "呢", "么"))


def find_questions(
    structure: Structure,
    bad: list[PhraseMatcher],
    closed: list[PhraseMatcher],
    open_: list[PhraseMatcher],
) -> list[Finding]:
    """Classify each sentence: a bad question of some kind, else closed, else open."""
    found = []
    for s, e in structure.sentences:
        kind = next((k for m in bad if (k := m.kind_in(structure, s, e)) is not None), None)
        if kind is not None:
            found.append(make_finding(structure, "bad_question", s, e, kind))
            continue
        if structure.is_quoted(e - 1) or not is_question(structure.text[s:e]):
            continue
        if any(m.matches_in(structure, s, e) for m in closed):
            found.append(make_finding(structure, "closed_question", s, e))
        elif any(m.matches_in(structure, s, e) for m in open_):
            found.append(make_finding(structure, "open_question", s, e))
        else:
            found.append(make_finding(structure, "closed_question", s, e))
    return found
