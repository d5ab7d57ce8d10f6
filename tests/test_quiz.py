"""The quiz directive's YAML contract (docs/authoring.md): good bodies parse, mistakes are named."""

import re

import pytest

from carecourse.sphinx.quiz import parse, shuffled

SINGLE = """
question: 哪一个对？
options:
  - text: 甲
    correct: true
  - text: 乙
    why: 乙不对
explain: 甲对。
"""


def test_single_choice_parses_with_its_feedback():
    q = parse("single", SINGLE)
    assert [o.correct for o in q.options] == [True, False]
    assert q.options[1].why == "乙不对"


@pytest.mark.parametrize(
    ("kind", "body", "problem"),
    [
        ("single", SINGLE.replace("correct: true", "correct: false"), "exactly one option"),
        ("multiple", SINGLE.replace("correct: true", "correct: false"), "at least one option"),
        ("single", SINGLE.replace("explain: 甲对。", ""), "explain"),
        ("single", SINGLE.replace("why:", "whyy:"), "whyy"),
        ("essay", SINGLE, "unknown quiz kind"),
        ("order", "question: 排\nitems: [甲, 乙]\nexplain: 解", "items"),
        ("order", "question: 排\nitems: [甲, 乙, 甲]\nexplain: 解", "distinct"),
        ("match", "question: 配\npairs: [{item: 甲, answer: A}, {item: 乙, answer: B}]\nchoices: [A]\nexplain: 解", "['B']"),
        ("single", "question: [unclosed", "not valid YAML"),
        ("single", "- just a list", "mapping"),
    ],
)
def test_mistakes_are_reported_by_name(kind, body, problem):
    with pytest.raises(ValueError, match=None) as err:
        parse(kind, body)
    assert problem in str(err.value)


def test_match_choices_default_to_the_answers_in_order():
    q = parse("match", "question: 配\npairs: [{item: 甲, answer: B}, {item: 乙, answer: A}, {item: 丙, answer: B}]\nexplain: 解")
    assert q.choices == ["B", "A"]


@pytest.mark.parametrize("n", [2, 3, 5, 8])
def test_order_items_are_shown_shuffled_the_same_way_every_build(n):
    items = list(range(n))
    order = shuffled(items, "page:question")
    assert sorted(order) == items and order != items
    assert shuffled(items, "page:question") == order


def _built(tmp_path, body: str) -> str:
    """The HTML a tiny Sphinx project makes of one page with ``body`` (reStructuredText)."""
    from sphinx.application import Sphinx

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text("extensions = ['carecourse.sphinx.quiz']\n", encoding="utf-8")
    (src / "index.rst").write_text(f"Quiz\n====\n\n{body}", encoding="utf-8")
    out = tmp_path / "html"
    Sphinx(str(src), str(src), str(out), str(tmp_path / "doctrees"), "html", status=None, warning=None).build()
    return (out / "index.html").read_text(encoding="utf-8")


def test_every_kind_puts_its_answers_in_a_fieldset_with_the_question_as_legend(tmp_path):
    html = _built(tmp_path, """
.. quiz:: single

   question: 哪一个对？
   options: [{text: 甲, correct: true}, {text: 乙}]
   explain: 甲对。

.. quiz:: order

   question: 排一排
   items: [一, 二, 三]
   explain: 解

.. quiz:: match

   question: 配一配
   pairs: [{item: 甲项, answer: A}, {item: 乙项, answer: B}]
   explain: 解
""")
    for question, answers in (("哪一个对？", '<ul class="cc-options cc-single">'), ("排一排", '<ol class="cc-order-list">'),
                              ("配一配", '<ul class="cc-pairs"')):  # fmt: skip
        assert re.search(rf'<fieldset class="cc-fieldset">\s*<legend class="cc-question">\s*{question}</legend>\s*{answers}', html)
    # each matching row holds its item in an element of its own: the script names the row's list by it
    assert re.search(r'<li class="cc-pair" data-answer="A">\s*<span class="cc-pair-item">\s*甲项</span>\s*</li>', html)
