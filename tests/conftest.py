"""What several test modules share: the command runner, a released course, its helpers, the site's pages.

Markers (registered in pyproject.toml; ``make test`` runs them all, they only let someone
deselect): ``nbgrader`` for tests that run nbgrader (a released course), ``site`` for
tests that read the built site, ``browser`` for tests that open it in Chromium.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from carecourse.cli import main

ROOT = Path(__file__).resolve().parent.parent
# Tests check behaviour, not timings: no property-based example fails for being slow on a
# busy machine (hypothesis' default deadline is 200 ms per example).
settings.register_profile("carecourse", deadline=None)
settings.load_profile("carecourse")
# The run's own pattern cache (carecourse.pattern_cache), shared by its processes: a clean
# clone's first processes fill it, later ones read it, and nobody's home folder is touched.
os.environ.setdefault("CARECOURSE_CACHE_DIR", str(ROOT / ".pytest_cache" / "patterns"))

pytest_plugins = ["postgres"]  # the ``postgres`` fixture: a private PostgreSQL server

EXERCISES = ROOT / "exercises"
BIN = Path(sys.executable).parent  # the carecourse and nbgrader commands of this Python
A = "a4-complaints"  # the assignment a course's tests collect and grade
LEARNERS = 8  # on the released course's roster

# The built site's pages (``make book``): module pages and labs.
BUILT_MODULES = {
    "M1": "m1-care", "M2": "m2-value", "M3": "m3-rater", "M4": "m4-touchpoints", "M5": "m5-customer-types",
    "M6": "m6-questions", "M7": "m7-listening", "M8": "m8-complaints", "M9": "m9-saying-no", "M10": "m10-standards",
}  # fmt: skip
LABS = ["m4-lab", "m6-lab", "m7-lab", "m8-lab", "m9-lab", "m10-lab"]


@pytest.fixture
def cli():
    """Run the carecourse command in-process: cli("grade", ..., input="...")."""
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return run


# --- a released course (needs nbgrader) -------------------------------------------------


@pytest.fixture(scope="session")
def released(tmp_path_factory, request) -> Path:
    """A course folder with LEARNERS learners and A released, made once per test run and
    shared by the xdist workers (nbgrader takes seconds to start); tests work on a copy
    (``ws``) and never change it."""
    from filelock import FileLock

    base = tmp_path_factory.getbasetemp()
    if hasattr(request.config, "workerinput"):  # an xdist worker: the run's folder is shared
        base = base.parent
    shared = base / "released"
    with FileLock(f"{shared}.lock"):
        if not (shared / "done").exists():
            shutil.rmtree(shared, ignore_errors=True)  # a worker that died half-way
            _release_course(shared)
            (shared / "done").touch()
    return shared / "course"


def _release_course(base: Path) -> None:
    from carecourse.trainer import workflow
    from carecourse.trainer.demo import demo_roster
    from carecourse.trainer.release import release

    base.mkdir(parents=True)
    roster = base / "roster.csv"
    roster.write_text("id,name\n" + "".join(f"{k},{v}\n" for k, v in demo_roster(LEARNERS).items()), encoding="utf-8")
    release(workflow.init(base / "course", roster=roster).workspace, A)


@pytest.fixture
def ws(released, tmp_path):
    """This test's own copy of the released course."""
    from carecourse.trainer.workspace import Workspace

    copy = tmp_path / "course"
    shutil.copytree(released, copy)
    return Workspace.open(copy)


def builtin(assignment_id: str):
    """The repository's own assignment file (the one ``course init`` copies in)."""
    from carecourse.assignments import assignment_files, load

    return load(assignment_files(EXERCISES)[assignment_id])


def released_nb(ws) -> dict:
    return json.loads(ws.release(A).read_text(encoding="utf-8"))


def answered(ws, **answers: str) -> dict:
    """The released notebook with ``answers`` typed in (item id → text)."""
    from carecourse.assignments.answers import write_answer

    nb = released_nb(ws)
    for item, text in answers.items():
        write_answer(nb, item, text)
    return nb


def cohort(ws, folder: Path) -> Path:
    """Every learner's returned notebook (the demo's answers, nothing broken) in ``folder``."""
    from carecourse.trainer.demo import write_returned

    write_returned(ws, A, ws.roster(), folder, mishaps=False)
    return folder


def gradebook_rows(ws) -> list[tuple]:
    """(learner, item, auto score, manual score) for every grade in the SQLite gradebook."""
    with sqlite3.connect(ws.root / "gradebook.db") as db:
        return sorted(db.execute(
            "select student.id, base_cell.name, grade.auto_score, grade.manual_score from grade "
            "join submitted_notebook on grade.notebook_id = submitted_notebook.id "
            "join submitted_assignment on submitted_notebook.assignment_id = submitted_assignment.id "
            "join student on submitted_assignment.student_id = student.id "
            "join base_cell on grade.cell_id = base_cell.id").fetchall())  # fmt: skip


def by_learner(grades) -> dict:
    """A grading's results by learner id."""
    return {r.learner: r for r in grades.results}


# --- answer keys ----------------------------------------------------------------------


def key_traces(item, *, bare: bool = False) -> list[str]:
    """Every way an exact item's key might be written down: as the assignment file, Python
    (a hidden grading line, a repr) or JSON write it, the model answer, the explanation.
    ``bare`` adds the key on its own (an order, a pairing's letters, a number) where it
    would not occur by chance: a released notebook, not the whole package."""
    from carecourse.assignments.notebook import _model_answer, _score_call

    if item.kind == "reply":  # its model answer (a shipped scenario's is the trainer's alone)
        return [item.model_answer] if item.model_answer else []
    key = item.key
    traces = [_score_call(item), json.dumps(_score_call(item), ensure_ascii=False)[1:-1]]
    traces += [f"key={key!r}", f"'key': {key!r}", f'"key": {json.dumps(key)}']
    if item.kind == "choice":
        traces += [f"key: {key[0]}\n" if len(key) == 1 else f"key: [{', '.join(key)}]", f'"key": "{key[0]}"']
    elif item.kind == "order":
        traces += [f"key: {key}", key]
    elif item.kind == "match":
        traces += ["{" + ", ".join(f"{n}: {k}" for n, k in key.items()) + "}",
                   json.dumps({str(n): k for n, k in key.items()}), _model_answer(item)]  # fmt: skip
        if bare:
            traces.append("".join(key[n] for n in sorted(key)))
    elif item.kind == "number":
        traces += [f"key: {key:g}", f"key={key:g}", f'"key": {key:g}']
        if bare and f"{key:g}" not in item.prompt:
            traces.append(f"{key:g}")
    if item.explain.strip():
        traces.append(item.explain.strip()[:40])
    return list(dict.fromkeys(traces))


def leaked_keys(assignment, text: str, *, bare: bool = False) -> list[tuple[str, str]]:
    """(item id, trace) for every trace of ``assignment``'s keys in ``text``."""
    return [(item.id, t) for item in assignment.items for t in key_traces(item, bare=bare) if t in text]
