"""The touchpoint explorer: walk the customer's 16 steps through the business hall.

Each step shows the customer's core need, the service guidelines, the standard phrase and
a case where there is one, and a quick check. Live in Jupyter (previous / next, pick a
step, answer the check); on the static site every step is listed, checks with their
answers folded away.
"""

from __future__ import annotations

from html import escape

from carecourse.content import Journey, Touchpoint, journey
from carecourse.widgets.static import StaticHTML, is_static_build, run_locally_note

__all__ = ["touchpoint_card", "touchpoint_explorer"]

CARD = "border:1px solid #cbd5e1;border-radius:8px;padding:.6em .9em;background:#fff;line-height:1.7"


def touchpoint_card(t: Touchpoint, j: Journey) -> str:
    """One touchpoint as an HTML card (the quick check is not part of it)."""
    guidelines = "".join(f"<li>{escape(g)}</li>" for g in t.guidelines)
    phrase = (
        f'<p style="background:#ecfeff;border-left:4px solid #0891b2;padding:.3em .6em">标准用语：“{escape(t.phrase)}”</p>'
        if t.phrase
        else ""
    )
    case = f'<p style="background:#fefce8;padding:.3em .6em"><b>案例：</b>{escape(t.case)}</p>' if t.case else ""
    source = "" if t.from_seed else '<p style="color:#64748b;font-size:.9em">（本触点的指引根据课程其他内容整理）</p>'
    return (
        f'<div style="{CARD}">'
        f'<div style="color:#64748b">第 {t.step} / {len(j.touchpoints)} 步 · {escape(j.zone(t.zone).name)}</div>'
        f'<div style="font-size:1.25em;font-weight:700">{escape(t.name)}</div>'
        f"<p><b>客户的核心需求：</b>{escape(t.need)}。{escape(t.need_detail)}</p>"
        f"<b>服务指引</b><ul>{guidelines}</ul>{phrase}{case}{source}</div>"
    )


def touchpoint_explorer():
    """The explorer: a live widget in Jupyter, the full walkthrough on the static site."""
    j = journey()
    if is_static_build():
        return StaticHTML(_static_html(j))
    return _live_explorer(j)


def _static_html(j: Journey) -> str:
    steps = []
    for t in j.touchpoints:
        options = "".join(f"<li>{escape(o)}</li>" for o in t.check.options)
        check = (
            f'<p style="margin:.6em 0 .2em"><b>小测验：</b>{escape(t.check.question)}</p><ol type="A">{options}</ol>'
            f"<details><summary>查看答案</summary><p>{'ABCDEFG'[t.check.answer]}．{escape(t.check.explain)}</p></details>"
        )
        opened = " open" if t.step == 1 else ""
        steps.append(
            f'<details{opened} style="margin:.4em 0"><summary style="cursor:pointer;font-weight:600">'
            f"{t.step}. {escape(t.name)} — {escape(t.need)}</summary>{touchpoint_card(t, j)}{check}</details>"
        )
    return "\n".join(steps) + run_locally_note()


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
        question.value = f"<b>小测验：</b>{escape(t.check.question)}"
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
        mark = '<b style="color:#15803d">✔ 正确。</b>' if right else '<b style="color:#b91c1c">✘ 不对。</b>'
        verdict.value = f"{mark}{escape(t.check.explain)}"

    picker.observe(lambda change: show(change["new"]), names="value")
    back.on_click(lambda _: setattr(picker, "value", max(0, picker.value - 1)))
    forward.on_click(lambda _: setattr(picker, "value", min(len(names) - 1, picker.value + 1)))
    check.on_click(on_check)
    show(0)
    return w.VBox([w.HBox([back, picker, forward]), card, question, choice, check, verdict])
