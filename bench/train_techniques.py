"""Train the techniques' learned second opinion (src/carecourse/detect/learned.json).

For each technique in ``TECHNIQUES``, a logistic regression (linear_model.py) over the distinct
character 1- and 2-grams of a clause, learnt from the technique corpus's dev part
(tests/data/techniques/dev.jsonl), never its test part. People marked whole replies, not
clauses, so it learns as a multiple-instance problem: first every clause of a reply with the
technique counts as saying it; then, ``ROUNDS`` times, only the clause the model scores
highest in each such reply does (of those where no other technique's lexicon found words: in
抱歉让您久等了 lies no reason), and every clause of a reply without it does not. The clauses
are those the analyzer reads (``Analysis.open_clauses``). It keeps the ``KEEP`` n-grams of
largest weight and is fitted again on those alone, so the browser's data stays small. Weights,
bias and ``sure`` are whole numbers in units of 1/1,000 (``SCALE``).

It then prints what the models add, leaving one batch of the dev part out at a time (a
batch is the id's first letter: writers the other batches never saw), applied as the
analyzer applies them. The lexicons were written against all of dev, so their own figures
are in-sample; read the gain, and the test part's figures in bench/validity.py.

    .venv/bin/python bench/train_techniques.py       # needs numpy and scipy; about a minute
"""

from __future__ import annotations

import json
from pathlib import Path

from linear_model import LONGEST, fit, in_units, refit_heaviest

from carecourse.detect import TECHNIQUES as TECHNIQUES_ALL
from carecourse.detect import Analysis, learned
from carecourse.detect.linear import SCALE, LinearModel, log_odds, ngrams
from carecourse.evaluation import jsonl
from carecourse.evaluation.agreement import Confusion
from carecourse.pipeline import analyze

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "techniques" / "dev.jsonl"
OUT = ROOT / "src" / "carecourse" / "detect" / learned.MODEL_FILE
# the techniques whose wording varies most. Leaving one batch out, the models for alternative,
# follow_up and empathy were right about a reply at most half the times they added one: left out
TECHNIQUES = ("action", "commitment", "reason")
C = 0.5  # inverse strength of the L2 penalty (0.5, 1 and 2 within 0.01 F1 leaving a batch out)
ROUNDS = 3
KEEP = 500  # n-grams kept per model (leaving a batch out, 300 to 5,000 are within 0.01 F1; the browser loads them all)
SURE = 0.62  # add a finding only where the model is this sure of a clause


def clause_docs(analyses: list[Analysis]) -> list[list[tuple[list[str], frozenset[str]]]]:
    """Each reply's open clauses: the sorted n-grams a model reads, and the techniques whose
    lexicons found words there."""
    out = []
    for a in analyses:
        found = a.of_any(TECHNIQUES_ALL)
        out.append([(sorted(ngrams(a.structure.text[s:e], LONGEST)), frozenset(f.id for f in found if f.nstart < e and s < f.nend))
                    for s, e in a.open_clauses()])  # fmt: skip
    return out


def fit_clauses(docs: list[list[tuple[list[str], frozenset[str]]]], y: list[bool], technique: str) -> LinearModel:
    """The clause model learnt from replies marked whole (see the module's docstring)."""
    pairs = [(d, float(said)) for clauses, said in zip(docs, y) for d, _ in clauses]
    w, b = fit(None, [t for _, t in pairs], C, docs=[d for d, _ in pairs])
    for _ in range(ROUNDS):
        pairs = [pair for clauses, said in zip(docs, y) for pair in _instances(clauses, said, technique, w, b)]
        w, b = fit(None, [t for _, t in pairs], C, docs=[d for d, _ in pairs])
    w, b = refit_heaviest([d for d, _ in pairs], [t for _, t in pairs], C, KEEP, weights=w)
    return LinearModel(in_units(w), round(b * SCALE), LONGEST)


def _instances(clauses, said: bool, technique: str, w: dict[str, float], b: float) -> list[tuple[list[str], float]]:
    """A reply's training clauses: all of them, saying nothing, where people did not find the
    technique; else the one the model scores highest of those no other technique's words
    explain (a clause of courtesy, 让您久等了, is not where the reason lies), if any."""
    if not said:
        return [(d, 0.0) for d, _ in clauses]
    free = [d for d, ids in clauses if not ids - {technique}] or [d for d, _ in clauses]
    if not free:
        return []
    return [(max(free, key=lambda d: b + sum(w.get(g, 0.0) for g in d)), 1.0)]


def leave_one_batch_out(rows: list[dict], analyses: list[Analysis], docs) -> None:
    lexicon = [{t for t in TECHNIQUES if a.of(t)} for a in analyses]
    labels = {t: [t in r["techniques"] for r in rows] for t in TECHNIQUES}
    added = {t: [False] * len(rows) for t in TECHNIQUES}
    batches = sorted({r["id"][0] for r in rows})
    for batch in batches:
        train = [k for k, r in enumerate(rows) if r["id"][0] != batch]
        models = {t: fit_clauses([docs[k] for k in train], [labels[t][k] for k in train], t) for t in TECHNIQUES}
        for k, r in enumerate(rows):
            if r["id"][0] == batch:
                for f in analyses[k].learned(models):
                    added[f.id][k] = True
    print(f"leaving one of {len(batches)} batches out ({', '.join(batches)}); F1 / precision / recall:")
    for t in TECHNIQUES:
        y, alone = labels[t], [t in found for found in lexicon]
        right = sum(a and b for a, b in zip(added[t], y))
        print(f"  {t:<12} lexicon {_scores(y, alone)}   with the model {_scores(y, [a or b for a, b in zip(alone, added[t])])}"
              f"   (it added {sum(added[t])}, {right / max(sum(added[t]), 1):.2f} of them right)")


def _scores(y: list[bool], got: list[bool]) -> str:
    table = Confusion("")
    for expected, found in zip(y, got):
        table.add(expected, found)
    return f"{table.f1:.3f} / {table.precision:.2f} / {table.recall:.2f}"


def main() -> None:
    rows = list(jsonl(DEV))
    analyses = [analyze(r["text"]) for r in rows]
    docs = clause_docs(analyses)
    techniques = {}
    for t in TECHNIQUES:
        y = [t in r["techniques"] for r in rows]
        model = fit_clauses(docs, y, t)
        techniques[t] = {"positives": sum(y), "bias": model.bias, "weights": model.weights}
    data = {
        "about": "carecourse techniques' second opinion: logistic regressions over distinct character 1- and 2-grams "
        f"of a clause, in units of 1/{SCALE}; trained by bench/train_techniques.py on tests/data/techniques/dev.jsonl",
        "n": list(range(1, LONGEST + 1)),
        "scale": SCALE,
        "sure": log_odds(SURE),
        "replies": len(rows),
        "techniques": techniques,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(rows)} replies, {sum(len(m['weights']) for m in techniques.values())} weights -> {OUT.relative_to(ROOT)}")
    learned.settings.cache_clear()  # the leave-one-batch-out figures use the file's sure
    leave_one_batch_out(rows, analyses, docs)


if __name__ == "__main__":
    main()
