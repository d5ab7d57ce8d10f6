"""The ``journey-map`` directive: the business-hall journey map, drawn at build time.

The SVG is inlined, so its text uses the page's fonts and stays sharp at any width.
"""

from __future__ import annotations

from importlib import resources

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from carecourse.content import journey
from carecourse.figures.journey import journey_svg
from carecourse.render import Markup, render


class JourneyMapDirective(SphinxDirective):
    has_content = False
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(_data_file())
        title = self.arguments[0] if self.arguments else None
        svg = journey_svg(journey(), title) if title else journey_svg(journey())
        html = render("figure.html", cls="cc-journey", svg=Markup(svg))
        return [nodes.raw("", html, format="html")]


def _data_file() -> str:
    return str(resources.files("carecourse.content").joinpath("touchpoints.yaml"))


def setup(app) -> None:
    app.add_directive("journey-map", JourneyMapDirective)
