"""Feedback as HTML: a graded reply, or a reply annotated technique by technique.

Used by the practice boxes (in Jupyter and as worked examples on the site), and by
anything else that shows a learner's words with the evidence highlighted. The output is
one self-contained fragment (it carries its own ``<style>``), escaped throughout.
"""

from __future__ import annotations

from html import escape

from carecourse.detect import Analysis
from carecourse.detect.lexicon import TECHNIQUES, lexicon
from carecourse.results import GradeResult

__all__ = ["annotated_html", "grade_html", "highlight", "section_href"]

STYLE = """<style>
.cc-fb{font-size:15px;line-height:1.7;max-width:760px;color:#1f2937}
.cc-fb .cc-score{display:flex;align-items:center;gap:.8em;margin:.2em 0 .6em}
.cc-fb .cc-score b{font-size:1.3em}
.cc-fb .cc-bar{flex:1;max-width:240px;height:10px;background:#e5e7eb;border-radius:5px;overflow:hidden}
.cc-fb .cc-bar span{display:block;height:100%;background:#16a34a}
.cc-fb .cc-reply{border:1px solid #d1d5db;border-radius:6px;padding:.6em .8em;background:#fff;white-space:pre-wrap}
.cc-fb mark{padding:0 .1em;border-radius:3px;color:inherit}
.cc-fb mark.cc-met{background:#bbf7d0;border-bottom:2px solid #16a34a}
.cc-fb mark.cc-bad{background:#fecaca;border-bottom:2px solid #dc2626}
.cc-fb ul.cc-criteria{list-style:none;padding:0;margin:.6em 0}
.cc-fb ul.cc-criteria li{border-left:4px solid #d1d5db;padding:.3em .7em;margin:.4em 0;background:#f9fafb}
.cc-fb ul.cc-criteria li.cc-ok{border-left-color:#16a34a}
.cc-fb ul.cc-criteria li.cc-miss{border-left-color:#f59e0b}
.cc-fb ul.cc-criteria li.cc-penalty{border-left-color:#dc2626}
.cc-fb .cc-pts{float:right;font-weight:600}
.cc-fb .cc-quote{color:#166534}
.cc-fb li.cc-penalty .cc-quote{color:#b91c1c}
.cc-fb .cc-flag{background:#fef3c7;border:1px solid #f59e0b;border-radius:6px;padding:.4em .7em;margin:.5em 0}
.cc-fb .cc-legend{display:flex;flex-wrap:wrap;gap:.3em .8em;font-size:.9em;margin-top:.5em}
.cc-fb .cc-legend mark{white-space:nowrap}
.cc-fb sup.cc-tag{font-size:.7em;color:#374151;margin-left:.1em}
</style>"""


def highlight(text: str, spans: list[tuple[int, int, str, str]], *, tags: bool = False) -> str:
    """``text`` as HTML with each ``(start, end, css_class, title)`` span in a ``<mark>``.

    Overlapping spans are merged into the earliest-starting one, so marks never nest.
    With ``tags``, each mark is followed by its title in small print, so colour is not
    the only cue.
    """
    out, pos = [], 0
    for start, end, cls, title in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="{cls}" title="{escape(title)}">{escape(text[start:end])}</mark>')
        if tags:
            out.append(f'<sup class="cc-tag">{escape(title)}</sup>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def section_href(section: str, book_base: str = "") -> str:
    """``m4-touchpoints#enter-hall`` → ``{book_base}m4-touchpoints.html#enter-hall``."""
    page, _, anchor = section.partition("#")
    return f"{book_base}{page}.html" + (f"#{anchor}" if anchor else "")


def grade_html(result: GradeResult, text: str, *, book_base: str = "") -> str:
    """A graded reply: score, the reply with evidence marked, one line per criterion.

    ``book_base`` is prefixed to the course-book links of missed criteria (``""`` from a
    page inside ``book/``; ``None`` leaves the links out).
    """
    met = [(e.start, e.end, "cc-met", c.label) for c in result.criteria if c.met for e in c.evidence]
    bad = [(e.start, e.end, "cc-bad", p.label) for p in result.penalties for e in p.evidence]
    share = max(0.0, min(1.0, result.fraction))
    parts = [
        STYLE, '<div class="cc-fb">',
        f'<div class="cc-score"><b>{result.score:g} / {result.max_score:g} 分</b>'
        f'<span class="cc-bar"><span style="width:{share * 100:.0f}%"></span></span></div>',
    ]  # fmt: skip
    if result.summary:
        parts.append(f"<p>{escape(result.summary)}</p>")
    parts += [f'<div class="cc-flag">{escape(f.message)}</div>' for f in result.flags]
    parts.append(f'<div class="cc-reply">{highlight(text, met + bad) or "（空）"}</div>')
    parts.append('<ul class="cc-criteria">')
    parts += [_criterion_item(c, book_base) for c in result.criteria]
    parts += [_penalty_item(p, book_base) for p in result.penalties]
    parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)


def _criterion_item(c, book_base: str | None) -> str:
    mark, cls = ("✔", "cc-ok") if c.met else ("✘", "cc-miss")
    quote = _quoted("你的原话", c) if c.met else ""
    link = "" if c.met else _book_link(c.section, book_base)
    return (
        f'<li class="{cls}"><span class="cc-pts">{c.points:g} / {c.max_points:g}</span>'
        f"{mark} <b>{escape(c.label)}</b>：{escape(c.feedback)}{quote}{link}</li>"
    )


def _penalty_item(p, book_base: str | None) -> str:
    return (
        f'<li class="cc-penalty"><span class="cc-pts">{p.points:g}</span>'
        f"⚠ <b>{escape(p.label)}</b>：{escape(p.feedback)}{_quoted('原话', p)}"
        f"{_book_link(p.section, book_base)}</li>"
    )


def _quoted(prefix: str, result) -> str:
    """The learner's words behind a line of feedback: “…”、“…”, each once."""
    if not result.evidence:
        return ""
    quotes = "、".join(f"“{escape(q)}”" for q in result.quotes)
    return f'<br><span class="cc-quote">{prefix}：{quotes}</span>'


def _book_link(section: str, book_base: str | None) -> str:
    if not section or book_base is None:
        return ""
    return f' <a href="{escape(section_href(section, book_base))}">去课本复习 →</a>'


def annotated_html(analysis: Analysis, *, legend: bool = True) -> str:
    """A reply with every technique the analyzer found marked in that technique's colour."""
    labels = {tid: entry.label for tid, entry in lexicon().items()}
    spans = [(f.start, f.end, f"cc-t-{f.id}", labels[f.id]) for f in analysis.findings]
    parts = [STYLE, _technique_css(), '<div class="cc-fb">',
             f'<div class="cc-reply">{highlight(analysis.text, spans, tags=True)}</div>']  # fmt: skip
    if legend:
        used = [t for t in TECHNIQUES if any(f.id == t for f in analysis.findings)]
        items = "".join(f'<mark class="cc-t-{t}">{escape(labels[t])}</mark>' for t in used)
        parts.append(f'<div class="cc-legend">{items or "（没有找到任何技巧）"}</div>')
    parts.append("</div>")
    return "\n".join(parts)


def _technique_css() -> str:
    rules = "".join(f".cc-fb mark.cc-t-{t}{{background:{e.colour}}}" for t, e in lexicon().items())
    return f"<style>{rules}</style>"
