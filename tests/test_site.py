"""The built site (``make book`` → _build/html), read as files: terms, anchors, no outside assets."""

import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from conftest import BUILT_MODULES, LABS

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
KEY_TERMS = yaml.safe_load((ROOT / "tests/data/key_terms.yaml").read_text(encoding="utf-8"))
SYLLABUS = ROOT.parent / "shared" / "syllabus.md"
pytestmark = pytest.mark.site

PAGES = ["index", "glossary", *BUILT_MODULES.values(), *LABS]
ANNOTATED_MODULES = ["m6-questions", "m7-listening", "m8-complaints", "m9-saying-no"]
FIGURES = {
    "m5-customer-types": ["customer-types"], "m7-listening": ["listening-ladder"],
    "m8-complaints": ["complaint-repurchase", "complaint-iceberg", "complaint-steps"], "m9-saying-no": ["sandwich-no"],
}  # fmt: skip


def _page(name: str) -> str:
    path = SITE / "book" / f"{name}.html"
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `make book`")
    return path.read_text(encoding="utf-8")


def _text(html: str) -> str:
    body = html.split('<main', 1)[-1]
    body = re.sub(r"<(script|style)\b.*?</\1>", "", body, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", "", body))


def test_key_terms_match_syllabus():
    if not SYLLABUS.is_file():
        pytest.skip("shared/syllabus.md is not beside the repository")
    text = SYLLABUS.read_text(encoding="utf-8")
    for module, terms in KEY_TERMS.items():
        section = text.split(f"## {module} ", 1)[1].split("\n## ", 1)[0]
        assert terms == list(dict.fromkeys(re.findall(r"「([^」]+)」", section)))


@pytest.mark.parametrize("module", BUILT_MODULES)
def test_every_key_term_is_on_its_module_page_and_in_the_glossary(module):
    page = _text(_page(BUILT_MODULES[module]))
    glossary = _text(_page("glossary"))
    assert [t for t in KEY_TERMS[module] if t not in page] == []
    assert [t for t in KEY_TERMS[module] if t not in glossary] == []


def test_glossary_terms_are_linked_from_the_lessons():
    glossary = _page("glossary")
    terms = set(re.findall(r'<dt id="(term-[^"]+)"', glossary))
    linked = set()
    for name in BUILT_MODULES.values():
        linked |= set(re.findall(r'href="glossary.html#(term-[^"]+)"', _page(name)))
    assert terms and linked and linked <= terms
    assert len(linked) >= 0.8 * len(terms)


def test_rubric_sections_of_these_modules_exist():
    from carecourse.rubrics import builtin, scenario_ids

    sections = {c.section for s in scenario_ids() for c in builtin(s).criteria}
    for section in sorted(sections):
        page, anchor = section.split("#")
        if page in BUILT_MODULES.values():
            assert f'id="{anchor}"' in _page(page), section


@pytest.mark.parametrize("name", PAGES)
def test_pages_reference_nothing_outside(name):
    html = _page(name)
    outside = re.findall(r'<(?:script|link|img|iframe|source)\b[^>]*(?:src|href)="((?:https?:)?//[^"]+)"', html)
    assert outside == []
    assert "THEBE_JS_URL" not in html and "x-thebe-config" not in html


def test_modules_are_numbered_chapters_with_knowledge_checks():
    for k, name in enumerate(BUILT_MODULES.values(), 1):
        html = _page(name)
        number = re.search(r'<h1><span class="section-number">([^<]*)</span>', html).group(1)
        assert number.strip() == f"{k}.", number
        assert html.count('class="cc-quiz"') >= 3, name


def test_journey_map_is_on_the_touchpoint_page():
    html = _page("m4-touchpoints")
    assert html.count('<g class="cc-jm-step"') == 16


@pytest.mark.parametrize("name", LABS)
def test_practice_pages_show_worked_feedback_not_dead_widgets(name):
    html = _page(name)
    assert html.count('class="cc-fb"') >= 2 and "make lab" in html
    assert "widget-state+json" not in html and "widget-view+json" not in html
    # and a live form for the page's script, hidden until it runs (tests/browser/test_practice.py)
    assert html.count('<form class="cc-live" hidden>') == html.count('<div class="cc-practice"') >= 1


def test_question_rewrite_and_quality_calculator_have_their_worked_forms():
    from carecourse.widgets.rewrite import rewrite_items

    rewrites = _page("m6-lab").split('class="cc-rewrite"', 1)[1]
    assert rewrites.count('class="cc-t-open_question"') >= len(rewrite_items())
    table = _page("m10-lab").split('class="cc-quality"', 1)[1].split("</table>")[0]
    assert table.count("<tr>") == 6 and "感知−期望" in table


@pytest.mark.parametrize(("name", "figures"), FIGURES.items())
def test_module_figures_are_drawn_inline(name, figures):
    html = _page(name)
    for figure in figures:
        block = html.split(f'class="cc-figure cc-figure-{figure}"', 1)
        assert len(block) == 2, f"{figure} is not on {name}"
        assert block[1].lstrip(">").lstrip().startswith("<svg"), figure


# --- annotated replies: the page shows exactly what the analyzer finds -------------------

_BOX = re.compile(r'<div class="cc-annotated-box (cc-good|cc-poor)" data-reply="([^"]*)">(.*?)</div>\s*</div>', re.S)
_MARK = re.compile(r'<mark class="cc-t-(\w+)" title="[^"]*">(.*?)</mark>(?:<sup class="cc-tag">[^<]*</sup>)?', re.S)


def _annotated(name: str) -> list[tuple[str, str, str]]:
    """(verdict, reply, the reply's HTML) for every annotated reply on a page."""
    return [(v, unescape(reply), body.split('<div class="cc-reply">', 1)[1].split("</div>", 1)[0]) for v, reply, body in _BOX.findall(_page(name))]


def _marks(reply_html: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The reply's plain text and its marks as (technique, start, end) offsets into it."""
    text, marks, pos = "", [], 0
    for m in _MARK.finditer(reply_html):
        text += unescape(reply_html[pos : m.start()])
        word = unescape(m.group(2))
        marks.append((m.group(1), len(text), len(text) + len(word)))
        text += word
        pos = m.end()
    return text + unescape(reply_html[pos:]), marks


@pytest.mark.parametrize("name", ANNOTATED_MODULES)
def test_modules_show_good_and_poor_annotated_replies(name):
    verdicts = [v for v, _, _ in _annotated(name)]
    assert "cc-good" in verdicts and "cc-poor" in verdicts and len(verdicts) >= 2


@pytest.mark.parametrize("name", ANNOTATED_MODULES)
def test_annotated_highlights_are_what_carecourse_analyze_reports(name):
    import carecourse

    for _, reply, reply_html in _annotated(name):
        text, marks = _marks(reply_html)
        assert text == reply
        techniques = carecourse.analyze(reply).to_dict()["techniques"]
        found = [(t["id"], t["start"], t["end"]) for t in techniques]
        assert set(marks) <= set(found), reply
        # a lesson's example shows the lexicons' marks; the rewrite forms also a model's reading
        unmarked = [(t["id"], t["start"], t["end"]) for t in techniques if t.get("kind") != "learned"]
        unmarked = [f for f in unmarked if f not in marks]
        # a finding goes unmarked only where it overlaps a mark (marks never nest)
        assert all(any(s < me and ms < e for _, ms, me in marks) for _, s, e in unmarked), reply


def _search_index() -> dict:
    import json

    raw = (SITE / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])


def test_glossary_terms_are_whole_words_in_the_search_index():
    terms = _search_index()["terms"]
    for word in ("关键时刻", "服务全景图", "温馨提示", "有形性"):
        assert word in terms, word
    # typed queries like these are not index terms: the page's query splitter must cut them
    assert "客户投诉" not in terms and "营业厅触点" not in terms


def test_source_line_breaks_are_not_spaces_inside_chinese():
    text = _text(_page("index"))
    assert "标准用语。带虚线" in text.replace("\n", "")
    assert "用语。 带虚线" not in text


def test_the_sites_browser_grader_is_compiled_from_this_package():
    """The engine and data on the site are what ``carecourse web`` writes now: a change to a
    lexicon, rubric, model or script that the site was not rebuilt with fails here."""
    from carecourse.web import web_files

    folder = SITE / "_static" / "carecourse-web"
    stale = [name for name, text in web_files().items()
             if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]  # fmt: skip
    assert not stale, f"stale in {folder}: {stale} (run `make book`)"
