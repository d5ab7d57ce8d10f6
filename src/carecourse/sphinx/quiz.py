"""The ``quiz`` directive: a knowledge check that works on the static site.

The directive's argument is the kind (``single``, ``multiple``, ``order``, ``match``) and
its body is YAML (see docs/authoring.md). The question, options and explanations become
ordinary doctree text, so they are in the search index; ``static/quiz.js`` adds the
interaction (checking answers, showing explanations) in the browser.

The answers of every kind sit in a ``<fieldset>`` whose ``<legend>`` is the question, so a
screen reader names the group of radios, boxes, move buttons or lists by what it asks.
"""

from __future__ import annotations

import hashlib
import json
import random
from typing import Union

from docutils import nodes
from pydantic import ConfigDict, Field, model_validator
from sphinx.util.docutils import SphinxDirective

from carecourse.models import StrictModel
from carecourse.packaged import DataFileError, load_yaml
from carecourse.vocabulary import QuizKind


class QuizError(DataFileError):
    """A quiz body that cannot be used."""

    what = "quiz"
    shape = "the quiz body must be a YAML mapping (question:, explain:, ...)"


class Option(StrictModel):
    text: str
    correct: bool = False
    why: str = ""


class ChoiceQuiz(StrictModel):
    question: str
    options: list[Option] = Field(min_length=2)
    explain: str


class SingleQuiz(ChoiceQuiz):
    @model_validator(mode="after")
    def _one_correct(self) -> "SingleQuiz":
        if sum(o.correct for o in self.options) != 1:
            raise ValueError("a single-choice quiz needs exactly one option with correct: true")
        return self


class MultipleQuiz(ChoiceQuiz):
    @model_validator(mode="after")
    def _some_correct(self) -> "MultipleQuiz":
        if not any(o.correct for o in self.options):
            raise ValueError("a multiple-choice quiz needs at least one option with correct: true")
        return self


class OrderQuiz(StrictModel):
    question: str
    items: list[str] = Field(min_length=3)
    explain: str

    @model_validator(mode="after")
    def _distinct(self) -> "OrderQuiz":
        if len(set(self.items)) != len(self.items):
            raise ValueError("order items must be distinct")
        return self


class Pair(StrictModel):
    item: str
    answer: str


class MatchQuiz(StrictModel):
    model_config = ConfigDict(frozen=False)  # its validator fills in the default choices

    question: str
    pairs: list[Pair] = Field(min_length=2)
    choices: list[str] = Field(default_factory=list)
    explain: str

    @model_validator(mode="after")
    def _answers_offered(self) -> "MatchQuiz":
        if not self.choices:
            self.choices = list(dict.fromkeys(p.answer for p in self.pairs))
        missing = {p.answer for p in self.pairs} - set(self.choices)
        if missing:
            raise ValueError(f"answers not among choices: {sorted(missing)}")
        return self


MODELS: dict[QuizKind, type[StrictModel]] = {
    QuizKind.SINGLE: SingleQuiz, QuizKind.MULTIPLE: MultipleQuiz, QuizKind.ORDER: OrderQuiz,
    QuizKind.MATCH: MatchQuiz,
}  # fmt: skip
KINDS = tuple(MODELS)
AnyQuiz = Union[SingleQuiz, MultipleQuiz, OrderQuiz, MatchQuiz]


class quiz(nodes.General, nodes.Element):
    """The whole check: ``div.cc-quiz`` with ``data-kind``."""


class quiz_part(nodes.General, nodes.Element):
    """A piece of a check rendered as ``<tag class=... data-...>`` around its children."""


def parse(kind: str, body: str, source: str = "<quiz>", first_line: int = 1) -> AnyQuiz:
    """Validate a quiz body (``first_line`` of the page ``source``); raises ``QuizError``."""
    if kind not in MODELS:
        raise QuizError(f"{source}:{first_line}: unknown quiz kind {kind!r}; use one of {', '.join(KINDS)}")
    return load_yaml(source, MODELS[kind], text=body, error=QuizError, first_line=first_line)


def shuffled(items: list, seed: str) -> list[int]:
    """A fixed shuffle of ``range(len(items))`` that never leaves them in the right order."""
    order = list(range(len(items)))
    rng = random.Random(hashlib.sha256(seed.encode()).hexdigest())
    while order == sorted(order):
        rng.shuffle(order)
    return order


def _part(tag: str, cls: str, *children: nodes.Node, **data: str) -> quiz_part:
    node = quiz_part(tag=tag, cls=cls, data=data)
    node.extend(children)
    return node


def _text(tag: str, cls: str, text: str, **data: str) -> quiz_part:
    return _part(tag, cls, nodes.Text(text), **data)


def _choices(q: ChoiceQuiz, kind: str) -> quiz_part:
    items = [
        _part("li", "cc-option", _text("span", "cc-option-text", o.text), _text("div", "cc-why", o.why),
              correct="1" if o.correct else "0")
        for o in q.options
    ]  # fmt: skip
    return _part("ul", f"cc-options cc-{kind}", *items)


def _order(q: OrderQuiz, seed: str) -> quiz_part:
    items = [_text("li", "cc-item", q.items[k], rank=str(k)) for k in shuffled(q.items, seed)]
    return _part("ol", "cc-order-list", *items)


def _match(q: MatchQuiz) -> quiz_part:
    # the item's own element: the list the script adds to its row is named by it
    rows = [_part("li", "cc-pair", _text("span", "cc-pair-item", p.item), answer=p.answer) for p in q.pairs]
    return _part("ul", "cc-pairs", *rows, choices=json.dumps(q.choices, ensure_ascii=False))


class QuizDirective(SphinxDirective):
    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0].strip()
        try:
            page = self.env.doc2path(self.env.docname, False)
            first = self.lineno + self.content_offset  # MyST counts the offset from the directive's line
            q = parse(kind, "\n".join(self.content), page, first)
        except ValueError as err:
            raise self.error(f"quiz: {err}") from None
        seed = f"{self.env.docname}:{q.question}"
        if isinstance(q, ChoiceQuiz):
            answers = _choices(q, kind)
        elif isinstance(q, OrderQuiz):
            answers = _order(q, seed)
        else:
            answers = _match(q)
        node = quiz(kind=kind)
        node.extend([
            _text("div", "cc-quiz-kind", QuizKind(kind).label),
            _part("fieldset", "cc-fieldset", _text("legend", "cc-question", q.question), answers),
            _text("div", "cc-explain", q.explain),
        ])  # fmt: skip
        self.set_source_info(node)
        return [node]


def visit_quiz(self, node: quiz) -> None:
    self.body.append(self.starttag(node, "div", CLASS="cc-quiz", **{"data-kind": node["kind"]}))


def depart_quiz(self, node: quiz) -> None:
    self.body.append("</div>\n")


def visit_part(self, node: quiz_part) -> None:
    data = {f"data-{k}": v for k, v in node["data"].items()}
    self.body.append(self.starttag(node, node["tag"], CLASS=node["cls"], **data))


def depart_part(self, node: quiz_part) -> None:
    self.body.append(f"</{node['tag']}>")


def _skip(self, node) -> None:
    raise nodes.SkipNode


def setup(app) -> None:
    others = {fmt: (_skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(quiz, html=(visit_quiz, depart_quiz), **others)
    app.add_node(quiz_part, html=(visit_part, depart_part), **others)
    app.add_directive("quiz", QuizDirective)
    app.add_js_file("quiz.js", defer="defer")
    app.add_css_file("quiz.css")
