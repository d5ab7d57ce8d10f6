"""What the widgets show on the static site, where no kernel runs their buttons."""

from __future__ import annotations

import os

from carecourse.render import render

STATIC_BUILD_ENV = "CARECOURSE_STATIC"


def is_static_build() -> bool:
    """True while the site's notebooks are executed for the static site.

    ``carecourse.sphinx`` sets the variable, and the kernels it starts inherit it.
    """
    return os.environ.get(STATIC_BUILD_ENV) == "1"


class StaticHTML:
    """An HTML fragment that displays as itself in Jupyter and in the built site."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html


def run_locally_note(scenario_id: str | None = None, *, live: bool = False) -> str:
    """How to get the live version: the note under every static widget.

    ``live``: the widget is live on the site when its script runs, so the note (shown only
    when it does not) says so."""
    return render("widgets/static_note.html", scenario_id=scenario_id, live=live)
