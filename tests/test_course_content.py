"""A course's own content: rubrics and assignments in the course folder, checked by
``course check``, and used by release, grading (both engines), feedback and report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from carecourse.rubrics import builtin_file, scenario_ids
from carecourse.trainer.collect import collect
from carecourse.trainer.demo import write_returned
from carecourse.trainer.grading import grade_cohort
from carecourse.trainer.workspace import Workspace
from conftest import A, LEARNERS, ROOT, released_nb

pytestmark = pytest.mark.nbgrader

EXAMPLE = ROOT / "autograder" / "example"
NEW = "a7-after-sales"  # the guide's example assignment; its reply item uses late-delivery
GOOD_REPLY = "真对不起，让您白等了一天。快递在中转站压了件，今天下午才能发出。您着急的话，今天下午可以到店自提。"


def add_example(ws: Workspace) -> Workspace:
    """The guide's example scenario and assignment copied in, as a trainer would."""
    shutil.copy(EXAMPLE / "rubrics" / "late-delivery.yaml", ws.rubrics_dir())
    shutil.copy(EXAMPLE / "assignments" / f"{NEW}.yaml", ws.root / "assignments")
    return Workspace.open(ws.root)  # a command reads the course's files afresh


def setup_grader(nb: dict):
    """The ``grader`` a learner's notebook builds in its setup cell."""
    setup = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "setup")
    scope: dict = {}
    exec("".join(setup["source"]), scope)
    return scope["grader"]


def line_with(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_init_gives_the_course_its_own_copy_of_every_rubric_and_check_passes(ws, cli):
    assert sorted(p.stem for p in ws.rubrics_dir().glob("*.yaml")) == list(scenario_ids())
    for scenario in scenario_ids():
        assert (ws.rubrics_dir() / f"{scenario}.yaml").read_bytes() == builtin_file(scenario).read_bytes()
    result = cli("course", "check", str(ws.root))
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == f"{len(scenario_ids())} rubrics, {len(ws.assignments())} assignments: ok"
    # an unchanged copy is the shipped rubric: the learner's install has it, the notebook need not
    assert '"rubric"' not in json.dumps(released_nb(ws), ensure_ascii=False)


def test_check_names_the_file_and_line_of_each_mistake_and_changes_nothing(ws, cli):
    ws = add_example(ws)
    rubric = ws.rubrics_dir() / "late-delivery.yaml"
    text = rubric.read_text(encoding="utf-8")
    text = text.replace("'(到店|来店|门店)?(自提|自取)'", "'(到店|来店(自提|自取)'")  # an unclosed group
    rubric.write_text(text, encoding="utf-8")
    wrongly_marked = ws.rubrics_dir() / "complaint-billing.yaml"
    original = wrongly_marked.read_text(encoding="utf-8")
    marked = original.replace("    met: [", "    met: [nonsense, ", 1)
    wrongly_marked.write_text(marked, encoding="utf-8")
    assignment = ws.root / "assignments" / f"{NEW}.yaml"
    assignment.write_text(assignment.read_text(encoding="utf-8").replace("scenario: late-delivery", "scenario: late-delivry"),
                          encoding="utf-8")  # fmt: skip
    before = {p: p.read_bytes() for p in ws.root.rglob("*") if p.is_file()}

    result = cli("course", "check", str(ws.root))

    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith(f"{rubric}:") and "not a valid regular expression" in line for line in lines)
    assert any(line.startswith(f"{wrongly_marked}:") and "unknown criterion nonsense" in line for line in lines), lines
    scenario_line = line_with(assignment, "late-delivry")
    assert f"{assignment}:{scenario_line}: error: items.1.reply.scenario: unknown scenario 'late-delivry'" in result.output
    assert lines[-1] == f"{len(scenario_ids()) + 1} rubrics, {len(ws.assignments())} assignments: 3 errors"
    assert {p: p.read_bytes() for p in ws.root.rglob("*") if p.is_file()} == before


def test_check_shows_where_the_grader_disagrees_with_a_marked_sample(ws, cli):
    ws = add_example(ws)
    rubric = ws.rubrics_dir() / "late-delivery.yaml"
    text = rubric.read_text(encoding="utf-8").replace(
        "    text: 对不起，让您多等了。我们会尽快处理的。\n    met: [apology]",
        "    text: 对不起，让您多等了。我们会尽快处理的。\n    met: [apology, reason, remedy]")  # fmt: skip
    rubric.write_text(text.replace("min_agreement: 0.95", "min_agreement: 1.0"), encoding="utf-8")
    result = cli("course", "check", str(ws.root))
    assert result.exit_code == 1
    sample_line = line_with(rubric, "对不起，让您多等了。") - 1  # the sample starts at its "- label:" line
    assert f"{rubric}:{sample_line}: error: sample 4 · reason: marked met, the grader says not met" in result.output
    first_sample = line_with(rubric, 'samples:') + 1
    assert f"{rubric}:{first_sample}: error: the marked samples agree" in result.output


def test_check_reports_a_rubric_file_no_command_reads(ws, cli):
    unread = ws.rubrics_dir() / "late-delivery.yml"  # the course reads <id>.yaml only
    shutil.copy(EXAMPLE / "rubrics" / "late-delivery.yaml", unread)
    result = cli("course", "check", str(ws.root))
    assert result.exit_code == 1
    assert f"{unread}:1: error: not read: a rubric's file is named <scenario id>.yaml (late-delivery.yaml)" in result.output


def test_check_warns_a_course_made_before_nbgraders_feedback_hid_the_keys(ws, cli):
    config = ws.root / "nbgrader_config.py"
    assert "generate_feedback" not in cli("course", "check", str(ws.root)).output
    text = config.read_text(encoding="utf-8")
    config.write_text(text[: text.index("# nbgrader's own feedback")], encoding="utf-8")  # an older course's file
    result = cli("course", "check", str(ws.root))
    assert result.exit_code == 0  # a warning: nothing leaks until nbgrader's feedback is made
    assert f"{config}:1: warning: nbgrader generate_feedback would show learners the hidden grading cells" in result.output


def test_a_new_scenario_and_assignment_from_release_to_a_graded_cohort(ws, cli, tmp_path):
    ws = add_example(ws)
    assert cli("course", "check", str(ws.root)).exit_code == 0
    assert cli("course", "release", str(ws.root), NEW).exit_code == 0

    # the learner's notebook carries the course's rubric (its install has only the shipped
    # ones), without the marked samples: those are the trainer's model replies
    released = json.loads(ws.release(NEW).read_text(encoding="utf-8"))
    raw = json.dumps(released, ensure_ascii=False)
    assert "late-delivery" in raw and "给出办法" in raw
    assert "中转站积压，包裹今天下午才发出" not in raw
    check = setup_grader(released).check("q2", GOOD_REPLY)
    assert [c.id for c in check.result.grade.criteria] == ["apology", "reason", "remedy"]
    assert check.result.points == 8

    collect(ws, NEW, _returned(ws, tmp_path))
    direct = grade_cohort(ws, NEW).results
    assert {r.status for r in direct} == {"graded"} and len(direct) == LEARNERS
    for r in direct:
        assert [c.id for c in r.items[1].grade.criteria] == ["apology", "reason", "remedy"]
    assert len({r.score for r in direct}) > 1, "the example cohort's scores vary"

    nbgrader = grade_cohort(ws, NEW, engine="nbgrader").results  # the hidden cells, run by nbgrader
    assert {r.learner: r.score for r in nbgrader} == {r.learner: r.score for r in direct}
    assert not [p for r in nbgrader for p in r.problems], "nbgrader and the direct engine disagree"

    assert cli("course", "feedback", str(ws.root), NEW).exit_code == 0
    assert cli("course", "report", str(ws.root), NEW).exit_code == 0
    page = ws.feedback_page(sorted(ws.roster())[0], NEW).read_text(encoding="utf-8")
    assert "给出办法" in page
    assert "给出办法" in (ws.report_dir(NEW) / "report.html").read_text(encoding="utf-8")


def test_a_changed_copy_of_a_shipped_scenario_grades_with_the_course_words(ws, tmp_path):
    rubric = ws.rubrics_dir() / "complaint-billing.yaml"
    text = rubric.read_text(encoding="utf-8")
    label = next(line for line in text.splitlines() if line.startswith("    label: "))
    rubric.write_text(text.replace(label, "    label: 本课程自己的说法", 1), encoding="utf-8")
    ws = Workspace.open(ws.root)
    collect(ws, A, _returned(ws, tmp_path, A))
    result = grade_cohort(ws, A).results[0]
    labels = [c.label for item in result.items if item.grade for c in item.grade.criteria]
    assert "本课程自己的说法" in labels

    from carecourse.trainer.release import release

    release(ws, A)  # the edited rubric now differs from the shipped one: the notebook carries it
    assert "本课程自己的说法" in json.dumps(released_nb(ws), ensure_ascii=False)


def test_a_broken_course_rubric_stops_grading_with_one_line(ws, cli, tmp_path):
    collect(ws, A, _returned(ws, tmp_path, A))
    (ws.rubrics_dir() / "complaint-billing.yaml").write_text("id: complaint-billing\ncriteria: [\n", encoding="utf-8")
    result = cli("course", "grade", str(ws.root), A)
    assert result.exit_code == 2
    assert "complaint-billing.yaml:" in result.output and "carecourse course check" in result.output
    assert "Traceback" not in result.output


def test_a_broken_rubric_no_item_uses_leaves_grading_alone_and_check_finds_it(ws, cli, tmp_path):
    """Grading reads only the scenarios of the assignment graded; ``course check`` reads them all."""
    collect(ws, A, _returned(ws, tmp_path, A))
    (ws.rubrics_dir() / "phone-answer.yaml").write_text("id: phone-answer\ncriteria: [\n", encoding="utf-8")
    graded = cli("course", "grade", str(ws.root), A)
    assert graded.exit_code == 0, graded.output
    assert f"{len(ws.roster())} graded of {len(ws.roster())}" in graded.output
    checked = cli("course", "check", str(ws.root))
    assert checked.exit_code == 1 and "phone-answer.yaml:3: error:" in checked.output


def _returned(ws: Workspace, tmp_path: Path, assignment: str = NEW) -> Path:
    folder = tmp_path / f"returned-{assignment}"
    write_returned(ws, assignment, ws.roster(), folder, mishaps=False)
    return folder


def test_a_new_course_starts_from_a_teams_own_assignments_and_rubrics(cli, tmp_path):
    folder = tmp_path / "course"
    without = cli("course", "init", str(folder), "--assignments", str(EXAMPLE / "assignments"))
    assert without.exit_code == 2 and "unknown scenario 'late-delivery'" in without.output
    assert not folder.exists(), "a refused init makes nothing"
    made = cli("course", "init", str(folder), "--assignments", str(EXAMPLE / "assignments"),
               "--rubrics", str(EXAMPLE / "rubrics"))  # fmt: skip
    assert made.exit_code == 0, made.output
    assert (folder / "rubrics" / "late-delivery.yaml").read_bytes() == (EXAMPLE / "rubrics" / "late-delivery.yaml").read_bytes()
    assert cli("course", "check", str(folder)).output.splitlines()[-1] == f"{len(scenario_ids()) + 1} rubrics, 1 assignments: ok"
