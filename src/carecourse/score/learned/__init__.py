"""A learned second opinion on a rubric's criteria, for phrasings its patterns miss.

For each shipped rubric, one linear model per criterion over the reply's character 1- and
2-grams (``carecourse.detect.linear``; weights in ``<rubric id>.json`` beside this file,
trained by ``bench/train_criteria.py`` on the dev corpus, never on the test part). It only
adds, and only where it is sure and can say why: a criterion the patterns missed is met
when the reply scores above ``sure`` and one clause carries at least ``evidence_share`` of
the reply's weight; that clause is the evidence (kind ``learned``). It never takes
away what the patterns found (for a criterion trainers rarely mark met, a low score says
more about the prior than about the reply). A rubric without a model file, such as a
trainer's own, is graded by its patterns alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from itertools import repeat

from carecourse.detect.linear import LinearModel, ngrams
from carecourse.detect.matcher import make_finding
from carecourse.results import Finding
from carecourse.detect.structure import Structure
from carecourse.packaged import read_text

__all__ = ["Opinion", "opinion"]


class Opinion:
    """One rubric's criterion models and the scores at which they overrule the patterns."""

    def __init__(self, data: dict):
        longest = max(data["n"])
        vocabulary = data["vocabulary"]
        self.sure, self.share = data["sure"], data["evidence_share"]
        self.models = {
            cid: LinearModel({g: w for g, w in zip(vocabulary, m["weights"]) if w}, m["bias"], longest)
            for cid, m in data["criteria"].items()
        }
        self._longest = longest
        self._ids = list(self.models)
        rows: dict[str, list[int]] = {}
        for k, model in enumerate(self.models.values()):
            for gram, w in model.weights.items():
                rows.setdefault(gram, [0] * len(self._ids))[k] = w
        self._rows = {gram: tuple(row) for gram, row in rows.items()}  # every model's weight of an n-gram
        self._last: tuple[str | None, dict[str, int]] = (None, {})

    def overrule(self, structure: Structure, cid: str, found: list[Finding], usable: Callable[[int, int], bool]) -> list[Finding]:
        """``found`` (the patterns' evidence for criterion ``cid``), or, where that is empty
        and the model is sure, its evidence clause; ``usable(start, end)`` vets a clause."""
        model = self.models.get(cid)
        if found or model is None:
            return found
        weight = self._reply_weights(structure.text)[cid]
        if model.bias + weight <= self.sure:
            return found
        clauses = [c for s, e in structure.sentences for c in structure.clauses_in(s, e)]
        span = model.heaviest(structure, clauses, skip=lambda s, e: not usable(s, e))
        # the clause must carry a good share of the reply's weight, so the evidence is what did it
        if span and model.weight(structure.text[span[0] : span[1]]) >= self.share * weight:
            return [make_finding(structure, f"learned:{cid}", *span, kind="learned")]
        return found

    def _reply_weights(self, text: str) -> dict[str, int]:
        """Each criterion model's weight of the whole reply, read in one pass over its n-grams
        (the last reply's are kept: a reply asks for several criteria)."""
        last_text, weights = self._last  # read once: another thread may replace it
        if last_text != text:
            rows = list(filter(None, map(self._rows.get, ngrams(text, self._longest))))
            weights = dict(zip(self._ids, map(sum, zip(*rows)) if rows else repeat(0)))
            self._last = (text, weights)
        return weights


@cache
def opinion(rubric_id: str) -> Opinion | None:
    """The shipped models for a rubric, or None if it has none."""
    try:
        return Opinion(json.loads(read_text(__package__, f"{rubric_id}.json")))
    except FileNotFoundError:
        return None

