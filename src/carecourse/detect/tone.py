"""A learned signal of rude tone, for rudeness the phrase lexicons have no words for.

A linear model over the character 1- and 2-grams of the normalised reply (weights in
``tone.json``, trained by ``bench/train_tone.py`` on the development corpus): the reply's
score is the bias plus the weight of every distinct n-gram in it. Above the threshold, the
sentence whose n-grams weigh most is reported as a ``forbidden`` finding of kind ``tone``.
Plain data and sums in a fixed order (1-grams, then 2-grams, each in order of
first occurrence), so the browser can
compute the same numbers.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from itertools import repeat

from carecourse.detect.matcher import Finding, make_finding
from carecourse.detect.structure import Structure

__all__ = ["MODEL_FILE", "rude_sentence", "score", "tone_finding"]

MODEL_FILE = "tone.json"


@cache
def _model() -> tuple[dict[str, float], float, float, tuple[int, ...]]:
    data = json.loads(files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return data["weights"], float(data["bias"]), float(data["threshold"]), tuple(data["n"])


def _grams(text: str, sizes: tuple[int, ...]) -> dict[str, None]:
    """The distinct n-grams of ``text``: all 1-grams in order of first occurrence, then the
    2-grams and so on (the order their weights are added in)."""
    grams: dict[str, None] = {}
    for n in sizes:
        pieces = text if n == 1 else map(str.__add__, text, text[1:]) if n == 2 else map("".join, zip(*(text[k:] for k in range(n))))
        grams.update(dict.fromkeys(pieces))
    return grams


def _weight(grams: dict[str, None], start: float) -> float:
    """``start`` plus the weight of each n-gram, added in order."""
    weights = _model()[0]
    return sum(map(weights.get, grams, repeat(0.0)), start)


def score(text: str) -> float:
    """The model's score (log-odds of rude tone) for a normalised text."""
    _, bias, _, sizes = _model()
    return _weight(_grams(text, sizes), bias)


def rude_sentence(structure: Structure) -> tuple[int, int] | None:
    """The sentence that makes the reply read as rude, or None if it does not."""
    _, _, threshold, sizes = _model()
    if score(structure.text) <= threshold:
        return None
    best, best_weight = None, 0.0
    for s, e in structure.sentences:
        if structure.is_quoted(s):
            continue  # the customer's words, quoted back
        weight = _weight(_grams(structure.text[s:e], sizes), 0.0)
        if weight > best_weight:
            best, best_weight = (s, e), weight
    return best


def tone_finding(structure: Structure) -> Finding | None:
    span = rude_sentence(structure)
    return make_finding(structure, "forbidden", *span, kind="tone") if span else None
