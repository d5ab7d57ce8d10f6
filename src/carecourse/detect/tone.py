"""A learned signal of rude tone, for rudeness the phrase lexicons have no words for.

A linear model over the character 1–3-grams of the normalised reply (weights in
``tone.json``, trained by ``bench/train_tone.py`` on the development corpus): the reply's
score is the bias plus the weight of every distinct n-gram in it. Above the threshold, the
sentence whose n-grams weigh most is reported as a ``forbidden`` finding of kind ``tone``.
Plain data and sums in a fixed order (first occurrence in the text), so the browser can
compute the same numbers.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

from carecourse.detect.matcher import Finding, make_finding
from carecourse.detect.structure import Structure

__all__ = ["MODEL_FILE", "rude_sentence", "score", "tone_finding"]

MODEL_FILE = "tone.json"


@cache
def _model() -> tuple[dict[str, float], float, float, tuple[int, ...]]:
    data = json.loads(files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return data["weights"], float(data["bias"]), float(data["threshold"]), tuple(data["n"])


def _grams(text: str, sizes: tuple[int, ...]) -> dict[str, None]:
    """The distinct n-grams of ``text`` in order of first occurrence."""
    return dict.fromkeys(text[i : i + n] for i in range(len(text)) for n in sizes if i + n <= len(text))


def score(text: str) -> float:
    """The model's score (log-odds of rude tone) for a normalised text."""
    weights, bias, _, sizes = _model()
    total = bias
    for gram in _grams(text, sizes):
        total += weights.get(gram, 0.0)
    return total


def rude_sentence(structure: Structure) -> tuple[int, int] | None:
    """The sentence that makes the reply read as rude, or None if it does not."""
    weights, _, threshold, sizes = _model()
    if score(structure.text) <= threshold:
        return None
    best, best_weight = None, 0.0
    for s, e in structure.sentences:
        if structure.is_quoted(s):
            continue  # the customer's words, quoted back
        weight = 0.0
        for gram in _grams(structure.text[s:e], sizes):
            weight += weights.get(gram, 0.0)
        if weight > best_weight:
            best, best_weight = (s, e), weight
    return best


def tone_finding(structure: Structure) -> Finding | None:
    span = rude_sentence(structure)
    return make_finding(structure, "forbidden", *span, kind="tone") if span else None
