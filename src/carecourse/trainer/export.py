"""Export the gradebook's scores (a trainer's manual scores included) as CSV.

One column per assignment the gradebook knows (released: its total points are in the
header); an assignment never released has no column. A learner with no score for an
assignment (nothing handed in, or a file that could not be graded) has an empty cell,
never 0; ``total`` adds the scores there are (empty when there are none) and ``ungraded``
names the assignments left out of it.
"""

from __future__ import annotations

from pathlib import Path

from carecourse.trainer.spreadsheet import spreadsheet_csv
from carecourse.trainer.workspace import Workspace, atomic_write

__all__ = ["export_grades", "grades_table"]


def grades_table(ws: Workspace) -> list[list[str]]:
    """Header + one row per learner: id, name, each released assignment's score, total, ungraded."""
    with ws.gradebook() as gb:
        maxima = {a: gb.max_score(a) for a in ws.assignments()}
        released = [a for a, points in maxima.items() if points > 0]  # max_score is 0 when never released
        scores = {a: gb.recorded_scores(a) for a in released}
        roster = gb.roster()
    rows = [["learner", "name", *(f"{a} (/{maxima[a]:g})" for a in released), "total", "ungraded"]]
    for learner, name in sorted(roster.items()):
        got = {a: scores[a].get(learner) for a in released}
        points = {a: sum(v or 0 for v in g.values()) for a, g in got.items() if _scored(g)}
        total = f"{sum(points.values()):g}" if points else ""
        cells = [f"{points[a]:g}" if a in points else "" for a in released]
        rows.append([learner, name, *cells, total, " ".join(a for a in released if a not in points)])
    return rows


def _scored(grades: dict[str, float | None] | None) -> bool:
    """Whether a learner has a score for an assignment: a submission none of whose items has
    one (nbgrader failed on it) is no score, never 0."""
    return grades is not None and any(v is not None for v in grades.values())


def export_grades(ws: Workspace, out: str | Path | None = None) -> Path:
    path = Path(out) if out else ws.root / "grades.csv"
    atomic_write(path, spreadsheet_csv(grades_table(ws)))
    return path
