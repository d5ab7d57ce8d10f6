"""The terminal renderer: a graded or analysed reply, the scenarios, a rubric's agreement report,
and what the trainer's commands print (a progress bar while grading, summary tables after)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from carecourse.render.view import WORDS, graded_lines, quoted
from carecourse.render.palette import terminal_style
from carecourse.vocabulary import LearnerStatus

if TYPE_CHECKING:  # the trainer's commands show no reply: they need not import the pipeline
    from carecourse.detect import Analysis
    from carecourse.evaluation.agreement import SampleReport
    from carecourse.results import GradeResult
    from carecourse.rubrics import Rubric

__all__ = [
    "analysis_view", "collect_view", "console", "grade_summary", "grade_view", "sample_report_view", "scenarios_view",
    "stray_files", "with_progress",
]  # fmt: skip


def _technique_style(technique: str) -> str:
    """The technique's highlight colour from its lexicon, as in the HTML feedback."""
    return terminal_style("on_technique", technique)


def _highlighted(text: str, spans: list[tuple[int, int, str]]) -> Text:
    out = Text(text)
    for start, end, style in spans:
        out.stylize(style, start, end)
    return out


def grade_view(result: GradeResult, text: str, rubric: Rubric) -> Group:
    spans = [(e.start, e.end, terminal_style("met")) for c in result.criteria if c.earned for e in c.evidence]
    spans += [(e.start, e.end, terminal_style("penalty")) for p in result.penalties for e in p.evidence]
    header = Text.assemble((f"{rubric.id} · {rubric.title}", "bold"), "   ", (f"{result.score:g} / {result.max_score:g}", "bold reverse"))
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    for column, options in (("", {"width": 2}), ("要点", {"ratio": 1}), ("得分", {"justify": "right", "width": 7}), ("反馈", {"ratio": 3})):
        table.add_column(column, overflow="fold", **options)
    for line in graded_lines(result):
        table.add_row(*(_penalty_row(line) if line.penalty else _criterion_row(line)))
    summary = Text(result.summary, style="bold yellow" if result.flags else "bold")
    flags = [Panel(Text(f.message), border_style=terminal_style("warning")) for f in result.flags]
    reply = _highlighted(text.rstrip(), spans)
    return Group(header, Panel(reply, title="你的回应", title_align="left"), summary, *flags, table)


def _criterion_row(line) -> tuple:
    mark = Text("✓", style=terminal_style("tick")) if line.met else Text("✗", style=terminal_style("cross"))
    feedback = Text(line.feedback)
    if not line.met and line.section:
        feedback.append(f"\n→ 课本：{line.section}", style="dim")
    return mark, f"{line.label or line.id}\n[dim]{line.id}[/dim]", f"{line.points:g}/{line.max_points:g}", feedback


def _penalty_row(line) -> tuple:
    mark = Text("−", style=terminal_style("cross"))
    feedback = Text(f"{quoted(line.quotes)}\n{line.feedback}")
    return mark, f"扣分：{line.label or line.id}\n[dim]{line.id}[/dim]", f"{line.points:g}", feedback


def analysis_view(analysis: Analysis) -> Group:
    from carecourse.detect.learned import KIND as LEARNED
    from carecourse.detect.lexicon import lexicon

    labels = {tid: e.label for tid, e in lexicon().items()}
    spans = [(f.start, f.end, _technique_style(f.id)) for f in analysis.findings]
    table = Table("技巧", "原文", "位置", expand=False)
    for f in analysis.findings:
        kind = WORDS["learned"] if f.kind == LEARNED else f" ({f.kind})" if f.kind else ""
        table.add_row(Text(f"{labels[f.id]} {f.id}{kind}", style=_technique_style(f.id)), f.text, f"{f.start}–{f.end}")
    if not analysis.findings:
        return Group(Text(analysis.text.rstrip()), Text("没有找到任何服务技巧。", style=terminal_style("warning")))
    return Group(Panel(_highlighted(analysis.text.rstrip(), spans), title="分析", title_align="left"), table)


def scenarios_view(rubrics: list[Rubric]) -> Table:
    table = Table("id", "模块", "触点", "题目", "满分", "要点")
    for r in rubrics:
        table.add_row(r.id, r.module, r.touchpoint, r.title, f"{r.max_score:g}", ", ".join(c.id for c in r.criteria))
    return table


def sample_report_view(report: SampleReport, source: str) -> Group:
    status = Text("PASS", style="bold green") if report.passed else Text("FAIL", style="bold red")
    head = Text.assemble(status, f"  {source}: {report.samples} samples, agreement ", (f"{report.agreement:.1%}", "bold"), f" (needs {report.rubric.min_agreement:.0%})")
    table = Table("criterion", "agree", "TP", "FP", "FN", "TN", title="confusion (positive = met / applied)", title_justify="left")
    for c in report.table:
        style = "" if c.agreement >= report.rubric.min_agreement else "red"
        table.add_row(c.id, Text(f"{c.agreement:.0%}", style=style), str(c.tp), str(c.fp), str(c.fn), str(c.tn))
    lines = [head, table]
    for d in report.disagreements:
        verdict = "grader says met, marked not met" if d.got else "marked met, grader says not met"
        text = " ".join(d.text.split())[:70]
        lines.append(Text(f"  sample {d.sample} · {d.id}: {verdict}: {text}", style=terminal_style("warning")))
    lines += [Text(f"  {p}", style=terminal_style("problem")) for p in report.score_problems]
    return Group(*lines)


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


# --- the trainer's commands (carecourse course …) --------------------------------------

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
    """A row per learner with a problem, one row for everyone who handed nothing in, and
    the cleanly graded counted in the caption (their scores are in the report and grades.csv)."""
    graded = [r for r in results if r.status == LearnerStatus.GRADED]
    table = Table(title=f"{assignment}: {len(graded)} graded of {len(results)} ({engine} engine)", title_justify="left")
    for column in ("learner", "score", "status", "problems"):
        table.add_column(column, overflow="fold")
    missing = [r.learner for r in results if r.status == LearnerStatus.NOT_SUBMITTED]
    listed = [r for r in results if r.problems and r.status != LearnerStatus.NOT_SUBMITTED]
    for r in sorted(listed, key=lambda r: (r.status == LearnerStatus.GRADED, r.learner)):
        score = f"{r.score:g} / {r.max_score:g}" if r.status == LearnerStatus.GRADED else "—"
        style = terminal_style("problem") if r.status == LearnerStatus.PROBLEM else terminal_style("warning")
        table.add_row(r.learner, score, LearnerStatus(r.status).label, "；".join(r.problems), style=style)
    if missing:
        table.add_row(f"{len(missing)} 人", "—", LearnerStatus.NOT_SUBMITTED.label, "、".join(missing), style=terminal_style("warning"))
    clean = sum(1 for r in graded if not r.problems)
    mean = f"mean {sum(r.score for r in graded) / len(graded):.1f} / {graded[0].max_score:g}; " if graded else ""
    table.caption = f"{mean}problems: {sum(1 for r in results if r.problems)}; graded without problems (not listed): {clean}"
    return table


def stray_files(problems) -> Table:
    """Collected files that belong to nobody on the roster (not graded)."""
    table = Table(title="files not collected (not on the roster)", title_justify="left")
    table.add_column("file", overflow="fold")
    table.add_column("problem", overflow="fold")
    for p in problems:
        table.add_row(p.file, p.message, style=terminal_style("warning"))
    return table


def collect_view(result) -> Table:
    table = Table(title=f"collected {len(result.collected)} submissions", title_justify="left")
    table.add_column("learner")
    table.add_column("file", overflow="fold")
    table.add_column("problem", overflow="fold")
    for p in result.problems:
        table.add_row(p.learner or "?", p.file, p.message, style=terminal_style("warning"))
    if not result.problems:
        table.caption = "no problems"
    return table
