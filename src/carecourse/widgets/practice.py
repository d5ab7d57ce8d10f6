"""The practice box: type a reply to a scenario, press 评分, read the feedback.

In Jupyter it is a live ipywidgets form calling ``carecourse.grade``. On the static site
(see ``is_static_build``) it shows the scenario and worked examples, graded at build time,
and says how to open the notebook to try it yourself.
"""

from __future__ import annotations

from html import escape

from carecourse.pipeline import grade
from carecourse.feedback.html import grade_html
from carecourse.rubrics import builtin
from carecourse.widgets.static import StaticHTML, is_static_build, run_locally_note

__all__ = ["practice_box"]


def practice_box(scenario_id: str, examples: list[str] | tuple[str, ...] = ()):
    """A practice box for one scenario; ``examples`` are shown graded on the static site."""
    builtin(scenario_id)  # an unknown scenario fails here, before anything is drawn
    if is_static_build():
        return StaticHTML(_static_html(scenario_id, examples))
    return _live_box(scenario_id)


def _prompt_html(scenario_id: str) -> str:
    rubric = builtin(scenario_id)
    customer = (
        f'<p style="margin:.3em 0"><b>客户说：</b>“{escape(rubric.customer_says)}”</p>' if rubric.customer_says else ""
    )
    return (
        f'<div style="border-left:4px solid #0a7d91;padding:.4em .8em;background:#f0f9fa;margin:.3em 0">'
        f"<b>练习：{escape(rubric.title)}</b>"
        f'<div style="white-space:pre-wrap;margin-top:.3em">{escape(rubric.prompt.strip())}</div>{customer}</div>'
    )


def _static_html(scenario_id: str, examples) -> str:
    parts = [_prompt_html(scenario_id)]
    for k, text in enumerate(examples, 1):
        result = grade(scenario_id, text)
        parts.append(f'<p style="margin:1em 0 .3em"><b>示例作答 {k}</b>（评分器的反馈如下）</p>')
        parts.append(grade_html(result, text, book_base=""))
    parts.append(run_locally_note(scenario_id))
    return "\n".join(parts)


def _live_box(scenario_id: str):
    import ipywidgets as w

    rubric = builtin(scenario_id)
    answer = w.Textarea(
        placeholder=rubric.placeholder or "在这里写下你要对客户说的话……",
        layout=w.Layout(width="100%", height="110px"),
    )
    button = w.Button(description="评分", button_style="primary", icon="check")
    output = w.HTML()

    def on_click(_):
        text = answer.value
        try:
            result = grade(scenario_id, text)
        except Exception as err:  # a learner should see a message, never a traceback
            output.value = f'<p style="color:#b91c1c">评分时出错：{escape(str(err))}</p>'
            return
        output.value = grade_html(result, text, book_base=None)

    button.on_click(on_click)
    return w.VBox([w.HTML(_prompt_html(scenario_id)), answer, button, output])
