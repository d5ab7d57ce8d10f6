"""One vocabulary, one strict base model, one YAML loader, one answer normaliser."""

from __future__ import annotations

import json
import re
import typing

import pytest
from pydantic import ValidationError

from carecourse.trainer import report
from carecourse.assignments import AssignmentError, load, parse
from carecourse.assignments.items import grade_answer, normalise_answer
from carecourse.assignments.schema import Item
from carecourse.models import StrictModel
from carecourse.packaged import DataFileError, load_yaml, resource
from carecourse.rubrics import RubricError
from carecourse.rubrics.samples import load_samples
from carecourse.sphinx.quiz import QuizError
from carecourse.sphinx.quiz import parse as parse_quiz
from carecourse.vocabulary import ItemKind, ItemStatus, LearnerStatus, QuizKind

NUMBER_ITEM = parse("""
id: t
title: t
modules: [M8]
intro: i
items:
  - {id: q1, kind: number, points: 2, title: 计算, prompt: 写数字, key: -1.5}
""").item("q1")


# --- vocabulary -----------------------------------------------------------------------
def test_stored_values_are_unchanged_and_each_has_one_label():
    assert [s.value for s in LearnerStatus] == ["graded", "problem", "missing"]
    assert [s.value for s in ItemStatus] == ["graded", "unanswered", "unreadable", "too_long", "missing", "copied"]
    assert LearnerStatus("missing") is LearnerStatus.NOT_SUBMITTED and ItemStatus("missing") is ItemStatus.CELL_MISSING
    assert json.dumps({"status": LearnerStatus.NOT_SUBMITTED}) == '{"status": "missing"}'
    assert ItemKind.MATCH.label == QuizKind.MATCH.label == "连线题" and ItemKind.NUMBER.label == "计算题"


def test_every_item_kind_of_the_schema_is_in_the_vocabulary():
    models = typing.get_args(typing.get_args(Item)[0])  # Annotated[Union[...], discriminator]
    schema_kinds = {typing.get_args(m.model_fields["kind"].annotation)[0] for m in models}
    assert schema_kinds == {k.value for k in ItemKind}


# --- strict base model ----------------------------------------------------------------
def test_the_strict_base_forbids_unknown_keys_and_changes():
    class Point(StrictModel):
        x: int

    with pytest.raises(ValidationError, match="Extra inputs"):
        Point(x=1, y=2)
    with pytest.raises(ValidationError, match="frozen"):
        Point(x=1).x = 2


# --- one YAML loader ------------------------------------------------------------------
def test_every_kind_of_file_fails_as_file_and_line(tmp_path):
    samples = tmp_path / "s.yaml"
    samples.write_text("scenario: x\nsamples:\n  - label: excellent\n    text: 您好\n    colour: red\n", encoding="utf-8")
    with pytest.raises(RubricError, match=re.escape(f"{samples}:5: samples.0.colour: Extra inputs")):
        load_samples(samples)
    assignment = tmp_path / "a.yaml"
    items = "items:\n  - {id: q1, kind: number, points: -1, title: t, prompt: p, key: 1}\n"
    assignment.write_text("id: a\ntitle: t\nmodules: [M1]\nintro: i\n" + items, encoding="utf-8")
    with pytest.raises(AssignmentError, match=re.escape(f"{assignment}:6: items.0.number.points:")):
        load(assignment)
    with pytest.raises(QuizError, match=re.escape("m1.md:11: options: ")):
        parse_quiz("single", "question: 问\noptions: [{text: 甲, correct: true}]\nexplain: 解", "m1.md", 10)
    with pytest.raises(DataFileError, match=re.escape(f"{tmp_path / 'none.yaml'}: cannot read YAML file")):
        load_yaml(tmp_path / "none.yaml")
    assert all(issubclass(e, DataFileError) for e in (RubricError, AssignmentError, QuizError))


def test_shipped_files_load_through_the_one_loader():
    assert load_yaml(resource("carecourse", "wordclasses.yaml"))["classes"]
    with pytest.raises(DataFileError, match=r"wordclasses\.yaml:1: the file must be a YAML mapping"):
        load_yaml(resource("carecourse", "wordclasses.yaml"), StrictModel, text="- a list\n")


# --- one answer normaliser ------------------------------------------------------------
@pytest.mark.parametrize("text", ["-1.5", "−1.5", "－1.5", "5−6.5=−1.5", "-1.50"])
def test_the_report_groups_a_number_as_it_is_graded(text):
    assert grade_answer(NUMBER_ITEM, text).correct
    assert report.normalise_answer("number", text) == "-1.5"  # was "1.5" for a minus sign (U+2212)
    assert report.normalise_answer is normalise_answer
