"""How far technique detection (``carecourse analyze``) agrees with people.

The grader's rubrics are measured on replies to the course's scenarios (``validity.py``);
this measures the step beneath them on replies from anywhere else: service staff in
online shops, banks, hotels, clinics … answering their own customers, each reply marked
with the techniques two trainers (disagreements settled) found in it. A technique counts
as detected when ``analyze`` finds it anywhere in the reply. ``bench/validity.py`` prints
precision, recall and F1 per technique for the corpus in ``tests/data/techniques/``; a test
holds its test part to floors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from carecourse.detect import TECHNIQUES
from carecourse.evaluation import jsonl
from carecourse.evaluation.agreement import Confusion, accuracy

__all__ = ["Detection", "Labelled", "load_labelled", "measure_detection"]


@dataclass(frozen=True)
class Labelled:
    """A service reply and the techniques people found in it."""

    text: str
    techniques: frozenset[str]
    id: str = ""
    domain: str = ""


@dataclass
class Detection:
    replies: int = 0
    tables: dict[str, Confusion] = field(default_factory=dict)  # technique -> reply-level counts
    misses: list[tuple[str, str, bool, bool]] = field(default_factory=list)  # reply id, technique, human, detector

    def precision(self, technique: str) -> float:
        return self.tables[technique].precision

    def recall(self, technique: str) -> float:
        return self.tables[technique].recall

    def f1(self, technique: str) -> float:
        return self.tables[technique].f1

    @property
    def measured(self) -> list[str]:
        """The techniques people found at least once: the only ones an F1 says anything about."""
        return [t for t in TECHNIQUES if t in self.tables and self.tables[t].tp + self.tables[t].fn]

    @property
    def macro_f1(self) -> float:
        measured = self.measured
        return sum(map(self.f1, measured)) / len(measured) if measured else 1.0

    @property
    def accuracy(self) -> float:
        return accuracy(self.tables.values())


def measure_detection(replies: list[Labelled]) -> Detection:
    from carecourse.pipeline import analyze

    out = Detection(replies=len(replies), tables={t: Confusion(t) for t in TECHNIQUES})
    for reply in replies:
        found = {f.id for f in analyze(reply.text).findings}
        for t in TECHNIQUES:
            human, got = t in reply.techniques, t in found
            out.tables[t].add(human, got)
            if human != got:
                out.misses.append((reply.id, t, human, got))
    return out


def load_labelled(path: str | Path) -> list[Labelled]:
    """A JSON Lines file: ``{"id", "domain", "text", "techniques": [...]}``, one reply a line."""
    out = []
    for r in jsonl(path):
        unknown = set(r["techniques"]) - set(TECHNIQUES)
        if unknown:
            raise ValueError(f"{r.get('id', '?')}: unknown techniques {sorted(unknown)}")
        out.append(Labelled(r["text"], frozenset(r["techniques"]), r.get("id", ""), r.get("domain", "")))
    return out
