"""Feedback as HTML: a graded reply, or a reply annotated technique by technique.

Used by the practice boxes (in Jupyter and as worked examples on the site), and by
anything else that shows a learner's words with the evidence highlighted. The output is
one self-contained fragment (it carries its own ``<style>``), escaped throughout. The
layout is in ``templates/graded_reply.html`` and ``templates/annotated_reply.html``.
"""

from __future__ import annotations

from dataclasses import dataclass

from carecourse.detect import Analysis
from carecourse.detect.learned import KIND as LEARNED
from carecourse.detect.lexicon import TECHNIQUES, lexicon
from carecourse.render.view import WORDS, book_href, graded_lines, score_share, section_href
from carecourse.results import Finding, GradeResult
from carecourse.render import render

__all__ = ["Segment", "annotated_html", "grade_html", "highlight", "marked_segments", "section_href"]


@dataclass(frozen=True)
class Segment:
    """A run of a reply's text: plain (``cls`` None) or marked with a CSS class and a title."""

    text: str
    cls: str | None = None
    title: str = ""


def marked_segments(text: str, spans: list[tuple[int, int, str, str]]) -> list[Segment]:
    """``text`` cut at each ``(start, end, css_class, title)`` span.

    Overlapping spans are merged into the earliest-starting one, so marks never nest.
    """
    out, pos = [], 0
    for start, end, cls, title in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < pos:
            continue
        out += [Segment(text[pos:start]), Segment(text[start:end], cls, title)]
        pos = end
    out.append(Segment(text[pos:]))
    return out


def highlight(text: str, spans: list[tuple[int, int, str, str]], *, tags: bool = False) -> str:
    """``text`` as HTML with each ``(start, end, css_class, title)`` span in a ``<mark>``.

    With ``tags``, each mark is followed by its title in small print, so colour is not
    the only cue.
    """
    return render("highlight.html", segments=marked_segments(text, spans), tags=tags)


def grade_html(result: GradeResult, text: str, *, book_base: str | None = "") -> str:
    """A graded reply: score, the reply with evidence marked, one line per criterion.

    ``book_base`` is prefixed to the course-book links of missed criteria (``""`` from a
    page inside ``book/``; ``None`` leaves the links out).
    """
    bad = [(e.start, e.end, "cc-bad", p.label) for p in result.penalties for e in p.evidence]
    met = [(e.start, e.end, "cc-met", c.label) for c in result.criteria if c.earned for e in c.evidence]
    # where a penalty's words and a criterion's overlap (可规定 / 规定就是规定), the penalty is shown
    met = [m for m in met if not any(b[0] < m[1] and m[0] < b[1] for b in bad)]
    lines = [(line, book_href(line.section, book_base)) for line in graded_lines(result)]
    return render("graded_reply.html", score=result.score, max_score=result.max_score, share=score_share(result),
                  summary=result.summary, flags=[f.message for f in result.flags], text=text,
                  segments=marked_segments(text, met + bad), lines=lines, words=WORDS)  # fmt: skip


def _technique_span(f: Finding, label: str) -> tuple[int, int, str, str]:
    """A finding's mark: a learned model's reading is underlined dashed and says so."""
    if f.kind == LEARNED:
        return f.start, f.end, f"cc-t-{f.id} cc-learned", label + WORDS["learned"]
    return f.start, f.end, f"cc-t-{f.id}", label


def annotated_html(analysis: Analysis, *, legend: bool = True, learned: bool = True) -> str:
    """A reply with every technique the analyzer found marked in that technique's colour;
    without ``learned``, only what the lexicons found (no model's reading)."""
    labels = {tid: entry.label for tid, entry in lexicon().items()}
    findings = analysis.findings if learned else analysis.of_any(TECHNIQUES)
    spans = [_technique_span(f, labels[f.id]) for f in findings]
    used = [(t, labels[t]) for t in TECHNIQUES if any(f.id == t for f in findings)]
    return render("annotated_reply.html", segments=marked_segments(analysis.text, spans),
                  legend=used if legend else None, words=WORDS)  # fmt: skip
