"""Criterion agreement on the rubrics' own samples and on the independent held-out set.

Target (issue 2): >= 95% on the rubrics' own marked samples. The held-out set
(tests/data/heldout/) was written without looking at the lexicons; its figure shows how
well the grader generalises beyond the samples it was tuned on.
"""

from __future__ import annotations

from pathlib import Path

from carecourse.rubrics import builtin, scenario_ids
from carecourse.rubrics.samples import load_samples
from carecourse.evaluation.agreement import run_samples

HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "heldout"


def main() -> None:
    totals = {"own": [0, 0], "held-out": [0, 0]}
    print(f"{'scenario':22} {'own samples':>16} {'held-out':>16}")
    for sid in scenario_ids():
        rubric = builtin(sid)
        row = [sid.ljust(22)]
        heldout_file = HELDOUT / f"{sid}.yaml"
        sets = {"own": rubric.samples, "held-out": load_samples(heldout_file)[sid] if heldout_file.exists() else []}
        for name, samples in sets.items():
            report = run_samples(rubric, samples)
            agree = sum(c.tp + c.tn for c in report.table)
            total = sum(c.total for c in report.table)
            totals[name][0] += agree
            totals[name][1] += total
            row.append(f"{report.agreement:7.1%} ({len(samples):3d})".rjust(16))
        print(" ".join(row))
    print(" ".join(["all".ljust(22)] + [f"{a / t:7.1%}".rjust(16) if t else "-".rjust(16) for a, t in totals.values()]))


if __name__ == "__main__":
    main()
