"""How far the grader agrees with people on replies it was not written for.

A marked reply carries a trainer's decisions: which criteria it meets, which penalties
apply and a holistic level 0–3. ``measure`` grades each one and counts agreement per
criterion and penalty, and compares the grade's band with the level (quadratic weighted
kappa). ``bench/validity.py`` prints it for the corpus in ``tests/data/corpus/``, the
held-out set and the rubrics' own samples; a test holds the corpus's test part to the
targets. ``between_labellers`` counts the same figures between the corpus's two labellers,
the first in the trainers' place and the second in the grader's: how far people agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from carecourse.evaluation import jsonl
from carecourse.evaluation.agreement import Confusion, accuracy
from carecourse.rubrics import builtin, scenario_ids

__all__ = ["BANDS", "Marked", "Validity", "band", "between_labellers", "development_replies", "load_corpus", "load_labellers", "measure", "qwk"]

BANDS = (0.35, 0.6, 0.85)  # score fraction below each → level 0, 1, 2; above the last → 3


@dataclass(frozen=True)
class Marked:
    scenario: str
    text: str
    met: frozenset[str]
    penalties: frozenset[str]
    level: int | None = None
    id: str = ""


@dataclass
class Validity:
    replies: int = 0
    criteria: dict[tuple[str, str], Confusion] = field(default_factory=dict)  # (scenario, id)
    penalties: dict[tuple[str, str], Confusion] = field(default_factory=dict)
    levels: list[list[int]] = field(default_factory=lambda: [[0] * 4 for _ in range(4)])  # [human][grader]
    # [human][band of the trainers' own marks through the points]: what a perfect marker reaches
    ceiling: list[list[int]] = field(default_factory=lambda: [[0] * 4 for _ in range(4)])
    misses: list[tuple[str, str, bool, bool]] = field(default_factory=list)  # reply id, item, human, grader

    @property
    def criterion_accuracy(self) -> float:
        return accuracy(self.criteria.values())

    @property
    def penalty_accuracy(self) -> float:
        return accuracy(self.penalties.values())

    @property
    def qwk(self) -> float:
        return qwk(self.levels)

    @property
    def ceiling_qwk(self) -> float:
        return qwk(self.ceiling)

    def worst_criterion(self) -> tuple[tuple[str, str], float]:
        return min(((k, c.agreement) for k, c in self.criteria.items()), key=lambda kv: kv[1])


def band(score: float, max_score: float) -> int:
    fraction = score / max_score if max_score else 0.0
    return sum(fraction >= edge for edge in BANDS)


def qwk(table: list[list[int]]) -> float:
    """Quadratic weighted kappa of a square confusion table (rows: human, columns: grader)."""
    k = len(table)
    n = sum(map(sum, table))
    if not n:
        return 1.0
    rows = [sum(r) for r in table]
    cols = [sum(table[i][j] for i in range(k)) for j in range(k)]
    observed = sum(table[i][j] * (i - j) ** 2 for i in range(k) for j in range(k))
    expected = sum(rows[i] * cols[j] * (i - j) ** 2 for i in range(k) for j in range(k)) / n
    return 1.0 - observed / expected if expected else 1.0


def measure(replies: list[Marked]) -> Validity:
    from carecourse.pipeline import grade
    from carecourse.rubrics import builtin

    out = Validity(replies=len(replies))
    for reply in replies:
        rubric = builtin(reply.scenario)
        result = grade(reply.scenario, reply.text)
        met = {c.id for c in result.criteria if c.met}
        applied = {p.id for p in result.penalties}
        _count(out, reply, met, applied, band(result.score, result.max_score))
        if reply.level is not None:
            out.ceiling[reply.level][band(rubric.score_of(reply.met, reply.penalties), rubric.max_score)] += 1
    return out


def between_labellers(replies: list[Marked], second: dict[str, Marked]) -> Validity:
    """The agreement of two labellers, counted as ``measure`` counts the grader's: ``replies``
    hold the first labeller's marks, ``second`` (by reply id) the other's, read in the grader's
    place (its level as the band). Where people disagree this often, the grader can do no better."""
    out = Validity(replies=len(replies))
    for reply in replies:
        other = second[reply.id]
        _count(out, reply, other.met, other.penalties, other.level)
    return out


def _count(out: Validity, reply: Marked, met, applied, level: int | None) -> None:
    """Add one reply's decisions (criteria ``met``, penalties ``applied``, the ``level`` or band)
    against its marks."""
    rubric = builtin(reply.scenario)
    for ids, human, got, tables in (
        ([c.id for c in rubric.criteria], reply.met, met, out.criteria),
        ([p.id for p in rubric.penalties], reply.penalties, applied, out.penalties),
    ):
        for item in ids:
            tables.setdefault((reply.scenario, item), Confusion(item)).add(item in human, item in got)
            if (item in human) != (item in got):
                out.misses.append((reply.id, item, item in human, item in got))
    if reply.level is not None and level is not None:
        out.levels[reply.level][level] += 1


def load_corpus(path: str | Path) -> list[Marked]:
    """A JSON Lines corpus file: ``{"id", "scenario", "text", "met", "penalties", "level"}``."""
    return [Marked(r["scenario"], r["text"], frozenset(r["met"]), frozenset(r["penalties"]), r.get("level"), r.get("id", ""))
            for r in jsonl(path)]  # fmt: skip


def load_labellers(path: str | Path, corpus: list[Marked]) -> tuple[list[Marked], dict[str, Marked]]:
    """The two labellers' own marks (``labellers.jsonl``: ``{"id", "first", "second"}``) of the
    replies in ``corpus``: the first's as marked replies, the second's by reply id."""
    replies = {r.id: r for r in corpus}
    first, second = [], {}
    for row in jsonl(path):
        reply = replies.get(row["id"])
        if reply is not None:
            first.append(_marked_as(reply, row["first"]))
            second[reply.id] = _marked_as(reply, row["second"])
    return first, second


def _marked_as(reply: Marked, marks: dict) -> Marked:
    """``reply`` with one labeller's ``marks`` (``{"met", "penalties", "level"}``) in place of the settled ones."""
    return replace(reply, met=frozenset(marks["met"]), penalties=frozenset(marks["penalties"]), level=marks["level"])


def development_replies(data: str | Path) -> list[tuple[str, str]]:
    """(scenario, text) of every shipped rubric's samples, the held-out samples and the dev
    corpus under ``data`` (``tests/data``): what may be read freely, never the test part."""
    data = Path(data)
    items = [(sid, s.text) for sid in scenario_ids() for s in builtin(sid).samples]
    for path in sorted((data / "heldout").glob("*.yaml")):
        held = yaml.safe_load(path.read_text(encoding="utf-8"))
        items += [(held["scenario"], s["text"]) for s in held["samples"]]
    return items + [(r.scenario, r.text) for r in load_corpus(data / "corpus" / "dev.jsonl")]


def by_scenario(replies: list[Marked]) -> dict[str, list[Marked]]:
    groups: dict[str, list[Marked]] = defaultdict(list)
    for r in replies:
        groups[r.scenario].append(r)
    return dict(groups)
