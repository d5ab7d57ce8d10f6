"""A learned signal of rude tone, for rudeness the phrase lexicons have no words for.

A linear model over the character 1- and 2-grams of the normalised reply (weights in
``tone.json``, trained by ``bench/train_tone.py``): the reply's score is the bias plus the
weight of every distinct n-gram in it. Above the threshold, the rudest clause (the heaviest
clause of the heaviest sentence) is reported as a ``forbidden`` finding of kind ``tone``, so
a greeting or a fact in another clause of that sentence still counts. Weights are whole
numbers (in units of 1/10,000): every sum is exact and the same in any order, in Python or
the browser.
"""

from __future__ import annotations

import json
from functools import cache

from carecourse.detect.matcher import Finding, make_finding
from carecourse.detect.structure import Structure
from carecourse.packaged import read_text

__all__ = ["MODEL_FILE", "ngrams", "rude_clause", "score", "tone_finding"]

MODEL_FILE = "tone.json"


@cache
def _model() -> tuple[dict[str, int], int, int, int, frozenset[str]]:
    data = json.loads(read_text(__package__, MODEL_FILE))
    weights = data["weights"]
    return weights, data["bias"], data["threshold"], max(data["n"]), frozenset(weights)


def ngrams(text: str, longest: int) -> set[str]:
    """The distinct n-grams of ``text``, from 1 to ``longest`` characters."""
    grams = set(text)
    for n in range(2, longest + 1):
        grams.update(map("".join, zip(*(text[k:] for k in range(n)))))
    return grams


def _weight(text: str) -> int:
    """The weight of each distinct n-gram of ``text``, summed (whole numbers: exact)."""
    weights, _, _, longest, known = _model()
    return sum(map(weights.__getitem__, known.intersection(ngrams(text, longest))))


def score(text: str) -> int:
    """The model's score (log-odds of rude tone, times 10,000) for a normalised text."""
    return _model()[1] + _weight(text)


def rude_clause(structure: Structure) -> tuple[int, int] | None:
    """The clause that makes the reply read as rude, or None if it does not."""
    if score(structure.text) <= _model()[2]:
        return None
    sentence = _heaviest(structure, structure.sentences)
    return _heaviest(structure, structure.clauses_in(*sentence)) if sentence else None


def _heaviest(structure: Structure, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span whose n-grams weigh most (above zero), skipping the customer's quoted words."""
    best, best_weight = None, 0
    for s, e in spans:
        if structure.is_quoted(s):
            continue
        weight = _weight(structure.text[s:e])
        if weight > best_weight:
            best, best_weight = (s, e), weight
    return best


def tone_finding(structure: Structure) -> Finding | None:
    span = rude_clause(structure)
    return make_finding(structure, "forbidden", *span, kind="tone") if span else None
