"""Commands that combine steps: ``init`` a course folder."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from carecourse.trainer.release import add_sources
from carecourse.trainer.workspace import CourseError, Workspace, read_roster
from carecourse.assignments import assignment_files, load
from carecourse.rubrics import Rubric, RubricError, builtin_file, load_folder, scenario_ids

__all__ = ["Initialised", "check_db_url", "default_assignments", "init", "shown_url"]


@dataclass(frozen=True)
class Initialised:
    """A new course folder and the roster its gradebook holds."""

    workspace: Workspace
    roster: dict[str, str]


def default_assignments() -> Path:
    """The course's own assignment files: ``exercises/`` here, or in this checkout."""
    checkout = Path(__file__).resolve().parents[3] / "exercises"
    for folder in (Path.cwd() / "exercises", checkout):
        if assignment_files(folder):
            return folder
    raise CourseError("no assignment files found: give --assignments DIR "
                      "(the carecourse repository's exercises/ folder, or your own)")  # fmt: skip


def _own_rubrics(folder) -> dict[str, Rubric]:
    if folder is None:
        return {}
    if not Path(folder).is_dir():
        raise CourseError(f"{folder}: not a folder of rubric files")
    try:
        return load_folder(folder)
    except RubricError as err:
        raise CourseError(str(err)) from None


def init(folder, *, roster=None, book_url: str = "", assignments=None, rubrics=None, db_url: str = "") -> Initialised:
    """A new course folder holding a copy of every assignment file (keys and all), its
    source notebook, a copy of every shipped rubric for the trainer to adapt plus the rubric
    files in ``rubrics`` (a team's own scenarios, or their versions of shipped ones), and its
    gradebook at ``db_url`` (default: ``gradebook.db`` in the folder). The roster, the
    rubrics, the assignments and the database are checked before anything is made; a
    failure after that removes what was made."""
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        raise CourseError("nbgrader is not installed: pip install 'carecourse[course]'") from None
    files = assignment_files(assignments if assignments is not None else default_assignments())
    if not files:
        raise CourseError(f"{assignments}: no assignment files (<id>.yaml or <id>/<id>.yaml) there")
    own = _own_rubrics(rubrics)
    for path in files.values():
        load(path, own)  # a bad assignment file stops here, before the folder exists
    if roster:
        read_roster(roster)
    if db_url:
        check_db_url(db_url)
    with _undone_on_failure(Path(folder)):
        ws = Workspace.create(folder, book_url=book_url, db_url=db_url)
        for assignment, path in files.items():
            shutil.copyfile(path, ws.assignment_file(assignment))
        for scenario in scenario_ids():
            (ws.rubrics_dir() / f"{scenario}.yaml").write_bytes(builtin_file(scenario).read_bytes())
        for scenario in own:
            shutil.copyfile(Path(rubrics) / f"{scenario}.yaml", ws.rubrics_dir() / f"{scenario}.yaml")
        add_sources(ws, ws.assignments())
        with _gradebook_errors(ws.db_url):
            if roster:  # makes the gradebook database, then adds the learners
                return Initialised(ws, ws.import_roster(roster).roster)
            with ws.gradebook():
                pass  # makes the gradebook database
        return Initialised(ws, {})
