"""Calibrate the rubrics' points to the trainers' holistic levels, on the corpus's dev part only.

A grade's band (score fraction < 0.35 / < 0.6 / < 0.85 / above) is compared with a trainer's
level 0-3 by quadratic weighted kappa. How well it can agree depends on the points as much as
on the marks: a reply that trainers call weak but that meets one criterion of five falls in
band 0. This searches, rubric by rubric, every way to share the 10 points among the criteria
in half points (each criterion keeps 1 to 4) and every penalty from its present points up to
5 (never lighter), for the points under which the bands agree best with the levels. It scores
each candidate twice, through the trainers' own marks (what a perfect marker would reach) and
through the grader's, and keeps the mean of the two pooled QWKs.

    python bench/calibrate_points.py           # the points fitted on the whole dev part
    python bench/calibrate_points.py --check   # also: fitted without each dev batch, on that batch
    python bench/calibrate_points.py --any     # also: the best any scoring of the marks could do

It prints; the rubrics' YAML is edited by hand. The test part is never read.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from itertools import product
from pathlib import Path

from carecourse.evaluation.validity import Marked, band, load_corpus, qwk
from carecourse.pipeline import grade
from carecourse.rubrics import Rubric, builtin, scenario_ids

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus" / "dev.jsonl"
HALVES = range(2, 9)  # a criterion's points, in half points: 1 to 4
PENALTY_MAX = 5
SOURCES = ("trainers", "grader")

Marks = tuple[frozenset[str], frozenset[str], int]  # met, penalties, level


def graded(replies: list[Marked]) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """reply id -> the criteria the grader found met and the penalties it applied."""
    out = {}
    for r in replies:
        result = grade(r.scenario, r.text)
        out[r.id] = (frozenset(c.id for c in result.criteria if c.met), frozenset(p.id for p in result.penalties))
    return out


def marks(replies: list[Marked], by_grader: dict) -> dict[str, dict[str, Counter[Marks]]]:
    """source -> scenario -> how many replies carry each (met, penalties, level)."""
    out: dict[str, dict[str, Counter[Marks]]] = {s: defaultdict(Counter) for s in SOURCES}
    for r in replies:
        out["trainers"][r.scenario][(r.met, r.penalties, r.level)] += 1
        out["grader"][r.scenario][(*by_grader[r.id], r.level)] += 1
    return out


def table(rubric: Rubric, counts: Counter[Marks]) -> list[list[int]]:
    t = [[0] * 4 for _ in range(4)]
    for (met, penalties, level), n in counts.items():
        t[level][band(rubric.score_of(met, penalties), rubric.max_score)] += n
    return t


def pooled(tables: dict[str, list[list[int]]]) -> float:
    return qwk([[sum(t[i][j] for t in tables.values()) for j in range(4)] for i in range(4)])


def with_points(rubric: Rubric, criteria: tuple[float, ...], penalties: tuple[float, ...]) -> Rubric:
    return rubric.model_copy(update={
        "criteria": [c.model_copy(update={"points": v}) for c, v in zip(rubric.criteria, criteria)],
        "penalties": [p.model_copy(update={"points": v}) for p, v in zip(rubric.penalties, penalties)],
    })  # fmt: skip


def splits(halves: int, parts: int):
    """Every way to write ``halves`` as ``parts`` numbers from HALVES, in order."""
    if parts == 1:
        if halves in HALVES:
            yield (halves,)
        return
    for first in HALVES:
        for rest in splits(halves - first, parts - 1):
            yield (first, *rest)


def candidates(rubric: Rubric):
    penalty_points = [range(int(p.points), PENALTY_MAX + 1) for p in rubric.penalties]
    for criteria in splits(int(rubric.max_score * 2), len(rubric.criteria)):
        for penalties in product(*penalty_points):
            yield with_points(rubric, tuple(h / 2 for h in criteria), tuple(map(float, penalties)))


def fit(counts: dict[str, dict[str, Counter[Marks]]], passes: int = 2) -> dict[str, Rubric]:
    rubrics = {sid: builtin(sid) for sid in scenario_ids()}
    tables = {s: {sid: table(r, counts[s][sid]) for sid, r in rubrics.items()} for s in SOURCES}

    def agreement(sid: str, rubric: Rubric) -> float:
        return sum(pooled({**tables[s], sid: table(rubric, counts[s][sid])}) for s in SOURCES) / len(SOURCES)

    for _ in range(passes):
        for sid in rubrics:
            best = max(candidates(rubrics[sid]), key=lambda r: agreement(sid, r))
            if agreement(sid, best) > agreement(sid, rubrics[sid]) + 1e-9:
                rubrics[sid] = best
                for s in SOURCES:
                    tables[s][sid] = table(best, counts[s][sid])
    return rubrics


def any_scoring(dev: list[Marked], by_grader: dict) -> str:
    """QWK when each combination of marks (scenario, met, penalties) gets the band that agrees
    best with the levels of the replies that carry it in the other dev batches (at least 5 of
    them; else its band through the points): an upper bound for any score computed from the
    marks alone, points or not. Leaving one batch out keeps it honest."""
    tables = {s: [[0] * 4 for _ in range(4)] for s in ("points, trainers", "any, trainers", "points, grader", "any, grader")}
    rubrics = {sid: builtin(sid) for sid in scenario_ids()}
    for letter in sorted({r.id[0] for r in dev}):
        seen: dict[tuple, Counter[int]] = defaultdict(Counter)
        for r in dev:
            if r.id[0] != letter:
                seen[("trainers", r.scenario, r.met, r.penalties)][r.level] += 1
                seen[("grader", r.scenario, *by_grader[r.id])][r.level] += 1
        for r in (r for r in dev if r.id[0] == letter):
            for source, marked in (("trainers", (r.met, r.penalties)), ("grader", by_grader[r.id])):
                rubric = rubrics[r.scenario]
                through_points = band(rubric.score_of(*marked), rubric.max_score)
                levels = seen[(source, r.scenario, *marked)]
                best = through_points
                if sum(levels.values()) >= 5:
                    best = min(range(4), key=lambda b: sum(n * (level - b) ** 2 for level, n in levels.items()))
                tables[f"points, {source}"][r.level][through_points] += 1
                tables[f"any, {source}"][r.level][best] += 1
    return "  ".join(f"{name} {qwk(t):.4f}" for name, t in tables.items())


def agreement_of(rubrics: dict[str, Rubric], counts) -> str:
    return "  ".join(f"{s} {pooled({sid: table(r, counts[s][sid]) for sid, r in rubrics.items()}):.4f}" for s in SOURCES)


def main() -> None:
    dev = load_corpus(DEV)
    by_grader = graded(dev)
    shipped = {sid: builtin(sid) for sid in scenario_ids()}
    if "--check" in sys.argv:
        print("fitted without each dev batch, measured on it (QWK through the trainers' marks and the grader's)")
        for letter in sorted({r.id[0] for r in dev}):
            held = marks([r for r in dev if r.id[0] == letter], by_grader)
            fitted = fit(marks([r for r in dev if r.id[0] != letter], by_grader), passes=1)
            print(f"batch {letter}: shipped {agreement_of(shipped, held)}   fitted {agreement_of(fitted, held)}", flush=True)
    if "--any" in sys.argv:
        print(f"a band per combination of marks, leaving one dev batch out: {any_scoring(dev, by_grader)}")
    counts = marks(dev, by_grader)
    fitted = fit(counts)
    print(f"\ndev, shipped points: {agreement_of(shipped, counts)}")
    print(f"dev, fitted points:  {agreement_of(fitted, counts)}")
    for sid, rubric in fitted.items():
        moves = [f"{a.id} {a.points:g} -> {b.points:g}" for a, b in zip(
            [*shipped[sid].criteria, *shipped[sid].penalties], [*rubric.criteria, *rubric.penalties]) if a.points != b.points]
        print(f"{sid}: {', '.join(moves) or 'as shipped'}")


if __name__ == "__main__":
    main()
