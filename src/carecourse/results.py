"""What grading returns: plain dataclasses that serialise to the JSON of the grading
contract (docs/contract.md).

The bottom of the pipeline: every step may import this module, and it imports none of them.
A ``Finding`` is one piece of evidence (detect), a ``GradeResult`` the whole grade (feedback).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields

__all__ = ["CriterionResult", "Finding", "Flag", "GradeResult", "PenaltyResult", "distinct_quotes", "quoted"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence: ``text`` is ``original[start:end]`` of the learner's input."""

    id: str
    start: int
    end: int
    text: str
    kind: str | None = None
    nstart: int = 0  # the same span in the normalised text
    nend: int = 0

    @property
    def key(self) -> str:
        """What makes two findings 'the same' when counting distinct evidence."""
        return self.text.strip()

    def to_dict(self) -> dict:
        data = {"id": self.id, "text": self.text, "start": self.start, "end": self.end}
        if self.kind:
            data["kind"] = self.kind
        return data


def distinct_quotes(evidence: list[Finding]) -> list[str]:
    """The learner's words behind a line, in reading order, each distinct text once; words
    inside another quote are left out (“约了明天上午” already says “明天上午”) and quotes
    that overlap are joined (“我理解您” and “理解您明天要办公”: “我理解您明天要办公”)."""
    joined: list[list] = []  # [start, end, text], by start
    for e in sorted(evidence, key=lambda e: (e.start, -e.end)):
        if joined and e.start < joined[-1][1]:
            last = joined[-1]
            if e.end > last[1]:
                last[2] += e.text[last[1] - e.start :]
                last[1] = e.end
        else:
            joined.append([e.start, e.end, e.text])
    return list(dict.fromkeys(text for _, _, text in joined))


MAX_QUOTES = 4  # a long reply's words are named by the first few: “…”、“…”、“…”、“…”等 12 处


def quoted(quotes: tuple[str, ...] | list[str]) -> str:
    """The learner's words as one string: “…”、“…” (feedback sentences and every view)."""
    shown = "、".join(f"“{q}”" for q in quotes[:MAX_QUOTES])
    return f"{shown}等 {len(quotes)} 处" if len(quotes) > MAX_QUOTES else shown


class _WithEvidence:
    """JSON of a criterion or penalty: its fields in declared order, evidence as spans."""

    def to_dict(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["evidence"] = [{"text": e.text, "start": e.start, "end": e.end} for e in self.evidence]
        return data

    @property
    def quotes(self) -> list[str]:
        """The learner's words behind this line, each distinct text once, in reading order."""
        return distinct_quotes(self.evidence)


@dataclass
class CriterionResult(_WithEvidence):
    """One criterion: met or not, the points it earned, and the learner's words as evidence."""

    id: str
    label: str
    met: bool
    points: float
    max_points: float
    evidence: list[Finding] = field(default_factory=list)
    feedback: str = ""
    section: str = ""

    @property
    def earned(self) -> bool:
        """Met, or earned a share of its points (one open question of the two asked for):
        its evidence is marked and quoted back."""
        return self.met or self.points > 0


@dataclass
class PenaltyResult(_WithEvidence):
    """A penalty that applied; ``points`` is negative."""

    id: str
    label: str
    points: float
    evidence: list[Finding] = field(default_factory=list)
    feedback: str = ""
    section: str = ""


@dataclass(frozen=True)
class Flag:
    """Why a reply was not graded on its merits (empty, a keyword list, copied, ...)."""

    id: str
    message: str

    def to_dict(self) -> dict:
        return {"id": self.id, "message": self.message}


@dataclass
class GradeResult:
    """The grade of one reply to one scenario."""

    scenario: str
    score: float
    max_score: float
    criteria: list[CriterionResult]
    penalties: list[PenaltyResult]
    flags: list[Flag] = field(default_factory=list)
    summary: str = ""

    def met(self, criterion_id: str) -> bool:
        return any(c.id == criterion_id and c.met for c in self.criteria)

    @property
    def fraction(self) -> float:
        return self.score / self.max_score if self.max_score else 0.0

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario,
            "score": self.score,
            "max_score": self.max_score,
            "criteria": [c.to_dict() for c in self.criteria],
            "penalties": [p.to_dict() for p in self.penalties],
            "flags": [f.to_dict() for f in self.flags],
            "summary": self.summary,
        }

    @classmethod
    def from_dict(cls, data: dict) -> GradeResult:
        """The inverse of ``to_dict`` (as stored by the trainer workflow)."""

        def evidence(item: dict) -> list[Finding]:
            return [Finding(item["id"], e["start"], e["end"], e["text"]) for e in item["evidence"]]

        return cls(
            scenario=data["scenario"], score=data["score"], max_score=data["max_score"],
            criteria=[CriterionResult(**{**c, "evidence": evidence(c)}) for c in data["criteria"]],
            penalties=[PenaltyResult(**{**p, "evidence": evidence(p)}) for p in data["penalties"]],
            flags=[Flag(**f) for f in data.get("flags", [])], summary=data.get("summary", ""),
        )  # fmt: skip

    def to_json(self, **kwargs) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)
