"""Collect returned notebooks (a folder or a zip) into nbgrader's ``submitted/`` layout.

Each file is matched to a learner on the roster by its name (``li_lei.ipynb``,
``li_lei (1).ipynb``, ``li_lei/a4-complaints.ipynb``); the file is checked to be a
readable notebook before it replaces anything. Every file that cannot be used becomes a
``Problem`` with a message for the trainer; the others are collected all the same.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from carecourse.course.workspace import CourseError, Workspace, atomic_write

__all__ = ["CollectResult", "Problem", "collect", "load_problems"]

MAX_BYTES = 20 * 1024 * 1024
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


@dataclass(frozen=True)
class _Entry:
    name: str  # path inside the folder or zip
    when: datetime
    read: object  # () -> bytes


def collect(ws: Workspace, assignment: str, source: str | Path) -> CollectResult:
    if not ws.source(assignment).is_file():
        raise CourseError(f"no assignment {assignment!r} in this course (there: {', '.join(ws.assignments())})")
    roster = ws.roster()
    if not roster:
        raise CourseError("the roster is empty: add learners first (carecourse course roster DIR roster.csv)")
    by_learner: dict[str, list[_Entry]] = {}
    problems: list[Problem] = []
    for entry in _entries(Path(source)):
        learner = _learner_for(entry.name, roster)
        if not learner:
            problems.append(Problem("", entry.name, "文件名对不上名单里的任何学员，没有收取。"))
        elif not entry.name.lower().endswith(".ipynb"):
            problems.append(Problem(learner, entry.name, "交来的不是 .ipynb 笔记本文件，没有收取。"))
        else:
            by_learner.setdefault(learner, []).append(entry)
    collected = {}
    for learner, entries in sorted(by_learner.items()):
        entries.sort(key=lambda e: (e.when, e.name))
        latest = entries[-1]
        if len(entries) > 1:
            names = "、".join(e.name for e in entries)
            problems.append(Problem(learner, latest.name, f"收到 {len(entries)} 份提交（{names}），按最新的 {latest.name} 评分。"))
        problem = _store(ws, assignment, learner, latest)
        if problem:
            problems.append(problem)
        else:
            collected[learner] = latest.name
    _save_problems(ws, assignment, collected, problems)
    return CollectResult(collected, problems)


def _entries(source: Path) -> list[_Entry]:
    if source.is_dir():
        files = [p for p in sorted(source.rglob("*")) if p.is_file() and not _hidden(p.relative_to(source))]
        return [_Entry(p.relative_to(source).as_posix(), _mtime(p), p.read_bytes) for p in files]
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir() and not _hidden(PurePosixPath(i.filename))]
            data = {i.filename: (zf.read(i) if i.file_size <= MAX_BYTES else b"") for i in infos}
        return [_Entry(i.filename, datetime(*i.date_time), (lambda n=i.filename: data[n])) for i in infos]
    if source.exists():
        raise CourseError(f"{source}: give a folder or a .zip of returned notebooks")
    raise CourseError(f"{source}: no such folder or zip file")


def _hidden(path) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(path).parts)


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime)


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


def _store(ws: Workspace, assignment: str, learner: str, entry: _Entry) -> Problem | None:
    data = entry.read()
    if len(data) > MAX_BYTES or not data:
        return Problem(learner, entry.name, "文件是空的或超过 20 MB，没有收取。")
    problem = notebook_problem(data)
    if problem:
        kept = "；仍保留上次收到的版本" if ws.submitted(learner, assignment).is_file() else ""
        return Problem(learner, entry.name, problem + kept + "。")
    target = ws.submitted(learner, assignment)
    atomic_write(target, data.decode("utf-8"))
    stamp = entry.when.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    atomic_write(target.parent / "timestamp.txt", stamp)
    return None


def notebook_problem(data: bytes) -> str:
    """Why ``data`` is not a notebook we can grade ("" if it is one)."""
    try:
        nb = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return "文件不是文本（可能是二进制文件或损坏了），无法读取"
    except json.JSONDecodeError as err:
        return f"文件不是有效的笔记本（JSON 格式错误，第 {err.lineno} 行）"
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list) or nb.get("nbformat") != 4:
        return "文件不是 Jupyter 笔记本（没有 cells，或不是第 4 版格式）"
    return ""


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
