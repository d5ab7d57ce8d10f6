"""Warnings about a rubric that loads but would serve learners badly.

Hard errors (bad patterns, unknown names, unreachable criteria) are raised by the schema
on load; these are the softer problems a trainer should still fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from carecourse.normalize import normalize
from carecourse.regex_subset import parsed, sre_c, subtrees
from carecourse.rubrics.schema import Rubric
from carecourse.wordclasses import expand

__all__ = ["MIN_SAMPLES", "warnings"]

MIN_SAMPLES = 10
_LABELS = ("excellent", "partial", "poor", "adversarial")


def warnings(rubric: Rubric) -> list[str]:
    """Human-readable warnings, empty when the rubric is in good shape."""
    found = []
    if len(rubric.samples) < MIN_SAMPLES:
        found.append(f"only {len(rubric.samples)} marked samples; write at least {MIN_SAMPLES}")
    missing_labels = [label for label in _LABELS if label not in {s.label for s in rubric.samples}]
    if missing_labels:
        found.append(f"no {', '.join(missing_labels)} sample")
    for c in rubric.criteria:
        if rubric.samples and not any(c.id in s.met for s in rubric.samples):
            found.append(f"criterion {c.id}: no sample meets it, so nothing shows its points can be earned")
        if rubric.samples and all(c.id in s.met for s in rubric.samples):
            found.append(f"criterion {c.id}: every sample meets it, so nothing shows it can be missed")
        if "bad_question" in c.techniques or "forbidden" in c.techniques:
            found.append(f"criterion {c.id}: rewards a technique that should be a penalty")
    for item in [*rubric.criteria, *rubric.penalties]:
        if item.feedback.met == item.feedback.missing:
            found.append(f"{item.id}: the 'met' and 'missing' feedback are the same text")
        if item in rubric.criteria and any(bracket in item.feedback.met for bracket in "（("):
            found.append(f"{item.id}: the 'met' feedback gives examples in brackets, which a learner reads as "
                         "what he said; his own words are shown beside it")
        if not item.section:
            found.append(f"{item.id}: no book section for the feedback to point to")
    used = {n for item in [*rubric.criteria, *rubric.penalties] for n in item.sets}
    used |= {n for c in rubric.criteria if c.order for n in c.order.first + c.order.then}
    used |= {n for item in [*rubric.criteria, *rubric.penalties] for n in item.spoilt_by}
    for name in rubric.sets:
        if name not in used:
            found.append(f"set {name}: never used")
    return found + _unseen_literals(rubric)


def _unseen_literals(rubric: Rubric) -> list[str]:
    """Patterns no learner's text can match once normalised (docs/patterns.md, section 1):
    ``Earplug``, ``耳塞！`` and ``換房間`` never match, as the text reads ``earplug``, ``耳塞!``
    and ``换房间``. The normaliser itself says what each literal becomes."""
    found = []
    for where, patterns in _pattern_lists(rubric):
        for p in patterns:
            if unseen := _unseen(parsed(expand(p))):
                reads = ", ".join(f"'{text}' reads '{seen}'" for text, seen in dict.fromkeys(unseen))
                found.append(f"{where}: pattern '{p}' can never match: patterns see the learner's text normalised "
                             f"(lower-case, half-width, Simplified, typos fixed), where {reads}")
    return found


def _pattern_lists(rubric: Rubric) -> Iterator[tuple[str, list[str]]]:
    for name, s in rubric.sets.items():
        yield f"set {name}", s.patterns + s.exclude
    for c in rubric.criteria:
        yield f"criterion {c.id}", c.patterns + c.exclude + c.count_as_one + c.weak
    for p in rubric.penalties:
        yield f"penalty {p.id}", p.patterns + p.exclude


def _unseen(tree) -> list[tuple[str, str]]:
    """Why no normalised text matches the parse tree ``tree``: the literal text every match
    needs and what the normaliser makes of it; empty when some text can match. Literals are
    taken in runs (escapes read as the character they stand for); a branch is dead only when
    each alternative is, a class when each character it names is, a repeat when it must match."""
    run: list[str] = []
    for op, av in [*tree, (None, None)]:
        if op is sre_c.LITERAL:
            run.append(chr(av))
            continue
        if run and (seen := normalize(text := "".join(run)).text) != text:
            return [(text, seen)]
        run = []
        if op is sre_c.IN and all(item is sre_c.LITERAL for item, _ in av):
            unseen = [(chr(code), normalize(chr(code)).text) for _, code in av]
            if all(text != seen for text, seen in unseen):
                return unseen
        elif op is sre_c.BRANCH:
            unseen = [_unseen(branch) for branch in av[1]]
            if all(unseen):
                return [pair for pairs in unseen for pair in pairs]
        elif op in (sre_c.SUBPATTERN, sre_c.ASSERT) or (op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and av[0] > 0):
            if unseen := _unseen(subtrees(op, av)[0]):
                return unseen
    return []
