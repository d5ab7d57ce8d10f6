"""The trainer workflow on a real PostgreSQL gradebook (a private server: tests/postgres.py).

The same cohort runs through every command on SQLite and on PostgreSQL and every file
the two runs write is compared; two trainers grade at once; the URL form the README
documents (``postgresql://``, no driver named) is the one used throughout.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

from carecourse.trainer.demo import demo_roster, write_returned
from carecourse.trainer.workspace import Workspace
from conftest import A, BIN, LEARNERS, ROOT

pytestmark = pytest.mark.nbgrader

# What the two runs may write differently: the gradebook's own file and the config naming
# it, and the zip handed out (its entries carry the time of writing).
DIFFERENT_BY_DESIGN = {"gradebook.db", "nbgrader_config.py", f"release/{A}.zip"}

ROWS = """select student.id, student.first_name, base_cell.name, grade.auto_score, grade.manual_score,
                 grade.needs_manual_grade, submitted_assignment.timestamp
          from grade
          join submitted_notebook on grade.notebook_id = submitted_notebook.id
          join submitted_assignment on submitted_notebook.assignment_id = submitted_assignment.id
          join student on submitted_assignment.student_id = student.id
          join base_cell on grade.cell_id = base_cell.id"""


def _row_types():
    import sqlalchemy as sa

    return [sa.column(name, kind) for name, kind in [("id", sa.String), ("first_name", sa.String), ("name", sa.String),
            ("auto_score", sa.Float), ("manual_score", sa.Float), ("needs_manual_grade", sa.Boolean),
            ("timestamp", sa.DateTime)]]  # fmt: skip


def book_rows(ws: Workspace) -> list[tuple]:
    """Every grade in the course's gradebook, whatever database holds it."""
    import sqlalchemy as sa

    engine = sa.create_engine(ws.db_url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as db:
            return sorted(tuple(row) for row in db.execute(sa.text(ROWS).columns(*_row_types())))
    finally:
        engine.dispose()


def course_files(ws: Workspace) -> dict[str, bytes]:
    """Every file in the course folder (its own path written as COURSE), by relative path."""
    files = {}
    for path in sorted(p for p in ws.root.rglob("*") if p.is_file() and p.name != ".lock"):
        name = path.relative_to(ws.root).as_posix()
        if name not in DIFFERENT_BY_DESIGN:
            files[name] = path.read_bytes().replace(str(ws.root).encode(), b"COURSE")
    return files


def documented_url() -> str:
    """The gradebook URL autograder/README.md tells trainers to write."""
    readme = (ROOT / "autograder" / "README.md").read_text(encoding="utf-8")
    return re.search(r'c\.CourseDirectory\.db_url = "([^"]+)"', readme).group(1)


def as_documented(url: str) -> str:
    """``url``'s server and database in the README's URL, everything else as written there."""
    from sqlalchemy.engine import make_url

    ours = make_url(url)
    documented = make_url(documented_url())
    url = documented.set(host=ours.host, port=ours.port, username=ours.username, password=None, database=ours.database)
    return url.render_as_string(hide_password=False)


def pg_copy(postgres, course: Workspace, folder: Path, database: str) -> Workspace:
    """A copy of a course on PostgreSQL: its folder at ``folder``, its gradebook in ``database``."""
    from sqlalchemy.engine import make_url

    url = postgres.create_database(database, template=make_url(course.db_url).database)
    copy = Path(shutil.copytree(course.root, folder))
    config = copy / "nbgrader_config.py"
    config.write_text(config.read_text(encoding="utf-8").replace(repr(course.db_url), repr(url)), encoding="utf-8")
    return Workspace.open(copy)


@contextmanager
def holding(url: str, table: str):
    """Nobody reads or writes ``table`` until the block ends."""
    import psycopg

    with psycopg.connect(url) as holder:
        holder.execute(f"lock table {table} in access exclusive mode")
        yield  # leaving commits: the table is free


def wait_till_all_wait(url: str, graders: list[subprocess.Popen]) -> None:
    """Until every grader waits for a lock in the database (or one has ended)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as watcher:
        deadline = time.monotonic() + 120
        while all(g.poll() is None for g in graders):
            waiting = watcher.execute("select count(*) from pg_stat_activity where datname = current_database() "
                                      "and wait_event_type = 'Lock'").fetchone()[0]  # fmt: skip
            if waiting >= len(graders):
                return
            assert time.monotonic() < deadline, f"after 120 s, {waiting} of {len(graders)} graders wait for the table"
            time.sleep(0.1)


def course_command(*args) -> None:
    """``carecourse course ARGS`` in this process, as the command line runs it; unlike click's
    CliRunner it leaves sys.stdout alone, so two can run at once in threads."""
    from carecourse.cli import main

    try:
        main.main(["course", *map(str, args)], prog_name="carecourse", standalone_mode=False)
    except SystemExit as ended:  # a one-line error: the message is in the captured stderr
        raise AssertionError(f"carecourse course {args[0]} exited with {ended.code}") from None


@pytest.fixture(scope="module")
def runs(postgres, tmp_path_factory) -> dict[str, Workspace]:
    """The whole workflow, command by command, on SQLite and on PostgreSQL from the same
    roster and the same returned notebooks (the demo's, mishaps included); also, under
    "before grading", a copy of the PostgreSQL course (folder and database) as it stood
    before grading."""
    base = tmp_path_factory.mktemp("pg")
    roster = base / "roster.csv"
    roster.write_text("id,name\n" + "".join(f"{k},{v}\n" for k, v in demo_roster(LEARNERS).items()), encoding="utf-8")
    urls = {"sqlite": "", "postgresql": as_documented(postgres.create_database("course"))}
    courses = {name: Workspace(base / name) for name in urls}

    def init_and_release(name: str) -> None:
        course_command("init", courses[name].root, "--roster", roster, *(["--db-url", urls[name]] if urls[name] else []))
        course_command("release", courses[name].root, A)

    with ThreadPoolExecutor(len(urls)) as pool:  # most of their time is nbgrader's, in subprocesses
        list(pool.map(init_and_release, urls))
    returned = base / "returned"
    write_returned(courses["sqlite"], A, courses["sqlite"].roster(), returned)
    for ws in courses.values():
        course_command("collect", ws.root, A, returned)
    courses["before grading"] = pg_copy(postgres, courses["postgresql"], base / "before", "before_grading")
    for ws in (courses["sqlite"], courses["postgresql"]):
        for command in ("grade", "feedback", "report"):
            course_command(command, ws.root, A)
        course_command("export", ws.root)
    return courses


def test_the_documented_url_is_read_by_a_driver_the_course_extra_installs(runs):
    import tomllib

    from sqlalchemy.engine import make_url

    assert runs["postgresql"].db_url.startswith("postgresql://")  # as documented: no driver named
    driver = make_url(documented_url()).get_dialect().driver
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]["course"]
    assert any(re.match(rf"{driver}\b", requirement) for requirement in extra), (driver, extra)


def test_init_puts_the_roster_in_the_database_it_names(runs):
    pg = runs["postgresql"]
    assert not (pg.root / "gradebook.db").exists()
    assert pg.roster() == runs["sqlite"].roster() == demo_roster(LEARNERS)


def test_every_file_and_every_grade_is_the_same_on_both_databases(runs):
    sqlite, pg = course_files(runs["sqlite"]), course_files(runs["postgresql"])
    for expected in ("grades.csv", "roster.csv", f"reports/{A}/report.html", f"reports/{A}/criteria.csv"):
        assert expected in sqlite
    assert sum(name.startswith("feedback/") for name in sqlite) == LEARNERS
    assert sum(name.startswith(f"carecourse/{A}/results/") for name in sqlite) == LEARNERS
    assert sorted(pg) == sorted(sqlite)
    assert [name for name in sqlite if pg[name] != sqlite[name]] == []
    assert book_rows(runs["postgresql"]) == book_rows(runs["sqlite"])


def test_two_trainers_grading_at_once_on_postgresql_agree_with_one_run(runs, postgres, tmp_path):
    """Two course folders on one database, so each run has a folder lock of its own."""
    mine = pg_copy(postgres, runs["before grading"], tmp_path / "mine", "at_once")
    theirs = Workspace.open(shutil.copytree(mine.root, tmp_path / "theirs"))
    assert theirs.db_url == mine.db_url and book_rows(mine) == []
    command = [str(BIN / "carecourse"), "course", "grade"]
    # The submissions' table is held until both runs wait for it, then both go at once:
    # whether two runs overlap is not left to chance.
    with holding(mine.db_url, "submitted_assignment"):
        graders = [subprocess.Popen([*command, str(ws.root), A], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for ws in (mine, theirs)]  # fmt: skip
        wait_till_all_wait(mine.db_url, graders)
    for grader in graders:
        out, err = grader.communicate(timeout=300)
        assert grader.returncode == 0 and "Traceback" not in err, err
    assert book_rows(mine) == book_rows(runs["postgresql"])


# --- init --db-url: a database that cannot be used changes nothing ------------------------


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("url, needle", [
    ("postgresql://postgres:SECRET@127.0.0.1:{closed}/course", "cannot open the gradebook"),
    ("postgresql://postgres@127.0.0.1:{port}/no_such_database", 'database "no_such_database" does not exist'),
    ("gradebook", "is not a database URL"),
    ("nosuchdb://somewhere/course", "knows no database"),
    ("mysql://trainer@127.0.0.1/course", "driver"),
])  # fmt: skip
def test_init_with_a_database_it_cannot_use_is_one_line_and_makes_nothing(cli, postgres, tmp_path, url, needle):
    url = url.format(closed=_closed_port(), port=postgres.port)
    done = cli("course", "init", str(tmp_path / "course"), "--db-url", url)
    assert done.exit_code == 2 and needle in done.output, done.output
    assert len(done.output.strip().splitlines()) == 1 and "SECRET" not in done.output
    assert not (tmp_path / "course").exists()


def test_a_database_that_refuses_the_gradebook_leaves_no_half_made_folder(cli, postgres, tmp_path):
    """It answers, so the folder is made, but the user may not create tables there."""
    import psycopg

    url = postgres.create_database("read_only")
    with psycopg.connect(postgres.url(), autocommit=True) as db:
        db.execute("create role reader login")
    reader = url.replace("postgres@", "reader@")
    (tmp_path / "empty").mkdir()
    for folder in (tmp_path / "course", tmp_path / "empty"):
        done = cli("course", "init", str(folder), "--db-url", reader)
        assert done.exit_code == 2 and "cannot be set up" in done.output, done.output
        assert len(done.output.strip().splitlines()) == 1
    assert not (tmp_path / "course").exists() and list((tmp_path / "empty").iterdir()) == []
