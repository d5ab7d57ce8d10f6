"""A 200-learner cohort graded twice on the same submissions: the direct engine against
``nbgrader autograde``. Prints both times, the ratio (target: at least 100x) and whether
every item's score is the same. Takes about 8 minutes (nbgrader runs a kernel per notebook).

    .venv/bin/python bench/cohort_grading.py [--learners 200] [--assignment a4-complaints]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from carecourse.trainer import workflow
from carecourse.trainer.collect import collect
from carecourse.trainer.demo import demo_roster, write_returned
from carecourse.trainer.release import release


def timed(*command: str, cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def scores(ws, assignment: str) -> dict:
    with ws.gradebook() as gb:
        return gb.recorded_scores(assignment)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--assignment", default="a4-complaints")
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        roster = demo_roster(args.learners)
        roster_csv = Path(tmp) / "roster.csv"
        with roster_csv.open("w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows([("id", "name"), *roster.items()])
        ws = workflow.init(Path(tmp) / "course", roster=roster_csv).workspace
        release(ws, args.assignment)
        write_returned(ws, args.assignment, roster, Path(tmp) / "returned", mishaps=False)
        collect(ws, args.assignment, Path(tmp) / "returned")
        n = len(list((ws.root / "submitted").glob(f"*/{args.assignment}")))
        print(f"cohort: {n} submissions of {args.assignment}")

        direct = timed(str(bin_dir / "carecourse"), "course", "grade", str(ws.root), args.assignment, cwd=ws.root)
        by_direct = scores(ws, args.assignment)
        print(f"direct engine (carecourse course grade, whole command): {direct:.1f} s")

        nbgrader = timed(str(bin_dir / "nbgrader"), "autograde", args.assignment, "--force", cwd=ws.root)
        by_nbgrader = scores(ws, args.assignment)
        print(f"nbgrader autograde (whole command):                     {nbgrader:.1f} s")
        print(f"ratio: {nbgrader / direct:.0f}x  (target >= 100x)")

        differ = [(learner, item, by_direct[learner].get(item), got)
                  for learner, items in by_nbgrader.items() for item, got in items.items()
                  if by_direct.get(learner, {}).get(item) != got]  # fmt: skip
        total = sum(len(v) for v in by_nbgrader.values())
        print(f"scores equal: {'yes' if not differ else 'NO'} ({total} item scores compared, {len(differ)} differ)")
        for row in differ[:10]:
            print("  differs:", row)


if __name__ == "__main__":
    main()
