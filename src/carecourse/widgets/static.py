"""What the widgets show on the static site, where no kernel runs their buttons."""

from __future__ import annotations

import os
from html import escape

STATIC_BUILD_ENV = "CARECOURSE_STATIC"


def is_static_build() -> bool:
    """True while the site's notebooks are executed for the static site.

    ``carecourse.sphinx`` sets the variable, and the kernels it starts inherit it.
    """
    return os.environ.get(STATIC_BUILD_ENV) == "1"


class StaticHTML:
    """An HTML fragment that displays as itself in Jupyter and in the built site."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html


def run_locally_note(scenario_id: str | None = None) -> str:
    """How to get the live version: the note under every static widget."""
    cli = (
        f"<br>也可以在终端里直接评分：<code>echo \"你的回应\" | carecourse grade --scenario {escape(scenario_id)} -</code>"
        if scenario_id
        else ""
    )
    return (
        '<div style="border:1px dashed #94a3b8;border-radius:6px;padding:.5em .8em;margin:.8em 0;'
        'background:#f8fafc;font-size:.95em">'
        "<b>这是静态网页，这里的练习不能直接作答。</b>想自己动手：在课程文件夹里运行 "
        "<code>make lab</code>，在打开的 Jupyter 里进入 <code>book</code> 文件夹打开这一页的笔记本，"
        "依次运行每一格（Shift + Enter），就会出现可以输入、点击的版本。"
        f"{cli}</div>"
    )
