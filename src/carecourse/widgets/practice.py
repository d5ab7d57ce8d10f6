"""The practice box: type a reply to a scenario, press 评分, read the feedback.

In Jupyter it is a live ipywidgets form calling ``carecourse.grade``. On the site (see
``is_static_build``) it is a form the page's script grades in the browser, with the
browser grader (``carecourse.web``), above worked examples graded at build time; without
JavaScript the page says how to open the notebook instead.
"""

from __future__ import annotations

from functools import cache

from carecourse.packaged import read_yaml
from carecourse.pipeline import grade
from carecourse.render.html import grade_html
from carecourse.rubrics import builtin
from carecourse.render import Markup, macro
from carecourse.web.ui import ui
from carecourse.widgets.static import StaticHTML, is_static_build, run_locally_note

__all__ = ["practice_box", "worked_examples"]

_TEMPLATE = "widgets/practice.html"
PLACEHOLDER = "在这里写下你要对客户说的话……"  # in the text box, when the rubric has none


def practice_box(scenario_id: str, examples: list[str] | tuple[str, ...] | None = None):
    """A practice box for one scenario; ``examples`` (by default the scenario's
    ``worked_examples``) are shown graded on the static site."""
    builtin(scenario_id)  # an unknown scenario fails here, before anything is drawn
    if is_static_build():
        return StaticHTML(_static_html(scenario_id, worked_examples(scenario_id) if examples is None else examples))
    return _live_box(scenario_id)


@cache
def worked_examples(scenario_id: str) -> tuple[str, ...]:
    """The worked examples the site shows under a scenario's practice box (``examples.yaml``)."""
    return tuple((read_yaml(__package__, "examples.yaml") or {}).get(scenario_id, ()))


def _prompt_html(scenario_id: str) -> str:
    return macro(_TEMPLATE, "prompt", rubric=builtin(scenario_id))


def _static_html(scenario_id: str, examples) -> str:
    graded = [Markup(grade_html(grade(scenario_id, text), text, book_base="")) for text in examples]
    note = Markup(run_locally_note(scenario_id, live=True))
    data = {"scenario": scenario_id, "words": ui()["graded"], "book_base": ""}
    return macro(_TEMPLATE, "static", rubric=builtin(scenario_id), examples=graded, note=note, data=data,
                 placeholder=builtin(scenario_id).placeholder or PLACEHOLDER)  # fmt: skip


def _live_box(scenario_id: str):
    import ipywidgets as w

    rubric = builtin(scenario_id)
    answer = w.Textarea(
        placeholder=rubric.placeholder or PLACEHOLDER,
        layout=w.Layout(width="100%", height="110px"),
    )
    button = w.Button(description="评分", button_style="primary", icon="check")
    output = w.HTML()

    def on_click(_):
        text = answer.value
        try:
            result = grade(scenario_id, text)
        except Exception as err:  # a learner should see a message, never a traceback
            output.value = macro(_TEMPLATE, "error", message=str(err))
            return
        output.value = grade_html(result, text, book_base=None)

    button.on_click(on_click)
    return w.VBox([w.HTML(_prompt_html(scenario_id)), answer, button, output])
