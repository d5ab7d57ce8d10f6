"""The course's words: every kind and status has one code name and one Chinese label.

A member's value is the string stored in gradebooks, results and assignment files, so data
written before these enums existed reads back unchanged; ``.label`` is what a learner or
trainer sees. Anything that shows a kind or a status takes its label from here.

"missing" is stored for two different things, told apart by their names in code:
``LearnerStatus.NOT_SUBMITTED`` (the learner handed nothing in) and
``ItemStatus.CELL_MISSING`` (a notebook came in, but one answer cell is gone from it).
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ItemKind", "ItemStatus", "LearnerStatus", "QuizKind"]


class _Labelled(StrEnum):
    """A stored value with its Chinese label: ``MEMBER = "value", "标签"``."""

    label: str

    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class ItemKind(_Labelled):
    """The kinds of item in an assignment (``kind:`` in its file)."""

    CHOICE = "choice", "选择题"
    ORDER = "order", "排序题"
    MATCH = "match", "连线题"
    NUMBER = "number", "计算题"
    REPLY = "reply", "情景回应"


class QuizKind(_Labelled):
    """The kinds of the book's knowledge checks (the ``quiz`` directive's argument)."""

    SINGLE = "single", "单选题"
    MULTIPLE = "multiple", "多选题"
    ORDER = "order", ItemKind.ORDER.label
    MATCH = "match", ItemKind.MATCH.label


class LearnerStatus(_Labelled):
    """Where one learner's submission of one assignment stands after ``course grade``."""

    GRADED = "graded", "已评分"
    PROBLEM = "problem", "有问题，未评分"  # a broken or doubtful submission, or a learner not on the roster
    NOT_SUBMITTED = "missing", "未提交"  # nothing handed in


class ItemStatus(_Labelled):
    """What became of one item's answer. Only ``GRADED`` answers earn points."""

    GRADED = "graded", "已评分"
    UNANSWERED = "unanswered", "未作答"  # the answer cell holds nothing but the placeholder
    UNREADABLE = "unreadable", "无法读取"  # something is written, but not in the form the item needs
    TOO_LONG = "too_long", "超出字数"  # a reply over the item's character limit
    CELL_MISSING = "missing", "缺少答案"  # the answer cell is gone from the notebook (deleted or its id changed)
    COPIED = "copied", "照抄示范"  # a reply copied from a published one (a shipped sample, a worked example)
