"""The one palette: every colour the package shows, for HTML and for the terminal.

Every colour is written once in ``palette.yaml`` (its swatches); pages name colours by
meaning, the course figures pick swatches; the techniques' colours stay with their
lexicons (``detect/lexicon/*.yaml``) and are read from there.
"""

from __future__ import annotations

from functools import cache

from carecourse.packaged import read_yaml

__all__ = ["colours", "swatch", "technique_colours", "terminal_style"]


@cache
def _palette() -> dict:
    return read_yaml("carecourse.render", "palette.yaml")


@cache
def colours() -> dict[str, str]:
    """Colour by meaning: ``colours()["met"]`` is the colour of a met criterion."""
    return {meaning: swatch(name) for meaning, name in _palette()["colours"].items()}


def swatch(name: str) -> str:
    """A swatch by name (``"amber_100"``), for the course figures."""
    return _palette()["swatches"][name]


def technique_colours() -> dict[str, str]:
    """Each technique's highlight colour, in the lexicon's order."""
    from carecourse.detect.lexicon import lexicon  # on first use: palette's importers need not load the lexicons

    return {technique: entry.colour for technique, entry in lexicon().items()}


def terminal_style(name: str, technique: str = "") -> str:
    """A rich style for the terminal; ``on_technique`` needs the technique it highlights."""
    style = _palette()["terminal"][name]
    return style.format(colour=technique_colours()[technique]) if technique else style
