"""Export the gradebook's scores (a trainer's manual scores included) as CSV."""

from __future__ import annotations

from pathlib import Path

from carecourse.trainer.spreadsheet import spreadsheet_csv
from carecourse.trainer.workspace import Workspace, atomic_write

__all__ = ["export_grades", "grades_table"]


def grades_table(ws: Workspace) -> list[list[str]]:
    """Header + one row per learner: id, name, each assignment's score, total."""
    assignments = ws.assignments()
    with ws.gradebook() as gb:
        scores = {a: gb.recorded_scores(a) for a in assignments}
        maxima = {a: gb.max_score(a) for a in assignments}
        roster = gb.roster()
    header = ["learner", "name"] + [f"{a} (/{maxima[a]:g})" for a in assignments] + ["total"]
    rows = [header]
    for learner, name in sorted(roster.items()):
        got = [scores[a].get(learner) for a in assignments]
        cells = ["" if g is None else f"{sum(v or 0 for v in g.values()):g}" for g in got]
        total = sum(float(c) for c in cells if c)
        rows.append([learner, name, *cells, f"{total:g}"])
    return rows


def export_grades(ws: Workspace, out: str | Path | None = None) -> Path:
    path = Path(out) if out else ws.root / "grades.csv"
    atomic_write(path, spreadsheet_csv(grades_table(ws)))
    return path
