"""A cohort's course folder: nbgrader's layout, its gradebook, and carecourse's own state.

    DIR/nbgrader_config.py        nbgrader's settings (db_url for PostgreSQL lives here)
    DIR/gradebook.db              nbgrader's gradebook (SQLite by default)
    DIR/roster.csv                the learners (id,name), as last imported
    DIR/assignments/<id>.yaml     the course's assignments, keys included (the trainer's own)
    DIR/rubrics/<scenario>.yaml   the course's scenarios: copies of the shipped ones, and its own
    DIR/source|release|submitted|autograded/   nbgrader's folders
    DIR/feedback/<learner>/<assignment>/index.html
    DIR/reports/<assignment>/     report.html, criteria.csv
    DIR/carecourse/<assignment>/  collect.json, results/<learner>.json
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import re
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from carecourse.packaged import DataFileError, read_text

if TYPE_CHECKING:  # loaded when an assignment is read: a command with nothing to grade needs neither
    from carecourse.assignments import Assignment
    from carecourse.rubrics import RubricFolder

__all__ = ["CourseError", "RosterUpdate", "Workspace", "atomic_write"]

CONFIG = "nbgrader_config.py"
SETTINGS = "carecourse.json"


_UMASK = os.umask(0o022)
os.umask(_UMASK)
_NEW_FILE_MODE = 0o666 & ~_UMASK


class CourseError(Exception):
    """A trainer command that cannot go on; the message says what to do."""


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` so a reader (or a killed run) never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A temporary name of its own per writer: two commands writing the same file at once
    # must not write into (or rename away) each other's half-written copy.
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(tmp, _NEW_FILE_MODE)  # mkstemp makes it 0600; others in the course read it
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class RosterUpdate:
    imported: list[str]  # the learner ids the CSV listed, in its order
    roster: dict[str, str]  # everyone on the roster afterwards: id → name


class Workspace:
    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self._assignments: dict[str, Assignment] = {}
        self._rubrics: RubricFolder | None = None

    @classmethod
    def open(cls, root: str | Path) -> Workspace:
        ws = cls(Path(root))
        if not (ws.root / CONFIG).is_file() or not (ws.root / SETTINGS).is_file():
            raise CourseError(f"{root}: not a course folder (make one with: carecourse course init {root})")
        return ws

    @classmethod
    def create(cls, root: str | Path, *, book_url: str = "", db_url: str = "") -> Workspace:
        """A new course folder; ``db_url`` (written into nbgrader's config) puts its gradebook
        in that database instead of ``gradebook.db``."""
        ws = cls(Path(root))
        if (ws.root / CONFIG).exists():
            raise CourseError(f"{root}: already a course folder; nothing was changed")
        if ws.root.exists() and any(ws.root.iterdir()):
            raise CourseError(f"{root}: the folder is not empty; choose a new or empty folder")
        config = read_text(__package__, "nbgrader_config.py.txt")
        if db_url:
            config += f"c.CourseDirectory.db_url = {db_url!r}\n"
        ws.root.mkdir(parents=True, exist_ok=True)
        (ws.root / CONFIG).write_text(config, encoding="utf-8")
        atomic_write(ws.root / SETTINGS, json.dumps({"book_url": book_url}, ensure_ascii=False, indent=2) + "\n")
        for name in ("assignments", "rubrics", "source", "release", "submitted", "feedback", "reports"):
            (ws.root / name).mkdir(exist_ok=True)
        return ws

    # --- folders -------------------------------------------------------------------
    def source(self, assignment: str) -> Path:
        return self.root / "source" / assignment / f"{assignment}.ipynb"

    def release(self, assignment: str) -> Path:
        return self.root / "release" / assignment / f"{assignment}.ipynb"

    def submitted(self, learner: str, assignment: str) -> Path:
        return self.root / "submitted" / learner / assignment / f"{assignment}.ipynb"

    def autograded(self, learner: str, assignment: str) -> Path:
        return self.root / "autograded" / learner / assignment / f"{assignment}.ipynb"

    def state(self, assignment: str) -> Path:
        return self.root / "carecourse" / assignment

    def results_file(self, assignment: str, learner: str) -> Path:
        return self.state(assignment) / "results" / f"{learner}.json"

    def feedback_page(self, learner: str, assignment: str) -> Path:
        return self.root / "feedback" / learner / assignment / "index.html"

    def report_dir(self, assignment: str) -> Path:
        return self.root / "reports" / assignment

    def assignment_file(self, assignment: str) -> Path:
        return self.root / "assignments" / f"{assignment}.yaml"

    def assignments(self) -> list[str]:
        from carecourse.assignments import assignment_files

        return list(assignment_files(self.root / "assignments"))

    def rubrics_dir(self) -> Path:
        return self.root / "rubrics"

    def rubrics(self) -> RubricFolder:
        """``scenario → rubric`` for the course's own rubric files, each read once per command
        when an assignment first needs it."""
        if self._rubrics is None:
            from carecourse.rubrics import RubricFolder

            self._rubrics = RubricFolder(self.rubrics_dir())
        return self._rubrics

    def assignment(self, assignment_id: str) -> Assignment:
        """The course's own assignment file, read once per command (its reply items graded
        by the course's rubrics)."""
        if assignment_id not in self._assignments:
            path = self.assignment_file(assignment_id)
            if not path.is_file():
                known = ", ".join(self.assignments()) or "none"
                raise CourseError(f"no assignment {assignment_id!r} in this course (there: {known})")
            from carecourse.assignments import load

            try:
                self._assignments[assignment_id] = load(path, self.rubrics())
            except DataFileError as err:  # the assignment file, or a course rubric it uses
                raise CourseError(f"{err} (check the course: carecourse course check {self.root})") from None
        return self._assignments[assignment_id]

    @contextmanager
    def lock(self, assignment: str):
        """Hold the assignment while one command collects or grades it: a second trainer's
        (or a double-clicked) command waits its turn instead of racing the first one
        through the gradebook."""
        path = self.state(assignment) / ".lock"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                with _database_lock(self.db_url, assignment):
                    yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # --- settings and nbgrader -----------------------------------------------------
    @property
    def book_url(self) -> str:
        return json.loads((self.root / SETTINGS).read_text(encoding="utf-8")).get("book_url", "")

    def nbgrader_config(self):
        from traitlets.config.loader import PyFileConfigLoader

        return PyFileConfigLoader(CONFIG, path=str(self.root)).load_config()

    @property
    def db_url(self) -> str:
        url = self.nbgrader_config().get("CourseDirectory", {}).get("db_url")
        return url or f"sqlite:///{self.root / 'gradebook.db'}"

    @contextmanager
    def gradebook(self):
        """One session with the course's gradebook (``trainer.gradebook.Gradebook``)."""
        from carecourse.trainer.gradebook import open_gradebook

        with open_gradebook(self.db_url) as gb:
            yield gb

    # --- roster --------------------------------------------------------------------
    def roster(self) -> dict[str, str]:
        """``learner id → name`` from the gradebook (the roster nbgrader knows)."""
        with self.gradebook() as gb:
            return gb.roster()

    def import_roster(self, path: str | Path) -> RosterUpdate:
        """Add or update learners from a CSV (id,name); nobody is removed."""
        rows = read_roster(Path(path))
        with self.gradebook() as gb:
            gb.add_learners(rows)
            roster = gb.roster()
        buffer = io.StringIO()
        # CRLF line ends: the csv module then quotes any cell holding a CR or an LF, so a name
        # with either reads back whole (with "\n" a bare CR was written unquoted)
        csv.writer(buffer, lineterminator="\r\n").writerows([["id", "name"], *sorted(roster.items())])
        atomic_write(self.root / "roster.csv", buffer.getvalue())
        return RosterUpdate(list(rows), roster)


@contextmanager
def _database_lock(db_url: str, assignment: str):
    """On PostgreSQL, hold the assignment in the database too: trainers whose course folders
    share one gradebook (each folder with a lock of its own) then wait their turn as well."""
    if not db_url.startswith("postgresql"):
        yield
        return
    import sqlalchemy as sa

    engine = sa.create_engine(db_url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as db:  # a session-level lock: released when this connection closes
            db.execute(sa.text("select pg_advisory_lock(hashtext(:key))"), {"key": f"carecourse {assignment}"})
            db.commit()
            yield
    finally:
        engine.dispose()


def with_scripts_on_path() -> None:
    """nbgrader runs the ``alembic`` command when it makes a new gradebook: find it beside
    this Python even when its virtual environment is not activated."""
    scripts = str(Path(sys.executable).parent)
    if scripts not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = scripts + os.pathsep + os.environ.get("PATH", "")


# A roster is UTF-8 (with or without Excel's BOM); Excel on Chinese Windows saves "CSV
# (逗号分隔)" in the local code page, GBK (GB18030 is its superset): read only when the
# whole file decodes cleanly, else refused with a hint.
_ROSTER_ENCODINGS = ("utf-8-sig", "gbk", "gb18030")


def _roster_text(path: Path, data: bytes) -> str:
    for encoding in _ROSTER_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CourseError(f"{path}: the roster is neither UTF-8 nor GBK text; save it as UTF-8 and try again "
                      "(Excel: 另存为 → CSV UTF-8(逗号分隔)(*.csv); Save As → CSV UTF-8 (Comma delimited))")  # fmt: skip


LEARNER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def read_roster(path: str | Path) -> dict[str, str]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CourseError(f"{path}: cannot read the roster ({err.strerror or err})") from None
    rows = list(csv.reader(io.StringIO(_roster_text(path, data), newline="")))
    if not rows or [c.strip().lower() for c in rows[0][:2]] != ["id", "name"]:
        raise CourseError(f"{path}: a roster is a CSV file whose first line is: id,name")
    learners: dict[str, str] = {}
    for number, row in enumerate(rows[1:], 2):
        if not row or not row[0].strip():
            continue
        learner = row[0].strip()
        if not LEARNER_ID.match(learner):
            raise CourseError(f"{path}, line {number}: {learner!r} is not a usable learner id "
                              "(letters, digits, _ . -; it names folders)")  # fmt: skip
        if learner in learners:
            raise CourseError(f"{path}, line {number}: learner {learner!r} is listed twice")
        learners[learner] = row[1].strip() if len(row) > 1 else ""
    if not learners:
        raise CourseError(f"{path}: the roster lists no learners")
    return learners
