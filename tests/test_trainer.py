"""The trainer workflow on a small cohort, including every kind of bad input.

One course folder is made and released once (nbgrader takes seconds to start); each test
works on its own copy.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from carecourse.trainer import workflow
from carecourse.trainer.collect import collect, load_problems
from carecourse.trainer.demo import demo_roster
from carecourse.trainer.export import export_grades
from carecourse.trainer.grading import BATCH, grade_cohort, load_results
from carecourse.trainer.workspace import CourseError
from carecourse.assignments.answers import answer_cell_id
from conftest import A, BIN, LEARNERS, answered, builtin, by_learner, cohort, gradebook_rows, released_nb

pytestmark = pytest.mark.nbgrader


def set_answer_cell(nb: dict, item_id: str, source: str) -> None:
    """Replace an answer cell's whole source, as a learner typing code (not text) would."""
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == answer_cell_id(item_id):
            cell["source"] = source


def save(folder: Path, name: str, nb_or_text) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(nb_or_text if isinstance(nb_or_text, str) else json.dumps(nb_or_text, ensure_ascii=False), encoding="utf-8")
    return path


# --- release -------------------------------------------------------------------------


def test_released_notebook_is_clean(ws):
    source = ws.source(A).read_text(encoding="utf-8")
    learner = ws.release(A).read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" in source and "BEGIN HIDDEN TESTS" in source
    for secret in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS", "grader.score"):
        assert secret not in learner
    nb = json.loads(learner)
    assignment = builtin(A)
    answers = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("solution")]
    assert len(answers) == len(assignment.items)
    for cell in answers:  # a string to type into, never `raise NotImplementedError`
        source = "".join(cell["source"])
        assert "（请在此处写下你的回应）" in source and "NotImplementedError" not in source
    model = [i for i in assignment.items if i.kind == "reply"]
    from carecourse.assignments.notebook import _model_answer

    for item in model:  # the model reply is not handed out
        assert _model_answer(item)[:20] not in learner
    with zipfile.ZipFile(ws.root / "release" / f"{A}.zip") as zf:
        assert zf.namelist() == [f"{A}.ipynb"]


# --- the happy path and the two engines ----------------------------------------------


def test_direct_grading_records_every_learner_in_the_gradebook(ws, tmp_path):
    collect(ws, A, cohort(ws, tmp_path / "returned"))
    results = grade_cohort(ws, A).results
    assert {r.status for r in results} == {"graded"}
    rows = gradebook_rows(ws)
    items = [i.id for i in builtin(A).items]
    assert len(rows) == LEARNERS * len(items)
    for r in results:
        mine = {item: auto for learner, item, auto, _ in rows if learner == r.learner}
        assert mine == {i.item_id: i.points for i in r.items}
    assert len({r.score for r in results}) > 2, "the sample cohort's scores vary"


def test_both_engines_give_identical_scores_and_nbgrader_never_sees_the_key(ws, tmp_path):
    returned = cohort(ws, tmp_path / "returned")
    save(returned, f"{sorted(ws.roster())[0]}.ipynb", answered(ws, q1="", q2="完全不相关的话"))
    collect(ws, A, returned)
    direct = {r.learner: [i.points for i in r.items] for r in grade_cohort(ws, A).results}
    direct_rows = gradebook_rows(ws)
    results = grade_cohort(ws, A, engine="nbgrader").results
    assert {r.learner: [i.points for i in r.items] for r in results} == direct
    assert gradebook_rows(ws) == direct_rows
    assert not [p for r in results for p in r.problems], "nbgrader and the direct engine disagree"
    feedback_dir = ws.root / "autograded"
    assert any(feedback_dir.rglob("*.ipynb"))
    # nbgrader's own feedback (autograder/README.md invites it) shows no hidden test or key
    learner = sorted(ws.roster())[1]
    done = subprocess.run([str(BIN / "nbgrader"), "generate_feedback", A, "--student", learner], cwd=ws.root,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (page,) = (ws.root / "feedback" / learner / A).glob("*.html")
    html = page.read_text(encoding="utf-8")
    keys = [str(item.key) for item in builtin(A).items if getattr(item, "key", None)]
    assert keys and not [k for k in keys if k in html], "a key is in nbgrader's feedback"


# --- bad input ---------------------------------------------------------------------


def test_bad_files_are_reported_per_learner_and_everyone_else_is_graded(ws, tmp_path):
    learners = sorted(ws.roster())
    returned = cohort(ws, tmp_path / "returned")
    save(returned, f"{learners[0]}.ipynb", '{"cells": [ {"cell_type": "code", "sour')  # invalid JSON
    save(returned, f"{learners[1]}.ipynb", "这不是笔记本，是一封信。")  # not a notebook
    (returned / f"{learners[2]}.ipynb").write_bytes(os.urandom(4096))  # binary garbage
    save(returned, f"{learners[3]}.ipynb", {"cells": "nope", "nbformat": 4})  # JSON, not a notebook
    save(returned, f"{learners[4]}.docx", "word file")  # wrong kind of file, same learner
    save(returned, "stranger.ipynb", released_nb(ws))  # not on the roster
    result = collect(ws, A, returned)
    problems = {p.learner: p.message for p in result.problems}
    assert "JSON" in problems[learners[0]]
    assert "JSON" in problems[learners[1]] or "笔记本" in problems[learners[1]]
    assert "二进制" in problems[learners[2]]
    assert "不是 Jupyter 笔记本" in problems[learners[3]]
    assert ".ipynb" in problems[learners[4]]
    assert any(p.file == "stranger.ipynb" and not p.learner for p in result.problems)
    results = by_learner(grade_cohort(ws, A))
    for bad in learners[:4]:
        assert results[bad].status == "problem"
        assert any(problems[bad] in p for p in results[bad].problems)
    for good in learners[4:]:
        assert results[good].status == "graded"
    assert "stranger" not in results


def test_deleted_or_renamed_answer_cell_and_edited_locked_cell(ws, tmp_path):
    learners = sorted(ws.roster())
    returned = cohort(ws, tmp_path / "returned")
    nb = answered(ws, q1="B")
    nb["cells"] = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") != answer_cell_id("q2")]
    save(returned, f"{learners[0]}.ipynb", nb)
    nb = answered(ws, q1="B")
    for cell in nb["cells"]:
        meta = cell["metadata"].get("nbgrader", {})
        if meta.get("grade_id") == answer_cell_id("q2"):
            meta["grade_id"] = "my-answer"
        if meta.get("grade_id") == "setup":  # a locked cell edited to cheat
            cell["source"] = "grader = None\nscore = lambda *a: 999"
    save(returned, f"{learners[1]}.ipynb", nb)
    collect(ws, A, returned)
    results = by_learner(grade_cohort(ws, A))
    for learner in learners[:2]:
        q2 = next(i for i in results[learner].items if i.item_id == "q2")
        assert q2.points == 0 and q2.status == "missing"
        assert "q2" in q2.message and "删除" in q2.message
        assert any("q2" in p for p in results[learner].problems)
    assert results[learners[2]].status == "graded"


def test_a_malformed_cell_or_an_unreadable_notebook_holds_nobody_else_up(ws, tmp_path, monkeypatch):
    from carecourse.assignments import answers

    learners = sorted(ws.roster())
    returned = cohort(ws, tmp_path / "returned")
    collect(ws, A, returned)
    before = by_learner(grade_cohort(ws, A))
    rows_before = gradebook_rows(ws)
    nb = json.loads((returned / f"{learners[0]}.ipynb").read_text(encoding="utf-8"))
    nb["cells"].insert(0, 42)  # not a cell at all
    nb["cells"][1]["metadata"] = "x"
    nb["cells"][2]["metadata"] = {"nbgrader": 7}
    save(returned, f"{learners[0]}.ipynb", nb)
    save(returned, f"{learners[1]}.ipynb", answered(ws, q6="UNREADABLE"))
    collect(ws, A, returned)
    real = answers.read_answers

    def fragile(nb, item_ids):  # whatever else one notebook may set off while it is read
        if "UNREADABLE" in json.dumps(nb, ensure_ascii=False):
            raise RecursionError("maximum recursion depth exceeded")
        return real(nb, item_ids)

    monkeypatch.setattr(answers, "read_answers", fragile)
    results = by_learner(grade_cohort(ws, A))
    assert results[learners[0]].status == "graded" and results[learners[0]].score == before[learners[0]].score
    assert results[learners[1]].status == "problem" and "RecursionError" in results[learners[1]].problems[0]
    assert all(results[other].status == "graded" for other in learners[2:])
    assert [r for r in gradebook_rows(ws) if r[0] == learners[1]] == [r for r in rows_before if r[0] == learners[1]]


def paste_blank_copy(ws, nb: dict, item_id: str) -> dict:
    """``nb`` with a copy of the released (blank) answer cell of ``item_id`` pasted above
    the learner's answer cell, metadata and all."""
    blank = next(c for c in released_nb(ws)["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == answer_cell_id(item_id))
    at = next(k for k, c in enumerate(nb["cells"]) if c["metadata"].get("nbgrader", {}).get("grade_id") == answer_cell_id(item_id))
    nb["cells"].insert(at, json.loads(json.dumps(blank)))
    return nb


def test_a_pasted_copy_of_an_answer_cell_loses_no_points_and_is_reported(ws, tmp_path):
    learner = sorted(ws.roster())[0]
    returned = cohort(ws, tmp_path / "returned")
    collect(ws, A, returned)
    before = by_learner(grade_cohort(ws, A))[learner]
    q6 = next(i.points for i in before.items if i.item_id == "q6")
    assert q6 > 0
    nb = json.loads((returned / f"{learner}.ipynb").read_text(encoding="utf-8"))
    save(returned, f"{learner}.ipynb", paste_blank_copy(ws, nb, "q6"))
    collect(ws, A, returned)
    after = by_learner(grade_cohort(ws, A))[learner]
    assert after.status == "graded" and after.score == before.score
    assert next(i.points for i in after.items if i.item_id == "q6") == q6
    assert any("q6" in p and "2 次" in p for p in after.problems)


def test_a_learner_nbgrader_fails_on_is_a_problem_and_the_others_are_graded(ws, tmp_path):
    learners = sorted(ws.roster())  # the first in nbgrader's order: its failure once ended nbgrader's run
    returned = cohort(ws, tmp_path / "returned")
    nb = json.loads((returned / f"{learners[0]}.ipynb").read_text(encoding="utf-8"))
    save(returned, f"{learners[0]}.ipynb", paste_blank_copy(ws, nb, "q6"))
    collect(ws, A, returned)
    results = by_learner(grade_cohort(ws, A, engine="nbgrader"))
    failed = results[learners[0]]
    assert failed.status == "problem" and any("nbgrader" in p and "没有记录分数" in p for p in failed.problems)
    for other in learners[1:]:
        assert results[other].status == "graded" and not results[other].problems, results[other].problems
        assert ws.autograded(other, A).is_file()
    rows = gradebook_rows(ws)
    for other in learners[1:]:  # recorded by nbgrader in this run, as the summary says
        assert {item: auto for who, item, auto, _ in rows if who == other} == {i.item_id: i.points for i in results[other].items}
    grades = {line.split(",")[0]: line.split(",") for line in export_grades(ws).read_text(encoding="utf-8-sig").splitlines()}
    assert grades[learners[0]][2] == "" and grades[learners[0]][-1] == A  # no score, never 0
    assert all(float(grades[other][2]) == results[other].score for other in learners[1:])
    assert "old version" in (ws.state(A) / "autograde.log").read_text(encoding="utf-8")  # nbgrader's word, kept


@pytest.mark.parametrize("answer", ["12345", "哈" * 1_000_000, "\x00\x01\ufffd\x7f" * 1000, "0.0", "-5"])
def test_odd_answers_get_a_message_and_bounded_points(ws, tmp_path, answer):
    learner = sorted(ws.roster())[0]
    reply = next(i for i in builtin(A).items if i.kind == "reply")
    nb = released_nb(ws)
    set_answer_cell(nb, reply.id, f"{reply.id} = {answer!r}")
    save(tmp_path / "returned", f"{learner}.ipynb", nb)
    collect(ws, A, tmp_path / "returned")
    result = by_learner(grade_cohort(ws, A))[learner]
    item = next(i for i in result.items if i.item_id == reply.id)
    assert 0 <= item.points <= reply.points
    assert item.message
    if len(answer) > reply.max_chars:
        assert item.status == "too_long" and item.points == 0


def test_a_number_instead_of_text_is_read_like_nbgrader_would(ws, tmp_path):
    learner = sorted(ws.roster())[0]
    order_item = builtin(A).items[0]
    nb = released_nb(ws)
    set_answer_cell(nb, order_item.id, f"{order_item.id} = 3")
    save(tmp_path / "returned", f"{learner}.ipynb", nb)
    collect(ws, A, tmp_path / "returned")
    item = by_learner(grade_cohort(ws, A))[learner].items[0]
    assert order_item.kind == "order"  # nbgrader's q1 would be the int 3: no letters to order
    assert item.answer == "3" and item.status == "unreadable" and item.points == 0
    assert "读到" in item.message


def test_two_submissions_for_one_learner_the_latest_counts(ws, tmp_path):
    learner = sorted(ws.roster())[0]
    returned = tmp_path / "returned"
    old = save(returned, f"{learner}.ipynb", answered(ws, q1=""))
    new = save(returned, f"{learner} (1).ipynb", answered(ws, q1=builtin(A).items[0].key[0] if builtin(A).items[0].kind == "choice" else "x"))
    os.utime(old, (1_700_000_000, 1_700_000_000))
    os.utime(new, (1_700_000_100, 1_700_000_100))
    result = collect(ws, A, returned)
    assert result.collected[learner] == new.name
    assert any(p.learner == learner and "2 份" in p.message for p in result.problems)
    assert json.loads(ws.submitted(learner, A).read_text(encoding="utf-8")) == json.loads(new.read_text(encoding="utf-8"))


def test_a_zip_of_notebooks_is_collected(ws, tmp_path):
    returned = cohort(ws, tmp_path / "returned")
    bundle = tmp_path / "returned.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        for path in returned.iterdir():
            zf.write(path, f"download/{path.name}")
        zf.writestr("__MACOSX/._junk", "x")
    result = collect(ws, A, bundle)
    assert sorted(result.collected) == sorted(ws.roster()) and not result.problems


def test_regrading_twice_gives_identical_results_and_keeps_manual_scores(ws, tmp_path):
    collect(ws, A, cohort(ws, tmp_path / "returned"))
    grade_cohort(ws, A)
    first_rows = gradebook_rows(ws)
    first_files = {p.name: p.read_bytes() for p in (ws.state(A) / "results").iterdir()}
    learner = sorted(ws.roster())[0]
    from nbgrader.api import Gradebook

    with Gradebook(ws.db_url, course_id="carecourse") as gb:  # a trainer overrides one score in formgrader
        grade = gb.find_grade("q1", A, A, learner)
        grade.manual_score = 0.5
        gb.db.commit()
    grade_cohort(ws, A)
    rows = gradebook_rows(ws)
    assert [r[:3] for r in rows] == [r[:3] for r in first_rows]
    assert (learner, "q1", next(r[2] for r in rows if r[:2] == (learner, "q1")), 0.5) in rows
    assert {p.name: p.read_bytes() for p in (ws.state(A) / "results").iterdir()} == first_files


def test_an_interrupted_run_loses_nothing_and_the_rerun_matches(released, tmp_path):
    base = tmp_path / "big"
    roster = base / "roster.csv"
    base.mkdir()
    roster.write_text("id,name\n" + "".join(f"{k},{v}\n" for k, v in demo_roster(200).items()), encoding="utf-8")
    ws = workflow.init(base / "course", roster=roster).workspace
    shutil.copytree(released / "release", ws.root / "release", dirs_exist_ok=True)
    shutil.copy(released / "gradebook.db", ws.root / "gradebook.db")
    ws.import_roster(roster)
    collect(ws, A, cohort(ws, tmp_path / "returned"))
    command = [str(BIN / "carecourse"), "course", "grade", str(ws.root), A]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and run.poll() is None:
        with sqlite3.connect(ws.root / "gradebook.db") as db:
            if db.execute("select count(*) from submitted_assignment").fetchone()[0] >= 20:
                break
        time.sleep(0.02)
    run.send_signal(signal.SIGKILL)
    assert run.wait() == -signal.SIGKILL, "the run ended before it was killed"
    partial = gradebook_rows(ws)
    assert BATCH <= len({learner for learner, *_ in partial}) < 200  # some batches recorded, not all
    assert not list((ws.state(A) / "results").glob("*.json"))  # written only by a finished run
    assert all(auto is None or 0 <= auto for _, _, auto, _ in partial)
    subprocess.run(command, check=True, capture_output=True)
    after_interrupt = gradebook_rows(ws)
    subprocess.run(command, check=True, capture_output=True)
    assert gradebook_rows(ws) == after_interrupt
    assert all(auto is not None for _, _, auto, _ in after_interrupt)
    assert len({learner for learner, *_ in after_interrupt}) == 200


# --- feedback, report, export --------------------------------------------------------


def test_feedback_report_and_export_from_one_grading(ws, tmp_path):
    from carecourse.trainer.feedback_pages import write_feedback_pages
    from carecourse.trainer.report import write_report

    collect(ws, A, cohort(ws, tmp_path / "returned"))
    results = grade_cohort(ws, A).results
    pages = write_feedback_pages(ws, A)
    assert len(pages) == LEARNERS
    files = write_report(ws, A)
    html = Path(files["report"]).read_text(encoding="utf-8")
    assert all(r.learner in html for r in results)
    grades = export_grades(ws).read_text(encoding="utf-8-sig").splitlines()
    assert len(grades) == LEARNERS + 1
    for r in results:
        row = next(line for line in grades if line.startswith(r.learner + ","))
        assert f",{r.score:g}," in row


def test_loaded_results_match_what_grading_returned(ws, tmp_path):
    collect(ws, A, cohort(ws, tmp_path / "returned"))
    results = grade_cohort(ws, A).results
    assert [r.to_dict() for r in load_results(ws, A)] == [r.to_dict() for r in results]


def test_an_item_removed_after_learners_handed_in_changes_nothing_released_or_graded(ws, tmp_path):
    from carecourse.trainer.release import release
    from carecourse.trainer.workspace import Workspace

    collect(ws, A, cohort(ws, tmp_path / "returned"))
    grade_cohort(ws, A)
    rows = gradebook_rows(ws)
    kept = {path: path.read_bytes() for path in [ws.source(A), ws.release(A), ws.root / "release" / f"{A}.zip"]}
    text = ws.assignment_file(A).read_text(encoding="utf-8")
    ws.assignment_file(A).write_text(text[:text.index("  - id: q5")] + text[text.index("  - id: q6"):], encoding="utf-8")
    ws = Workspace.open(ws.root)  # a new command reads the edited file
    with pytest.raises(CourseError, match="as they were") as refused:
        release(ws, A)
    assert "can no longer be added or removed" in str(refused.value)
    assert {path: path.read_bytes() for path in kept} == kept
    with pytest.raises(CourseError, match="q5") as stopped:
        grade_cohort(ws, A)
    assert "nothing was graded" in str(stopped.value)
    assert gradebook_rows(ws) == rows


# --- commands: clear messages, nothing changed ----------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "carecourse"), *args], capture_output=True, text=True)


def test_commands_fail_with_one_line_and_change_nothing(ws, tmp_path):
    before = gradebook_rows(ws)
    for args, needle in [
        (("course", "grade", str(tmp_path / "nowhere"), A), "not a course folder"),
        (("course", "grade", str(ws.root), "no-such-assignment"), "no-such-assignment"),
        (("course", "collect", str(ws.root), A, str(tmp_path / "missing.zip")), "no such folder"),
        (("course", "grade", str(ws.root), "a1-service-basics"), "release it first"),
        (("course", "init", str(ws.root)), "already a course folder"),
    ]:
        done = cli(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert needle in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    assert gradebook_rows(ws) == before


def test_a_bad_roster_changes_nothing(ws, tmp_path):
    bad = tmp_path / "roster.csv"
    bad.write_text("id,name\nok_one,甲\nbad id!,乙\n", encoding="utf-8")
    before = dict(ws.roster())
    with pytest.raises(CourseError, match="line 3"):
        ws.import_roster(bad)
    assert ws.roster() == before
    done = cli("course", "init", str(tmp_path / "new"), "--roster", str(bad))
    assert done.returncode == 2 and not (tmp_path / "new").exists()


def test_grade_command_shows_a_summary_with_each_problem(ws, tmp_path):
    learners = sorted(ws.roster())
    returned = cohort(ws, tmp_path / "returned")
    save(returned, f"{learners[0]}.ipynb", "{broken")
    save(returned, "stranger.ipynb", released_nb(ws))
    (returned / f"{learners[1]}.ipynb").unlink()
    cli("course", "collect", str(ws.root), A, str(returned))
    done = cli("course", "grade", str(ws.root), A)
    assert done.returncode == 0, done.stderr
    assert f"{LEARNERS - 2} graded of {LEARNERS}" in done.stdout
    assert "stranger.ipynb" in done.stdout and "未提交" in done.stdout
    assert load_problems(ws, A)


def test_each_command_opens_one_gradebook_session(ws, tmp_path, monkeypatch):
    from click.testing import CliRunner

    import carecourse.trainer.gradebook as gradebook
    from carecourse.cli import main

    opened = []
    real = gradebook.open_gradebook

    def counting(db_url):
        opened.append(db_url)
        return real(db_url)

    monkeypatch.setattr(gradebook, "open_gradebook", counting)
    returned = cohort(ws, tmp_path / "returned")
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name\n" + "".join(f"{k},{v}\n" for k, v in ws.roster().items()), encoding="utf-8")
    commands = {
        "init": ["course", "init", str(tmp_path / "new"), "--roster", str(roster)],
        "roster": ["course", "roster", str(ws.root), str(roster)],
        "collect": ["course", "collect", str(ws.root), A, str(returned)],
        "grade": ["course", "grade", str(ws.root), A],
        "export": ["course", "export", str(ws.root)],
    }
    sessions = {}
    for name, args in commands.items():
        opened.clear()
        done = CliRunner().invoke(main, args, catch_exceptions=False)
        assert done.exit_code == 0, done.output
        sessions[name] = len(opened)
    assert sessions["init"] == sessions["roster"] == sessions["grade"] == sessions["export"] == 1, sessions
    assert sessions["collect"] <= 1, sessions
