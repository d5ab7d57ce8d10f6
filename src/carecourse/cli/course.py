"""``carecourse course …``: the trainer's commands, thin shells over ``carecourse.trainer``.

Every command takes the course folder first. A bad argument or file prints one line and
exits 2 without changing anything; one learner's broken submission never stops the rest.
"""

from __future__ import annotations

import sys

import click

__all__ = ["course", "demo"]


def _fail(message: str) -> None:
    click.echo(f"carecourse: error: {message}", err=True)
    sys.exit(2)


def _guarded(action):
    """Run ``action``; a CourseError or a bad data file (an assignment, a rubric) becomes a
    one-line error."""
    from carecourse.packaged import DataFileError
    from carecourse.trainer.workspace import CourseError

    try:
        return action()
    except (CourseError, DataFileError) as err:
        _fail(str(err))


def _open(folder: str):
    from carecourse.trainer.workspace import Workspace

    return _guarded(lambda: Workspace.open(folder))


@click.group()
def course() -> None:
    """Run a cohort: init, release, collect, grade, feedback, report, export."""
    _need_nbgrader()


def _need_nbgrader() -> None:
    import importlib.util

    if importlib.util.find_spec("nbgrader") is None:
        _fail("nbgrader is not installed: pip install 'carecourse[course]'")


@course.command()
@click.argument("folder")
@click.option("--roster", type=click.Path(dir_okay=False), help="CSV of learners (first line: id,name).")
@click.option("--book-url", default="", help="Where the course book is published (for links in feedback).")
@click.option("--assignments", type=click.Path(file_okay=False), default=None,
              help="Folder of assignment files to copy in [default: exercises/ of the carecourse repository].")  # fmt: skip
@click.option("--rubrics", type=click.Path(file_okay=False), default=None,
              help="Folder of the course's own rubric files (<scenario>.yaml) to copy in beside the shipped ones.")  # fmt: skip
@click.option("--db-url", default="", metavar="URL",
              help="The gradebook's database, e.g. postgresql://USER:PASSWORD@HOST/DATABASE "
                   "[default: gradebook.db (SQLite) in FOLDER].")  # fmt: skip
def init(folder: str, roster: str | None, book_url: str, assignments: str | None, rubrics: str | None,
         db_url: str) -> None:
    """Make a course folder with nbgrader's config, its own copy of every assignment, a gradebook."""
    from carecourse.trainer import workflow

    made = _guarded(lambda: workflow.init(folder, roster=roster, book_url=book_url, assignments=assignments,
                                          rubrics=rubrics, db_url=db_url))
    click.echo(f"course folder ready: {made.workspace.root}")
    if db_url:
        click.echo(f"gradebook: {workflow.shown_url(db_url)}")
    click.echo(f"assignments: {', '.join(made.workspace.assignments())}; learners: {len(made.roster)}")


@course.command()
@click.argument("folder")
@click.argument("roster", type=click.Path(dir_okay=False))
def roster(folder: str, roster: str) -> None:
    """Add or update learners from a CSV (id,name); nobody is removed."""
    ws = _open(folder)
    update = _guarded(lambda: ws.import_roster(roster))
    click.echo(f"{len(update.imported)} learners added or updated; {len(update.roster)} on the roster")


@course.command()
@click.argument("folder")
def check(folder: str) -> None:
    """Check the course's rubrics/ and assignments/ files: schema, scenarios, marked samples.

    Prints one line per mistake (file:line: error|warning: …); exits 1 if there is an error."""
    from carecourse.trainer.check import check_course

    ws = _open(folder)
    result = check_course(ws)
    for finding in result.findings:
        click.echo(str(finding))
    verdict = f"{len(result.errors)} errors" if result.errors else "ok"
    warned = len(result.findings) - len(result.errors)
    click.echo(f"{result.rubrics} rubrics, {result.assignments} assignments: {verdict}"
               + (f", {warned} warnings" if warned else ""))  # fmt: skip
    if result.errors:
        sys.exit(1)


@course.command()
@click.argument("folder")
@click.argument("assignment")
def release(folder: str, assignment: str) -> None:
    """Generate the learner version of ASSIGNMENT (nbgrader) and zip it for handing out."""
    from carecourse.trainer.release import release as do_release

    ws = _open(folder)
    bundle = _guarded(lambda: do_release(ws, assignment))
    click.echo(f"released {assignment}: hand out {bundle}")


@course.command()
@click.argument("folder")
@click.argument("assignment")
@click.argument("source", type=click.Path())
def collect(folder: str, assignment: str, source: str) -> None:
    """Collect returned notebooks for ASSIGNMENT from a folder or a zip (one per learner)."""
    from carecourse.render import terminal
    from carecourse.trainer.collect import collect as do_collect

    ws = _open(folder)
    result = _guarded(lambda: do_collect(ws, assignment, source))
    terminal.console().print(terminal.collect_view(result))


@course.command()
@click.argument("folder")
@click.argument("assignment")
@click.option("--engine", type=click.Choice(["direct", "nbgrader"]), default="direct", show_default=True,
              help="direct: read the answers, execute nothing; nbgrader: nbgrader autograde (runs the notebooks).")
def grade(folder: str, assignment: str, engine: str) -> None:
    """Grade every learner's submission of ASSIGNMENT and record it in the gradebook."""
    from carecourse.render import terminal
    from carecourse.trainer.grading import grade_cohort

    ws = _open(folder)
    grades = _guarded(lambda: terminal.with_progress(
        lambda progress: grade_cohort(ws, assignment, engine=engine, progress=progress), engine))
    out = terminal.console()
    out.print(terminal.grade_summary(grades.summaries, assignment, engine))
    if grades.strays:
        out.print(terminal.stray_files(grades.strays))


@course.command()
@click.argument("folder")
@click.argument("assignment")
def feedback(folder: str, assignment: str) -> None:
    """Write one feedback page per learner (feedback/<learner>/<assignment>/index.html)."""
    from carecourse.trainer.feedback_pages import write_feedback_pages

    ws = _open(folder)
    pages = _guarded(lambda: write_feedback_pages(ws, assignment))
    click.echo(f"{len(pages)} feedback pages in {ws.root / 'feedback'}")


@course.command()
@click.argument("folder")
@click.argument("assignment")
def report(folder: str, assignment: str) -> None:
    """Write the cohort report: report.html (charts) and criteria.csv."""
    from carecourse.trainer.report import write_report

    ws = _open(folder)
    files = _guarded(lambda: write_report(ws, assignment))
    for path in files.values():
        click.echo(f"wrote {path}")


@course.command()
@click.argument("folder")
@click.option("--out", type=click.Path(dir_okay=False), help="Where to write (default: FOLDER/grades.csv).")
def export(folder: str, out: str | None) -> None:
    """Write every learner's score per assignment, from the gradebook, as CSV."""
    from carecourse.trainer.export import export_grades

    ws = _open(folder)
    path = _guarded(lambda: export_grades(ws, out))
    click.echo(f"wrote {path}")


@click.command()
@click.argument("folder")
@click.option("--learners", default=30, show_default=True, help="How many sample learners.")
@click.option("--assignment", default="a4-complaints", show_default=True, help="Which assignment to run.")
@click.option("--engine", type=click.Choice(["direct", "nbgrader"]), default="direct", show_default=True)
@click.option("--assignments", type=click.Path(file_okay=False), default=None,
              help="Folder of assignment files [default: exercises/ of the carecourse repository].")  # fmt: skip
def demo(folder: str, learners: int, assignment: str, engine: str, assignments: str | None) -> None:
    """Build a sample cohort in FOLDER and run the whole trainer workflow on it."""
    from carecourse.trainer.demo import run_demo

    _need_nbgrader()
    _guarded(lambda: run_demo(folder, learners=learners, assignment=assignment, engine=engine,
                              assignments=assignments, say=click.echo))  # fmt: skip
