"""Write the zh-Hant edition of a built site: ``SITE/zh-Hant/``, the same pages at the same
paths, converted from the Simplified pages Sphinx just wrote.

Pages go through ``html.convert_html``; the search index's words and titles, the
stylesheets' and scripts' Chinese strings, the figures (SVG text) and the browser grader's
display strings (rubric titles, prompts, criterion labels and feedback, messages) are
converted too. The grader's own tables and patterns are not: it folds the learner's
Traditional text to Simplified and grades that, in either edition.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from carecourse.edition.convert import has_han, to_traditional
from carecourse.edition.html import convert_html, convert_json_strings

__all__ = ["EDITION", "SWITCH", "write_edition"]

EDITION = "zh-Hant"  # the folder and the pages' lang
SWITCH = {"zh-Hans": "简体中文", "zh-Hant": "繁體中文"}  # the switch's label, in the script it leads to
_SKIP = {"_sources", ".buildinfo", ".doctrees", EDITION}
_UNCONVERTED = {"engine.mjs", "cli.mjs"}  # the grader's code: it compares Simplified characters
_UNCONVERTED_FOLDERS = {"engine"}  # the grader's steps, which engine.mjs imports
_SWITCH_LINK = re.compile(r'<a class="cc-edition-switch"[^>]*></a>')
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def write_edition(site: str | Path) -> Path:
    """Write ``site/zh-Hant/`` afresh from the Simplified site in ``site``; return it."""
    site = Path(site)
    target = site / EDITION
    if target.exists():
        shutil.rmtree(target)
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site)
        if relative.parts[0] in _SKIP or not path.is_file():
            continue
        out = target / relative
        out.parent.mkdir(parents=True, exist_ok=True)
        converted = _converted(path, relative)
        if converted is None:
            shutil.copyfile(path, out)
        else:
            out.write_text(converted, encoding="utf-8")
    return target


def _converted(path: Path, relative: Path) -> str | None:
    """The file's converted text, or None to copy it as it is."""
    suffix = path.suffix
    grader = path.name in _UNCONVERTED or path.parent.name in _UNCONVERTED_FOLDERS
    if suffix not in {".html", ".svg", ".js", ".mjs", ".css", ".json"} or grader:
        return None
    text = path.read_text(encoding="utf-8")
    if suffix == ".html":
        return _switch_back(convert_html(text, to_traditional), relative)
    if suffix == ".svg":
        return convert_html(text, to_traditional)
    if path.name == "searchindex.js":
        return _search_index(text)
    if suffix == ".json":
        return _grader_data(path.name, text) if relative.parts[:2] == ("_static", "carecourse-web") else None
    return _script(text, own=relative.parts[:2] == ("_static", "carecourse-web"))


def _switch_back(page: str, relative: Path) -> str:
    """The edition switch of a converted page leads back to the Simplified page."""

    def back(match: re.Match) -> str:
        up = "../" * (len(relative.parts) - 1)
        href = f"{up}../{relative.as_posix()}"
        return (f'<a class="cc-edition-switch" href="{href}" hreflang="zh-Hans" lang="zh-Hans" translate="no" '
                f'aria-label="{SWITCH["zh-Hans"]}"></a>')  # fmt: skip

    return _SWITCH_LINK.sub(back, page)


_LANGUAGE_TAGS = {"'zh-CN'": "'zh-Hant'", '"zh-CN"': '"zh-Hant"', '"zh_Hans_CN"': '"zh_Hant_TW"'}


def _script(text: str, *, own: bool = False) -> str | None:
    """Chinese in a script or stylesheet: string literals (raw or \\u-escaped) and comments.
    A script's messages keyed by the page's language (sphinx-copybutton's 'zh-CN') are keyed
    by the edition's, or the page would fall back to English. The course's own browser
    scripts (``own``) also get corner-bracket quotes where they quote the learner."""
    tagged = text
    for simplified, traditional in _LANGUAGE_TAGS.items():
        tagged = tagged.replace(simplified, traditional)
    converted = _script_text(tagged, own)
    if converted is None:
        return tagged if tagged != text else None
    return converted


def _script_text(text: str, own: bool) -> str | None:
    if own or has_han(text):  # Chinese written as it is (the course's scripts, copybutton's)
        return _NON_ASCII.sub(lambda m: to_traditional(m[0]), text)
    if "\\u" in text:  # Sphinx's translations.js: "\\u641c\\u7d22"
        converted = re.sub(r'"(?:[^"\\\n]|\\.)*"', _escaped_literal, text)
        return converted if converted != text else None
    return None


def _escaped_literal(match: re.Match) -> str:
    """A JSON-style string literal with escaped Chinese, converted and escaped again."""
    try:
        value = json.loads(match[0])
    except ValueError:
        return match[0]
    return json.dumps(to_traditional(value)) if has_han(value) else match[0]


def _search_index(text: str) -> str:
    """Sphinx's index with its words, titles and index entries in Traditional script."""
    head, _, rest = text.partition("(")
    index = json.loads(rest[: rest.rindex(")")])
    index["titles"] = [to_traditional(t) for t in index["titles"]]
    for key in ("terms", "titleterms", "alltitles", "indexentries"):
        if key in index:
            index[key] = _merged(index[key])
    return f"{head}({json.dumps(index, separators=(',', ':'))})"


def _merged(mapping: dict) -> dict:
    """Keys converted; two Simplified words that become one Traditional word share its pages."""
    out: dict = {}
    for key, pages in mapping.items():
        new = to_traditional(key)
        if new not in out:
            out[new] = pages
            continue
        have = out[new] if isinstance(out[new], list) else [out[new]]
        more = pages if isinstance(pages, list) else [pages]
        out[new] = have + [p for p in more if p not in have]
    return out


_RUBRIC_TEXT = ("title", "prompt", "customer_says", "placeholder")


def _grader_data(name: str, text: str) -> str:
    """The browser grader's words a learner reads; its patterns and tables stay as they are."""
    data = json.loads(text)
    if name == "core.json":
        data["messages"] = convert_json_strings(data["messages"], to_traditional)
        for entry in data["lexicons"].values():
            if isinstance(entry.get("label"), str):
                entry["label"] = to_traditional(entry["label"])
    elif "rubric" in data:
        rubric = data["rubric"]
        for key in _RUBRIC_TEXT:
            if isinstance(rubric.get(key), str):
                rubric[key] = to_traditional(rubric[key])
        for item in [*rubric["criteria"], *rubric["penalties"]]:
            item["label"] = to_traditional(item["label"])
            item["feedback"] = {k: v if v is None else to_traditional(v) for k, v in item["feedback"].items()}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
