"""grades.csv: an empty cell (never 0) for no score, a total that says what it leaves out,
no column for an assignment never released."""

from __future__ import annotations

import contextlib
import csv

import pytest

from carecourse.trainer.export import export_grades, grades_table
from conftest import A, by_learner, cohort


class _Gradebook:
    def __init__(self, maxima, scores, roster):
        self._maxima, self._scores, self._roster = maxima, scores, roster

    def max_score(self, assignment):
        return self._maxima.get(assignment, 0.0)

    def recorded_scores(self, assignment):
        return self._scores.get(assignment, {})

    def roster(self):
        return self._roster


class _Workspace:
    def __init__(self, gradebook, assignments):
        self._gb, self._assignments = gradebook, assignments

    def assignments(self):
        return self._assignments

    @contextlib.contextmanager
    def gradebook(self):
        yield self._gb


def test_no_score_is_an_empty_cell_and_unreleased_work_has_no_column():
    gb = _Gradebook(
        maxima={"a1": 10.0, "a2": 20.0},  # a3 never released
        scores={"a1": {"s1": {"q1": 4.0, "q2": None}, "s2": {"q1": 0.0}}, "a2": {"s1": {"q1": 12.5}}},
        roster={"s1": "李雷", "s2": "韩梅梅", "s3": "王芳"},
    )
    rows = grades_table(_Workspace(gb, ["a1", "a2", "a3"]))
    assert rows == [
        ["learner", "name", "a1 (/10)", "a2 (/20)", "total", "ungraded"],
        ["s1", "李雷", "4", "12.5", "16.5", ""],
        ["s2", "韩梅梅", "0", "", "0", "a2"],  # a real 0 stays 0
        ["s3", "王芳", "", "", "", "a1 a2"],  # handed nothing in
    ]


def test_nothing_released_gives_names_only():
    rows = grades_table(_Workspace(_Gradebook({}, {}, {"s1": "李雷"}), ["a1"]))
    assert rows == [["learner", "name", "total", "ungraded"], ["s1", "李雷", "", ""]]


@pytest.mark.nbgrader
def test_grades_csv_of_a_graded_cohort(ws, tmp_path):
    from carecourse.trainer.collect import collect
    from carecourse.trainer.grading import grade_cohort

    returned = cohort(ws, tmp_path / "returned")
    absent = sorted(ws.roster())[0]
    (returned / f"{absent}.ipynb").unlink()
    collect(ws, A, returned)
    results = by_learner(grade_cohort(ws, A))
    rows = list(csv.reader(export_grades(ws).read_text(encoding="utf-8-sig").splitlines()))
    header = rows[0]
    assert [h for h in header if "(/" in h] == [f"{A} (/{results[absent].max_score:g})"]  # the others are unreleased
    assert not any("(/0)" in h for h in header)
    by_id = {row[0]: dict(zip(header, row)) for row in rows[1:]}
    assert by_id[absent][header[2]] == "" and by_id[absent]["total"] == "" and by_id[absent]["ungraded"] == A
    for learner, result in results.items():
        if learner != absent:
            assert by_id[learner]["total"] == f"{result.score:g}" and by_id[learner]["ungraded"] == ""
