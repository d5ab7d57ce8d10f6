"""A learned second opinion on the techniques staff put in the most different words.

A reason needs no 因为 (仓库今天盘点), a promise no digits (预计明天送达), a deed no 帮您
(身份证给我): hand-written frames cover the replies they were written from and few others.
For each technique in ``learned.json`` (trained by ``bench/train_techniques.py`` on the
technique corpus's dev part, never its test part), a linear model over a clause's character
1- and 2-grams (``linear.py``) reads the clauses where the lexicon found nothing: the clause
it scores highest, when that score is above ``sure``, is a finding of kind ``learned``. One
clause gets one reading: where two models pick the same clause, the surer one's.
"""

from __future__ import annotations

import json
from functools import cache

from carecourse.detect.linear import LinearModel
from carecourse.detect.matcher import make_finding
from carecourse.detect.structure import Structure
from carecourse.packaged import read_text
from carecourse.results import Finding

__all__ = ["KIND", "MODEL_FILE", "learned_readings", "learned_techniques", "models", "settings"]

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


def learned_readings(structure: Structure, techniques: list[str], clauses: dict[str, list[tuple[int, int]]],
                     given: dict[str, LinearModel] | None = None) -> list[Finding]:
    """For each of ``techniques`` (in order), the clause of ``clauses[technique]`` its model
    (from ``given``, else the shipped one) is surest says it, if sure enough; a clause two
    models are sure of is read as the surer one's technique alone (the first on a tie)."""
    sure, shipped = settings()["sure"], models()
    readings: dict[tuple[int, int], tuple[int, str]] = {}
    for t in techniques:
        model = (given or shipped)[t]
        span = model.heaviest(structure, clauses[t])  # (a clause's score is the bias plus its weight)
        score = model.score(structure.text[span[0] : span[1]]) if span else sure
        if score > sure and (span not in readings or score > readings[span][0]):
            readings[span] = (score, t)
    found = [make_finding(structure, t, *span, kind=KIND) for span, (_, t) in readings.items()]
    return sorted(found, key=lambda f: techniques.index(f.id))
