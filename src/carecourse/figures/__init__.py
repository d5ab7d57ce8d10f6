"""Figures generated from course data (SVG), drawn at build time.

``figure_svg(name)`` draws one of ``FIGURES``; the ``course-figure`` directive of
``carecourse.sphinx`` inlines it in a page.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["FIGURES", "figure_svg"]

# name -> function drawing it as a standalone <svg> element
FIGURES: dict[str, Callable[[], str]] = {}


def figure_svg(name: str) -> str:
    """The figure ``name`` as an ``<svg>`` element; ``KeyError`` names the known ones."""
    try:
        draw = FIGURES[name]
    except KeyError:
        raise KeyError(f"unknown figure {name!r}; known: {', '.join(sorted(FIGURES))}") from None
    return draw()
