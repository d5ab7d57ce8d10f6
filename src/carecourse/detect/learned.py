"""A learned second opinion on the techniques staff put in the most different words.

A reason needs no 因为 (仓库今天盘点), a promise no digits (预计明天送达): hand-written
frames cover the replies they were written from and few others. For each technique in
``learned.json`` (trained by ``bench/train_techniques.py`` on the technique corpus's dev
part, never its test part), a linear model over a clause's character 1- and 2-grams
(``linear.py``) reads the clauses where the lexicon found nothing: the clause it scores
highest, when that score is above ``sure``, is a finding of kind ``learned``.
"""

from __future__ import annotations

import json
from functools import cache

from carecourse.detect.linear import LinearModel
from carecourse.detect.matcher import make_finding
from carecourse.detect.structure import Structure
from carecourse.packaged import read_text
from carecourse.results import Finding

__all__ = ["KIND", "MODEL_FILE", "learned_finding", "learned_techniques", "models", "settings"]

MODEL_FILE = "learned.json"
KIND = "learned"


@cache
def settings() -> dict:
    """The model file as shipped (``sure`` and each technique's weights)."""
    return json.loads(read_text(__package__, MODEL_FILE))


@cache
def models() -> dict[str, LinearModel]:
    data = settings()
    longest = max(data["n"])
    return {t: LinearModel(m["weights"], m["bias"], longest) for t, m in data["techniques"].items()}


@cache
def learned_techniques(order: tuple[str, ...]) -> tuple[str, ...]:
    """The techniques with a model, in ``order``."""
    return tuple(t for t in order if t in settings()["techniques"])


def learned_finding(structure: Structure, technique: str, clauses: list[tuple[int, int]],
                    model: LinearModel | None = None) -> Finding | None:
    """The clause of ``clauses`` that the model (``model``, else the shipped one) is surest
    says ``technique``, if it is sure enough; else None."""
    model = model or models().get(technique)
    if model is None:
        return None
    span = model.heaviest(structure, clauses)  # (a clause's score is the bias plus its weight)
    if span is None or model.score(structure.text[span[0] : span[1]]) <= settings()["sure"]:
        return None
    return make_finding(structure, technique, *span, kind=KIND)
