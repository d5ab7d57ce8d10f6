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

``--tone C PROBABILITY[,PROBABILITY…]``: the tone model (train_tone.py's n-grams and examples)
judged through the whole grader: the dev batches in five groups, each graded with a tone model
fitted on the rest (and the tone set and the technique corpus's dev part), at each threshold;
the other learned parts as shipped (4-6 minutes).

``--doubt C THRESHOLD [KEEP|all] [--no-misses]``: the models of criteria the grader misses and
those that doubt a criterion it met, judged through the whole grader (penalties that a doubted
criterion no longer keeps off, the level): the dev batches in five groups; each group graded
with miss and doubt models fitted on the other four, the shipped first adding models and
penalty models kept (8-12 minutes).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from contextlib import contextmanager

import numpy as np
from linear_model import features, fit
from train_criteria import C as CRITERIA_C
from train_criteria import LIFT, MIN_CASES, MIN_PENALTY_SHARE, MISS_C, MISS_KEEP, MISS_SURE, SURE, doubt_fitted, in_units, is_token, miss_fitted
from train_criteria import pattern_verdicts
from train_tone import C as TONE_C
from train_tone import DEV, MIN_DOCS, PROBABILITY, RUDE, TONE_SET, examples, model_data, read_lines
from train_tone import LONGEST as TONE_LONGEST

import carecourse.detect
import carecourse.detect.tone
from carecourse.detect import REBUKES, detect
from carecourse.detect.linear import log_odds
from carecourse.evaluation.agreement import Confusion
from carecourse.evaluation.validity import Validity, load_corpus, measure
from carecourse.normalize import normalize
from carecourse.packaged import read_text
from carecourse.pipeline import grade
from carecourse.rubrics import builtin
from carecourse.score import _compiled, apply_rubric, learned


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
    return features([r["text"] for r in rows], TONE_LONGEST), [1.0 if r["labelled"] else 0.0 for r in rows]


def main() -> None:
    dev = read_lines(DEV)
    docs = features([r["text"] for r in dev])
    tone_docs = features([r["text"] for r in dev], TONE_LONGEST)
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
        rude = dict(zip(test, probabilities([tone_docs[i] for i in train] + extra_docs, rude_y, [tone_docs[i] for i in test], TONE_C) > PROBABILITY))
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


def doubt_cv(c: float, threshold: float, keep: int | None = None, misses: bool = True) -> None:
    """Print what doubt models fitted with L2 strength ``c`` (on their ``keep`` heaviest
    n-grams) and used below ``threshold`` add, after the models of the criteria the grader
    misses (``misses``; fitted as train_criteria.py fits them)."""
    dev = read_lines(DEV)
    replies = load_corpus(DEV)
    docs = features([r["text"] for r in dev])
    shipped = {sid: json.loads(read_text("carecourse.score.learned", f"{sid}.json")) | {"misses": {}, "doubts": {}}
               for sid in {r["scenario"] for r in dev}}  # fmt: skip
    said, met, base = _graded(shipped, dev, replies, range(len(dev)))  # the first adding models alone
    group = {b: k % 5 for k, b in enumerate(sorted({r["id"][0] for r in dev}))}
    total = Validity()
    total.doubts = [0, 0]
    for g in range(5):
        out = [i for i, r in enumerate(dev) if group[r["id"][0]] == g]
        fitted = {}  # scenario -> (its training rows, the miss models fitted on them)
        for sid in shipped:
            mine = [i for i, r in enumerate(dev) if r["scenario"] == sid and group[r["id"][0]] != g]
            found = _rows(mine, dev, docs, said, met)
            fitted[sid] = mine, miss_fitted(builtin(sid), *found, MISS_C, MISS_KEEP) if misses else {}
        with_misses = {sid: _with_models(shipped[sid], fitted[sid][1], {}, log_odds(threshold)) for sid in shipped}
        trained_on = [i for mine, _ in fitted.values() for i in mine]
        _, met_now, _ = _graded(with_misses, dev, replies, trained_on, figures=False) if misses else (None, met, None)
        opinions = {}
        for sid, (mine, miss_models) in fitted.items():
            doubts = doubt_fitted(builtin(sid), *_rows(mine, dev, docs, said, met_now), c, keep)
            opinions[sid] = _with_models(shipped[sid], miss_models, doubts, log_odds(threshold))
        _add(total, _graded(opinions, dev, replies, out)[2])
    print(f"second opinion (misses: {misses}; doubts C {c}, below {threshold}, {keep or 'all'} n-grams), each group of dev "
          "batches graded with models fitted on the others, against the first adding models alone:")
    print(f"  {total.doubts[0]:,} criteria doubted, {total.doubts[1]:,} of them rightly ({total.doubts[1] / max(1, total.doubts[0]):.2f})")
    for name in ("criterion_accuracy", "penalty_accuracy", "qwk"):
        print(f"  {name:18} {getattr(base, name):.4f} -> {getattr(total, name):.4f}")


def tone_cv(c: float, thresholds: list[float]) -> None:
    """Print the figures of the dev part graded with tone models fitted out of fold (L2
    strength ``c``), flagging above each probability of ``thresholds``."""
    texts, y, dev_replies = examples()  # the dev part first, in its order
    docs = features(texts, TONE_LONGEST)
    dev, replies = read_lines(DEV), load_corpus(DEV)
    group = {b: k % 5 for k, b in enumerate(sorted({r["id"][0] for r in dev}))}
    totals = {p: Validity() for p in thresholds}
    for g in range(5):
        out = [i for i, r in enumerate(dev) if group[r["id"][0]] == g]
        train = [i for i in range(len(texts)) if i >= dev_replies or group[dev[i]["id"][0]] != g]
        weights, bias = fit(None, [y[i] for i in train], c, docs=[docs[i] for i in train], min_docs=MIN_DOCS)
        fitted = model_data(weights, bias)
        for p, total in totals.items():
            data = fitted | {"threshold": log_odds(p)}
            carecourse.detect.tone._data = lambda data=data: data
            carecourse.detect.tone.model.cache_clear()
            part = measure([replies[i] for i in out])
            total.doubts = part.doubts = [0, 0]
            _add(total, part)
    print(f"tone model ({TONE_LONGEST}-grams, C {c}), each group of dev batches graded with one fitted on the others:")
    for p, total in totals.items():
        print(f"  above {p}: criteria {total.criterion_accuracy:.4f}  penalties {total.penalty_accuracy:.4f}  qwk {total.qwk:.4f}")


def _rows(indices, dev, docs, said, met) -> tuple[list, list, list, list]:
    return [dev[i] for i in indices], [docs[i] for i in indices], [said[i] for i in indices], [met[i] for i in indices]


def _graded(opinions: dict[str, dict], dev: list[dict], replies, indices, figures: bool = True) -> tuple[dict, dict, Validity | None]:
    """Replies ``indices`` graded with these model data: each one's verdict tokens and criteria
    met (before doubting, as the doubt models read them), and the figures."""
    for sid, data in opinions.items():
        _compiled(builtin(sid)).opinion = learned.Opinion(data)
    said, met = {}, {}
    doubts = [0, 0]  # criteria doubted, of which the trainers did not mark met
    for i in indices:
        rubric = builtin(dev[i]["scenario"])
        analysis = detect(normalize(dev[i]["text"]))
        with _undoubted():
            met[i] = {c.criterion.id for c in apply_rubric(rubric, analysis).criteria if c.met}
        said[i] = sorted(_compiled(rubric).pattern_verdicts(analysis))
        doubted = met[i] - {c.criterion.id for c in apply_rubric(rubric, analysis).criteria if c.met}
        doubts[0] += len(doubted)
        doubts[1] += len(doubted - set(dev[i]["met"]))
    if not figures:
        return said, met, None
    validity = measure([replies[i] for i in indices])
    validity.doubts = doubts
    return said, met, validity


@contextmanager
def _undoubted():
    doubts, learned.Opinion.doubts = learned.Opinion.doubts, lambda *_: False
    try:
        yield
    finally:
        learned.Opinion.doubts = doubts


def _with_models(data: dict, misses: dict, doubts: dict, threshold: int) -> dict:
    """The shipped model data with these miss and doubt models, over a vocabulary that holds
    their n-grams."""
    extra = [*misses.values(), *doubts.values()]
    vocabulary = sorted({*data["vocabulary"], *(g for w, _ in extra for g in w if not is_token(g))})

    def relisted(model: dict) -> dict:
        weights = dict(zip(data["vocabulary"], model["weights"]))
        return {**model, "weights": [weights.get(g, 0) for g in vocabulary]}

    return {**data, "vocabulary": vocabulary, "doubt": threshold, "miss_sure": log_odds(MISS_SURE),
            "criteria": {k: relisted(m) for k, m in data["criteria"].items()},
            "penalties": {k: relisted(m) for k, m in data["penalties"].items()},
            "misses": {cid: in_units(*m, vocabulary, reads_found=True) for cid, m in misses.items()},
            "doubts": {cid: in_units(*m, vocabulary, reads_found=True) for cid, m in doubts.items()}}  # fmt: skip


def _add(total: Validity, part: Validity) -> None:
    for mine, theirs in ((total.criteria, part.criteria), (total.penalties, part.penalties)):
        for key, counts in theirs.items():
            into = mine.setdefault(key, Confusion(counts.id))
            into.tp, into.fp, into.fn, into.tn = into.tp + counts.tp, into.fp + counts.fp, into.fn + counts.fn, into.tn + counts.tn
    for row, counts in zip(total.levels, part.levels):
        row[:] = [a + b for a, b in zip(row, counts)]
    total.doubts = [a + b for a, b in zip(total.doubts, part.doubts)]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--tone"]:
        tone_cv(float(sys.argv[2]), [float(p) for p in sys.argv[3].split(",")])
    elif sys.argv[1:2] == ["--doubt"]:
        keep = int(sys.argv[4]) if sys.argv[4:5] not in ([], ["all"]) else None
        doubt_cv(float(sys.argv[2]), float(sys.argv[3]), keep, misses="--no-misses" not in sys.argv)
    else:
        main()
