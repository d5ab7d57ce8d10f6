"""A cohort graded twice on the same submissions: the direct engine against ``nbgrader
autograde``. Prints both times, the ratio (target: at least 300x at 200 learners) and
whether every item's score is the same; then what the direct engine costs: per learner
beyond start-up (target <= 5 ms), its start-up, a ``course grade`` with nobody submitted
(target <= 1 s) and its peak memory at two cohort sizes (flat as the cohort grows).

Each direct figure is the whole ``carecourse course grade`` command in a fresh process,
on a fresh copy of the course, the best of ``--trials`` (a shared machine's load only
ever adds time); the ratio to nbgrader takes the median of the runs before and after it
(the machine's speed drifts over minutes). Per learner and start-up come from the two
cohort sizes: per learner = (T(large) - T(small)) / (large - small), start-up = T(small) - small x that.
The runs share a pattern cache of their own (``carecourse.pattern_cache``), as a trainer's
runs do; the very first run fills it and is printed on its own line.
Takes about 20 minutes at 200 learners (nbgrader runs a kernel per notebook: 15 minutes here).

    .venv/bin/python bench/cohort_grading.py [--learners 200] [--large 1000] [--assignment a4-complaints]
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from carecourse.trainer import workflow
from carecourse.trainer.collect import collect
from carecourse.trainer.demo import demo_roster, write_returned
from carecourse.trainer.release import release
from carecourse.trainer.workspace import Workspace

BIN = Path(sys.executable).parent


def run(*command: str, cwd: Path) -> tuple[float, int]:
    """(wall seconds, peak resident memory in MB) of one command.

    GNU time measures the memory: a child forked from this (large) process would report
    this process's size as its own peak."""
    with tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-o", peak.name, "-f", "%M", *command], cwd=cwd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
        took = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
        return took, int(peak.read().split()[-1]) // 1024


def course(base: Path, learners: int, assignment: str, *, submitted: bool = True) -> Workspace:
    """A course of ``learners`` learners with ``assignment`` released, returned and collected."""
    base.mkdir(parents=True)
    roster = demo_roster(learners)
    roster_csv = base / "roster.csv"
    with roster_csv.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([("id", "name"), *roster.items()])
    ws = workflow.init(base / "course", roster=roster_csv).workspace
    release(ws, assignment)
    if submitted:
        write_returned(ws, assignment, roster, base / "returned", mishaps=False)
        collect(ws, assignment, base / "returned")
    return ws


def direct(ws: Workspace, assignment: str, trials: int, scratch: Path) -> list[tuple[float, int]]:
    """``course grade`` on fresh copies of the course (every submission new to the gradebook)."""
    runs = []
    for k in range(trials):
        copy = scratch / f"{ws.root.parent.name}-{k}"
        shutil.copytree(ws.root, copy)
        runs.append(run(str(BIN / "carecourse"), "course", "grade", str(copy), assignment, cwd=copy))
        if k < trials - 1:
            shutil.rmtree(copy)
    return runs


def scores(ws: Workspace, assignment: str) -> dict:
    with ws.gradebook() as gb:
        return gb.recorded_scores(assignment)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--large", type=int, default=1000, help="the second cohort size (per-learner cost, memory)")
    parser.add_argument("--assignment", default="a4-complaints")
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--skip-nbgrader", action="store_true", help="only the direct engine's figures")
    args = parser.parse_args()
    a = args.assignment
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["CARECOURSE_CACHE_DIR"] = ""  # (setting the courses up fills no cache)
        small = course(tmp / "small", args.learners, a)
        large = course(tmp / "large", args.large, a)
        empty = course(tmp / "empty", args.learners, a, submitted=False)
        n = len(list((small.root / "submitted").glob(f"*/{a}")))
        print(f"cohort: {n} submissions of {a} (and {args.large} for the second size)")

        os.environ["CARECOURSE_CACHE_DIR"] = str(tmp / "pattern-cache")  # empty: the first run fills it
        first, _ = direct(small, a, 1, tmp / "first")[0]
        small_runs = direct(small, a, args.trials, tmp / "runs")
        large_runs = direct(large, a, args.trials, tmp / "runs")
        idle_runs = [run(str(BIN / "carecourse"), "course", "grade", str(empty.root), a, cwd=empty.root)
                     for _ in range(args.trials)]  # fmt: skip
        t_small, t_large = min(t for t, _ in small_runs), min(t for t, _ in large_runs)
        per_learner = (t_large - t_small) / (args.large - args.learners)
        print(f"direct engine (carecourse course grade, whole command), {args.learners} learners: {t_small:.2f} s "
              f"(best of {args.trials}; median {statistics.median(t for t, _ in small_runs):.2f} s)")
        print(f"direct engine's very first run ({args.learners} learners, pattern cache empty): {first:.2f} s")
        print(f"direct engine, {args.large} learners: {t_large:.2f} s (best of {args.trials})")
        print(f"per learner beyond start-up: {per_learner * 1000:.2f} ms (target <= 5 ms)")
        print(f"start-up (first learner's wait: imports, rubrics compiled): {t_small - args.learners * per_learner:.2f} s")
        print(f"nobody submitted (course grade with no work): {min(t for t, _ in idle_runs):.2f} s "
              f"(best of {args.trials}; target <= 1 s)")
        print(f"peak memory: {max(m for _, m in small_runs)} MB at {args.learners} learners, "
              f"{max(m for _, m in large_runs)} MB at {args.large}")
        if args.skip_nbgrader:
            return

        graded = tmp / "runs" / f"small-{args.trials - 1}"  # the last direct run's course
        by_direct = scores(Workspace.open(graded), a)
        nbgrader, _ = run(str(BIN / "nbgrader"), "autograde", a, "--force", cwd=graded)
        by_nbgrader = scores(Workspace.open(graded), a)
        print(f"nbgrader autograde (whole command), {args.learners} learners: {nbgrader:.1f} s")
        # the direct engine again, after nbgrader: a shared machine's speed drifts over minutes
        after = [t for t, _ in direct(small, a, args.trials, tmp / "after")]
        both = [t for t, _ in small_runs] + after
        median = statistics.median(both)
        print(f"direct engine again after nbgrader: {', '.join(f'{t:.2f}' for t in after)} s")
        print(f"ratio: {nbgrader / median:.0f}×  (target >= 300×; direct's median of {len(both)} runs before "
              f"and after, {nbgrader / min(both):.0f}× with its best)")

        differ = [(learner, item, by_direct.get(learner, {}).get(item), got)
                  for learner, items in by_nbgrader.items() for item, got in items.items()
                  if by_direct.get(learner, {}).get(item) != got]  # fmt: skip
        total = sum(len(v) for v in by_nbgrader.values())
        same = not differ and total and set(by_nbgrader) == set(by_direct)
        print(f"scores equal: {'yes' if same else 'NO'} ({total} item scores compared, {len(differ)} differ)")
        for row in differ[:10]:
            print("  differs:", row)


if __name__ == "__main__":
    main()
