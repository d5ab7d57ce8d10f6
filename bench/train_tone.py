"""Train the tone model (src/carecourse/detect/tone.json).

A logistic regression over the distinct character 1- and 2-grams of each normalised reply
(n-grams seen in at least two replies). It learns from the dev part of the corpus (target:
a trainer marked a rude penalty, i.e. forbidden, judgement or bad_question) and from the
tone set (``tests/data/tone/``: replies written half rude, half not, kept where writer and
labeller agree). Never trained on the test part. L2-regularised, fitted with scipy's L-BFGS
from zeros, so the same data always gives the same weights. Weights, bias and threshold are
stored as whole numbers in units of 1/10,000 (``SCALE``): every sum is exact, in Python and
JavaScript alike.

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
TONE_SET = ROOT / "tests" / "data" / "tone" / "tone.jsonl"
OUT = ROOT / "src" / "carecourse" / "detect" / MODEL_FILE
RUDE = {"forbidden", "judgement", "bad_question"}
SIZES = (1, 2)
L2 = 1 / 3  # strength of the penalty on the weights (C = 3)
PROBABILITY = 0.97  # flag a reply only when the model is this sure
SCALE = 10_000


def examples() -> tuple[list[str], list[float]]:
    """The training replies and their targets: the dev part, plus the tone set's replies
    on which writer and labeller agree."""
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    y = [1.0 if RUDE & set(r["penalties"]) else 0.0 for r in rows]
    for r in tone_set():
        if r["intended"] == r["labelled"]:
            texts.append(r["text"])
            y.append(1.0 if r["labelled"] else 0.0)
    return texts, y


def tone_set() -> list[dict]:
    if not TONE_SET.exists():
        return []
    return [json.loads(line) for line in TONE_SET.read_text(encoding="utf-8").splitlines() if line.strip()]


def fit(texts: list[str], targets: list[float], l2: float = L2) -> tuple[dict[str, float], float]:
    """The fitted weights of each n-gram seen in at least two replies, and the bias."""
    docs = [sorted(ngrams(normalize(t).text, max(SIZES))) for t in texts]
    y = np.array(targets)
    counts = Counter(g for d in docs for g in d)
    vocab = sorted(g for g, c in counts.items() if c >= 2)
    index = {g: k for k, g in enumerate(vocab)}
    cells = [(i, index[g]) for i, d in enumerate(docs) for g in d if g in index]
    X = csr_matrix((np.ones(len(cells)), ([i for i, _ in cells], [j for _, j in cells])), shape=(len(docs), len(vocab)))

    def loss(theta):
        w, b = theta[:-1], theta[-1]
        z = X @ w + b
        p = 1 / (1 + np.exp(-z))
        value = np.sum(np.logaddexp(0, z) - y * z) + 0.5 * l2 * w @ w
        grad_z = p - y
        return value, np.append(X.T @ grad_z + l2 * w, grad_z.sum())

    fit = minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 5000, "gtol": 1e-8})
    return dict(zip(vocab, map(float, fit.x[:-1]))), float(fit.x[-1])


def main() -> None:
    dev_replies = sum(1 for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip())
    texts, y = examples()
    w, b = fit(texts, y)
    weights = {g: round(v * SCALE) for g, v in w.items() if round(v * SCALE)}
    model = {
        "about": "carecourse tone model: logistic regression over distinct character 1- and 2-grams of the "
        "normalised reply, in units of 1/10000; trained by bench/train_tone.py on tests/data/corpus/dev.jsonl "
        "and tests/data/tone/tone.jsonl",
        "n": list(SIZES),
        "scale": SCALE,
        "bias": round(b * SCALE),
        "threshold": round(math.log(PROBABILITY / (1 - PROBABILITY)) * SCALE),
        "replies": dev_replies,
        "tone_set": len(texts) - dev_replies,
        "rude": int(sum(y)),
        "weights": weights,
    }
    OUT.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(texts)} replies ({dev_replies} dev, {int(sum(y))} rude), {len(weights)} weights -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
