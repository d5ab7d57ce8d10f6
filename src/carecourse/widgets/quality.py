"""The service-quality calculator (M10): 服务质量 = 感知 − 期望, dimension by dimension.

The learner scores what a customer expected and what they perceived on the five RATER
dimensions (1–7); the calculator shows each gap, the average, and where to act first.
Live in Jupyter (two sliders per dimension). On the site, a worked table whose scores the
page's script lets the reader change (``carecourse/web/static/quality.mjs``: the same
arithmetic, filling the same table fragments, ``browser_data``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from carecourse.render import Markup, macro
from carecourse.widgets.static import StaticHTML, is_static_build, run_locally_note

__all__ = ["DIMENSIONS", "QualityGaps", "browser_data", "gaps_table_html", "quality_calculator", "quality_gaps"]

DIMENSIONS = ("有形性", "可靠性", "响应性", "保证性", "移情性")
SCALE = (1, 7)
_TEMPLATE = "widgets/quality.html"

# The worked example on the static site: a busy business hall on a Monday morning.
WORKED_EXPECTED = {"有形性": 5, "可靠性": 7, "响应性": 6, "保证性": 6, "移情性": 5}
WORKED_PERCEIVED = {"有形性": 6, "可靠性": 5, "响应性": 4, "保证性": 6, "移情性": 6}


@dataclass(frozen=True)
class QualityGaps:
    expected: dict[str, float]
    perceived: dict[str, float]

    @property
    def gaps(self) -> dict[str, float]:
        return {d: self.perceived[d] - self.expected[d] for d in DIMENSIONS}

    @property
    def average(self) -> float:
        return sum(self.gaps.values()) / len(DIMENSIONS)

    @property
    def worst(self) -> str | None:
        """The dimension furthest below expectation (``None`` when none is below)."""
        dimension = min(DIMENSIONS, key=lambda d: self.gaps[d])
        return dimension if self.gaps[dimension] < 0 else None


def quality_gaps(expected: Mapping[str, float], perceived: Mapping[str, float]) -> QualityGaps:
    """Gaps per RATER dimension; raises ``ValueError`` for a missing dimension or a score off the scale."""
    for name, scores in (("expected", expected), ("perceived", perceived)):
        missing = [d for d in DIMENSIONS if d not in scores]
        if missing:
            raise ValueError(f"{name}: no score for {'、'.join(missing)}")
        off = [d for d in DIMENSIONS if not SCALE[0] <= scores[d] <= SCALE[1]]
        if off:
            raise ValueError(f"{name}: scores must be {SCALE[0]}–{SCALE[1]}: {'、'.join(off)}")
    return QualityGaps({d: expected[d] for d in DIMENSIONS}, {d: perceived[d] for d in DIMENSIONS})


def verdict(gap: float) -> str:
    if gap > 0:
        return "超出期望"
    return "刚好满足" if gap == 0 else "低于期望"


def gaps_table_html(result: QualityGaps) -> str:
    """The gaps as a table, with the average and where to act first."""
    rows = [{"dimension": d, "expected": f"{result.expected[d]:g}", "perceived": f"{result.perceived[d]:g}", "gap": g,
             "signed": _signed(g), "verdict": verdict(g)} for d, g in result.gaps.items()]  # fmt: skip
    average, worst = round(result.average, 1), result.worst
    return macro(_TEMPLATE, "gaps_table", rows=rows, average=_signed(average), average_verdict=verdict(average),
                 worst=worst, worst_gap=_signed(result.gaps[worst]) if worst else "")  # fmt: skip


def _signed(gap: float) -> str:
    return "0" if gap == 0 else f"{gap:+g}"


def quality_calculator():
    """The calculator: live sliders in Jupyter, a worked table on the static site."""
    if is_static_build():
        return StaticHTML(_static_html())
    return _live_calculator()


def browser_data() -> dict:
    """What the browser's calculator needs, from here: the dimensions, the scale, the worked
    example, the verdicts and the table's fragments with {slots} the script fills."""

    def row(gap: int) -> str:
        slots = {k: f"{{{k}}}" for k in ("dimension", "expected", "perceived", "signed", "verdict")}
        return macro(_TEMPLATE, "gap_row", r={**slots, "gap": gap})

    return {
        "dimensions": list(DIMENSIONS),
        "scale": list(SCALE),
        "worked": {"expected": WORKED_EXPECTED, "perceived": WORKED_PERCEIVED},
        "verdicts": {"above": verdict(1), "equal": verdict(0), "below": verdict(-1)},
        "fragments": {
            "head": macro(_TEMPLATE, "table_head"),
            "row_above": row(1), "row_equal": row(0), "row_below": row(-1),
            "tail": "</tbody></table>",
            "conclusion_worst": macro(_TEMPLATE, "conclusion", average="{average}", average_verdict="{average_verdict}",
                                      worst="{worst}", worst_gap="{worst_gap}"),
            "conclusion_none": macro(_TEMPLATE, "conclusion", average="{average}", average_verdict="{average_verdict}",
                                     worst=None, worst_gap=""),
        },
    }  # fmt: skip


def _static_html() -> str:
    table = Markup(gaps_table_html(quality_gaps(WORKED_EXPECTED, WORKED_PERCEIVED)))
    inputs = Markup(macro(_TEMPLATE, "inputs", dimensions=DIMENSIONS, scale=SCALE, expected=WORKED_EXPECTED,
                          perceived=WORKED_PERCEIVED))  # fmt: skip
    return macro(_TEMPLATE, "worked", scale=SCALE, table=table, note=Markup(run_locally_note(live=True)),
                 inputs=inputs, data=browser_data())  # fmt: skip


def _live_calculator():
    import ipywidgets as w

    def slider(value: int, label: str):
        return w.IntSlider(value=value, min=SCALE[0], max=SCALE[1], description=label)

    expected = {d: slider(WORKED_EXPECTED[d], "期望") for d in DIMENSIONS}
    perceived = {d: slider(WORKED_PERCEIVED[d], "感知") for d in DIMENSIONS}
    table = w.HTML()

    def update(_=None) -> None:
        result = quality_gaps({d: s.value for d, s in expected.items()}, {d: s.value for d, s in perceived.items()})
        table.value = gaps_table_html(result)

    for s in (*expected.values(), *perceived.values()):
        s.observe(update, names="value")
    update()
    labels = {d: w.HTML(macro(_TEMPLATE, "dimension", name=d), layout=w.Layout(width="5em")) for d in DIMENSIONS}
    rows = [w.HBox([labels[d], expected[d], perceived[d]]) for d in DIMENSIONS]
    return w.VBox([*rows, table])
