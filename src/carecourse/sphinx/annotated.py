"""The ``annotated-reply`` directive: a reply with its techniques marked by the analyzer.

The highlighting is computed at build time by ``carecourse.analyze``, never written by
hand, so the page shows exactly what the grader sees::

    :::{annotated-reply} 先道歉，再认同感受
    :verdict: good
    :scenario: complaint-billing

    您好，非常抱歉给您添麻烦了……

    点评（MyST, shown under the reply）……
    :::

The first paragraph of the body is the reply; the rest is the author's commentary.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from carecourse import pipeline
from carecourse.render.html import annotated_html
from carecourse.rubrics import builtin, scenario_ids
from carecourse.render import Markup, render

VERDICTS = {"good": ("cc-good", "好的示范"), "poor": ("cc-poor", "需要改进")}


class AnnotatedReplyDirective(SphinxDirective):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = {
        "verdict": lambda arg: directives.choice(arg, tuple(VERDICTS)),
        "scenario": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        reply, comment = _split(self.content)
        if not reply:
            raise self.error("annotated-reply: the first paragraph of the body must be the reply")
        scenario = self.options.get("scenario")
        if scenario and scenario not in scenario_ids():
            raise self.error(f"annotated-reply: unknown scenario {scenario!r}")
        container = nodes.container(classes=["cc-annotated"])
        container += nodes.raw("", self._reply_html(reply, scenario), format="html")
        if comment:
            body = nodes.container(classes=["cc-annotated-comment"])
            self.state.nested_parse(comment, self.content_offset, body)
            container += body
        # the commentary sits inside the reply's box, so the verdict's border spans both
        container += nodes.raw("", "</div>", format="html")
        return [container]

    def _reply_html(self, reply: str, scenario: str | None) -> str:
        cls, badge = VERDICTS[self.options.get("verdict", "good")]
        graded = None
        if scenario:
            result = pipeline.grade(scenario, reply)
            graded = {"rubric": builtin(scenario).title, "score": result.score, "max_score": result.max_score}
        # the commentary beside a lesson's example explains its marks one by one: the
        # lexicons' phrases, not a model's reading of a whole clause
        return render("annotated_box.html", cls=cls, reply=reply, badge=badge, graded=graded,
                      title=self.arguments[0] if self.arguments else "",
                      annotated=Markup(annotated_html(pipeline.analyze(reply), learned=False)))  # fmt: skip


def _split(content: StringList) -> tuple[str, StringList]:
    """The reply (first paragraph, joined without line breaks) and the rest of the body."""
    lines = list(content)
    end = next((k for k, line in enumerate(lines) if not line.strip()), len(lines))
    reply = "".join(line.strip() for line in lines[:end])
    return reply, content[end + 1 :]


def setup(app) -> None:
    app.add_directive("annotated-reply", AnnotatedReplyDirective)
