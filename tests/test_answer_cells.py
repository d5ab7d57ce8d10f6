"""A broken answer cell in a learner's notebook: a Chinese hint, never a traceback, and 0 points."""

from __future__ import annotations

import json

import pytest

from carecourse.assignments.answers import answer_cell_id, read_answers, write_answer
from carecourse.assignments.cells import AnswerCellGuard, CellProblem
from carecourse.assignments.grader import Grader
from carecourse.assignments.notebook import setup_code, source_notebook
from conftest import A, builtin

BROKEN = {
    "q1": 'q1 = """\nABCD"""x\n"""',  # a stray """ inside the answer
    "q2": 'q2 = """\n-1.5\n',  # the closing """ deleted
    "q3": "",  # the cell emptied
    "q4": "q4 = B",  # the quotes deleted
}


def _answer_cell(nb, item_id: str):
    return next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == answer_cell_id(item_id))


def _text(outputs) -> str:
    shown = []
    for out in outputs:
        data = out.get("data", {})
        shown += [out.get("text", ""), data.get("text/plain", ""), data.get("text/html", ""), *out.get("traceback", [])]
    return "\n".join("".join(s) if isinstance(s, list) else s for s in shown)  # a saved file splits lines


@pytest.fixture(scope="module")
def executed():
    """The learner's notebook (no model answers) with four answer cells broken, run top to bottom
    in a real kernel with errors not allowed: any traceback fails the run."""
    import nbclient

    assignment = builtin(A)
    nb = source_notebook(assignment)
    for item in assignment.items:
        write_answer(nb, item.id, "")
    for item_id, source in BROKEN.items():
        _answer_cell(nb, item_id)["source"] = source
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=False).execute()
    return nb


@pytest.mark.slow
def test_broken_answer_cells_show_a_chinese_hint_and_no_traceback(executed):
    for cell in executed["cells"]:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", cell["source"]
        assert not any(word in _text(cell.get("outputs", [])) for word in ("Traceback", "SyntaxError", "NameError"))
    for item_id in ("q1", "q2", "q4"):
        shown = _text(_answer_cell(executed, item_id)["outputs"])
        assert "格式错误" in shown or "没有找到" in shown, item_id
        assert f'{item_id} = """' in shown and "把引号补回去" in shown
    for item_id in BROKEN:
        check = next(c for c in executed["cells"] if c["metadata"]["nbgrader"]["grade_id"] == f"{item_id}-check")
        assert "修好" in _text(check["outputs"]) or "还没有读到" in _text(check["outputs"]), item_id
    assert "Shift+Enter" in _text(next(c for c in executed["cells"] if c.get("id") == "q3-check")["outputs"])


@pytest.mark.slow
def test_the_hidden_grading_cells_of_broken_answers_score_zero(executed):
    for item_id in BROKEN:
        grade_cell = next(c for c in executed["cells"] if c["metadata"]["nbgrader"]["grade_id"] == item_id)
        assert _text(grade_cell["outputs"]).strip() == "0.0"


def test_the_guard_leaves_readable_cells_and_other_cells_alone():
    guard = AnswerCellGuard(["q1", "q10"])
    for source in ['q1 = """\n王先生您好\n"""\n', "q1 = -1.5\n", "print(1 +\n", 'grader.check("q1", q1)\n', "q1 == 2\n"]:
        lines = source.splitlines(keepends=True)
        assert guard(lines) == lines
    fixed = "".join(guard(['q10 = """\n', '您好"""！\n', '"""\n']))
    assert fixed.startswith("q10 = __import__(") and "q1 =" not in fixed
    compile(fixed, "<cell>", "exec")


def test_broken_cells_read_the_same_for_the_hint_and_for_grading():
    nb = source_notebook(builtin(A))
    for item_id, source in BROKEN.items():
        _answer_cell(nb, item_id)["source"] = source
    read = read_answers(json.loads(json.dumps(nb)), list(BROKEN))
    for item_id, source in BROKEN.items():
        assert read[item_id].value is None
        if source:  # an emptied cell never reaches a transformer: IPython skips it
            lines = (source + "\n").splitlines(keepends=True)
            assert AnswerCellGuard(list(BROKEN))(lines) != lines


def test_check_passes_a_cell_problem_through_and_score_gives_it_nothing():
    grader = Grader(A, {i.id: i.learner_view() for i in builtin(A).items})
    namespace: dict = {}
    grader.watch(namespace)
    assert set(namespace) == {i.id for i in builtin(A).items}
    problem = namespace["q1"]
    assert isinstance(problem, CellProblem) and grader.check("q1", problem) is problem
    assert "还没有读到" in repr(problem) and 'q1 = &quot;&quot;&quot;' in problem._repr_html_()
    assert grader.score("q1", problem, key="ABCD") == 0.0
    namespace["q1"] = "ABCD"
    grader.watch(namespace)  # running the setup cell again keeps what was answered
    assert namespace["q1"] == "ABCD"


def test_the_setup_cell_watches_the_namespace():
    assert setup_code(builtin(A)).rstrip().splitlines()[-1].startswith("grader.watch(globals())")


@pytest.mark.nbgrader
def test_nbgrader_scores_broken_cells_0_and_agrees_with_the_direct_engine(ws, tmp_path):
    from carecourse.trainer.collect import collect
    from carecourse.trainer.grading import grade_cohort
    from conftest import by_learner, cohort, released_nb

    returned = cohort(ws, tmp_path / "returned")
    learner = sorted(ws.roster())[0]
    nb = released_nb(ws)
    for item_id, source in BROKEN.items():
        _answer_cell(nb, item_id)["source"] = source
    write_answer(nb, "q6", "王先生，真的很抱歉，这个月多扣了您50元，我马上帮您核查，多扣的会退还给您。")
    (returned / f"{learner}.ipynb").write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    collect(ws, A, returned)
    direct = {r.learner: [i.points for i in r.items] for r in grade_cohort(ws, A).results}
    graded = by_learner(grade_cohort(ws, A, engine="nbgrader"))
    assert {k: [i.points for i in r.items] for k, r in graded.items()} == direct
    assert [direct[learner][int(q[1:]) - 1] for q in BROKEN] == [0.0] * len(BROKEN)
    assert direct[learner][5] > 0  # the rest of the notebook is graded as usual
    autograded = json.loads(next((ws.root / "autograded" / learner).rglob("*.ipynb")).read_text(encoding="utf-8"))
    shown = _text(_answer_cell(autograded, "q1")["outputs"])
    assert "把引号补回去" in shown and "Traceback" not in shown


# --- what a learner's file may hold besides well-formed cells ---------------------------

REPLY = "王先生，真的很抱歉，这个月多扣了您50元，我马上帮您核查。"


def _learner_notebook() -> dict:
    nb = json.loads(json.dumps(source_notebook(builtin(A))))
    for item in builtin(A).items:
        write_answer(nb, item.id, "")
    write_answer(nb, "q6", REPLY)
    return nb


@pytest.mark.parametrize("malformed", [
    42, "a cell", None, [], {"cell_type": "code", "metadata": 7},
    {"cell_type": "code", "metadata": {"nbgrader": "q6-answer"}}, {"cell_type": "code", "metadata": {"nbgrader": [1]}},
    {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": ["q6-answer"]}}},
])  # fmt: skip
def test_a_malformed_cell_is_passed_over_and_the_others_are_read(malformed):
    nb = _learner_notebook()
    nb["cells"].insert(0, malformed)
    nb["cells"].append(malformed)
    read = read_answers(nb, ["q6", "q7"])
    assert read["q6"].value.strip() == REPLY and not read["q6"].note
    assert read["q7"].problem == "" and read["q7"].value is not None


def test_an_answer_cell_whose_lines_are_not_text_is_no_answer():
    nb = _learner_notebook()
    _answer_cell(nb, "q6")["source"] = ['q6 = """\n', 42, '"""']
    read = read_answers(nb, ["q6"])
    assert read["q6"].value is None and "q6" in read["q6"].problem


def _with_copy_of_answer_cell(at: str) -> dict:
    """The learner's notebook with a blank copy of q6's answer cell pasted (as Jupyter
    pastes it: a new cell id, the same nbgrader metadata) before the answer or after the
    grading cell."""
    nb = _learner_notebook()
    blank = json.loads(json.dumps(_answer_cell(nb, "q6")))
    blank["source"], blank["id"] = 'q6 = """\n（请在此处写下你的回应）\n"""', "pasted"
    ids = [c["metadata"].get("nbgrader", {}).get("grade_id") for c in nb["cells"]]
    nb["cells"].insert(ids.index("q6-answer") if at == "before" else ids.index("q6") + 1, blank)
    return nb


def test_a_pasted_copy_of_an_answer_cell_reads_what_running_the_notebook_gives():
    # run top to bottom, the grading cell sees the last assignment above it: the answer,
    # whether the blank copy sits above the answer or below the grading cell
    for at in ("before", "after"):
        read = read_answers(_with_copy_of_answer_cell(at), ["q6", "q7"])
        assert read["q6"].value.strip() == REPLY, at
        assert "q6" in read["q6"].note and "2 次" in read["q6"].note
        assert not read["q7"].note
