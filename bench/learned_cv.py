"""What the learned parts add on replies they were not trained on: leave one batch out.

The dev part of the corpus (tests/data/corpus/dev.jsonl) is made of batches, each written by
writers the others never saw (the id's first letter). For each batch, the rubrics' second
opinion (train_criteria.py: criteria it may add, penalties it may lift) and the tone model
(train_tone.py) are trained on the other batches, with the shipped settings, and judged on
it; the patterns are run with both switched off. The patterns were written against all of
dev, so their own figures here are in-sample (read them against the test part's); the gain
is what to look at.

The models are applied as the grader applies them, without its last checks (the evidence
clause and its share for the second opinion): an upper bound of what they can add.

    .venv/bin/python bench/learned_cv.py        # needs numpy and scipy; 4-10 minutes
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from linear_model import features, fit
from train_criteria import C as CRITERIA_C
from train_criteria import LIFT, MIN_CASES, MIN_PENALTY_SHARE, SURE, pattern_verdicts
from train_tone import C as TONE_C
from train_tone import DEV, PROBABILITY, RUDE, TONE_SET, read_lines

import carecourse.detect
from carecourse.detect import REBUKES
from carecourse.pipeline import grade
from carecourse.rubrics import builtin
from carecourse.score import learned


def patterns_alone(rows: list[dict]) -> list[tuple[set[str], set[str], set[str]]]:
    """(criteria met, penalties, penalties that rest on a rebuke, which is never lifted) of
    each reply with both learned parts switched off."""
    learned.opinion = lambda rubric_id: None
    carecourse.detect.tone_finding = lambda structure: None
    out = []
    for r in rows:
        result = grade(r["scenario"], r["text"])
        rebuked = {p.id for p in result.penalties if any(e.id in REBUKES for e in p.evidence)}
        out.append(({c.id for c in result.criteria if c.met}, {p.id for p in result.penalties}, rebuked))
    return out


def probabilities(train_docs, y, test_docs, c: float) -> np.ndarray:
    weights, bias = fit([], y, c, train_docs)
    z = np.array([bias + sum(weights.get(g, 0.0) for g in d) for d in test_docs])
    return 1 / (1 + np.exp(-z))


def tone_set() -> tuple[list[list[str]], list[float]]:
    rows = [r for r in read_lines(TONE_SET) if r["intended"] == r["labelled"]]
    return features([r["text"] for r in rows]), [1.0 if r["labelled"] else 0.0 for r in rows]


def main() -> None:
    dev = read_lines(DEV)
    docs = features([r["text"] for r in dev])
    alone = patterns_alone(dev)
    said = {}  # what the patterns found, as the penalty models read it
    for scenario in {r["scenario"] for r in dev}:
        mine = [i for i, r in enumerate(dev) if r["scenario"] == scenario]
        said.update(zip(mine, pattern_verdicts(scenario, [dev[i]["text"] for i in mine])))
    extra_docs, extra_y = tone_set()
    counts = defaultdict(lambda: [0, 0, 0])  # (kind, batch) -> [patterns right, with model right, decisions]
    for batch in sorted({r["id"][0] for r in dev}):
        train = [i for i, r in enumerate(dev) if r["id"][0] != batch]
        test = [i for i, r in enumerate(dev) if r["id"][0] == batch]
        rude_y = [1.0 if RUDE & set(dev[i]["penalties"]) else 0.0 for i in train] + extra_y
        rude = dict(zip(test, probabilities([docs[i] for i in train] + extra_docs, rude_y, [docs[i] for i in test], TONE_C) > PROBABILITY))
        for scenario in sorted({dev[i]["scenario"] for i in test}):
            mine = [i for i in train if dev[i]["scenario"] == scenario]
            theirs = [i for i in test if dev[i]["scenario"] == scenario]
            rubric = builtin(scenario)
            for c in rubric.criteria:
                if c.order:
                    continue
                y = [1.0 if c.id in dev[i]["met"] else 0.0 for i in mine]
                modelled = not c.min_count > 1 and min(sum(y), len(y) - sum(y)) >= MIN_CASES
                sure = probabilities([docs[i] for i in mine], y, [docs[i] for i in theirs], CRITERIA_C) > SURE if modelled else [False] * len(theirs)
                for i, s in zip(theirs, sure):
                    _count(counts, "criteria", batch, c.id in dev[i]["met"], c.id in alone[i][0], c.id in alone[i][0] or s)
            for p in rubric.penalties:
                toned = "forbidden" in p.techniques
                y = [1.0 if p.id in dev[i]["penalties"] else 0.0 for i in mine]
                lifted = [False] * len(theirs)
                if sum(y) >= MIN_PENALTY_SHARE * len(y):
                    lifted = probabilities([docs[i] + said[i] for i in mine], y, [docs[i] + said[i] for i in theirs], CRITERIA_C) < LIFT
                for i, lift in zip(theirs, lifted):
                    found = p.id in alone[i][1]
                    # a tone finding is a rebuke too, and is never lifted
                    with_model = (found and not (lift and p.id not in alone[i][2])) or (toned and rude[i])
                    _count(counts, "penalties", batch, p.id in dev[i]["penalties"], found, with_model)
    _print(counts)


def _count(counts, kind: str, batch: str, human: bool, patterns: bool, with_model: bool) -> None:
    for key in ((kind, batch), (kind, "all")):
        counts[key][0] += patterns == human
        counts[key][1] += with_model == human
        counts[key][2] += 1


def _print(counts) -> None:
    print(f"{'':10} {'batch':>5} {'patterns':>9} {'+ model':>8} {'gain':>7} {'decisions':>9}")
    for (kind, batch), (alone, with_model, n) in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1] == "all", kv[0][1])):
        print(f"{kind:10} {batch:>5} {alone / n:9.3f} {with_model / n:8.3f} {(with_model - alone) / n:+7.3f} {n:9,}")


if __name__ == "__main__":
    main()
