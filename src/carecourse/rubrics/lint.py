"""Warnings about a rubric that loads but would serve learners badly.

Hard errors (bad patterns, unknown names, unreachable criteria) are raised by the schema
on load; these are the softer problems a trainer should still fix.
"""

from __future__ import annotations

from carecourse.rubrics.schema import Rubric

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
    return found
