"""The zh-Hant edition: text conversion, what a page conversion touches, and the built edition."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from carecourse.edition import EDITION, to_traditional, write_edition
from carecourse.edition.check import leftovers, simplified_only, visible_text
from carecourse.edition.convert import terms
from carecourse.edition.html import convert_html
from carecourse.packaged import read_yaml
from conftest import BUILT_MODULES, LABS, ROOT

SITE = ROOT / "_build" / "html"


# --- converting text ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("信息", "資訊"), ("默认", "預設"), ("视频", "影片"), ("网络", "網路"), ("软件", "軟體"),  # the profile
        ("客户类型", "客戶類型"), ("到窗口办理", "到窗口辦理"), ("服务质量", "服務品質"),  # the course's terms
        ("账单多扣费", "帳單多扣費"), ("提供身份证复印件", "提供身分證影本"),
        ("点“评分”", "點「評分」"), ("皇后", "皇后"), ("后台", "後臺"),
    ],
)  # fmt: skip
def test_text_takes_taiwan_wording_and_the_courses_terms(simplified, traditional):
    assert to_traditional(simplified) == traditional


def test_the_term_list_is_reviewed_data_in_traditional_script():
    entries = read_yaml("carecourse.edition", "terms.yaml")["terms"]
    assert entries and all(set(e) == {"zh-Hans", "zh-Hant", "note"} and e["note"] for e in entries)
    assert len(terms()) == len(entries), "a term is listed twice"
    for simplified, traditional in terms().items():
        assert not leftovers(traditional), f"{simplified}: {traditional} is not Traditional"


def test_simplified_only_characters_are_not_shared_ones():
    only = simplified_only()
    assert {"发", "这", "么", "们"} <= only
    assert not {"后", "台", "里", "群", "峰", "床", "了"} & only  # Traditional (Taiwan) text uses these too


# --- converting a page ----------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="zh-CN" data-content_root="../"><head><title>客户投诉 &#8212; 课程</title>
<script>const label = "不要转换";</script><style>.a::before{content:"样式"}</style></head>
<body><p id="关键时刻" title="关键时刻说明">这是<b>关键</b>时刻&amp;服务</p>
<pre><code>print("代码不转换")</code></pre><p>行内 <code>代码</code> 与 <kbd>按键</kbd></p>
<a href="#关键时刻" aria-label="跳到关键时刻">链接</a><textarea placeholder="写下回应">草稿</textarea>
<span translate="no">简体中文</span><img alt="客户图" src="客户.png">
<div class="cc-annotated-box">王先生，<mark class="cc-ev">真对不起</mark>，这个月<mark>多扣了</mark>您的钱。</div>
<script type="application/json" class="cc-data">{"words": {"met": "你的原话："}, "dimensions": ["有形性"],
"worked": {"有形性": 5}, "patterns": {"not_content": "(?:什么|怎么样)"}, "fragments": {"ok": "<p>\\u003cb\\u003e好\\u003c/b\\u003e</p>"}}</script>
</body></html>"""


@pytest.fixture(scope="module")
def converted() -> str:
    return convert_html(PAGE, to_traditional)


def test_a_page_says_it_is_traditional_chinese(converted):
    assert '<html lang="zh-Hant" data-content_root="../">' in converted
    assert "<title>客戶投訴 &#8212; 課程</title>" in converted


def test_text_and_spoken_attributes_are_converted_names_and_links_are_not(converted):
    assert '<p id="关键时刻" title="關鍵時刻說明">這是<b>關鍵</b>時刻&amp;服務</p>' in converted
    assert '<a href="#关键时刻" aria-label="跳到關鍵時刻">連結</a>' in converted
    assert 'placeholder="寫下回應"' in converted and '<img alt="客戶圖" src="客户.png">' in converted


def test_code_scripts_styles_and_untranslated_parts_stay_as_written(converted):
    for kept in ('const label = "不要转换";', 'content:"样式"', 'print("代码不转换")', "<code>代码</code>",
                 "<kbd>按键</kbd>", ">草稿</textarea>", '<span translate="no">简体中文</span>'):  # fmt: skip
        assert kept in converted, kept


def test_highlighted_evidence_still_marks_the_same_words(converted):
    assert '王先生，<mark class="cc-ev">真對不起</mark>，這個月<mark>多扣了</mark>您的錢。' in converted


def test_the_practice_data_is_converted_but_its_patterns_are_not(converted):
    data = json.loads(re.search(r'class="cc-data">(.*?)</script>', converted, re.S)[1])
    assert data["words"] == {"met": "你的原話："}
    assert data["dimensions"] == ["有形性"] and data["worked"] == {"有形性": 5}  # names and keys alike
    assert data["patterns"] == {"not_content": "(?:什么|怎么样)"}  # run on the learner's own text
    assert data["fragments"]["ok"] == "<p><b>好</b></p>"
    assert "\\u003cb\\u003e" in converted, "the JSON stays safe inside the page"


def test_a_page_without_chinese_is_unchanged_but_for_its_language():
    page = '<html lang="zh-CN"><body><p class="x">make lab &amp; run</p><br/><img src="a.png"></body></html>'
    assert convert_html(page, to_traditional) == page.replace('lang="zh-CN"', 'lang="zh-Hant"')


# --- the built edition ----------------------------------------------------------------

site = pytest.mark.site
PAGES = ["index", *BUILT_MODULES.values(), *LABS, "glossary"]


@pytest.fixture(scope="module")
def built() -> Path:
    if not (SITE / EDITION / "book" / "index.html").is_file():
        pytest.fail("the site is not built: run `make book` (make test does it first)")
    return SITE


def _edition_pages(built: Path) -> list[Path]:
    return sorted((built / EDITION).rglob("*.html"))


@site
def test_every_page_has_its_traditional_twin_at_the_same_path(built):
    simplified = {p.relative_to(built) for p in built.rglob("*.html") if EDITION not in p.parts}
    traditional = {p.relative_to(built / EDITION) for p in _edition_pages(built)}
    assert simplified == traditional
    assert {Path("book", f"{name}.html") for name in PAGES} <= traditional


@site
def test_no_simplified_only_character_is_left_outside_code(built):
    found = {p.relative_to(built).as_posix(): leftovers(visible_text(p.read_text(encoding="utf-8")))
             for p in _edition_pages(built)}  # fmt: skip
    count = sum(len(v) for v in found.values())
    print(f"Simplified-only characters in the zh-Hant edition's visible text: {count}")
    assert count == 0, {page: chars[:5] for page, chars in found.items() if chars}


@site
def test_the_browser_graders_words_are_traditional_and_its_tables_are_not(built):
    data = built / EDITION / "_static" / "carecourse-web" / "data"
    rubric = json.loads((data / "complaint-billing.json").read_text(encoding="utf-8"))["rubric"]
    shown = [rubric["title"], rubric["prompt"], *(c["label"] for c in rubric["criteria"]),
             *(t for c in rubric["criteria"] for t in c["feedback"].values() if t is not None)]  # fmt: skip
    assert not leftovers("".join(shown))
    needs = json.loads((data / "needs-questions.json").read_text(encoding="utf-8"))["rubric"]
    (open_questions,) = [c for c in needs["criteria"] if c["id"] == "open_questions"]
    assert "換幾種說法問" in open_questions["feedback"]["counted_once"]  # an optional message too
    steps = [f"engine/{p.name}" for p in (built / "_static" / "carecourse-web" / "engine").glob("*.mjs")]
    assert "engine/questions.mjs" in steps
    for name in ("engine.mjs", *steps, "data/core.json"):  # the grader folds to Simplified and matches that
        core_here = (built / EDITION / "_static" / "carecourse-web" / name).read_text(encoding="utf-8")
        core_there = (built / "_static" / "carecourse-web" / name).read_text(encoding="utf-8")
        if name.endswith(".mjs"):
            assert core_here == core_there, name
        else:
            assert json.loads(core_here)["normalize"] == json.loads(core_there)["normalize"]
    for script in ("quiz.js", "carecourse-web/practice.mjs", "carecourse-web/feedback.mjs"):
        text = (built / EDITION / "_static" / script).read_text(encoding="utf-8")
        assert not leftovers(text) and "“" not in text, script


@site
def test_code_reads_the_same_in_both_editions(built):
    blocks = re.compile(r"<pre>.*?</pre>", re.S)
    for name in LABS:
        simplified = blocks.findall((built / "book" / f"{name}.html").read_text(encoding="utf-8"))
        traditional = blocks.findall((built / EDITION / "book" / f"{name}.html").read_text(encoding="utf-8"))
        assert simplified and simplified == traditional, name


@site
def test_each_page_links_to_its_twin_in_the_other_edition(built):
    switch = re.compile(r'<a class="cc-edition-switch" href="([^"]+)"')
    for name in PAGES:
        page = Path("book", f"{name}.html")
        there = switch.search((built / page).read_text(encoding="utf-8"))[1]
        assert (built / page).parent.joinpath(there).resolve() == (built / EDITION / page).resolve()
        back = switch.search((built / EDITION / page).read_text(encoding="utf-8"))[1]
        assert (built / EDITION / page).parent.joinpath(back).resolve() == (built / page).resolve()


@site
def test_the_search_index_knows_traditional_words(built):
    text = (built / EDITION / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    for word in ("客戶", "投訴", "關鍵時刻", "服務", "禁語"):
        assert word in index["terms"] or word in index["titleterms"], word
    assert not leftovers("".join(index["terms"]) + "".join(index["titles"]))


@site
def test_the_written_edition_is_what_the_site_gives_now(built, tmp_path):
    """The edition on disk is not stale: writing it again from the Simplified site as it is
    now (after every step of the build, the theme's too) changes no file."""
    copy = tmp_path / "html"
    shutil.copytree(built, copy, ignore=shutil.ignore_patterns(EDITION))
    write_edition(copy)
    written = sorted(p.relative_to(copy) for p in (copy / EDITION).rglob("*") if p.is_file())
    assert written == sorted(p.relative_to(built) for p in (built / EDITION).rglob("*") if p.is_file())
    for relative in written:
        assert (copy / relative).read_bytes() == (built / relative).read_bytes(), relative
