"""Put assignments in the course folder and release clean learner versions.

``add_sources`` writes nbgrader source notebooks from the course's assignment files;
``release`` writes the source again (so an edited file counts) and runs ``nbgrader generate_assignment`` (which also records the assignment,
its cells and points in the gradebook) and zips the learner version for handing out.
"""

from __future__ import annotations

import zipfile

from carecourse.trainer.nbgrader_run import run_nbgrader
from carecourse.trainer.workspace import CourseError, Workspace
from carecourse.assignments.notebook import write_source

__all__ = ["add_sources", "release"]


def add_sources(ws: Workspace, assignment_ids) -> list[str]:
    return [write_source(ws.assignment(a), ws.root / "source") for a in assignment_ids]


def release(ws: Workspace, assignment: str) -> str:
    """Generate the learner version of ``assignment``; return the zip to hand out."""
    add_sources(ws, [assignment])
    run_nbgrader(ws, "generate_assignment", assignment, "--force")
    notebook = ws.release(assignment)
    if not notebook.is_file():
        raise CourseError(f"nbgrader did not write {notebook}")
    bundle = ws.root / "release" / f"{assignment}.zip"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(notebook, f"{assignment}.ipynb")
    return str(bundle)
