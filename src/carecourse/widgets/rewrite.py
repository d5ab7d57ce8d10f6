"""The question-rewrite exercise (M6): turn closed or barbed questions into open, friendly ones.

Each rewrite is checked by the analyzer: it must be an open question (什么 / 哪些 / 怎样 …)
and carry none of the five kinds of questions to avoid, no 服务禁语 and no negative label.
Live in Jupyter (one text box per question, one 检查 button). On the site the page's
script checks each rewrite in the browser (``carecourse/web/static/rewrite.mjs``, with the
browser analyzer, the same messages and patterns: ``browser_data``); a worked rewrite,
annotated, with its verdict, is folded under each question, for readers without JavaScript too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from carecourse.detect import Analysis
from carecourse.render.html import annotated_html
from carecourse.models import StrictModel
from carecourse.normalize import normalize
from carecourse.packaged import load_yaml, resource
from carecourse.pipeline import analyze
from carecourse.render import Markup, macro
from carecourse.web.jsregex import js_regex
from carecourse.web.ui import ui
from carecourse.widgets.static import StaticHTML, is_static_build, run_locally_note

__all__ = ["MESSAGES", "RewriteItem", "browser_data", "check_rewrite", "question_rewrite", "rewrite_items"]

BARBED = {"bad_question": "带刺的问题", "forbidden": "服务禁语", "negative_label": "给客户贴标签"}
_PUNCTUATION = re.compile(r"[\s，。？！?!,.、～~]+")
# What is left of a question without its question word, pronouns and particles says what
# it asks about: "怎么样？" or "您觉得怎么样？" asks about nothing in particular.
_NOT_CONTENT = re.compile(r"什么|怎么样|怎么|怎样|哪些|哪个|哪里|哪儿|如何|为什么|多少|您|你|我们|我|他|她|们|吗|呢|吧|啊|呀|的|了|请问")
_HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_CONTENT = 4
_TEMPLATE = "widgets/rewrite.html"
PLACEHOLDER = "把这个问题改成开放式、友好的问法……"
# What the check says (``check_rewrite``; the browser's check says the same).
MESSAGES = {
    "empty": "还没有写。",
    "same": "和原来的问题一样，换一种问法试试。",
    "barbed": "还带着刺（{barbed}）：想想客户听到的潜台词。",
    "closed": "还不是开放式问题：试试用“什么”“哪些”“怎样”“如何”来问，让客户多说几句。",
    "vague": "问得太笼统了：说清楚问的是哪件事，比如“您对这个套餐的哪些地方还有顾虑？”",
    "ok": "是一个友好的开放式问题。",
}


class RewriteItem(StrictModel):
    question: str
    kind: str
    hint: str
    example: str


@dataclass(frozen=True)
class RewriteCheck:
    ok: bool
    message: str
    analysis: Analysis


class _RewriteFile(StrictModel):
    items: tuple[RewriteItem, ...]


@cache
def rewrite_items() -> tuple[RewriteItem, ...]:
    return load_yaml(resource("carecourse.widgets", "question_rewrites.yaml"), _RewriteFile).items


def check_rewrite(original: str, rewrite: str) -> RewriteCheck:
    """Is ``rewrite`` a friendly open question (and not ``original`` again)? Compared and
    counted as the grader reads them (``normalize``), so a rewrite typed in Traditional
    script, or the shown question copied back in it, is checked as the Simplified one."""
    analysis = analyze(rewrite)
    found = {f.id for f in analysis.findings}
    folded = analysis.structure.norm.text
    if not rewrite.strip():
        return RewriteCheck(False, MESSAGES["empty"], analysis)
    if _bare(folded) == _bare(normalize(original).text):
        return RewriteCheck(False, MESSAGES["same"], analysis)
    barbed = [label for tid, label in BARBED.items() if tid in found]
    if barbed:
        return RewriteCheck(False, MESSAGES["barbed"].format(barbed="、".join(barbed)), analysis)
    if "open_question" not in found:
        return RewriteCheck(False, MESSAGES["closed"], analysis)
    if len(_HAN.findall(_NOT_CONTENT.sub("", folded))) < MIN_CONTENT:
        return RewriteCheck(False, MESSAGES["vague"], analysis)
    return RewriteCheck(True, MESSAGES["ok"], analysis)


def _bare(text: str) -> str:
    return _PUNCTUATION.sub("", text)


def question_rewrite():
    """The exercise: a live form in Jupyter, worked rewrites on the static site."""
    items = rewrite_items()
    if is_static_build():
        return StaticHTML(_static_html(items))
    return _live_form(items)


def _item_head(k: int, item: RewriteItem) -> str:
    return macro(_TEMPLATE, "head", k=k, item=item)


def _verdict_html(check: RewriteCheck) -> str:
    annotated = Markup(annotated_html(check.analysis, legend=False))
    return macro(_TEMPLATE, "verdict", ok=check.ok, message=check.message, annotated=annotated)


def browser_data(items) -> dict:
    """What the browser's check needs, from here: the questions, messages, patterns and words."""
    return {
        "items": [{"question": item.question, "example": item.example} for item in items],
        "messages": MESSAGES,
        "barbed": BARBED,
        # Python's patterns written for JavaScript (flag u) with the same matches: \s is Python's
        # white space there too; "nonspace" tells a blank rewrite as str.strip() does
        "patterns": {"punctuation": js_regex(_PUNCTUATION), "not_content": js_regex(_NOT_CONTENT),
                     "han": js_regex(_HAN), "nonspace": js_regex(r"[^\s]")},
        "min_content": MIN_CONTENT,
        # the fragments the live form shows, with {slots} the script fills (escaped)
        "fragments": {
            "ok": macro(_TEMPLATE, "verdict", ok=True, message="{message}", annotated="{annotated}"),
            "not_ok": macro(_TEMPLATE, "verdict", ok=False, message="{message}", annotated="{annotated}"),
            "example": macro(_TEMPLATE, "example", text="{text}"),
            "summary": macro(_TEMPLATE, "summary", passed="{passed}", total="{total}"),
        },
        "words": ui()["graded"],
    }


def _static_html(items) -> str:
    worked = [{"head": Markup(_item_head(k, item)),
               "original": Markup(annotated_html(analyze(item.question), legend=False)),
               "verdict": Markup(_verdict_html(check_rewrite(item.question, item.example)))}
              for k, item in enumerate(items, 1)]  # fmt: skip
    return macro(_TEMPLATE, "worked", items=worked, data=browser_data(items), placeholder=PLACEHOLDER,
                 note=Markup(run_locally_note(live=True)))  # fmt: skip


def _live_form(items):
    import ipywidgets as w

    boxes = [w.Text(placeholder=PLACEHOLDER, layout=w.Layout(width="100%")) for _ in items]
    results = [w.HTML() for _ in items]
    button = w.Button(description="检查", button_style="primary", icon="check")
    summary = w.HTML()

    def on_click(_) -> None:
        passed = 0
        for item, box, out in zip(items, boxes, results):
            check = check_rewrite(item.question, box.value)
            passed += check.ok
            tried = box.value.strip() and not check.ok
            example = macro(_TEMPLATE, "example", text=item.example) if tried else ""
            out.value = _verdict_html(check) + example
        summary.value = macro(_TEMPLATE, "summary", passed=passed, total=len(items))

    button.on_click(on_click)
    rows = [w.VBox([w.HTML(_item_head(k, item)), box, out]) for k, (item, box, out) in enumerate(zip(items, boxes, results), 1)]
    return w.VBox([*rows, button, summary])
