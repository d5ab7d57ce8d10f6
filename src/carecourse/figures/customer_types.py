"""M5: the four customer types on a 2×2 grid (``customer-types``).

Vertical axis: dominance (strong on top); horizontal axis: emotion (calm on the left). Each
cell gives the type's name, its traits and the first response ("首先：").
"""

from __future__ import annotations

from carecourse.content.figures import CustomerType, CustomerTypes, figure_data
from carecourse.figures.svg import INK, MUTED, WIDTH, box_group, heading, svg_frame, text, text_lines, text_width, wrap
from carecourse.render.palette import swatch

__all__ = ["customer_types_svg"]

TITLE = "四种客户类型"
SUBTITLE = "先看客户属于哪一型，再决定第一反应"
AXIS_X = 20  # the vertical axis
GRID_X, GRID_R = 42, WIDTH - 6
GAP = 8
CELL_W = (GRID_R - GRID_X - GAP) / 2
AXIS_Y = 82  # the horizontal axis
GRID_Y = 100
PAD = 12
NAME_SIZE, BODY_SIZE, LEAD = 18, 14, 20
# (fill, ink) per quadrant, from the journey map's palette
COLOURS = {
    ("high", "low"): (swatch("amber_100"), swatch("amber_800")),
    ("high", "high"): (swatch("pink_100"), swatch("pink_800")),
    ("low", "high"): (swatch("violet_100"), swatch("violet_800")),
    ("low", "low"): (swatch("green_100"), swatch("green_800")),
}
FIRST = "首先："


def customer_types_svg(data: CustomerTypes | None = None) -> str:
    data = data or figure_data().customer_types
    inner = CELL_W - 2 * PAD
    layouts = {(t.dominance, t.emotion): _layout(t, inner) for t in data.types}
    rows = [max(_height(layouts[(d, "low")]), _height(layouts[(d, "high")])) for d in ("high", "low")]
    grid_bottom = GRID_Y + rows[0] + GAP + rows[1]
    body = [
        heading(TITLE),
        text(WIDTH / 2, 50, SUBTITLE, 13, fill=MUTED, anchor="middle"),
        *_axes(data, grid_bottom),
    ]
    top = GRID_Y
    for dominance, height in zip(("high", "low"), rows):
        for k, emotion in enumerate(("low", "high")):
            x = GRID_X + k * (CELL_W + GAP)
            t = data.at(dominance, emotion)
            body.append(_cell(t, layouts[(dominance, emotion)], x, top, height))
        top += height + GAP
    return svg_frame("customer-types", grid_bottom + 12, f"{TITLE}：{data.vertical.name}×{data.horizontal.name}", _description(data), body)


def _layout(t: CustomerType, inner: float) -> tuple[list[list[str]], list[str]]:
    traits = [wrap(s, BODY_SIZE, inner - 12) for s in t.traits]
    first = wrap(t.first, BODY_SIZE, inner)
    return traits, first


def _height(layout: tuple[list[list[str]], list[str]]) -> float:
    traits, first = layout
    n_traits = sum(len(lines) for lines in traits)
    return 34 + LEAD * n_traits + 14 + LEAD * (1 + len(first)) + 4


def _cell(t: CustomerType, layout: tuple[list[list[str]], list[str]], x: float, y: float, height: float) -> str:
    fill, ink = COLOURS[(t.dominance, t.emotion)]
    traits, first = layout
    parts = [text(x + PAD, y + 28, t.name, NAME_SIZE, weight="700", fill=ink, cls="cc-ct-name")]
    line_y = y + 34 + LEAD - 5
    for lines in traits:
        parts.append(f'<circle cx="{x + PAD + 3:.1f}" cy="{line_y - 5:.1f}" r="2.5" fill="{ink}"/>')
        parts.append(text_lines(x + PAD + 12, line_y, lines, BODY_SIZE, LEAD, fill=INK, cls="cc-ct-trait"))
        line_y += LEAD * len(lines)
    rule_y = line_y - LEAD + 12
    parts.append(f'<line x1="{x + PAD:.1f}" y1="{rule_y:.1f}" x2="{x + CELL_W - PAD:.1f}" y2="{rule_y:.1f}" stroke="{ink}" stroke-opacity="0.35"/>')  # fmt: skip
    parts.append(_first(x + PAD, rule_y + LEAD, first, ink))
    rect = f'<rect x="{x:.1f}" y="{y:.1f}" width="{CELL_W:.1f}" height="{height:.1f}" rx="10" fill="{fill}"/>'
    return box_group(rect, *parts, cls="cc-ct-cell", id=t.id, dominance=t.dominance, emotion=t.emotion)


def _first(x: float, y: float, lines: list[str], ink: str) -> str:
    """The first response, under a "首先：" in bold and the type's colour."""
    return text(x, y, FIRST, BODY_SIZE, weight="700", fill=ink) + text_lines(
        x, y + LEAD, lines, BODY_SIZE, LEAD, fill=INK, cls="cc-ct-first"
    )


def _axes(data: CustomerTypes, grid_bottom: float) -> list[str]:
    grey = swatch("gray_500")
    v, h = data.vertical, data.horizontal
    out = [
        # horizontal: emotion, calm on the left
        f'<line x1="{GRID_X + 8}" y1="{AXIS_Y}" x2="{GRID_R - 8}" y2="{AXIS_Y}" stroke="{grey}" stroke-width="1.5"/>',
        _arrowhead(GRID_X, AXIS_Y, "left", grey),
        _arrowhead(GRID_R, AXIS_Y, "right", grey),
        _label(GRID_X + 14, AXIS_Y, h.low, "start"),
        _label(GRID_R - 14, AXIS_Y, h.high, "end"),
        _label((GRID_X + GRID_R) / 2, AXIS_Y, h.name, "middle", bold=True),
        # vertical: dominance, strong on top
        f'<line x1="{AXIS_X}" y1="{GRID_Y + 8}" x2="{AXIS_X}" y2="{grid_bottom - 8}" stroke="{grey}" stroke-width="1.5"/>',
        _arrowhead(AXIS_X, GRID_Y, "up", grey),
        _arrowhead(AXIS_X, grid_bottom, "down", grey),
        _stack(AXIS_X, GRID_Y + 16, v.high, "top"),
        _stack(AXIS_X, grid_bottom - 16, v.low, "bottom"),
        _stack(AXIS_X, (GRID_Y + grid_bottom) / 2, v.name, "middle", bold=True),
    ]
    return out


def _arrowhead(x: float, y: float, direction: str, colour: str) -> str:
    pts = {
        "left": [(x, y), (x + 9, y - 5), (x + 9, y + 5)],
        "right": [(x, y), (x - 9, y - 5), (x - 9, y + 5)],
        "up": [(x, y), (x - 5, y + 9), (x + 5, y + 9)],
        "down": [(x, y), (x - 5, y - 9), (x + 5, y - 9)],
    }[direction]
    return f'<polygon points="{" ".join(f"{a:.1f},{b:.1f}" for a, b in pts)}" fill="{colour}"/>'


def _label(x: float, y: float, s: str, anchor: str, bold: bool = False) -> str:
    """Axis text on the horizontal axis, on a white patch that hides the line behind it."""
    size = 15 if bold else 14
    w = text_width(s, size) + 10
    left = {"start": x - 5, "middle": x - w / 2, "end": x - w + 5}[anchor]
    patch = f'<rect x="{left:.1f}" y="{y - size / 2 - 4:.1f}" width="{w:.1f}" height="{size + 8}" fill="{swatch("white")}"/>'
    return patch + text(x, y + size * 0.36, s, size, fill=INK if bold else MUTED, weight="700" if bold else None, anchor=anchor)


def _stack(x: float, at: float, s: str, align: str, bold: bool = False) -> str:
    """Axis text on the vertical axis: one character per line, on a white patch."""
    size, gap = (15, 18) if bold else (14, 17)
    height = gap * len(s)
    top = {"top": at, "middle": at - height / 2, "bottom": at - height}[align]
    patch = f'<rect x="{x - size / 2 - 3:.1f}" y="{top - 2:.1f}" width="{size + 6}" height="{height + 4:.1f}" fill="{swatch("white")}"/>'
    lines = list(s)
    return patch + text_lines(x, top + gap * 0.8, lines, size, gap, fill=INK if bold else MUTED,
                              weight="700" if bold else None, anchor="middle")  # fmt: skip


def _description(data: CustomerTypes) -> str:
    v, h = data.vertical, data.horizontal
    where = {
        ("high", "low"): f"{v.high}、{h.low}",
        ("high", "high"): f"{v.high}、{h.high}",
        ("low", "high"): f"{v.low}、{h.high}",
        ("low", "low"): f"{v.low}、{h.low}",
    }
    head = f"四格图。纵轴{v.name}（上{v.high}、下{v.low}），横轴{h.name}（左{h.low}、右{h.high}）。"
    cells = "".join(
        f"{t.name}（{where[(t.dominance, t.emotion)]}）：{'；'.join(t.traits)}。首先：{t.first}" for t in data.types
    )
    return head + cells
