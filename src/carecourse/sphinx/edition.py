"""The zh-Hant edition: when the Simplified site is written, ``carecourse.edition`` writes
its Traditional copy into ``zh-Hant/`` (same pages, same paths), and every page gets a
switch to the other edition's copy of the same page (``_templates/layout.html``)."""

from __future__ import annotations

import time

from sphinx.util import logging

from carecourse.edition import EDITION, SWITCH, write_edition

logger = logging.getLogger(__name__)


def _context(app, pagename, templatename, context, doctree) -> None:
    context["cc_edition"] = {"folder": EDITION, "label": SWITCH[EDITION]}


def _write(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        start = time.perf_counter()
        folder = write_edition(app.outdir)
        logger.info(f"carecourse: the {EDITION} edition is in {folder} (written in {time.perf_counter() - start:.2f} s)")


def setup(app) -> None:
    app.connect("html-page-context", _context)
    # after the theme's own build-finished work (pydata-sphinx-theme rewrites pygments.css then)
    app.connect("build-finished", _write, priority=900)
