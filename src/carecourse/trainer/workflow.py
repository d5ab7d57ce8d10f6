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


@contextmanager
def _undone_on_failure(folder: Path):
    """Remove what ``init`` made in ``folder`` when it stops halfway. Only a new or empty
    folder is ever made into a course, so everything in it then is ``init``'s own."""
    existed = folder.exists()
    was_empty = not existed or (folder.is_dir() and not any(folder.iterdir()))
    try:
        yield
    except BaseException:
        if was_empty and folder.is_dir():
            for path in list(folder.iterdir()) if existed else [folder]:
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
        raise


@contextmanager
def _gradebook_errors(db_url: str):
    """A database that refuses what the gradebook needs (tables, rows) is a one-line error."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        yield
    except SQLAlchemyError as err:
        raise CourseError(f"the gradebook at {shown_url(db_url)} cannot be set up: {_first_line(err)}; "
                          "nothing was made") from None  # fmt: skip


def check_db_url(db_url: str) -> None:
    """CourseError unless ``db_url`` is a database URL whose driver is installed and whose
    database answers (a PostgreSQL server gets 10 s to)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
    from sqlalchemy.pool import NullPool

    try:
        url = make_url(db_url)
    except ArgumentError:
        raise CourseError(f"{db_url!r} is not a database URL (like postgresql://USER:PASSWORD@HOST/DATABASE)") from None
    shown = shown_url(db_url)
    connect_args = {"connect_timeout": 10} if url.get_backend_name() == "postgresql" else {}
    try:
        engine = create_engine(url, poolclass=NullPool, connect_args=connect_args)
    except NoSuchModuleError:
        raise CourseError(f"{shown}: SQLAlchemy knows no database {url.drivername!r}") from None
    except ImportError as err:
        raise CourseError(f"{shown}: its driver {err.name or ''} is not installed "
                          "(PostgreSQL: pip install 'carecourse[course]', which brings psycopg)") from None  # fmt: skip
    try:
        with engine.connect():
            pass
    except SQLAlchemyError as err:
        raise CourseError(f"cannot open the gradebook at {shown}: {_first_line(err)}; nothing was made") from None
    finally:
        engine.dispose()


def shown_url(db_url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(db_url).render_as_string(hide_password=True)
    except Exception:
        return "the database"


def _first_line(err) -> str:
    text = str(getattr(err, "orig", None) or err).strip()
    return text.splitlines()[0] if text else type(err).__name__
