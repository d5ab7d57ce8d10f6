"""Grading speed: warm throughput in one process, and cold import + first grade.

Targets (issue 2): >= 5,000 graded replies per second warm; import + first grade <= 0.5 s.
Target (issue 12): a whole grade costs less than segmenting the same reply with jieba
(``jieba.lcut``), measured on the same replies in the same process: ratio >= 1.0. A ratio
holds on any machine, where replies per second do not.
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


def jieba_ratio(rounds: int = 3, chunk: int = 500) -> tuple[float, float, float]:
    """(seconds to grade every reply, seconds to jieba.lcut every reply, their ratio).

    The two alternate every ``chunk`` replies, so a machine whose speed drifts (a shared
    virtual machine can vary 2x within seconds) slows both alike."""
    import jieba

    jieba.setLogLevel(60)
    work = replies()
    jieba.lcut(work[0][1])  # loads the dictionary outside the timing
    grading = segmenting = 0.0
    for _ in range(rounds):
        for k in range(0, len(work), chunk):
            part = work[k : k + chunk]
            start = time.perf_counter()
            for s, text in part:
                carecourse.grade(s, text)
            grading += time.perf_counter() - start
            start = time.perf_counter()
            for _, text in part:
                jieba.lcut(text)
            segmenting += time.perf_counter() - start
    return grading / rounds, segmenting / rounds, segmenting / grading


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
    g, j, ratio = jieba_ratio()
    print(f"jieba: grading {g:.2f} s vs jieba.lcut {j:.2f} s on the same {n:,} replies: ratio {ratio:.2f} (target >= 1.0)")
    print(f"cold: import + first grade median {statistics.median(cold):.3f} s, max {max(cold):.3f} s over {len(cold)} runs (target <= 0.5 s)")


if __name__ == "__main__":
    main()
