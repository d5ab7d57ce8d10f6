"""The words the browser's practice boxes show, from the one place Python keeps them.

``ui()`` is plain data (JSON-ready): the fixed words of a graded or annotated reply
(``render.view.WORDS``, the ones ``templates/graded_reply.html`` uses). The site's
practice boxes carry it in the page (``widgets.practice``); the browser grader's data may
include it too.
"""

from __future__ import annotations

from carecourse.render.view import WORDS

__all__ = ["ui"]


def ui() -> dict:
    """The browser's words: ``{"graded": {...}}``."""
    return {"graded": dict(WORDS)}
