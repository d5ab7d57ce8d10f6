"""The built site (``make book`` → _build/html), read as files: terms, anchors, no outside assets."""

import re
from html import unescape
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
KEY_TERMS = yaml.safe_load((ROOT / "tests/data/key_terms.yaml").read_text(encoding="utf-8"))
SYLLABUS = ROOT.parent / "shared" / "syllabus.md"
BUILT_MODULES = {"M1": "m1-care", "M2": "m2-value", "M3": "m3-rater", "M4": "m4-touchpoints"}
PAGES = ["index", "glossary", *BUILT_MODULES.values(), "m4-lab"]


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


def test_practice_page_shows_worked_feedback_not_dead_widgets():
    html = _page("m4-lab")
    assert 'class="cc-fb"' in html and "make lab" in html
    assert "widget-state+json" not in html and "widget-view+json" not in html


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
