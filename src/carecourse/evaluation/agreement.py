"""Run a rubric over marked samples: per-criterion agreement and a confusion table.

This is what ``carecourse rubric test`` prints, modelled on Moodle's pattern-match "test
responses": it tells a trainer how often the rubric agrees with a human's marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from carecourse.rubrics.schema import Rubric, Sample

__all__ = ["Confusion", "Disagreement", "SampleReport", "accuracy", "run_samples"]


@dataclass
class Confusion:
    """Counts for one criterion or penalty over all samples (positive = met/applied)."""

    id: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def agreement(self) -> float:
        return (self.tp + self.tn) / self.total if self.total else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 1.0

    def add(self, expected: bool, got: bool) -> None:
        if expected and got:
            self.tp += 1
        elif got:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1


def accuracy(tables) -> float:
    """The share of decisions agreed on, over several tables pooled."""
    tables = list(tables)
    total = sum(c.total for c in tables)
    return sum(c.tp + c.tn for c in tables) / total if total else 1.0


@dataclass(frozen=True)
class Disagreement:
    sample: int  # 1-based position in the sample list
    id: str
    expected: bool
    got: bool
    text: str


@dataclass
class SampleReport:
    rubric: Rubric
    samples: int
    table: list[Confusion]
    disagreements: list[Disagreement] = field(default_factory=list)
    score_problems: list[str] = field(default_factory=list)

    @property
    def agreement(self) -> float:
        decisions = sum(c.total for c in self.table)
        return sum(c.tp + c.tn for c in self.table) / decisions if decisions else 1.0

    @property
    def passed(self) -> bool:
        return self.agreement >= self.rubric.min_agreement and not self.score_problems


def run_samples(rubric: Rubric, samples: list[Sample] | None = None) -> SampleReport:
    """Grade each sample with ``rubric`` and compare with its marks."""
    from carecourse.pipeline import grade

    samples = rubric.samples if samples is None else samples
    table = {i: Confusion(i) for i in [c.id for c in rubric.criteria] + [p.id for p in rubric.penalties]}
    report = SampleReport(rubric, len(samples), list(table.values()))
    for k, sample in enumerate(samples, 1):
        result = grade(rubric.id, sample.text, rubric=rubric)
        got = {c.id for c in result.criteria if c.met} | {p.id for p in result.penalties}
        expected = set(sample.met) | set(sample.penalties)
        for id, counts in table.items():
            counts.add(id in expected, id in got)
            if (id in expected) != (id in got):
                report.disagreements.append(Disagreement(k, id, id in expected, id in got, sample.text))
        if sample.gamed and not result.flags:
            report.score_problems.append(f"sample {k}: marked as gaming, but the grader did not flag it")
        if sample.max_score is not None and result.score > sample.max_score:
            report.score_problems.append(f"sample {k}: scored {result.score}, at most {sample.max_score} expected")
        if sample.min_score is not None and result.score < sample.min_score:
            report.score_problems.append(f"sample {k}: scored {result.score}, at least {sample.min_score} expected")
    return report
