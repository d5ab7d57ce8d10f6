"""Live practice on the site: the browser grader in ``_static/carecourse-web/``, and its
script and stylesheet on the pages that have a practice, and only there.

When the build starts, ``carecourse.web.write_web`` writes the browser grader (engine,
data, the page scripts of ``web/static/`` and the stylesheets of ``render/templates/web/``)
into a folder Sphinx copies to ``_static/``. A page whose body holds a practice box, the
question-rewrite exercise or the quality calculator (drawn by ``carecourse.widgets`` when
the notebooks run for the site) gets ``live.mjs`` as a module script and ``live.css``, and
preload links for the modules and data it needs first (so they download while the page is
parsed, not one after another: the engine, its core data and the first practice box's
scenario; another box's scenario is fetched when the learner turns to it); the other pages
load none of it. Grading happens in the
reader's browser: nothing is sent anywhere.
"""

from __future__ import annotations

import re
from html import escape
from importlib.resources import files
from pathlib import Path

from carecourse.web import write_web

FOLDER = "carecourse-web"  # under _static/
SCRIPT = f"{FOLDER}/live.mjs"
STYLESHEET = f"{FOLDER}/live.css"
# What marks a practice in a page's body (the widgets' templates).
MARKERS = ('class="cc-practice"', 'class="cc-rewrite"', 'class="cc-quality-calc"')
PAGE_MODULES = ("feedback.mjs", "pyformat.mjs", "practice.mjs", "quality.mjs", "rewrite.mjs")  # what live.mjs imports
_STEPS = files("carecourse.web").joinpath("static", "engine")
ENGINE_MODULES = ("engine.mjs", *sorted(f"engine/{f.name}" for f in _STEPS.iterdir() if f.name.endswith(".mjs")))  # the grader and its steps
MODULES = PAGE_MODULES + ENGINE_MODULES  # what a page that grades preloads
SCENARIO = re.compile(r'<div class="cc-practice" data-scenario="([a-z0-9-]+)">')


def has_practice(body: str) -> bool:
    return any(marker in body for marker in MARKERS)


def _add_static_path(app) -> None:
    root = Path(app.doctreedir).parent / "carecourse-web-static"
    write_web(root / FOLDER)  # the grader, the page scripts and stylesheets (folders made as needed)
    app.config.html_static_path.append(str(root))


def preload_links(body: str, href) -> str:
    """<link> tags fetching the page's modules and grader data early; ``href(path)`` is the
    address of a file under _static/carecourse-web from the page."""
    scenarios = SCENARIO.findall(body)[:1]  # live.mjs loads the first box's; the others on first use
    grades = bool(scenarios) or 'class="cc-rewrite"' in body  # else no engine is loaded (the calculator alone)
    modules = [f'<link rel="modulepreload" href="{escape(href(name))}">' for name in MODULES
               if grades or name not in ENGINE_MODULES]  # fmt: skip
    data = [f'<link rel="preload" href="{escape(href(f"data/{name}.json"))}" as="fetch" crossorigin="anonymous">'
            for name in (["core", *scenarios] if grades else [])]  # fmt: skip
    return "\n".join(modules + data) + "\n"


def add_to_practice_pages(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if has_practice(body):
        app.add_css_file(STYLESHEET)
        app.add_js_file(SCRIPT, type="module")
        href = lambda name: context["pathto"](f"_static/{FOLDER}/{name}", 1)  # noqa: E731
        context["metatags"] = context.get("metatags", "") + preload_links(body, href)


def setup(app) -> None:
    app.connect("builder-inited", _add_static_path)
    # before offline.keep_assets_local (priority 900), which rebuilds the page's asset lists
    app.connect("html-page-context", add_to_practice_pages, priority=500)
