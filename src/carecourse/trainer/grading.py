"""Grade a cohort's submissions of one assignment and record the scores.

Engines: ``direct`` (the default) reads each answer cell by its nbgrader id and grades it
in this process, executing nothing; ``nbgrader`` runs ``nbgrader autograde`` (a kernel per
notebook, executing the learners' code). Either way every learner's details are worked
out by reading the notebook (``results/<learner>.json``), so feedback and the report
look the same, and with ``nbgrader`` the two engines' scores are compared item by item.

A run is one gradebook session, under the assignment's lock. It returns what it found
(``CohortGrades``: every learner's result and collect's problems) and keeps each learner's
details in ``results/<learner>.json`` for the ``feedback`` and ``report`` commands. Results
are streamed: each is written to a staging folder as soon as it is graded (the files are
moved into ``results/`` when the run ends), so memory does not grow with the cohort.
Nothing is loaded before it is needed: with nobody to grade, neither the assignment file
nor the grading pipeline is.

One learner's broken submission is recorded as their problem; everyone else is graded.
Learners are written to the gradebook in transactions of ``BATCH``, so an interrupted run
leaves it consistent (nothing recorded before is lost) and running again gives the same
result.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from carecourse.packaged import DataFileError
from carecourse.trainer.collect import NotebookProblem, Problem, load_problems, parse_notebook
from carecourse.trainer.gradebook import Gradebook
from carecourse.trainer.workspace import CourseError, Workspace, atomic_write
from carecourse.vocabulary import ItemStatus, LearnerStatus

if TYPE_CHECKING:  # the grading pipeline is imported when a first submission is graded
    from carecourse.assignments import Assignment
    from carecourse.assignments.items import ItemResult

__all__ = ["ENGINES", "CohortGrades", "LearnerResult", "grade_cohort", "load_results"]

ENGINES = ("direct", "nbgrader")
AUTOGRADE_LOG = "autograde.log"  # nbgrader's log of the last run with its engine, in carecourse/<assignment>/
BATCH = 100  # learners per gradebook transaction: an interrupted run loses at most one batch (each commit waits for the disk)


@dataclass
class LearnerResult:
    learner: str
    assignment: str
    status: str  # a LearnerStatus (a plain string once read back from JSON)
    score: float = 0.0
    max_score: float = 0.0
    items: list[ItemResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"learner": self.learner, "assignment": self.assignment, "status": self.status,
                "score": self.score, "max_score": self.max_score,
                "items": [i.to_dict() for i in self.items], "problems": self.problems}  # fmt: skip


def grade_submission(assignment: Assignment, learner: str, path: Path) -> LearnerResult:
    """Grade one submitted notebook without running it."""
    from carecourse.assignments.answers import read_answers
    from carecourse.assignments.items import ItemResult, grade_answer

    result = LearnerResult(learner, assignment.id, LearnerStatus.GRADED, max_score=assignment.max_score)
    try:
        data = path.read_bytes()
    except OSError as err:
        return _problem(result, f"无法读取提交的文件（{err.strerror}）。")
    try:
        nb = parse_notebook(data)
    except NotebookProblem as problem:
        return _problem(result, f"{problem}。")
    answers = read_answers(nb, [i.id for i in assignment.items])
    for item in assignment.items:
        answer = answers[item.id]
        if answer.problem:
            graded = ItemResult(item.id, item.kind, 0.0, float(item.points), status=ItemStatus.CELL_MISSING,
                                message=answer.problem)  # fmt: skip
        else:
            graded = grade_answer(item, answer.value)
        result.items.append(graded)
    result.problems = [i.message for i in result.items if i.status == ItemStatus.CELL_MISSING]
    result.problems += [answers[item.id].note for item in assignment.items if answers[item.id].note]
    result.score = round(sum(i.points for i in result.items), 2)
    return result


def _problem(result: LearnerResult, message: str) -> LearnerResult:
    result.status, result.problems = LearnerStatus.PROBLEM, [message]
    return result


@dataclass
class CohortGrades:
    """What one ``grade`` found: every learner's result, and the problems collect last saved.

    ``summaries`` holds each learner's result without its items (what a summary shows);
    ``results`` reads each whole result from its file when asked for, so a cohort's
    results are never all in memory at once.
    """

    assignment: str
    engine: str
    summaries: list[LearnerResult]
    collect_problems: list[Problem]
    folder: Path  # results/<learner>.json

    @property
    def results(self) -> Sequence[LearnerResult]:
        return _ResultFiles(self.folder, [s.learner for s in self.summaries])

    @property
    def strays(self) -> list[Problem]:
        """Files that matched nobody on the roster (never graded)."""
        return [p for p in self.collect_problems if not p.learner]


class _ResultFiles(Sequence):
    def __init__(self, folder: Path, learners: list[str]):
        self._folder, self._learners = folder, learners

    def __len__(self) -> int:
        return len(self._learners)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        return _read_result(self._folder / f"{self._learners[index]}.json")


class Progress(Protocol):
    def start(self, total: int) -> None: ...  # learners on the roster, before any is graded
    def step(self, result: LearnerResult) -> None: ...  # one learner done


def grade_cohort(ws: Workspace, assignment: str, *, engine: str = "direct",
                 progress: Progress | None = None) -> CohortGrades:
    """Grade every learner on the roster (and flag submissions from anyone else), in one
    gradebook session, holding the assignment's lock."""
    if engine not in ENGINES:
        raise CourseError(f"unknown engine {engine!r} (choose: {', '.join(ENGINES)})")
    with ws.lock(assignment):
        if not ws.assignment_file(assignment).is_file():
            ws.assignment(assignment)  # stops with the assignments the course has
        with ws.gradebook() as gb:
            return _grade_cohort(ws, gb, assignment, engine, progress)


def _grade_cohort(ws: Workspace, gb: Gradebook, assignment: str, engine: str,
                  progress: Progress | None) -> CohortGrades:
    gb.check_released(assignment)
    roster = gb.roster()
    if progress:
        progress.start(len(roster))
    submitted = {p.parent.parent.name for p in (ws.root / "submitted").glob(f"*/{assignment}/{assignment}.ipynb")}
    if submitted & set(roster):
        _check_as_released(ws, gb, assignment)
    by_nbgrader, nbgrader_failed = None, set()
    if engine == "nbgrader":
        if submitted & set(roster):
            gb.commit()  # holds nothing while nbgrader (another process) writes; what it wrote is read afresh
            nbgrader_failed = _autograde(ws, assignment, sorted(submitted & set(roster)), sorted(submitted))
        by_nbgrader = gb.recorded_scores(assignment)
    # the assignment file is read (and its rubrics compiled) only when there is something to grade
    max_score = ws.assignment(assignment).max_score if submitted & set(roster) else gb.max_score(assignment)
    collect_problems = load_problems(ws, assignment)
    notes: dict[str, list[str]] = {}
    for p in collect_problems:
        notes.setdefault(p.learner, []).append(f"{p.file}：{p.message}")
    summaries = []
    with _ResultWriter(ws, assignment) as out:
        for learner in sorted(set(roster) | submitted):
            result = _grade_learner(ws, gb, assignment, learner, learner in roster, engine)
            result.max_score = max_score
            if notes.get(learner):  # what collect found: a broken file, two submissions…
                result.problems[:0] = notes[learner]
                if result.status == LearnerStatus.NOT_SUBMITTED:
                    result.status, result.problems = LearnerStatus.PROBLEM, notes[learner]
            if learner in nbgrader_failed:
                _nbgrader_failed(result, by_nbgrader)
            elif by_nbgrader is not None:
                _compare_with_nbgrader(result, by_nbgrader)
            out.write(result)
            summaries.append(replace(result, items=[]))
            if progress:
                progress.step(result)
            if len(summaries) % BATCH == 0:
                gb.commit()
        gb.commit()
    return CohortGrades(assignment, engine, summaries, collect_problems, out.folder)


def _check_as_released(ws: Workspace, gb: Gradebook, assignment: str) -> None:
    """Stop before grading anyone when the assignment file's items or points are not the
    ones released: learners answered the released notebook, and the gradebook (and so the
    export) counts its points."""
    written = {item.id: float(item.points) for item in ws.assignment(assignment).items}
    released = gb.released_points(assignment)
    if written != released:
        raise CourseError(f"{ws.assignment_file(assignment).relative_to(ws.root)} has items {_listed(written)}, "
                          f"but {assignment} was released with {_listed(released)}: put the file back as it was "
                          f"released, or release it again (carecourse course release DIR {assignment}); "
                          "nothing was graded")  # fmt: skip


def _listed(points: dict[str, float]) -> str:
    return f"{' '.join(sorted(points))} ({sum(points.values()):g} points)"


class _ResultWriter:
    """Each learner's details, written as they are graded into a folder of this run's own
    and moved into ``results/`` only when the whole run has finished: a killed run leaves
    the last run's files as they were."""

    def __init__(self, ws: Workspace, assignment: str):
        self.folder = ws.state(assignment) / "results"
        self._state = ws.state(assignment)

    def __enter__(self) -> _ResultWriter:
        self._state.mkdir(parents=True, exist_ok=True)
        for stale in self._state.glob(".results-*"):  # a killed run's (this one holds the lock)
            shutil.rmtree(stale, ignore_errors=True)
        self._staging = Path(tempfile.mkdtemp(dir=self._state, prefix=".results-"))
        self._names: list[str] = []
        return self

    def write(self, result: LearnerResult) -> None:
        name = f"{result.learner}.json"
        data = json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")
        if _read_bytes(self.folder / name) == data:
            return  # a file replaced is a disk write; an unchanged one need not be
        (self._staging / name).write_bytes(data)
        self._names.append(name)

    def __exit__(self, kind, *_) -> None:
        try:
            if kind is None:
                self.folder.mkdir(exist_ok=True)
                for name in self._names:
                    os.replace(self._staging / name, self.folder / name)
        finally:
            shutil.rmtree(self._staging, ignore_errors=True)


def _grade_learner(ws: Workspace, gb: Gradebook, assignment: str, learner: str, on_roster: bool,
                   engine: str) -> LearnerResult:
    path = ws.submitted(learner, assignment)
    if not on_roster:
        result = LearnerResult(learner, assignment, LearnerStatus.PROBLEM,
                               problems=["不在名单上，没有评分（先把这位学员加入名单）。"])  # fmt: skip
    elif not path.is_file():
        result = LearnerResult(learner, assignment, LearnerStatus.NOT_SUBMITTED, problems=["没有收到提交。"])
    else:
        result = _grade_guarded(ws.assignment(assignment), learner, path)
        if result.status == LearnerStatus.GRADED and engine == "direct":
            gb.record_scores(assignment, learner, {i.item_id: i.points for i in result.items}, _timestamp(path))
    return result


def _grade_guarded(spec: Assignment, learner: str, path: Path) -> LearnerResult:
    """``grade_submission``, with anything one learner's notebook sets off recorded as that
    learner's problem: the rest of the cohort is still graded. A course file that does not
    load (the assignment, a rubric) still stops the run: it concerns everyone."""
    try:
        return grade_submission(spec, learner, path)
    except (CourseError, DataFileError):
        raise
    except Exception as err:  # noqa: BLE001 (whatever a malformed notebook sets off)
        result = LearnerResult(learner, spec.id, LearnerStatus.PROBLEM, max_score=spec.max_score)
        return _problem(result, f"这份笔记本读不出来，没有评分（{type(err).__name__}: {str(err)[:200]}）：请打开文件检查。")


def _timestamp(path: Path) -> datetime | None:
    stamp = path.parent / "timestamp.txt"
    try:
        return datetime.strptime(stamp.read_text().strip().removesuffix(" UTC"), "%Y-%m-%d %H:%M:%S.%f")
    except (OSError, ValueError):
        return None


def _autograde(ws: Workspace, assignment: str, learners: list[str], submitted: list[str]) -> set[str]:
    """Run ``nbgrader autograde`` for ``learners``; return the ones it could not grade.

    nbgrader goes on past most notebooks it fails on, but some failures stop its whole run
    (a pasted copy of an answer cell: nbgrader's issue #1083), and only its log says whom
    it failed on. So a learner counts as graded only when this run wrote their autograded
    notebook; after a failed run the first learner left, in nbgrader's order, is one it
    failed on, and nbgrader runs again for the others left: each failure costs one run.
    """
    from carecourse.trainer.nbgrader_run import NbgraderFailed, run_nbgrader

    todo = sorted(learners, key=lambda learner: str(ws.submitted(learner, assignment)))  # nbgrader's order
    failed: set[str] = set()
    logs = []
    while todo:
        before = {learner: _file_stamp(ws.autograded(learner, assignment)) for learner in todo}
        exclude = ",".join(sorted(set(submitted) - set(todo)))
        try:
            logs.append(run_nbgrader(ws, "autograde", assignment, "--force",
                                     f"--CourseDirectory.student_id_exclude={exclude}"))  # fmt: skip
            finished = True
        except NbgraderFailed as err:
            logs.append(err.log)
            finished = False
        left = [learner for learner in todo if _file_stamp(ws.autograded(learner, assignment)) in (None, before[learner])]
        if finished or not left:
            failed.update(left)
            break
        failed.add(left[0])
        todo = left[1:]
    atomic_write(ws.state(assignment) / AUTOGRADE_LOG, "\n".join(logs))
    return failed


def _file_stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_ino, stat.st_size


def _nbgrader_failed(result: LearnerResult, recorded: dict[str, dict[str, float | None]]) -> None:
    """A learner nbgrader could not grade: a problem, with what the gradebook still holds
    (nothing was recorded for them in this run)."""
    if result.status == LearnerStatus.NOT_SUBMITTED:
        return
    theirs = recorded.get(result.learner)
    scored = [v for v in (theirs or {}).values() if v is not None]
    kept = f"成绩册里仍是上次记录的 {sum(scored):g} 分" if scored else "成绩册里没有这位学员的分数"
    result.status = LearnerStatus.PROBLEM
    result.problems.append(f"nbgrader 评这份提交时出错，这次没有记录分数（{kept}；"
                           f"nbgrader 的日志见 carecourse/{result.assignment}/{AUTOGRADE_LOG}）。")  # fmt: skip


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _compare_with_nbgrader(result: LearnerResult, recorded: dict[str, dict[str, float | None]]) -> None:
    if result.status != LearnerStatus.GRADED:
        return
    theirs = recorded.get(result.learner)
    if theirs is None:
        result.problems.append("nbgrader 没有为这份提交评分（见 nbgrader 的日志）。")
        return
    for item in result.items:
        if theirs.get(item.item_id) is not None and abs(theirs[item.item_id] - item.points) > 1e-6:
            result.problems.append(f"{item.item_id}：nbgrader 给了 {theirs[item.item_id]:g} 分，直接评分是 {item.points:g} 分。")


def load_results(ws: Workspace, assignment: str) -> list[LearnerResult]:
    """The per-learner details the last ``grade`` wrote."""
    folder = ws.state(assignment) / "results"
    return [_read_result(path) for path in sorted(folder.glob("*.json"))] if folder.is_dir() else []


def _read_result(path: Path) -> LearnerResult:
    data = json.loads(path.read_text(encoding="utf-8"))
    items = [_item_from_dict(i) for i in data.pop("items")]
    return LearnerResult(items=items, **data)


def _item_from_dict(data: dict) -> ItemResult:
    from carecourse.assignments.items import ItemResult
    from carecourse.results import GradeResult

    grade = data.pop("grade")
    return ItemResult(**data, grade=GradeResult.from_dict(grade) if grade else None)
