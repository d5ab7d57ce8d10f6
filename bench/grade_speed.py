"""Grading speed: warm throughput in one process, and cold import + first grade.

Targets (issue 2): >= 5,000 graded replies per second warm; import + first grade <= 0.5 s.
Prints figures; run with `make bench` or `.venv/bin/python bench/grade_speed.py`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

import carecourse
from carecourse.rubrics import builtin, scenario_ids


def replies() -> list[tuple[str, str]]:
    """Every marked sample of every shipped rubric, made distinct so no cache can help."""
    base = [(s, sample.text) for s in scenario_ids() for sample in builtin(s).samples]
    return [(s, f"{text}（{k}）") for k in range(40) for s, text in base]


def warm_throughput(rounds: int = 3) -> tuple[list[float], int]:
    work = replies()
    for s, text in work[:200]:
        carecourse.grade(s, text)
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for s, text in work:
            carecourse.grade(s, text)
        rates.append(len(work) / (time.perf_counter() - start))
    return rates, len(work)


def cold_start(runs: int = 5) -> list[float]:
    code = (
        "import time; t=time.perf_counter(); import carecourse;"
        "carecourse.grade('complaint-billing', '王先生，非常抱歉，我马上为您核查。');"
        "print(time.perf_counter()-t)"
    )
    return [float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(runs)]


def main() -> None:
    rates, n = warm_throughput()
    cold = cold_start()
    print(f"warm: median {statistics.median(rates):,.0f} replies/s (range {min(rates):,.0f}-{max(rates):,.0f}) "
          f"over {len(rates)} rounds of {n:,} distinct replies (target >= 5,000)")
    print(f"cold: import + first grade median {statistics.median(cold):.3f} s, max {max(cold):.3f} s over {len(cold)} runs (target <= 0.5 s)")


if __name__ == "__main__":
    main()
