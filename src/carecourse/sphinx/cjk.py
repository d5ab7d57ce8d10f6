"""Line breaks in the Markdown source do not become spaces between Chinese characters.

A browser shows a soft line break as a space, which is right between English words and
wrong inside a Chinese sentence (“用语。 带虚线”). The break is dropped wherever the
character on either side is Chinese text or full-width punctuation.
"""

from __future__ import annotations

import re

from docutils import nodes

WIDE = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u201c\u201d\u2018\u2019"
SOFT_BREAK = re.compile(rf"(?<=[{WIDE}])[ \t]*\n[ \t]*|[ \t]*\n[ \t]*(?=[{WIDE}])")


def join_chinese_lines(app, doctree) -> None:
    for text in list(doctree.findall(nodes.Text)):
        if isinstance(text.parent, (nodes.literal_block, nodes.raw, nodes.comment)):
            continue
        joined = SOFT_BREAK.sub("", str(text))
        if joined != str(text):
            text.parent.replace(text, nodes.Text(joined))


def setup(app) -> None:
    app.connect("doctree-read", join_chinese_lines)
