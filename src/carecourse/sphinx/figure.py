"""The ``course-figure`` directive: one of the course's figures, drawn at build time.

    ```{course-figure} customer-types
    ```

The SVG is inlined (text stays text: searchable, sharp, in the page's fonts); the names
are those of ``carecourse.figures.FIGURES``.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from carecourse.figures import figure_svg
from carecourse.render import Markup, render


class CourseFigureDirective(SphinxDirective):
    has_content = False
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        try:
            svg = figure_svg(name)
        except KeyError as err:
            raise self.error(f"course-figure: {err.args[0]}") from None
        html = render("figure.html", cls=f"cc-figure cc-figure-{name}", svg=Markup(svg))
        return [nodes.raw("", html, format="html")]


def setup(app) -> None:
    app.add_directive("course-figure", CourseFigureDirective)
