"""Readable terminal output (rich): a grade with the learner's words highlighted."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from carecourse.detect import Analysis
from carecourse.detect.lexicon import lexicon
from carecourse.render.view import graded_lines, quoted
from carecourse.results import GradeResult
from carecourse.rubrics import Rubric
from carecourse.evaluation.agreement import SampleReport
from carecourse.render.palette import terminal_style

__all__ = ["analysis_view", "grade_view", "sample_report_view", "scenarios_view"]


def _technique_style(technique: str) -> str:
    """The technique's highlight colour from its lexicon, as in the HTML feedback."""
    return terminal_style("on_technique", technique)


def _highlighted(text: str, spans: list[tuple[int, int, str]]) -> Text:
    out = Text(text)
    for start, end, style in spans:
        out.stylize(style, start, end)
    return out


def grade_view(result: GradeResult, text: str, rubric: Rubric) -> Group:
    spans = [(e.start, e.end, terminal_style("met")) for c in result.criteria if c.met for e in c.evidence]
    spans += [(e.start, e.end, terminal_style("penalty")) for p in result.penalties for e in p.evidence]
    header = Text.assemble((f"{rubric.id} · {rubric.title}", "bold"), "   ", (f"{result.score:g} / {result.max_score:g}", "bold reverse"))
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    for column, options in (("", {"width": 2}), ("要点", {"ratio": 1}), ("得分", {"justify": "right", "width": 7}), ("反馈", {"ratio": 3})):
        table.add_column(column, overflow="fold", **options)
    for line in graded_lines(result):
        table.add_row(*(_penalty_row(line) if line.penalty else _criterion_row(line)))
    summary = Text(result.summary, style="bold yellow" if result.flags else "bold")
    reply = _highlighted(text.rstrip(), spans)
    return Group(header, Panel(reply, title="你的回应", title_align="left"), summary, table)


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
    labels = {tid: e.label for tid, e in lexicon().items()}
    spans = [(f.start, f.end, _technique_style(f.id)) for f in analysis.findings]
    table = Table("技巧", "原文", "位置", expand=False)
    for f in analysis.findings:
        kind = f" ({f.kind})" if f.kind else ""
        table.add_row(Text(f"{labels[f.id]} {f.id}{kind}", style=_technique_style(f.id)), f.text, f"{f.start}–{f.end}")
    if not analysis.findings:
        return Group(Text(analysis.text.rstrip()), Text("没有找到任何服务技巧。", style="yellow"))
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
        lines.append(Text(f"  sample {d.sample} · {d.id}: {verdict}: {text}", style="yellow"))
    lines += [Text(f"  {p}", style="red") for p in report.score_problems]
    return Group(*lines)


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)
