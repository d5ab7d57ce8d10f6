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


def _register() -> None:
    # imported here, not at the top: the drawing modules import carecourse.figures.svg
    from carecourse.figures.complaints import complaint_iceberg_svg, complaint_repurchase_svg, complaint_steps_svg
    from carecourse.figures.customer_types import customer_types_svg
    from carecourse.figures.listening import listening_ladder_svg
    from carecourse.figures.sandwich import sandwich_no_svg

    FIGURES.update(
        {
            "customer-types": customer_types_svg,  # M5
            "listening-ladder": listening_ladder_svg,  # M7
            "complaint-repurchase": complaint_repurchase_svg,  # M8
            "complaint-iceberg": complaint_iceberg_svg,
            "complaint-steps": complaint_steps_svg,
            "sandwich-no": sandwich_no_svg,  # M9
        }
    )


_register()
