"""What the trainer commands print: a progress bar while grading, summary tables after."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from carecourse.vocabulary import LearnerStatus

__all__ = ["collect_view", "console", "grade_summary", "stray_files", "with_progress"]


def console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def with_progress(run, engine: str):
    """Call ``run(progress)``; ``progress`` shows a bar on standard error (``grading.Progress``)."""
    columns = [TextColumn("[bold]grading[/] ({task.fields[engine]})"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("{task.fields[learner]}")]  # fmt: skip
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        return run(_GradingBar(bar, engine))


class _GradingBar:
    def __init__(self, bar: Progress, engine: str):
        self.bar, self.engine, self.task = bar, engine, None

    def start(self, total: int) -> None:
        self.task = self.bar.add_task("grade", total=total, engine=self.engine, learner="")
        if self.engine == "nbgrader":
            self.bar.update(self.task, learner="nbgrader autograde is running the notebooks…")

    def step(self, result) -> None:
        self.bar.update(self.task, advance=1, learner=result.learner)


def grade_summary(results, assignment: str, engine: str) -> Table:
    graded = [r for r in results if r.status == LearnerStatus.GRADED]
    table = Table(title=f"{assignment}: {len(graded)} graded of {len(results)} ({engine} engine)", title_justify="left")
    for column in ("learner", "score", "status", "problems"):
        table.add_column(column, overflow="fold")
    ordered = sorted(results, key=lambda r: (r.status == LearnerStatus.GRADED and not r.problems, r.learner))
    for r in ordered:
        score = f"{r.score:g} / {r.max_score:g}" if r.status == LearnerStatus.GRADED else "—"
        style = "red" if r.status == LearnerStatus.PROBLEM else ("yellow" if r.problems else None)
        table.add_row(r.learner, score, LearnerStatus(r.status).label, "；".join(r.problems), style=style)
    if graded:
        mean = sum(r.score for r in graded) / len(graded)
        table.caption = f"mean {mean:.1f} / {graded[0].max_score:g}; problems: {sum(1 for r in results if r.problems)}"
    return table


def stray_files(problems) -> Table:
    """Collected files that belong to nobody on the roster (not graded)."""
    table = Table(title="files not collected (not on the roster)", title_justify="left")
    table.add_column("file", overflow="fold")
    table.add_column("problem", overflow="fold")
    for p in problems:
        table.add_row(p.file, p.message, style="yellow")
    return table


def collect_view(result) -> Table:
    table = Table(title=f"collected {len(result.collected)} submissions", title_justify="left")
    table.add_column("learner")
    table.add_column("file", overflow="fold")
    table.add_column("problem", overflow="fold")
    for p in result.problems:
        table.add_row(p.learner or "?", p.file, p.message, style="yellow")
    if not result.problems:
        table.caption = "no problems"
    return table
