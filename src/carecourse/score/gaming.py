"""Replies that are not replies: empty, placeholder, keyword lists, repetition, copying.

The thresholds and word lists live in ``gaming.yaml`` beside this file.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from carecourse.detect import Analysis
from carecourse.detect.matcher import Finding
from carecourse.normalize import normalize
from carecourse.rubrics import Rubric

__all__ = ["EMPTY", "GAMED", "check", "settings"]

EMPTY = ("empty", "placeholder")  # score 0
GAMED = ("keyword_list", "repetition", "copied_customer")  # capped

_SEPARATOR_CHARS = r" \n,、。!?;:.~/|()\[\]【】《》\"…\-—_*#"
_SEPARATORS = re.compile(f"[{_SEPARATOR_CHARS}]+")
_SEGMENT = re.compile(f"[^{_SEPARATOR_CHARS}]+")
_CONTENT = re.compile(f"[^{_SEPARATOR_CHARS}]")
_SENTENCE_END = re.compile(r"[。!?]")
_RUN = re.compile(r"(.{2,10}?)\1{2,}")


@cache
def settings() -> dict:
    raw = resources.files(__package__).joinpath("gaming.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(raw)


def check(rubric: Rubric, analysis: Analysis, extra: list[Finding]) -> str | None:
    """The first gaming problem of the reply, or None. ``extra`` holds rubric-pattern findings."""
    text = analysis.structure.text
    content = "".join(_CONTENT.findall(text))
    if not content:
        return "empty"
    if _is_placeholder(content, rubric):
        return "placeholder"
    findings = [f for f in (*analysis.findings, *extra) if f.id not in ("open_question", "closed_question", "bad_question")]
    if _is_keyword_list(text, content, findings):
        return "keyword_list"
    if _is_repetition(text, content):
        return "repetition"
    if rubric.customer_says and _is_copy(content, rubric.customer_says):
        return "copied_customer"
    return None


@cache
def _content_of(text: str) -> str:
    """The normalised content characters of a fixed text (placeholders, customer lines)."""
    return "".join(_CONTENT.findall(normalize(text).text))


def _is_placeholder(content: str, rubric: Rubric) -> bool:
    candidates = [*settings()["placeholders"], rubric.placeholder]
    return any(content == _content_of(p) for p in candidates if p)


def _is_keyword_list(text: str, content: str, findings: list[Finding]) -> bool:
    rule, glue = settings()["keyword_list"], set(settings()["glue"])
    segments = [m.span() for m in _SEGMENT.finditer(text)]
    glueless = [not glue.intersection(text[s:e]) for s, e in segments]
    bare = [g and e - s <= rule["bare_max_length"] for g, (s, e) in zip(glueless, segments)]
    kinds = {f.id for f in findings}
    if (
        len(segments) >= rule["min_segments"]
        and len(kinds) >= rule["min_techniques"]
        and sum(bare) >= rule["bare_share"] * len(segments)
    ):
        found = sum(1 for s, e in segments if any(s <= f.nstart < e for f in findings))
        if found >= rule["found_share"] * len(segments):
            return True
    if len(segments) >= rule["fragments_min"] and not _SENTENCE_END.search(text):
        lengths = sorted(e - s for s, e in segments)
        if (
            lengths[len(lengths) // 2] <= rule["fragment_median"]
            and lengths[-1] <= rule["fragment_longest"]
            and sum(glueless) >= rule["fragment_bare_share"] * len(segments)
        ):
            return True
    glue_chars = sum(1 for c in content if c in glue)
    if glue_chars > rule["run_glue_share"] * len(content) or len(kinds) < rule["min_techniques"]:
        return False
    covered = {i for f in findings for i in range(f.nstart, f.nend)}
    return len(covered) >= rule["run_coverage"] * len(content)


def _is_repetition(text: str, content: str) -> bool:
    rule = settings()["repetition"]
    clauses = [c for c in _SEPARATORS.split(text) if c]
    if len(clauses) >= rule["min_clauses"] and len(set(clauses)) <= rule["distinct_share"] * len(clauses):
        return True
    repeated = sum(len(m.group(0)) for m in _RUN.finditer(content))
    return repeated >= rule["run_share"] * len(content)


def _is_copy(content: str, customer_says: str) -> bool:
    rule = settings()["copy"]
    customer = _content_of(customer_says)
    if len(content) > 4 * len(customer):
        return False  # a long reply cannot be mostly a copy of a short line
    covered, i, n = 0, 0, len(content)
    while i < n:
        k = 0
        while i + k < n and content[i : i + k + 1] in customer:
            k += 1
        if k >= rule["min_run"]:
            covered += k
            i += k
        else:
            i += 1
    return covered >= rule["share"] * n
