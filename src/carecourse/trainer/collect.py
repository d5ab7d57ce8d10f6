"""Collect returned notebooks (a folder or a zip) into nbgrader's ``submitted/`` layout.

Each file is matched to a learner on the roster by its name (``li_lei.ipynb``,
``li_lei (1).ipynb``, ``li_lei/a4-complaints.ipynb``); the file is checked to be a
readable notebook of this assignment, handed in no earlier than the submission stored,
before it replaces anything. Every file that cannot be used becomes a ``Problem`` with a
message for the trainer; the others are collected all the same.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from carecourse.trainer.handed_in import MAX_BYTES, Entry, Unreadable, handed_in
from carecourse.trainer.workspace import CourseError, Workspace, atomic_write

__all__ = ["CollectResult", "NotebookProblem", "Problem", "collect", "load_problems", "parse_notebook"]

STAMP = "%Y-%m-%d %H:%M:%S.%f UTC"  # timestamp.txt: when the stored submission was handed in
_SEPARATORS = "_- .(（"


@dataclass(frozen=True)
class Problem:
    learner: str  # "" when the file matched nobody on the roster
    file: str
    message: str


@dataclass
class CollectResult:
    collected: dict[str, str]  # learner → file it came from
    problems: list[Problem]


class _Refused(Exception):
    """A file that is not collected: its message (a clause: the caller ends it) is for the trainer."""


class _OtherAssignment(_Refused):
    """Another assignment's notebook: never counted among this assignment's submissions."""


def collect(ws: Workspace, assignment: str, source: str | Path) -> CollectResult:
    if not ws.source(assignment).is_file():
        raise CourseError(f"no assignment {assignment!r} in this course (there: {', '.join(ws.assignments())})")
    roster = ws.roster()
    if not roster:
        raise CourseError("the roster is empty: add learners first (carecourse course roster DIR roster.csv)")
    answer_cells = _assignment_answer_cells(ws, assignment)
    by_learner: dict[str, list[Entry]] = {}
    problems: list[Problem] = []
    collected = {}
    refused: list[tuple[str, str]] = []
    with ws.lock(assignment), handed_in(Path(source), refused) as entries:
        # a refused link or path named for a learner is that learner's problem
        problems += [Problem(_learner_for(name, roster), name, message) for name, message in refused]
        for entry in entries:
            learner = _learner_for(entry.name, roster)
            if not learner:
                problems.append(Problem("", entry.name, "文件名对不上名单里的任何学员，没有收取。"))
            elif not entry.name.lower().endswith(".ipynb"):
                problems.append(Problem(learner, entry.name, "交来的不是 .ipynb 笔记本文件，没有收取。"))
            else:
                by_learner.setdefault(learner, []).append(entry)
        for learner, candidates in sorted(by_learner.items()):
            used, learner_problems = _collect_learner(ws, assignment, answer_cells, learner, candidates)
            problems += learner_problems
            if used:
                collected[learner] = used
        _save_problems(ws, assignment, collected, problems)
    return CollectResult(collected, problems)


def _assignment_answer_cells(ws: Workspace, assignment: str) -> frozenset[str]:
    try:
        return _answer_cells(parse_notebook(ws.source(assignment).read_bytes()))
    except (OSError, NotebookProblem) as err:
        raise CourseError(f"{ws.source(assignment)}: cannot read the assignment's notebook ({err}); "
                          f"release it again (carecourse course release {ws.root} {assignment})") from None  # fmt: skip


def _collect_learner(ws: Workspace, assignment: str, answer_cells: frozenset[str], learner: str,
                     candidates: list[Entry]):  # fmt: skip
    """Store the newest of a learner's files that is a usable notebook of this assignment.

    A newer file that is broken never displaces an older good one: each broken file is
    reported, and the next newest is tried. Another assignment's notebook is reported and
    not counted among the learner's submissions. A file older than the one an earlier
    collect stored never replaces it; the same file again leaves it as it is.
    """
    candidates = sorted(candidates, key=lambda e: (e.when, e.name), reverse=True)
    had_one = ws.submitted(learner, assignment).is_file()
    broken, foreign = [], []
    for entry in candidates:
        try:
            data = _usable(entry, assignment, answer_cells)
        except _OtherAssignment as err:
            foreign.append(Problem(learner, entry.name, str(err)))
            continue
        except _Refused as err:
            broken.append(Problem(learner, entry.name, str(err)))
            continue
        if _read_stored(ws, assignment, learner) != data:  # the same file again: nothing changes
            newer = _newer_stored(ws, assignment, learner, entry)
            if newer:
                kept = [replace(p, message=f"{p.message}；仍保留上次收到的版本。") for p in broken + foreign]
                return None, [Problem(learner, entry.name, newer), *kept]
            _store(ws, assignment, learner, entry, data)
        problems = [replace(p, message=f"{p.message}；改按较早的 {entry.name} 评分。") for p in broken]
        ours = [e for e in candidates if e.name not in {p.file for p in foreign}]
        if len(ours) > 1:
            names = "、".join(e.name for e in reversed(ours))
            problems.insert(0, Problem(learner, entry.name, f"收到 {len(ours)} 份提交（{names}），按最新的可用文件 {entry.name} 评分。"))
        return entry.name, problems + [replace(p, message=f"{p.message}。") for p in foreign]
    kept = "；仍保留上次收到的版本" if had_one else ""
    return None, [replace(p, message=f"{p.message}{kept}。") for p in broken + foreign]


def _learner_for(name: str, roster: dict[str, str]) -> str:
    """The roster id a file belongs to: its folder, or the start of its file name."""
    parts = PurePosixPath(name).parts
    if len(parts) > 1 and parts[-2] in roster:
        return parts[-2]
    if len(parts) > 1 and parts[0] in roster:
        return parts[0]
    stem = PurePosixPath(name).stem
    if stem in roster:
        return stem
    prefixes = [r for r in roster if stem.startswith(r) and stem[len(r)] in _SEPARATORS]
    return max(prefixes, key=len, default="")


def _usable(entry: Entry, assignment: str, answer_cells: frozenset[str]) -> bytes:
    """The entry's bytes if it is a notebook of ``assignment`` we can grade; else _Refused."""
    try:
        data = entry.read()
    except Unreadable as err:
        raise _Refused(f"{err}，没有收取") from None
    if len(data) > MAX_BYTES or not data:
        raise _Refused("文件是空的或超过 20 MB，没有收取")
    try:
        nb = parse_notebook(data)
    except NotebookProblem as problem:
        raise _Refused(str(problem)) from None
    named = _named_assignment(nb)
    if named and named != assignment:
        raise _OtherAssignment(f"这是作业 {named} 的笔记本，不是 {assignment} 的（可能交错了作业），没有收取")
    theirs = _answer_cells(nb)
    if theirs and not theirs & answer_cells:
        raise _OtherAssignment(f"笔记本里的答案格子没有一个是作业 {assignment} 的（可能交错了作业），没有收取")
    return data


def _store(ws: Workspace, assignment: str, learner: str, entry: Entry, data: bytes) -> None:
    """Store ``data`` (``entry``'s) as the learner's submission."""
    target = ws.submitted(learner, assignment)
    stamp = _utc(entry.when).strftime(STAMP)
    try:
        atomic_write(target, data.decode("utf-8"))
        atomic_write(target.parent / "timestamp.txt", stamp)
    except OSError as err:
        raise CourseError(f"{target}: cannot write in the course folder ({err.strerror or err}); "
                          "fix that and run collect again (no file was left half written)") from None  # fmt: skip


def _newer_stored(ws: Workspace, assignment: str, learner: str, entry: Entry) -> str:
    """Why the learner's stored submission stays: it was handed in after ``entry`` (an old
    batch collected again after a resubmission). "" when ``entry`` may replace it."""
    stamp = ws.submitted(learner, assignment).parent / "timestamp.txt"
    try:
        stored = datetime.strptime(stamp.read_text(encoding="utf-8").strip(), STAMP).replace(tzinfo=timezone.utc)
    except (OSError, ValueError):  # nothing stored, or a time we cannot read: the file counts, as before
        return ""
    if stored <= _utc(entry.when):
        return ""
    return (f"这份文件（{_shown_time(entry.when)}）比上次收到的版本（{_shown_time(stored)}）旧，"
            "没有替换；仍按上次收到的版本评分。")


def _read_stored(ws: Workspace, assignment: str, learner: str) -> bytes | None:
    try:
        return ws.submitted(learner, assignment).read_bytes()
    except OSError:
        return None


def _utc(when: datetime) -> datetime:
    return when.astimezone(timezone.utc)  # a naive time (a file's, a zip entry's) is local


def _shown_time(when: datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _nbgrader_meta(cell: dict) -> dict:
    return (cell.get("metadata") or {}).get("nbgrader") or {}


def _answer_cells(nb: dict) -> frozenset[str]:
    """The grade ids of a parsed notebook's answer cells (nbgrader's solution cells)."""
    metas = [_nbgrader_meta(cell) for cell in nb["cells"]]
    return frozenset(m["grade_id"] for m in metas if m.get("solution") and isinstance(m.get("grade_id"), str))


# release writes the assignment's id into the setup cell: grader = Grader('a4-complaints', {…})
_GRADER_CALL = re.compile(r"""\bGrader\(\s*(['"])(.+?)\1""")


def _named_assignment(nb: dict) -> str:
    """The assignment a parsed notebook's setup cell names ("" when it names none)."""
    setup = next((cell for cell in nb["cells"] if _nbgrader_meta(cell).get("grade_id") == "setup"), {})
    source = setup.get("source", "")
    source = "".join(s for s in source if isinstance(s, str)) if isinstance(source, list) else source
    found = _GRADER_CALL.search(source) if isinstance(source, str) else None
    return found.group(2) if found else ""


class NotebookProblem(Exception):
    """A file that is not a notebook we can grade: its message is for the trainer."""


def parse_notebook(data: bytes) -> dict:
    """The notebook in ``data``, parsed; NotebookProblem if it is not one we can grade."""
    try:
        nb = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise NotebookProblem("文件不是文本（可能是二进制文件或损坏了），无法读取") from None
    except json.JSONDecodeError as err:
        raise NotebookProblem(f"文件不是有效的笔记本（JSON 格式错误，第 {err.lineno} 行）") from None
    except (RecursionError, ValueError):  # nested too deeply for the parser, a number too long to read
        raise NotebookProblem("文件不是有效的笔记本（JSON 嵌套太深或数字太长，无法读取）") from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list) or nb.get("nbformat") != 4:
        raise NotebookProblem("文件不是 Jupyter 笔记本（没有 cells，或不是第 4 版格式）")
    if not all(_is_cell(cell) for cell in nb["cells"]):
        raise NotebookProblem("文件不是 Jupyter 笔记本（有的格子格式不对）")
    return nb


def _is_cell(cell) -> bool:
    """A cell grading can look into: a dict, with its metadata and nbgrader's (when there) dicts too."""
    if not isinstance(cell, dict):
        return False
    meta = cell.get("metadata") or {}
    return isinstance(meta, dict) and isinstance(meta.get("nbgrader") or {}, dict)


def _save_problems(ws: Workspace, assignment: str, collected: dict, problems: list[Problem]) -> None:
    """Keep the latest collect's problems per learner, so the report can show them."""
    path = ws.state(assignment) / "collect.json"
    old = load_problems(ws, assignment)
    fresh_learners = set(collected) | {p.learner for p in problems if p.learner}
    kept = [p for p in old if p.learner and p.learner not in fresh_learners]
    data = [asdict(p) for p in kept + problems]
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def load_problems(ws: Workspace, assignment: str) -> list[Problem]:
    path = ws.state(assignment) / "collect.json"
    if not path.is_file():
        return []
    return [Problem(**p) for p in json.loads(path.read_text(encoding="utf-8"))]
