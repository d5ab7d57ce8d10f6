"""Notebook widgets for learners: practice boxes, exercises and small tools.

>>> from carecourse.widgets import practice_box
>>> practice_box("greet-entry")          # doctest: +SKIP

Each is a live ipywidgets form in Jupyter and a static, worked form on the built site.
"""

from carecourse.widgets.explorer import touchpoint_explorer
from carecourse.widgets.practice import practice_box
from carecourse.widgets.quality import quality_calculator
from carecourse.widgets.rewrite import question_rewrite

__all__ = ["practice_box", "quality_calculator", "question_rewrite", "touchpoint_explorer"]
