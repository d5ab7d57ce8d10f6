"""Mends of the theme (sphinx-book-theme on pydata-sphinx-theme) that a template cannot make.

- The sidebar's ``<summary>`` toggles, which open a chapter's sections, are written by
  pydata-sphinx-theme's Python with only a chevron inside, so a screen reader announces an
  unnamed control (axe: ``summary-name``). Each gets an ``aria-label`` naming the chapter it
  opens, e.g. "「4. 服务触点」的小节".
- The search field's placeholder: Jupyter Book sets the English "Search this book...".
- The "Print to PDF" tooltip: the book theme's zh_CN catalog gives the Taiwan wording
  "列印成 PDF"; a Simplified Chinese page says "打印成 PDF".
- The sidebar buttons in the article header did nothing (both themes wire only the first
  toggle of a page, the hidden header's): ``static/theme.js`` passes their clicks on, so a
  phone can open the chapters again.

The templates with English written into them are overridden in ``_templates/``, and the
strings the theme translates with Sphinx's catalog are in ``locales/zh_CN``.
"""

from __future__ import annotations

import functools

SEARCH_PLACEHOLDER = "搜索本课程…"
JUPYTER_BOOK_PLACEHOLDER = "Search this book..."
PRINT_TOOLTIP = "打印成 PDF"
TOGGLE_LABEL = "「{title}」的小节"


def label_toggles(soup):
    """Name every ``<summary>`` of the sidebar ``soup`` (BeautifulSoup, changed in place and
    returned) by the chapter it opens."""
    for summary in soup.select("li.has-children > details > summary"):
        if summary.get("aria-label") or summary.get_text(strip=True):
            continue  # named already, or a caption inside the summary names it
        link = summary.parent.parent.find("a", recursive=False)
        title = link.get_text(" ", strip=True) if link else ""
        summary["aria-label"] = TOGGLE_LABEL.format(title=title) if title else "展开或收起小节"
    return soup


def _wrap_toctree(app, pagename, templatename, context, doctree) -> None:
    make = context.get("generate_toctree_html")
    if make is not None and not getattr(make, "_carecourse", False):

        @functools.wraps(make)
        def generate(kind: str, *args, **kwargs):
            out = make(kind, *args, **kwargs)  # pydata-sphinx-theme returns its soup
            return label_toggles(out) if kind == "sidebar" and hasattr(out, "select") else out

        generate._carecourse = True
        context["generate_toctree_html"] = generate
    for button in _buttons(context.get("header_buttons", [])):
        if button.get("label") == "download-pdf-button":
            button["tooltip"] = PRINT_TOOLTIP


def _buttons(buttons: list) -> list[dict]:
    out = []
    for button in buttons:
        out.append(button)
        out.extend(_buttons(button.get("buttons", [])))
    return out


def _chinese_placeholder(app, config) -> None:
    options = config.html_theme_options
    if options.get("search_bar_text", JUPYTER_BOOK_PLACEHOLDER) == JUPYTER_BOOK_PLACEHOLDER:
        options["search_bar_text"] = SEARCH_PLACEHOLDER


def setup(app) -> None:
    app.connect("config-inited", _chinese_placeholder)
    app.add_js_file("theme.js", defer="defer")
    # after pydata-sphinx-theme puts generate_toctree_html in the context (500) and the
    # book theme its header buttons (501)
    app.connect("html-page-context", _wrap_toctree, priority=900)
