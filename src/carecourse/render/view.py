"""What a graded reply shows, before any medium: its lines, their quotes, its book links.

The HTML fragment (``render.html``), the terminal view (``render.terminal``) and a notebook
check's text (``assignments.grader.Check``) all read a graded reply through ``graded_lines``
and lay the same data out their own way.
"""

from __future__ import annotations

from dataclasses import dataclass

from carecourse.results import GradeResult, quoted

__all__ = ["WORDS", "GradedLine", "book_base", "book_href", "graded_lines", "quoted", "score_share", "section_href"]

# The fixed words of a graded reply (``templates/graded_reply.html``). The browser's
# practice boxes draw the same reply from the same words (``carecourse.web.ui``).
WORDS = {
    "points": "分",  # after "7 / 10"
    "empty": "（空）",  # the reply, when nothing was written
    "met": "✔",
    "missed": "✘",
    "penalty": "⚠",
    "your_words": "你的原话：",  # before a met criterion's quotes
    "words": "原话：",  # before a penalty's quotes
    "review": "去课本复习 →",  # the link to the book section of a missed criterion
    "no_technique": "（没有找到任何技巧）",  # an annotated reply's legend, when nothing was found
    "learned": "（模型判断）",  # after a technique's label where a learned model read it (dashed underline)
}


@dataclass(frozen=True)
class GradedLine:
    """One line of a graded reply: a criterion (met or missed) or a penalty that applied."""

    kind: str  # "criterion" or "penalty"
    id: str
    label: str
    met: bool  # a penalty is never met
    points: float
    max_points: float | None  # None for a penalty
    feedback: str
    quotes: tuple[str, ...]  # the learner's words behind the line, each distinct text once
    section: str
    earned: bool = False  # a criterion met or earning a share of its points (``CriterionResult.earned``)

    @property
    def penalty(self) -> bool:
        return self.kind == "penalty"


def graded_lines(result: GradeResult) -> list[GradedLine]:
    """The criteria in the rubric's order, then the penalties that applied."""
    criteria = [GradedLine("criterion", c.id, c.label, c.met, c.points, c.max_points, c.feedback, tuple(c.quotes),
                           c.section, c.earned) for c in result.criteria]  # fmt: skip
    penalties = [GradedLine("penalty", p.id, p.label, False, p.points, None, p.feedback, tuple(p.quotes), p.section)
                 for p in result.penalties]  # fmt: skip
    return criteria + penalties


def score_share(result: GradeResult) -> float:
    """The score as a share of the maximum, clamped to 0–1 (for a score bar)."""
    return max(0.0, min(1.0, result.fraction))


def section_href(section: str, book_base: str = "") -> str:
    """``m4-touchpoints#enter-hall`` → ``{book_base}m4-touchpoints.html#enter-hall``."""
    page, _, anchor = section.partition("#")
    return f"{book_base}{page}.html" + (f"#{anchor}" if anchor else "")


def book_base(book_url: str) -> str | None:
    """The prefix for book links, with its trailing slash; None when there is no book."""
    return book_url.rstrip("/") + "/" if book_url else None


def book_href(section: str, base: str | None) -> str | None:
    """The link to a book section, or None when there is no section or no book to link to.

    What a renderer shows without a link is its own choice: the graded reply shows nothing,
    the trainer's pages name the section in plain text."""
    if not section or base is None:
        return None
    return section_href(section, base)
