"""Put assignments in the course folder and release clean learner versions.

``add_sources`` writes nbgrader source notebooks from the course's assignment files;
``release`` writes the source again (so an edited file counts) and runs ``nbgrader generate_assignment`` (which also records the assignment,
its cells and points in the gradebook) and zips the learner version for handing out.
Before anything is handed out, every file nbgrader put in the release folder is checked
for the assignment's keys (a hidden grading line, a model order or pairing, an
explanation): a release that would hand out a key stops with an error instead.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path

from carecourse.trainer.nbgrader_run import run_nbgrader
from carecourse.trainer.workspace import CourseError, Workspace
from carecourse.assignments import Assignment
from carecourse.assignments.notebook import _model_answer, _score_call, write_source

__all__ = ["add_sources", "release"]


def add_sources(ws: Workspace, assignment_ids) -> list[str]:
    return [write_source(ws.assignment(a), ws.root / "source") for a in assignment_ids]


def release(ws: Workspace, assignment: str) -> str:
    """Generate the learner version of ``assignment``; return the zip to hand out."""
    with _put_back_on_failure(ws, assignment):
        add_sources(ws, [assignment])
        run_nbgrader(ws, "generate_assignment", assignment, "--force")
    notebook = ws.release(assignment)
    if not notebook.is_file():
        raise CourseError(f"nbgrader did not write {notebook}")
    check_no_key(ws.assignment(assignment), notebook.parent)
    bundle = ws.root / "release" / f"{assignment}.zip"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(notebook, f"{assignment}.ipynb")
    return str(bundle)


@contextmanager
def _put_back_on_failure(ws: Workspace, assignment: str):
    """The source and release folders as they were when nbgrader refuses the release.

    The source notebook is written, and ``--force`` deletes the last release, before
    nbgrader decides; it refuses to add or remove cells once learners have handed the
    assignment in. Grading goes by both folders, so a refused release must leave them be.
    """
    folders = [ws.source(assignment).parent, ws.release(assignment).parent]
    state = ws.root / "carecourse"
    state.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=state, prefix=".release-") as backup:
        kept = {}
        for number, folder in enumerate(folders):
            if folder.is_dir():
                kept[folder] = shutil.copytree(folder, Path(backup) / str(number), symlinks=True)
        try:
            yield
        except BaseException as err:
            for folder in folders:
                shutil.rmtree(folder, ignore_errors=True)
                if folder in kept:
                    shutil.copytree(kept[folder], folder, symlinks=True)
            if isinstance(err, CourseError):
                raise CourseError(f"{err}\n{_refusal_hint(ws, assignment, str(err))}") from None
            raise


def _refusal_hint(ws: Workspace, assignment: str, message: str) -> str:
    unchanged = f"nothing was released: source/{assignment}/ and release/{assignment}/ are as they were"
    if "Cannot add or remove cells" not in message:
        return unchanged
    return (f"{unchanged}. Learners have handed {assignment} in, so its items can no longer be added or "
            f"removed: put {ws.assignment_file(assignment).relative_to(ws.root)} back as it was released, "
            "or make the changed version a new assignment")


def key_traces(assignment: Assignment) -> dict[str, str]:
    """``text → item id``: what would give an exact item's key away in released material."""
    traces = {}
    for item in assignment.items:
        if item.kind == "reply":
            continue
        hidden = _score_call(item)
        found = [hidden, json.dumps(hidden, ensure_ascii=False)[1:-1], item.explain.strip()[:40]]
        if item.kind == "match" or (item.kind == "order" and item.key != "".join(item.options)):
            found.append(_model_answer(item))  # the order, or the pairs as 1-A 2-B …
        traces.update((text, item.id) for text in found if text)
    return traces


def check_no_key(assignment: Assignment, folder) -> None:
    """Stop (and remove the release) when a file in ``folder`` holds one of the keys."""
    traces = key_traces(assignment)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        text = path.read_bytes().decode("utf-8", "replace")
        leaked = sorted({item for trace, item in traces.items() if trace in text})
        if leaked or path.suffix in (".yaml", ".yml"):
            shutil.rmtree(folder, ignore_errors=True)
            where = path.relative_to(folder.parent.parent)
            what = f"holds the key of {', '.join(leaked)}" if leaked else "is YAML (an assignment file holds keys)"
            raise CourseError(f"{where} {what}: nothing was released "
                              "(keep only the notebook and what learners need in source/)")
