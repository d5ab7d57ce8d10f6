"""Pages from templates: every HTML page and fragment escapes what a learner wrote, colours come
from one palette, and every medium reads a graded reply's lines from one place."""

import io
import re
from html import escape
from pathlib import Path

import pytest
from rich.console import Console

import carecourse
from carecourse.render import terminal
from carecourse.rubrics import builtin
from carecourse.trainer.feedback_pages import feedback_html
from carecourse.trainer.grading import LearnerResult
from carecourse.assignments.grader import Check
from carecourse.assignments.items import grade_answer
from carecourse.assignments.schema import Assignment
from carecourse.render.html import annotated_html, grade_html
from carecourse.render.view import book_href, graded_lines, quoted
from carecourse.render import _environment, macro, render
from carecourse.render.palette import colours, technique_colours, terminal_style

SRC = Path(carecourse.__file__).parent
SCRIPT = "<script>alert('x')</script>真的很抱歉，您别生气，我马上帮您核查账单。"
SCENARIO = "complaint-billing"
ASSIGNMENT = Assignment.model_validate({
    "id": "a8-escape", "title": "转义<b>", "modules": ["M8"], "intro": "写答案。",
    "items": [{"id": "q1", "kind": "reply", "points": 10, "title": "账单<i>多扣费</i>", "scenario": SCENARIO}],
})  # fmt: skip


def _escaped(html: str) -> None:
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html  # html.escape's bytes, as before the templates


def test_every_template_loads_with_autoescape():
    env = _environment()
    names = env.list_templates()
    assert {"graded_reply.html", "feedback_page.html", "report.html", "page.html"} <= set(names)
    assert env.autoescape is True
    for name in names:
        env.get_template(name)  # compiles


def test_a_script_reply_is_escaped_in_the_graded_reply():
    _escaped(grade_html(carecourse.grade(SCENARIO, SCRIPT), SCRIPT))


def test_a_script_reply_is_escaped_in_the_feedback_page():
    item = grade_answer(ASSIGNMENT.items[0], SCRIPT)
    result = LearnerResult("s<1>", ASSIGNMENT.id, "graded", score=item.points, max_score=10, items=[item])
    html = feedback_html(ASSIGNMENT, result, name="<b>张伟</b>")
    _escaped(html)
    assert "<b>张伟</b>" not in html and "&lt;b&gt;张伟&lt;/b&gt;" in html
    assert "账单&lt;i&gt;多扣费&lt;/i&gt;" in html


def test_a_script_reply_is_escaped_in_the_annotated_reply_and_a_check():
    _escaped(annotated_html(carecourse.analyze(SCRIPT)))
    _escaped(Check(grade_answer(ASSIGNMENT.items[0], SCRIPT))._repr_html_())


def test_widget_fragments_escape_their_text():
    assert macro("widgets/practice.html", "error", message="<b>") == '<p style="color:#b91c1c">评分时出错：&lt;b&gt;</p>'
    assert "&lt;script&gt;" in macro("widgets/rewrite.html", "example", text="<script>")


def test_a_fragment_without_a_trailing_newline_keeps_none():
    assert not render("check.html", message="m", graded=True).endswith("\n")
    assert render("page.html", title="t").endswith("</html>\n")


def test_the_palette_is_the_only_place_for_colours():
    """No hex colour in the package's Python: pages and figures take theirs from palette.yaml."""
    hex_colour = re.compile(r"#[0-9a-fA-F]{6}\b")
    found = [f"{p.relative_to(SRC)}:{n}" for p in SRC.rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if hex_colour.search(line)]  # fmt: skip
    assert found == []
    assert all(re.fullmatch(r"#[0-9a-f]{3}|#[0-9a-f]{6}", c) for c in colours().values())
    assert set(technique_colours()) == set(carecourse.detect.lexicon.TECHNIQUES)


def test_templates_and_stylesheets_use_colours_by_name():
    """Every template and stylesheet of the package (the site's included) names colours from
    the palette; none is written out."""
    hex_colour = re.compile(r"#[0-9a-fA-F]{3}\b|#[0-9a-fA-F]{6}\b")
    checked = [p for p in SRC.rglob("*") if p.suffix in {".html", ".css"}]
    assert len(checked) > 20 and any(p.name == "quiz.css" for p in checked)
    assert [p.name for p in checked if hex_colour.search(p.read_text(encoding="utf-8"))] == []


def test_the_sites_stylesheets_are_filled_from_the_palette(tmp_path):
    from carecourse.sphinx import STYLESHEETS, _write_stylesheets

    folder = _write_stylesheets(tmp_path)
    css = {name: (folder / name).read_text(encoding="utf-8") for name in STYLESHEETS}
    assert colours()["met"] in css["carecourse.css"] and colours()["quiz_wrong"] in css["quiz.css"]
    assert all("{{" not in text for text in css.values())


def test_the_terminal_takes_technique_colours_from_the_lexicon():
    assert terminal_style("on_technique", "apology") == f"black on {technique_colours()['apology']}"
    assert terminal._technique_style("apology") == terminal_style("on_technique", "apology")


def test_every_medium_quotes_the_same_evidence():
    text = "你这个人怎么听不懂呢？你去找别人吧。非常抱歉，非常抱歉。"
    result = carecourse.grade(SCENARIO, text)
    lines = graded_lines(result)
    assert [line.id for line in lines] == [c.id for c in result.criteria] + [p.id for p in result.penalties]
    penalties = [line for line in lines if line.penalty]
    assert penalties, "the reply should draw a penalty"
    html = grade_html(result, text)
    shown = terminal_text(terminal.grade_view(result, text, builtin(SCENARIO)))
    for line in lines:
        assert len(set(line.quotes)) == len(line.quotes)
        if line.quotes and (line.met or line.penalty):
            assert escape(quoted(line.quotes)) in html
    for line in penalties:
        assert quoted(line.quotes).split("、")[0] in shown
    check = repr(Check(grade_answer(ASSIGNMENT.items[0], text)))
    assert all(f"{line.label}：" in check for line in lines)


def test_the_terminal_shows_why_a_flagged_reply_scored_nothing():
    text = "故障现象、开始时间、尝试过的办法、对比，对吗？"
    result = carecourse.grade("listening-restate", text)
    assert [f.id for f in result.flags] == ["keyword_list"]
    shown = "".join(terminal_text(terminal.grade_view(result, text, builtin("listening-restate"))).split())
    assert "原因见下方说明" in shown
    assert "".join(result.flags[0].message.split()) in "".join(shown.replace("│", "").split())


def terminal_text(renderable) -> str:
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(renderable)
    return out.getvalue()


@pytest.mark.parametrize(("section", "base", "href"), [
    ("m8-complaints#six-steps", "", "m8-complaints.html#six-steps"),
    ("m1-care", "https://b.example/", "https://b.example/m1-care.html"),
    ("m1-care", None, None),
    ("", "", None),
])  # fmt: skip
def test_one_book_link_helper(section, base, href):
    assert book_href(section, base) == href
