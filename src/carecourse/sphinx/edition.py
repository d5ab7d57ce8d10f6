"""The zh-Hant edition: when the Simplified site is written, ``carecourse.edition`` writes
its Traditional copy into ``zh-Hant/`` (same pages, same paths), and every page gets a
switch to the other edition's copy of the same page (``_templates/layout.html``)."""

from __future__ import annotations

from carecourse.edition import EDITION, SWITCH, write_edition


def _context(app, pagename, templatename, context, doctree) -> None:
    context["cc_edition"] = {"folder": EDITION, "label": SWITCH[EDITION]}


def _write(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        write_edition(app.outdir)


def setup(app) -> None:
    app.connect("html-page-context", _context)
    app.connect("build-finished", _write)
