"""Linear models over character n-grams: the learned parts of the grader, as plain data.

A model is a bias and a weight per character n-gram (1 to ``longest`` characters). A text's
score is the bias plus the weight of each distinct n-gram in it. Weights are whole numbers
in units of 1/``SCALE``, so every sum is exact and the same in any order, in Python or the
browser. The tone model (``tone.py``) and the rubrics' second opinion
(``carecourse.score.learned``) are such models; ``bench/linear_model.py`` fits them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from operator import add

from carecourse.detect.structure import Structure

__all__ = ["SCALE", "LinearModel", "log_odds", "ngrams"]

SCALE = 1_000  # (1/10,000 changed 3 of the corpus's 7,374 scores and made the browser's model data 1.15x heavier)


def ngrams(text: str, longest: int) -> frozenset[str]:
    """The distinct n-grams of ``text``, from 1 to ``longest`` characters."""
    return _ngrams(text, longest)  # (one cache entry however it is called: by keyword or not)


@lru_cache(maxsize=256)  # several models read the same reply
def _ngrams(text: str, longest: int) -> frozenset[str]:
    if longest == 2:  # the models' n-grams: built in one go, as this runs once per reply
        return frozenset(chain(text, map(add, text, text[1:])))
    return frozenset(chain(text, *(map("".join, zip(*(text[k:] for k in range(n)))) for n in range(2, longest + 1))))


def log_odds(probability: float) -> int:
    """A probability as a threshold on scores (log-odds in units of 1/SCALE)."""
    return round(math.log(probability / (1 - probability)) * SCALE)


@dataclass(frozen=True)
class LinearModel:
    weights: dict[str, int]
    bias: int
    longest: int

    def weight(self, text: str) -> int:
        """The weight of each distinct n-gram of ``text``, summed."""
        return sum(map(self.weights.get, ngrams(text, self.longest), repeat(0)))

    def score(self, text: str) -> int:
        """The bias plus the weight of ``text``: log-odds, in units of 1/SCALE."""
        return self.bias + self.weight(text)

    def heaviest(self, structure: Structure, spans, skip=lambda s, e: False) -> tuple[int, int] | None:
        """The span of ``structure.text`` whose n-grams weigh most (above zero), leaving out
        the customer's quoted words and any span ``skip`` refuses."""
        best, best_weight = None, 0
        for s, e in spans:
            if structure.is_quoted(s) or skip(s, e):
                continue
            weight = self.weight(structure.text[s:e])
            if weight > best_weight:
                best, best_weight = (s, e), weight
        return best
