"""Train the tone model (src/carecourse/detect/tone.json) on the development corpus.

A logistic regression over the distinct character 1- and 2-grams of each normalised dev reply
(n-grams seen in at least two replies), the target being "a trainer marked a rude penalty"
(forbidden, judgement or bad_question). L2-regularised, fitted with scipy's L-BFGS from
zeros, so the same corpus always gives the same weights. Weights, bias and threshold are stored as
whole numbers in units of 1/10,000 (``SCALE``), so every sum is exact in Python and JavaScript. Never trained on the test part.

    .venv/bin/python bench/train_tone.py          # needs numpy and scipy (pip install scipy)
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

from carecourse.detect.tone import MODEL_FILE, ngrams  # the features the grader reads
from carecourse.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "corpus" / "dev.jsonl"
OUT = ROOT / "src" / "carecourse" / "detect" / MODEL_FILE
RUDE = {"forbidden", "judgement", "bad_question"}
SIZES = (1, 2)
L2 = 1 / 0.3  # strength of the penalty on the weights (C = 0.3)
PROBABILITY = 0.9  # flag a reply only when the model is this sure
SCALE = 10_000


def main() -> None:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [sorted(ngrams(normalize(r["text"]).text, max(SIZES))) for r in rows]
    y = np.array([1.0 if RUDE & set(r["penalties"]) else 0.0 for r in rows])
    counts = Counter(g for d in docs for g in d)
    vocab = sorted(g for g, c in counts.items() if c >= 2)
    index = {g: k for k, g in enumerate(vocab)}
    cells = [(i, index[g]) for i, d in enumerate(docs) for g in d if g in index]
    X = csr_matrix((np.ones(len(cells)), ([i for i, _ in cells], [j for _, j in cells])), shape=(len(docs), len(vocab)))

    def loss(theta):
        w, b = theta[:-1], theta[-1]
        z = X @ w + b
        p = 1 / (1 + np.exp(-z))
        value = np.sum(np.logaddexp(0, z) - y * z) + 0.5 * L2 * w @ w
        grad_z = p - y
        return value, np.append(X.T @ grad_z + L2 * w, grad_z.sum())

    fit = minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 5000, "gtol": 1e-8})
    w, b = fit.x[:-1], fit.x[-1]
    weights = {g: round(float(v) * SCALE) for g, v in zip(vocab, w) if round(float(v) * SCALE)}
    model = {
        "about": "carecourse tone model: logistic regression over distinct character 1- and 2-grams of the "
        "normalised reply, in units of 1/10000; trained by bench/train_tone.py on tests/data/corpus/dev.jsonl",
        "n": list(SIZES),
        "scale": SCALE,
        "bias": round(float(b) * SCALE),
        "threshold": round(math.log(PROBABILITY / (1 - PROBABILITY)) * SCALE),
        "replies": len(rows),
        "rude": int(y.sum()),
        "weights": weights,
    }
    OUT.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(rows)} replies ({int(y.sum())} rude), {len(weights)} weights -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
