"""Every HTML page and fragment the package shows, laid out by Jinja2 templates.

Python prepares plain data; a template in this folder lays it out. ``render`` escapes every
value (autoescape), the way ``html.escape`` does, so the pages keep the exact bytes they had
when they were f-strings. Stylesheets (``*.css``) are templates too: they take their colours
from the one palette (``palette.yaml``, see ``carecourse.render.palette``).
"""

from __future__ import annotations

from html import escape as html_escape
from functools import cache
from typing import TYPE_CHECKING

from markupsafe import Markup

from carecourse.render.view import quoted
from carecourse.render.palette import colours, technique_colours

if TYPE_CHECKING:
    from jinja2 import Environment

__all__ = ["Markup", "macro", "render"]


def render(name: str, /, **context) -> str:
    """The template ``name`` filled with ``context``, as a plain string."""
    return str(_environment().get_template(name).render(**context))


def macro(template: str, macro_name: str, /, **arguments) -> str:
    """The macro ``macro_name`` of ``template`` called with ``arguments``, as a plain string
    (for fragments a live widget updates one at a time)."""
    return str(getattr(_environment().get_template(template).module, macro_name)(**arguments))


def _escaped(value) -> Markup:
    """Escape as ``html.escape`` does (``&#x27;`` and ``&quot;``), not as markupsafe does
    (``&#39;`` and ``&#34;``): the same bytes as before the templates."""
    if hasattr(value, "__html__"):
        return value
    return Markup(html_escape(str(value)))


@cache
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined  # on first page: a terminal needs none

    env = Environment(
        loader=PackageLoader("carecourse.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_escaped,
    )
    env.filters["g"] = lambda x: f"{x:g}"
    env.filters["pct"] = lambda share: f"{share * 100:.0f}%"
    env.filters["quoted"] = quoted
    env.globals["colour"] = colours()
    env.globals["technique_colours"] = technique_colours()
    return env
