"""Grade one answer to one item: exact items by their key, replies by their rubric.

Both engines call ``grade_answer``: the notebook's hidden cell through ``Grader.score``
(nbgrader executes it) and the direct engine with the value read from the notebook
(``answers.py``). An exact item without its key (the learner's view) is only read: the
message says what was read, and there are no points. The points are always a float in ``[0, item.points]``: nbgrader gives full
marks for a negative or missing value and discards the whole submission for one above the
cell's points.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from carecourse import pipeline
from carecourse.assignments.published import copied_from
from carecourse.assignments.schema import (
    ChoiceItem,
    MatchItem,
    NumberItem,
    OrderItem,
    ReplyItem,
)
from carecourse.results import GradeResult
from carecourse.vocabulary import ItemKind, ItemStatus, QuizKind

__all__ = ["PLACEHOLDER", "ItemResult", "answer_text", "grade_answer", "normalise_answer"]

PLACEHOLDER = "（请在此处写下你的回应）"  # nbgrader's code stub inside the answer's quotes
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


@dataclass
class ItemResult:
    """The grade of one item: points, what was read, and a message for the learner."""

    item_id: str
    kind: str
    points: float
    max_points: float
    answer: str = ""
    status: str = ItemStatus.GRADED  # an ItemStatus (a plain string once read back from JSON)
    message: str = ""  # what was read; never whether it is right (grader.check shows it)
    correct: bool | None = None
    detail: str = ""  # for feedback after grading: how much of it was right
    warnings: list[str] = field(default_factory=list)  # for grader.check: what looks like a slip
    grade: GradeResult | None = field(default=None, repr=False)

    def to_dict(self) -> dict:
        data = {k: getattr(self, k) for k in ("item_id", "kind", "points", "max_points", "answer",
                                              "status", "message", "correct", "detail")}  # fmt: skip
        data["grade"] = self.grade.to_dict() if self.grade else None
        return data


def answer_text(value: object) -> str | None:
    """The learner's answer as text, or None when it is not text or a number."""
    if isinstance(value, str):
        return value.replace(PLACEHOLDER, "").strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def grade_answer(item, value: object) -> ItemResult:
    text = answer_text(value)
    result = ItemResult(item.id, item.kind, 0.0, float(item.points))
    if text is None:
        return _no_points(result, ItemStatus.UNREADABLE, "答案要写成文字，放在两组三引号之间。")
    result.answer = text
    if not text:
        return _no_points(result, ItemStatus.UNANSWERED, "还没有作答。")
    result.warnings += _number_for_text(item, value, text)
    grader = {ChoiceItem: _choice, OrderItem: _order, MatchItem: _match,
              NumberItem: _number, ReplyItem: _reply}[type(item)]  # fmt: skip
    grader(item, text, result)
    result.points = _clamp(result.points, item.points)
    return result


def _number_for_text(item, value: object, text: str) -> list[str]:
    if isinstance(item, NumberItem):
        return []
    if not isinstance(value, str):
        return [f"这里要写文字，放在两组三引号之间；你给的是数字 {text}（没有引号）。"]
    if isinstance(item, ReplyItem) and _NUMBER.fullmatch(_plain(text).replace(" ", "")):
        return [f"这道题要写一段对客户说的话，你只写了一个数字 {text}。"]
    return []


def _no_points(result: ItemResult, status: str, message: str) -> ItemResult:
    result.status, result.message, result.points = status, message, 0.0
    return result


def _clamp(points: float, max_points: float) -> float:
    return round(min(max(points, 0.0), float(max_points)), 2)


def _plain(text: str) -> str:
    """Full-width letters, digits and signs as ASCII; letters upper-case."""
    text = unicodedata.normalize("NFKC", text).replace("−", "-").replace("—", "-")
    return text.upper()


def _letters(text: str) -> list[str]:
    return re.findall(r"[A-Z]", _plain(text))


def _numbers(text: str) -> list[str]:
    return _NUMBER.findall(_plain(text).replace(" ", ""))


def normalise_answer(kind: str, text: str) -> str:
    """An exact item's answer as grading reads it, so that equal answers compare equal:
    ``b, a`` and ``A、B`` are both ``A、B``; ``−1.50`` (a minus sign) and ``-1.5`` are both ``-1.5``."""
    letters = _letters(text)
    if kind == ItemKind.CHOICE and letters:
        return "、".join(sorted(set(letters)))
    if kind == ItemKind.ORDER and letters:
        return "".join(letters)
    if kind == ItemKind.NUMBER and (numbers := _numbers(text)):
        return f"{float(numbers[-1]):g}"
    return " ".join(_plain(text).split())


def _choice(item: ChoiceItem, text: str, result: ItemResult) -> None:
    chosen = sorted(set(_letters(text)))
    unknown = [c for c in chosen if c not in item.options]
    if not chosen or unknown:
        _no_points(result, ItemStatus.UNREADABLE, f"没有读到选项字母（可选：{'、'.join(item.options)}）。")
        return
    if len(chosen) > 1 and not item.multiple:
        _no_points(result, ItemStatus.UNREADABLE,
                   f"这是{QuizKind.SINGLE.label}，你写了 {'、'.join(chosen)} 几个字母，只能写一个。")  # fmt: skip
        return
    result.message = f"读到的答案：{'、'.join(chosen)}。"
    if item.key is None:
        return
    result.correct = chosen == sorted(item.key)
    result.points = item.points if result.correct else 0.0


def _order(item: OrderItem, text: str, result: ItemResult) -> None:
    order = "".join(_letters(text))
    if sorted(order) != sorted(item.options):
        read = order or "（没有字母）"
        _no_points(result, ItemStatus.UNREADABLE,
                   f"{ItemKind.ORDER.label}要把 {''.join(item.options)} 每个字母各写一次，读到的是“{read}”。")  # fmt: skip
        return
    result.message = f"读到的顺序：{order}。"
    if item.key is None:
        return
    result.correct = order == item.key
    result.points = item.points if result.correct else 0.0
    right = sum(a == b for a, b in zip(order, item.key))
    result.detail = f"{right}/{len(order)} 个位置正确。"


def _match(item: MatchItem, text: str, result: ItemResult) -> None:
    plain = _plain(text)
    found = [(int(n), letter) for n, letter in re.findall(r"(\d+)\s*[-=:>.、,，→~]*\s*([A-Z])", plain)]
    pairs = dict(found)  # a statement paired twice: the last pair counts (see _pair_warnings)
    if not pairs:
        letters = _letters(plain)
        if len(letters) == len(item.statements):  # "BAC": one letter per statement, in order
            pairs = dict(zip(item.statements, letters))
    if not pairs:
        _no_points(result, ItemStatus.UNREADABLE,
                   f"{ItemKind.MATCH.label}每行写“编号-字母”，如 1-B，没有读到这样的配对。")  # fmt: skip
        return
    shown = " ".join(f"{n}-{pairs[n]}" for n in sorted(pairs))
    result.message = f"读到的配对：{shown}。"
    result.warnings += _pair_warnings(item, found or list(pairs.items()), pairs)
    if item.key is None:
        return
    right = sum(pairs.get(n) == letter for n, letter in item.key.items())
    result.correct = right == len(item.key)
    result.points = item.points * right / len(item.key)
    result.detail = f"{right}/{len(item.key)} 对正确。"


def _pair_warnings(item: MatchItem, found: list[tuple[int, str]], pairs: dict[int, str]) -> list[str]:
    """Duplicate, missing or unknown pairs: grading reads them all the same, silently."""
    warnings = []
    for n in sorted(pairs):
        letters = [letter for m, letter in found if m == n]
        if len(letters) > 1 and len(set(letters)) == 1:
            warnings.append(f"{n}-{letters[0]} 写了 {len(letters)} 次。")
        elif len(letters) > 1:
            warnings.append(f"第 {n} 条配了 {'、'.join(letters)} 几个字母，评分时只算最后写的 {pairs[n]}。")
    if unknown := [n for n in sorted(pairs) if n not in item.statements]:
        warnings.append(f"没有第 {'、'.join(map(str, unknown))} 条（一共 {len(item.statements)} 条）。")
    if bad := sorted({letter for letter in pairs.values() if letter not in item.options}):
        warnings.append(f"选项里没有 {'、'.join(bad)}（可选：{'、'.join(item.options)}）。")
    if missing := [n for n in item.statements if n not in pairs]:
        warnings.append(f"还没有配对：第 {'、'.join(map(str, missing))} 条。")
    return warnings


def _number(item: NumberItem, text: str, result: ItemResult) -> None:
    numbers = _numbers(text)
    if not numbers:
        _no_points(result, ItemStatus.UNREADABLE, f"{ItemKind.NUMBER.label}要写一个数字，如 -1.5，没有读到数字。")
        return
    value = float(numbers[-1])  # in a worked line (5-6.5=-1.5) the result comes last
    result.message = f"读到的数字：{value:g}{item.unit}。"
    if item.key is None:
        return
    result.correct = abs(value - item.key) <= item.tolerance + 1e-9
    result.points = item.points if result.correct else 0.0


def _reply(item: ReplyItem, text: str, result: ItemResult) -> None:
    if len(text) > item.max_chars:
        _no_points(result, ItemStatus.TOO_LONG, f"回应有 {len(text)} 字，超过 {item.max_chars} 字的上限，没有评分。")
        return
    grade = pipeline.grade(item.scenario, text, rubric=item.scenario_rubric)
    if not grade.flags and (source := copied_from(item.scenario, text)):
        quote = source if len(source) <= 20 else source[:20] + "……"
        _no_points(result, ItemStatus.COPIED, f"这段回应和课程里公开的示范回应（“{quote}”）几乎一样，没有评分。"
                                              "请用你自己的话写出你会对客户说的话。")
        return
    result.grade = grade
    result.points = item.points * grade.fraction
    result.message = grade.summary
