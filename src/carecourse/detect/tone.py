"""A learned signal of rude tone, for rudeness the phrase lexicons have no words for.

A linear model over the character 1- and 2-grams of the normalised reply (``linear.py``;
weights in ``tone.json``, trained by ``bench/train_tone.py``). Above the threshold, the
rudest clause (the heaviest clause of the heaviest sentence) is reported as a ``forbidden``
finding of kind ``tone``, so a greeting or a fact in another clause of that sentence still
counts. The other way round, a sentence it scores below ``calm`` reads clearly not rude, and a
rude-sounding phrase matched there is no rebuke (``calm``; used by ``carecourse.score``).
"""

from __future__ import annotations

import json
from functools import cache

from carecourse.detect.linear import LinearModel
from carecourse.detect.matcher import make_finding
from carecourse.results import Finding
from carecourse.detect.structure import Structure
from carecourse.packaged import read_text

__all__ = ["MODEL_FILE", "calm", "model", "rude_clause", "threshold", "tone_finding"]

MODEL_FILE = "tone.json"


@cache
def _data() -> dict:
    return json.loads(read_text(__package__, MODEL_FILE))


@cache
def model() -> LinearModel:
    data = _data()
    return LinearModel(data["weights"], data["bias"], max(data["n"]))


def threshold() -> int:
    """Scores above this read as rude."""
    return _data()["threshold"]


def calm(structure: Structure, pos: int) -> bool:
    """True if the sentence holding ``pos`` reads clearly not rude (its score is below the
    model's ``calm`` threshold) and the clause holding it carries no rude weight of its own: a
    rude-sounding phrase there is no rebuke ("您要是着急，也可以先去附近咖啡馆办公" suggests).
    The clause test keeps courtesy around a rebuke from hiding it ("您好，你肯定是弄错了，
    请到这边取号")."""
    tone, text = model(), structure.text
    start, end = structure.sentence_at(pos) or structure.clause_at(pos)
    if tone.score(text[start:end]) >= _data()["calm"]:
        return False
    start, end = structure.clause_at(pos)
    return tone.weight(text[start:end]) <= 0


def rude_clause(structure: Structure) -> tuple[int, int] | None:
    """The clause that makes the reply read as rude, or None if it does not: the whole reply
    scores above the threshold, or, in a reply that leans rude (above ``sentence_gate``), its
    rudest sentence does on its own (above ``sentence_threshold``): one rude line in a long,
    otherwise complete reply is no longer outweighed by the rest."""
    tone, data = model(), _data()
    score = tone.score(structure.text)
    gate = data.get("sentence_gate")
    if score <= threshold() and (gate is None or score <= gate):
        return None
    sentence = tone.heaviest(structure, structure.sentences)
    if sentence and score <= threshold() and tone.score(structure.text[sentence[0] : sentence[1]]) <= data["sentence_threshold"]:
        return None
    return tone.heaviest(structure, structure.clauses_in(*sentence)) if sentence else None


def tone_finding(structure: Structure) -> Finding | None:
    span = rude_clause(structure)
    return make_finding(structure, "forbidden", *span, kind="tone") if span else None
