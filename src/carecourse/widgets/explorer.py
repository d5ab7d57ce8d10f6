"""The touchpoint explorer: walk the customer's 16 steps through the business hall.

Each step shows the customer's core need, the service guidelines, the standard phrase and
a case where there is one, and a quick check. Live in Jupyter (previous / next, pick a
step, answer the check); on the static site every step is listed, checks with their
answers folded away.
"""

from __future__ import annotations

from carecourse.content import Journey, Touchpoint, journey
from carecourse.render import macro
from carecourse.widgets.static import StaticHTML, is_static_build, run_locally_note

__all__ = ["touchpoint_card", "touchpoint_explorer"]

_TEMPLATE = "widgets/explorer.html"


def touchpoint_card(t: Touchpoint, j: Journey) -> str:
    """One touchpoint as an HTML card (the quick check is not part of it)."""
    return macro(_TEMPLATE, "card", t=t, steps=len(j.touchpoints), zone=j.zone(t.zone).name)


def touchpoint_explorer():
    """The explorer: a live widget in Jupyter, the full walkthrough on the static site."""
    j = journey()
    if is_static_build():
        return StaticHTML(_static_html(j))
    return _live_explorer(j)


def _static_html(j: Journey) -> str:
    steps = [{"t": t, "zone": j.zone(t.zone).name} for t in j.touchpoints]
    return macro(_TEMPLATE, "walkthrough", steps=steps) + run_locally_note()


def _live_explorer(j: Journey):
    import ipywidgets as w

    names = [(f"{t.step}. {t.name}", k) for k, t in enumerate(j.touchpoints)]
    picker = w.Dropdown(options=names, value=0, description="触点：")
    back = w.Button(description="上一步", icon="arrow-left")
    forward = w.Button(description="下一步", icon="arrow-right")
    card = w.HTML()
    choice = w.RadioButtons(layout=w.Layout(width="100%"))
    check = w.Button(description="检查答案", button_style="primary")
    verdict = w.HTML()
    question = w.HTML()

    def show(k: int) -> None:
        t = j.touchpoints[k]
        card.value = touchpoint_card(t, j)
        question.value = macro(_TEMPLATE, "question", t=t)
        choice.options = [(o, n) for n, o in enumerate(t.check.options)]
        choice.value = None
        verdict.value = ""
        back.disabled, forward.disabled = k == 0, k == len(j.touchpoints) - 1

    def on_check(_) -> None:
        t = j.touchpoints[picker.value]
        if choice.value is None:
            verdict.value = "先选一个答案。"
            return
        right = choice.value == t.check.answer
        verdict.value = macro(_TEMPLATE, "verdict", right=right, explain=t.check.explain)

    picker.observe(lambda change: show(change["new"]), names="value")
    back.on_click(lambda _: setattr(picker, "value", max(0, picker.value - 1)))
    forward.on_click(lambda _: setattr(picker, "value", min(len(names) - 1, picker.value + 1)))
    check.on_click(on_check)
    show(0)
    return w.VBox([w.HBox([back, picker, forward]), card, question, choice, check, verdict])
