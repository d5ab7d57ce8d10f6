"""``course check``: every rubric and assignment file of a course, as the trainer edits them.

Each mistake is a ``Finding`` named by file and line: a file that does not load (schema,
patterns, a scenario no rubric defines), a rubric whose marked samples the grader
disagrees with (what ``carecourse rubric test`` runs), and the softer warnings of
``carecourse rubric check``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from carecourse.assignments import AssignmentError, assignment_files, load
from carecourse.evaluation.agreement import SampleReport, run_samples
from carecourse.packaged import DataFileError, yaml_lines
from carecourse.rubrics import Rubric, RubricError
from carecourse.rubrics import load_named
from carecourse.rubrics.lint import warnings
from carecourse.trainer.workspace import CONFIG, Workspace

__all__ = ["CourseCheck", "Finding", "check_course"]


@dataclass(frozen=True)
class Finding:
    file: Path
    line: int
    level: str  # "error" or "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.level}: {self.message}"


@dataclass(frozen=True)
class CourseCheck:
    rubrics: int
    assignments: int
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]


def check_course(ws: Workspace) -> CourseCheck:
    findings: list[Finding] = []
    rubrics: dict[str, Rubric | None] = {}
    for path in sorted(ws.rubrics_dir().glob("*.yaml")):
        rubric = _load_rubric(path, findings)
        rubrics[path.stem] = rubric
        if rubric is not None:
            findings += _rubric_findings(path, rubric)
    findings += _unread_rubrics(ws.rubrics_dir())
    files = assignment_files(ws.root / "assignments")
    for path in files.values():
        try:
            # a scenario whose file has errors (None here) still counts as the course's own,
            # so an assignment naming it is not also told the scenario is unknown
            load(path, rubrics)
        except AssignmentError as err:
            findings += _load_errors(path, err)
    findings += _feedback_config(ws)
    return CourseCheck(len(rubrics), len(files), findings)


def _feedback_config(ws: Workspace) -> list[Finding]:
    """A course folder made before its nbgrader_config.py took the hidden tests out of
    nbgrader's own feedback: ``nbgrader generate_feedback`` would show learners every key."""
    steps = ws.nbgrader_config().get("GenerateFeedback", {}).get("preprocessors")
    if steps is not None and any("ClearHiddenTests" in str(step) for step in steps):
        return []
    message = ("nbgrader generate_feedback would show learners the hidden grading cells and their keys: add "
               "nbgrader.preprocessors.ClearHiddenTests to c.GenerateFeedback.preprocessors, as a new course's file does")
    return [Finding(ws.root / CONFIG, 1, "warning", message)]


def _load_rubric(path: Path, findings: list[Finding]) -> Rubric | None:
    try:
        return load_named(path)
    except RubricError as err:
        findings += _load_errors(path, err)
        return None


def _unread_rubrics(folder: Path) -> list[Finding]:
    """A YAML file of ``rubrics/`` not named ``<id>.yaml`` (``late-delivery.yml``), which no
    command reads: the trainer would grade with the shipped rubric, or none, unawares."""
    return [Finding(path, 1, "error", f"not read: a rubric's file is named <scenario id>.yaml ({path.stem}.yaml)")
            for path in sorted(folder.iterdir())
            if path.is_file() and path.suffix.lower() in (".yml", ".yaml") and path.suffix != ".yaml"]


def _load_errors(path: Path, err: DataFileError) -> list[Finding]:
    """One finding per ``file:line: problem`` in a loader's message."""
    pieces = re.split(rf"; (?={re.escape(str(path))}:\d+:)", str(err))
    found = []
    for piece in pieces:
        match = re.match(rf"{re.escape(str(path))}:(\d+): (.*)", piece, re.S)
        line, message = (int(match[1]), match[2]) if match else (1, piece)
        found.append(Finding(path, line, "error", message))
    return found


def _rubric_findings(path: Path, rubric: Rubric) -> list[Finding]:
    found = [Finding(path, 1, "warning", w) for w in warnings(rubric)]
    line_of = yaml_lines(path)
    report = run_samples(rubric)
    level = "warning" if report.passed else "error"
    if not report.passed:
        found.append(Finding(path, line_of(("samples",)), "error", _agreement(report)))
    for d in report.disagreements:
        verdict = "the grader says met, the sample is marked not met" if d.got else "marked met, the grader says not met"
        found.append(Finding(path, line_of(("samples", d.sample - 1)), level, f"sample {d.sample} · {d.id}: {verdict}"))
    for problem in report.score_problems:
        sample = int(re.match(r"sample (\d+)", problem)[1])
        found.append(Finding(path, line_of(("samples", sample - 1)), "error", problem))
    return found


def _agreement(report: SampleReport) -> str:
    return (f"the marked samples agree with the grader {report.agreement:.1%} of the time; "
            f"the rubric needs {report.rubric.min_agreement:.0%} (min_agreement)")  # fmt: skip
