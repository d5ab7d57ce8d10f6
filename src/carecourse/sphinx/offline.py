"""Pages load nothing from outside hosts, and log no console errors.

Jupyter Book 1 adds sphinx-thebe to every page: a script declaring ``THEBE_JS_URL`` (an
outside address; added twice, so the second declaration is a console error) and a launch
config. The course has no live-code launch, so those go. Any other script or style sheet
from an outside address is dropped with a warning (an error in the test build), and a
page that would need live ipywidgets (their embed scripts come from a CDN) is reported:
the course's widgets show a static form on the site instead (see ``carecourse.widgets``).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _is_outside(filename) -> bool:
    return isinstance(filename, str) and filename.startswith(("http://", "https://", "//"))


def _is_thebe(asset) -> bool:
    filename = asset.filename or ""
    return "thebe" in str(filename) or "THEBE_JS_URL" in asset.attributes.get("body", "")


def light_mode_by_default(app, config) -> None:
    # pydata-sphinx-theme logs "Got invalid theme mode" on a first visit without it.
    config.html_context.setdefault("default_mode", "light")


def drop_thebe_config(app, doctree, docname) -> None:
    for raw in list(doctree.findall(nodes.raw)):
        if "text/x-thebe-config" in raw.astext():
            raw.parent.remove(raw)


def keep_assets_local(app, pagename, templatename, context, doctree) -> None:
    if any(s.attributes.get("type") == WIDGET_STATE for s in context.get("script_files", [])):
        logger.warning("page %s embeds live ipywidgets, which cannot run on the static site; "
                       "show their static form instead", pagename, type="carecourse", subtype="offline")  # fmt: skip
    for key in ("script_files", "css_files"):
        kept = []
        for asset in context.get(key, []):
            if _is_thebe(asset) or asset.attributes.get("type") == WIDGET_STATE:
                continue
            if _is_outside(asset.filename):
                logger.warning("page %s: dropped outside asset %s", pagename, asset.filename,
                               type="carecourse", subtype="offline")  # fmt: skip
                continue
            kept.append(asset)
        context[key] = kept


def setup(app) -> None:
    app.connect("config-inited", light_mode_by_default)
    app.connect("doctree-resolved", drop_thebe_config, priority=900)
    app.connect("html-page-context", keep_assets_local, priority=900)
