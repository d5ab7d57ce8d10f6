"""Shared pieces of the course figures: text width, line wrapping, the ``<svg>`` frame.

Figures are scaled to the page width (~360 px on a phone), so they are drawn in a viewBox
at most ``WIDTH`` wide with text of at least ``MIN_FONT``. Nothing measures glyphs at build
time, so widths are estimated: a CJK character (and full-width punctuation) is 1 em, Latin
letters and digits about 0.6 em. Lines are wrapped by hand with that estimate, and every
text that belongs to a box is drawn inside ``<g class="cc-box">`` whose first ``<rect>`` is
the box, so the tests can check that no line runs out of it.
"""

from __future__ import annotations

import unicodedata
from html import escape

from carecourse.figures.journey import FONT
from carecourse.render.palette import swatch

__all__ = [
    "FONT", "INK", "MIN_FONT", "MUTED", "WIDTH", "box_group", "svg_frame", "text",
    "text_lines", "text_width", "wrap",
]  # fmt: skip

WIDTH = 480
MIN_FONT = 13
INK = swatch("gray_900")  # body text
MUTED = swatch("gray_600")  # subtitles, sources

# em widths of the narrow characters a CJK font draws proportionally
_NARROW = {" ": 0.3, "%": 0.9, "–": 0.6, "-": 0.4, ".": 0.3, ",": 0.3, ":": 0.3, "(": 0.4, ")": 0.4}
# may not start a line / may not end one (line-breaking rules for Chinese)
_NO_START = set("，。、：；！？）」』”’…%—,.:;!?)")
_NO_END = set("（「『“‘(")
# a good place to break after
_SOFT = set("，。、：；！？—…")


def char_width(c: str) -> float:
    """Estimated advance of ``c`` in em."""
    if c in _NARROW:
        return _NARROW[c]
    if unicodedata.east_asian_width(c) in ("W", "F", "A"):
        return 1.0  # CJK, full-width punctuation, “”…— (ambiguous: drawn wide by CJK fonts)
    if c.isupper():
        return 0.7
    return 0.6


def text_width(s: str, size: float, bold: bool = False) -> float:
    """Estimated width of ``s`` at ``size`` (bold Latin is a little wider; CJK stays 1 em)."""
    return sum(char_width(c) * (1.06 if bold and char_width(c) < 1 else 1.0) for c in s) * size


def _tokens(s: str, size: float, width: float, bold: bool) -> list[str]:
    """Unbreakable pieces: one CJK character, or a run of Latin letters/digits (16–20, 50元 → 50, 元).

    A run too long for a line is cut into characters after all.
    """
    out: list[str] = []
    for c in s:
        narrow = char_width(c) < 1 and c not in " "
        if narrow and out and out[-1][-1] not in " " and char_width(out[-1][-1]) < 1:
            out[-1] += c
        else:
            out.append(c)
    return [piece for tok in out for piece in (tok if text_width(tok, size, bold) > width else [tok])]


def wrap(s: str, size: float, width: float, bold: bool = False) -> list[str]:
    """``s`` in lines no wider than ``width``, breaking between characters the Chinese way.

    A line never starts with closing punctuation nor ends with an opening one. As few
    lines as fit in ``width``; among those layouts, the one with the most even lines that
    breaks after punctuation where it can (so 明确 or 16–20 are not cut in two if avoidable).
    """
    s = " ".join(s.split())
    fewest = _greedy(s, size, width, bold)
    if len(fewest) < 2:
        return fewest
    toks = _tokens(s, size, width, bold)
    n, count = len(toks), len(fewest)
    widths = [text_width(t, size, bold) for t in toks]

    def can_break(i: int) -> bool:
        return i == n or (toks[i][0] not in _NO_START and toks[i - 1][-1] not in _NO_END and toks[i][0] != " ")

    def cost(j: int, i: int) -> float | None:
        w = sum(widths[j:i])
        if w > width - 1e-6:  # (summed pieces may round differently from the whole line)
            return None
        if i == n:  # the last line may be short, but not a lone word
            return max(0.0, (width / 3 - w) / size) ** 2 + (20.0 if i - j < 3 else 0.0)
        penalty = 0.0 if toks[i - 1][-1] in _SOFT else 10.0
        return 0.25 * ((width - w) / size) ** 2 + penalty

    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(count + 1)]  # best[k][i]: tokens[:i] in k lines
    back = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for k in range(1, count + 1):
        for i in range(1, n + 1):
            if not can_break(i):
                continue
            for j in range(i - 1, -1, -1):
                if best[k - 1][j] == inf:
                    continue
                c = cost(j, i)
                if c is None:
                    break  # longer lines only get wider
                if best[k - 1][j] + c < best[k][i]:
                    best[k][i], back[k][i] = best[k - 1][j] + c, j
    if best[count][n] == inf:
        return fewest
    cuts, i = [], n
    for k in range(count, 0, -1):
        cuts.append((back[k][i], i))
        i = back[k][i]
    return ["".join(toks[j:i]).strip() for j, i in reversed(cuts)]


def _greedy(s: str, size: float, width: float, bold: bool) -> list[str]:
    lines: list[list[str]] = [[]]
    for tok in _tokens(s, size, width, bold):
        line = lines[-1]
        if not line or text_width("".join(line) + tok, size, bold) <= width:
            line.append(tok)
            continue
        if tok.isspace():  # a space that does not fit is where the line breaks: it is not carried over
            lines.append([])
            continue
        # tok does not fit: start a new line, carrying over what may not be split from it
        carry: list[str] = []
        if tok[0] in _NO_START and len(line) > 1:
            carry.insert(0, line.pop())
        while len(line) > 1 and line[-1] in _NO_END:
            carry.insert(0, line.pop())
        lines.append(carry + [tok])
    return ["".join(line).strip() for line in lines if line]


def text(x: float, y: float, s: str, size: float, *, fill: str = INK, weight: str | None = None,
         anchor: str | None = None, cls: str | None = None) -> str:  # fmt: skip
    """One line of text (``anchor``: start, middle or end)."""
    attrs = f'x="{x:.1f}" y="{y:.1f}" ' + _text_attrs(size, fill, weight, anchor, cls)
    return f"<text {attrs}>{escape(s)}</text>"


def heading(title: str) -> str:
    """A figure's title, centred at the top."""
    return text(WIDTH / 2, 28, title, 19, weight="700", anchor="middle")


def text_lines(x: float, y: float, lines: list[str], size: float, leading: float, *, fill: str = INK,
               weight: str | None = None, anchor: str | None = None, cls: str | None = None) -> str:  # fmt: skip
    """Several lines, the first baseline at ``y``, one ``<tspan>`` per line."""
    attrs = _text_attrs(size, fill, weight, anchor, cls)
    spans = "".join(f'<tspan x="{x:.1f}" y="{y + k * leading:.1f}">{escape(s)}</tspan>' for k, s in enumerate(lines))
    return f"<text {attrs}>{spans}</text>"


def _text_attrs(size: float, fill: str, weight: str | None, anchor: str | None, cls: str | None) -> str:
    attrs = f'font-size="{size}" fill="{fill}"'
    for name, value in (("font-weight", weight), ("text-anchor", anchor), ("class", cls)):
        if value:
            attrs += f' {name}="{value}"'
    return attrs


def box_group(rect: str, *content: str, cls: str = "", **data: str) -> str:
    """A box and the text that must stay inside it (``cc-box``; the rect comes first)."""
    extra = "".join(f' data-{k.replace("_", "-")}="{escape(str(v))}"' for k, v in data.items())
    return f'<g class="cc-box{" " + cls if cls else ""}"{extra}>{rect}{"".join(content)}</g>'


def svg_frame(name: str, height: float, title: str, desc: str, body: list[str]) -> str:
    """The standalone ``<svg>``: viewBox ``WIDTH`` × ``height``, accessible title and description.

    Ids are prefixed ``cc-fig-NAME-`` so several figures can share a page.
    """
    ident = f"cc-fig-{name}"
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="cc-figure-svg {ident}" viewBox="0 0 {WIDTH} {height:.0f}" '
            f'role="img" aria-labelledby="{ident}-title {ident}-desc" font-family="{FONT}">',
            f'<title id="{ident}-title">{escape(title)}</title>',
            f'<desc id="{ident}-desc">{escape(desc)}</desc>',
            *body,
            "</svg>",
        ]
    )
