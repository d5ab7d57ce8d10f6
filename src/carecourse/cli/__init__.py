"""The ``carecourse`` command: a thin shell over the package (contract: docs/contract.md).

Exit codes: 0 fine, 1 a rubric's samples fell below its agreement threshold, 2 bad input
(unknown scenario, unreadable or undecodable file, a rubric with errors).
"""

from __future__ import annotations

import json
import sys

import click

from carecourse.cli.inputs import InputError, read_reply

__all__ = ["main"]


def _fail(message: str) -> None:
    click.echo(f"carecourse: error: {message}", err=True)
    sys.exit(2)


def _dump(data: dict | list) -> None:
    click.echo(json.dumps(data, ensure_ascii=False))


def _rubric_for(scenario: str | None, rubric_file: str | None):
    from carecourse import rubrics

    if rubric_file:
        rubric = rubrics.load(rubric_file)
        if scenario and scenario != rubric.id:
            raise rubrics.RubricError(f"{rubric_file}: is the rubric for {rubric.id!r}, not {scenario!r}")
        return rubric
    if not scenario:
        raise click.UsageError("name a scenario with --scenario (see 'carecourse scenarios')")
    return rubrics.builtin(scenario)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="carecourse")
def main() -> None:
    """Grade Chinese customer-service replies and explain the grade."""


@main.command()
@click.option("--scenario", "-s", help="Scenario id (see 'carecourse scenarios').")
@click.option("--rubric", "rubric_file", type=click.Path(dir_okay=False), help="Grade with this rubric file instead.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
@click.argument("file", default="-")
def grade(scenario: str | None, rubric_file: str | None, as_json: bool, file: str) -> None:
    """Grade the reply in FILE ('-' for standard input) against a scenario's rubric."""
    from carecourse import pipeline
    from carecourse.rubrics import RubricError

    try:
        rubric = _rubric_for(scenario, rubric_file)
        text = read_reply(file)
    except (RubricError, InputError) as err:
        return _fail(str(err))
    result = pipeline.grade(rubric.id, text, rubric=rubric)
    if as_json:
        return _dump(result.to_dict())
    from carecourse.render import terminal

    terminal.console().print(terminal.grade_view(result, text, rubric))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the findings as one JSON object.")
@click.argument("file", default="-")
def analyze(as_json: bool, file: str) -> None:
    """List the customer-care techniques found in FILE ('-' for standard input)."""
    from carecourse import pipeline

    try:
        text = read_reply(file)
    except InputError as err:
        return _fail(str(err))
    analysis = pipeline.analyze(text)
    if as_json:
        return _dump(analysis.to_dict())
    from carecourse.render import terminal

    terminal.console().print(terminal.analysis_view(analysis))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the scenarios as JSON.")
def scenarios(as_json: bool) -> None:
    """List the scenarios that can be graded."""
    from carecourse.rubrics import builtin, scenario_ids

    rubrics = [builtin(s) for s in scenario_ids()]
    if as_json:
        return _dump([{"id": r.id, "title": r.title, "module": r.module, "touchpoint": r.touchpoint,
                       "max_score": r.max_score, "prompt": r.prompt,
                       "criteria": [c.id for c in r.criteria], "penalties": [p.id for p in r.penalties]}
                      for r in rubrics])  # fmt: skip
    from carecourse.render import terminal

    terminal.console().print(terminal.scenarios_view(rubrics))


@main.command()
@click.argument("folder", type=click.Path(file_okay=False))
def web(folder: str) -> None:
    """Write the browser grader (engine, Node CLI and data) into FOLDER."""
    from carecourse.web import write_web

    try:
        written = write_web(folder)
    except OSError as err:
        return _fail(f"{folder}: cannot write ({err.strerror})")
    click.echo(f"The browser grader is in {written}: node {written / 'cli.mjs'} grade --scenario ID FILE")


from carecourse.cli.course import course, demo  # noqa: E402

main.add_command(course)
main.add_command(demo)


@main.group()
def rubric() -> None:
    """Check and test rubric files before a cohort sees them."""


@rubric.command("check")
@click.argument("files", nargs=-1, required=True)
def rubric_check(files: tuple[str, ...]) -> None:
    """Validate rubric FILES: schema, patterns, references; then print warnings."""
    from carecourse.rubrics import RubricError, load
    from carecourse.rubrics.lint import warnings

    errors = 0
    for name in files:
        try:
            rubric = load(name)
        except RubricError as err:
            click.echo(f"carecourse: error: {err}", err=True)
            errors += 1
            continue
        problems = warnings(rubric)
        for w in problems:
            click.echo(f"{name}: warning: {w}")
        summary = f"{len(rubric.criteria)} criteria, {len(rubric.penalties)} penalties, {len(rubric.samples)} samples"
        click.echo(f"{name}: ok ({summary}{', %d warnings' % len(problems) if problems else ''})")
    if errors:
        sys.exit(2)


@rubric.command("test")
@click.argument("files", nargs=-1)
@click.option("--samples", "extra", type=click.Path(dir_okay=False),
              help="Also run the marked samples in this YAML file: {scenario: ID, samples: [...]}, "
                   "each sample as in a rubric's samples; ID must be a rubric being tested.")
@click.option("--json", "as_json", is_flag=True, help="Print agreement figures as JSON.")
def rubric_test(files: tuple[str, ...], extra: str | None, as_json: bool) -> None:
    """Run each rubric's marked samples (all shipped rubrics if no FILES are given)."""
    from carecourse.rubrics import RubricError, builtin, load, scenario_ids
    from carecourse.rubrics.samples import samples_for
    from carecourse.evaluation.agreement import run_samples

    try:
        rubrics = [(name, load(name)) for name in files] or [(s, builtin(s)) for s in scenario_ids()]
        extra_samples = samples_for(extra, {r.id: r for _, r in rubrics}) if extra else {}
    except RubricError as err:
        return _fail(str(err))
    reports = [(name, run_samples(rubric, rubric.samples + extra_samples.get(rubric.id, []))) for name, rubric in rubrics]
    if as_json:
        _dump([{"rubric": r.rubric.id, "samples": r.samples, "agreement": round(r.agreement, 4), "passed": r.passed,
                "criteria": {c.id: {"agreement": round(c.agreement, 4), "tp": c.tp, "fp": c.fp, "fn": c.fn, "tn": c.tn}
                             for c in r.table}} for _, r in reports])  # fmt: skip
    else:
        from carecourse.render import terminal

        out = terminal.console()
        for name, report in reports:
            out.print(terminal.sample_report_view(report, name))
    if not all(r.passed for _, r in reports):
        sys.exit(1)
