"""The course's Sphinx extension: one small module per feature of the site.

- ``quiz``: knowledge checks that work on the static site (no kernel).
- ``journey``: the business-hall journey map, drawn from ``content/touchpoints.yaml``.
- ``search``: Chinese search that understands queries typed as one run of characters.
- ``offline``: pages load nothing from outside hosts.
- ``cjk``: line breaks in the source are not spaces inside Chinese sentences.
- ``annotated``: a reply with its techniques marked by the analyzer, at build time.
- ``figure``: the course's figures (customer types, listening ladder, …) drawn as SVG.
- ``live``: the practices of the lab pages graded in the browser (the browser grader in
  ``_static/``, its script only on the pages with a practice).
- ``theme``: the theme's sidebar toggles named, its English labels in Chinese (with the
  templates in ``_templates/`` and the strings in ``locales/zh_CN``).
- ``edition``: the Traditional (zh-Hant) edition written beside the site, and the switch
  between the two on every page.

Add ``carecourse.sphinx`` to ``sphinx.extra_extensions`` in ``_config.yml``. The site's
stylesheets are templates (``render/templates/site/``) filled from the one palette when the
build starts.
"""

from __future__ import annotations

import os
from pathlib import Path

from carecourse.render import render
from carecourse.sphinx import annotated, cjk, edition, figure, journey, live, offline, quiz, search, theme
from carecourse.widgets.static import STATIC_BUILD_ENV

STATIC = Path(__file__).parent / "static"
STYLESHEETS = ("carecourse.css", "quiz.css")  # render/templates/site/, filled from the palette


def setup(app):
    # Notebooks executed for the site inherit this and show their static form (worked
    # examples) instead of live widgets, whose buttons could never run on a static page.
    os.environ[STATIC_BUILD_ENV] = "1"
    app.connect("builder-inited", _add_static_path)
    app.add_css_file("carecourse.css")
    for module in (quiz, journey, figure, annotated, search, offline, cjk, live, theme, edition):
        module.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}


def _add_static_path(app) -> None:
    app.config.html_static_path.append(str(STATIC))
    app.config.html_static_path.append(str(_write_stylesheets(Path(app.doctreedir).parent / "carecourse-css")))


def _write_stylesheets(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in STYLESHEETS:
        css = render(f"site/{name}") + "\n"
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != css:
            (folder / name).write_text(css, encoding="utf-8")
    return folder
