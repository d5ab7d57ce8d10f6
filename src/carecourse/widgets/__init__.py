"""Notebook widgets for learners: practice boxes and the touchpoint explorer.

>>> from carecourse.widgets import practice_box
>>> practice_box("greet-entry")          # doctest: +SKIP

Each is a live ipywidgets form in Jupyter and a static, worked form on the built site.
"""

from carecourse.widgets.explorer import touchpoint_explorer
from carecourse.widgets.practice import practice_box

__all__ = ["practice_box", "touchpoint_explorer"]
