"""Fit the grader's linear models (carecourse.detect.linear) with numpy and scipy.

Logistic regression over the distinct character n-grams of each normalised text (n-grams
seen in at least ``MIN_DOCS`` texts), L2-regularised, fitted with scipy's L-BFGS from zeros, so the
same data always gives the same weights. Used by train_tone.py and train_criteria.py.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

from carecourse.detect.linear import SCALE, ngrams  # the features the grader reads
from carecourse.normalize import normalize

LONGEST = 2  # character 1- and 2-grams (3-grams added nothing out of fold, leaving one batch out)
# An n-gram must occur in this many texts. Left out of fold (bench/learned_cv.py), 2, 3 and 5 gave
# the same gains to 3 decimals; 3 makes the browser's model data about a fifth lighter.
MIN_DOCS = 3


def features(texts: list[str], longest: int = LONGEST) -> list[list[str]]:
    return [sorted(ngrams(normalize(t).text, longest)) for t in texts]


def fit(texts: list[str], targets: list[float], c: float, docs: list[list[str]] | None = None,
        min_docs: int = MIN_DOCS) -> tuple[dict[str, float], float]:
    """The fitted weight of each n-gram seen in at least ``min_docs`` texts, and the bias
    (``c``: inverse strength of the L2 penalty, as in scikit-learn)."""
    docs = features(texts) if docs is None else docs
    y = np.array(targets, dtype=float)
    counts = Counter(g for d in docs for g in d)
    vocab = sorted(g for g, k in counts.items() if k >= min_docs)
    index = {g: k for k, g in enumerate(vocab)}
    cells = [(i, index[g]) for i, d in enumerate(docs) for g in d if g in index]
    X = csr_matrix((np.ones(len(cells)), ([i for i, _ in cells], [j for _, j in cells])), shape=(len(docs), len(vocab)))
    l2 = 1 / c

    def loss(theta):
        w, b = theta[:-1], theta[-1]
        z = X @ w + b
        value = np.sum(np.logaddexp(0, z) - y * z) + 0.5 * l2 * w @ w
        grad_z = 1 / (1 + np.exp(-z)) - y
        return value, np.append(X.T @ grad_z + l2 * w, grad_z.sum())

    fitted = minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 5000, "gtol": 1e-8})
    return dict(zip(vocab, map(float, fitted.x[:-1]))), float(fitted.x[-1])


def refit_heaviest(docs: list[list[str]], targets: list[float], c: float, keep: int,
                   weights: dict[str, float] | None = None) -> tuple[dict[str, float], float]:
    """The model fitted again on the ``keep`` n-grams of largest weight in ``weights`` (by
    default, a fit on all of them), so the browser's data stays small (ties: in n-gram order)."""
    if weights is None:
        weights, _ = fit(None, targets, c, docs=docs)
    kept = set(sorted(weights, key=lambda g: (-abs(weights[g]), g))[:keep])
    return fit(None, targets, c, docs=[[g for g in d if g in kept] for d in docs])


def in_units(weights: dict[str, float]) -> dict[str, int]:
    """Weights as whole numbers of 1/SCALE, zeros dropped."""
    return {g: u for g, v in weights.items() if (u := round(v * SCALE))}
