"""Convert what a reader sees in an HTML page, and nothing else.

The page is walked as a stream of tags and text, and only text is rewritten, so
everything else stays byte for byte (scripts, ids, links, the markup of highlighted
evidence). Converted: text outside code, attribute values a reader sees or hears
(``title``, ``alt``, ``aria-label``, ``placeholder``, ``content`` …) and the JSON data
of the practice boxes. Left alone: ``pre``, ``code``, ``kbd``, ``samp``, ``textarea``,
scripts and styles, and any element marked ``translate="no"``. Each text node is
converted on its own, so a highlighted word inside a reply stays highlighted: only the
characters inside each mark change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

__all__ = ["convert_html", "convert_json_strings"]

Convert = Callable[[str], str]

_TOKEN = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>|</?([A-Za-z][\w:-]*)([^>]*)>", re.S)
_RAW = ("script", "style")  # their content is not markup: skipped to the end tag as one piece
_CODE = {"pre", "code", "kbd", "samp", "textarea", "script", "style"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_ATTR = re.compile(r"""([^\s"'=<>/]+)(\s*=\s*)("[^"]*"|'[^']*')""")
# Attributes that name or link things keep their value (a heading's id and the links to it
# stay the same in both editions); every other one with Chinese in it is something read,
# heard or compared with what is read (title, aria-label, a quiz's data-answer …).
_NAMES = {"href", "id", "src", "srcset", "name", "for", "class", "action", "style", "data-scenario"}
_CC_DATA = re.compile(r'(<script type="application/json" class="cc-data">)(.*?)(</script>)', re.S)
_LANG = re.compile(r'(<html\b[^>]*\blang=")[^"]*(")')


def convert_html(page: str, convert: Convert, *, lang: str = "zh-Hant") -> str:
    page = _CC_DATA.sub(lambda m: m[1] + _data_script(m[2], convert) + m[3], page)
    out, stack, last = [], [], 0
    skipping = 0  # depth of the innermost element whose text stays as it is (0: none)
    for match in _TOKEN.finditer(page):
        if match.start() < last:  # inside a script or style already copied whole
            continue
        text = page[last : match.start()]
        out.append(text if skipping else _text(text, convert))
        tag, name = match[0], (match[1] or "").lower()
        last = match.end()
        if not name or tag.startswith("<!") or tag.startswith("<?"):
            out.append(tag)
        elif tag.startswith("</"):
            out.append(tag)
            skipping = _close(stack, name, skipping)
        else:
            kept = skipping or 'translate="no"' in tag  # its own attributes too
            out.append(tag if kept else _attributes(tag, convert))
            if name in _RAW:
                end = page.find(f"</{name}", last)
                end = len(page) if end < 0 else end
                out.append(page[last:end])
                last = end
            elif name not in _VOID and not tag.endswith("/>"):
                stack.append(name)
                if not skipping and (name in _CODE or 'translate="no"' in tag):
                    skipping = len(stack)
    out.append(page[last:] if skipping else _text(page[last:], convert))
    return _LANG.sub(lambda m: m[1] + lang + m[2], "".join(out), count=1)


def _close(stack: list[str], name: str, skipping: int) -> int:
    """Pop up to the matching start tag (HTML may leave </p> and </li> implied)."""
    if name in stack:
        while stack:
            if stack.pop() == name:
                break
    return skipping if skipping and len(stack) >= skipping else 0


def _text(text: str, convert: Convert) -> str:
    if not text or text.isascii():
        return text
    # entities (&amp;, &#8212;) stay as written: convert the runs between them
    return re.sub(r"[^&]+|&[^;\s]*;?", lambda m: m[0] if m[0].startswith("&") else convert(m[0]), text)


def _attributes(tag: str, convert: Convert) -> str:
    if tag.isascii():
        return tag

    def one(m: re.Match) -> str:
        if m[1].lower() in _NAMES:
            return m[0]
        quote, value = m[3][0], m[3][1:-1]
        return f"{m[1]}{m[2]}{quote}{_text(value, convert)}{quote}"

    return _ATTR.sub(one, tag)


def _data_script(payload: str, convert: Convert) -> str:
    converted = json.dumps(convert_json_strings(json.loads(payload), convert), ensure_ascii=False)
    return converted.translate(_HTML_SAFE)  # as Jinja's tojson writes it into the page


_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})


def convert_json_strings(value, convert: Convert, skip: frozenset[str] = frozenset({"patterns"})):
    """Every string and key in ``value`` converted, except under the keys in ``skip`` (the
    rewrite exercise's regexes run on the learner's text, which the browser reads as typed)."""
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list):
        return [convert_json_strings(v, convert, skip) for v in value]
    if isinstance(value, dict):
        return {convert(k): (v if k in skip else convert_json_strings(v, convert, skip)) for k, v in value.items()}
    return value
