"""Train the rubrics' learned second opinion (src/carecourse/score/learned/<rubric>.json).

For each shipped rubric and each of its criteria (except order criteria and those that need
several findings, such as two open questions), a logistic
regression (linear_model.py) over the distinct character 1- and 2-grams of the normalised
reply, the target being "the trainers marked this criterion met", learned from the dev part
of the corpus. Never trained on the test part. One vocabulary per rubric (n-grams seen in
at least three of its replies), each criterion's weights listed in its order, all whole
numbers in units of 1/1,000 (``SCALE``).

    .venv/bin/python bench/train_criteria.py      # needs numpy and scipy
"""

from __future__ import annotations

import json
from pathlib import Path

from linear_model import LONGEST, features, fit
from train_tone import DEV, read_lines

from carecourse.detect.linear import SCALE, log_odds
from carecourse.rubrics import builtin, scenario_ids

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "carecourse" / "score" / "learned"
C = 3.0  # inverse strength of the L2 penalty
# Chosen on dev batch 6 before it was trained on (0.75-0.85 and 0.15-0.25 all within 0.001):
SURE = 0.8  # a missed criterion is met above this probability
EVIDENCE_SHARE = 0.2  # ... if one clause carries this share of the reply's weight (the evidence)
MIN_CASES = 5  # a criterion met (or missed) by fewer dev replies gets no model


def train(rubric_id: str, rows: list[dict]) -> dict:
    rubric = builtin(rubric_id)
    texts = [r["text"] for r in rows]
    docs = features(texts)
    fitted = {}
    for c in rubric.criteria:
        y = [1.0 if c.id in r["met"] else 0.0 for r in rows]
        # an order, or a criterion that needs several findings, is more than one clause can show
        if c.order or c.min_count > 1 or min(sum(y), len(y) - sum(y)) < MIN_CASES:
            continue
        fitted[c.id] = fit(texts, y, C, docs)
    vocabulary = sorted({g for w, _ in fitted.values() for g, v in w.items() if round(v * SCALE)})
    return {
        "about": f"carecourse learned second opinion on the {rubric_id} rubric: one logistic regression per "
        f"criterion over distinct character 1- and 2-grams of the normalised reply, weights in units of 1/{SCALE} "
        "listed in the order of the vocabulary; trained by bench/train_criteria.py on tests/data/corpus/dev.jsonl",
        "n": list(range(1, LONGEST + 1)),
        "scale": SCALE,
        "replies": len(rows),
        "sure": log_odds(SURE),
        "evidence_share": EVIDENCE_SHARE,
        "vocabulary": vocabulary,
        "criteria": {
            cid: {"bias": round(b * SCALE), "weights": [round(w.get(g, 0.0) * SCALE) for g in vocabulary]}
            for cid, (w, b) in fitted.items()
        },
    }


def main() -> None:
    dev = read_lines(DEV)
    for rubric_id in scenario_ids():
        rows = [r for r in dev if r["scenario"] == rubric_id]
        model = train(rubric_id, rows)
        path = OUT / f"{rubric_id}.json"
        path.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"{rubric_id}: {len(rows)} replies, {len(model['criteria'])} criteria, {len(model['vocabulary'])} n-grams -> {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
