"""M9: the sandwich "no" as layers, top to bottom (``sandwich-no``).

Bread: understanding; filling: the "no" and its reason, then what I can do for you;
bread: what you can do. Each layer shows its opening and an example from the decline-policy
exercise (helping a friend replace a SIM card), so the figure agrees with the grader.
"""

from __future__ import annotations

from carecourse.content.figures import SandwichLayer, SandwichNo, figure_data
from carecourse.figures.svg import INK, MUTED, WIDTH, box_group, heading, svg_frame, text, text_lines, text_width, wrap
from carecourse.render.palette import swatch

__all__ = ["sandwich_no_svg"]

X, R = 12, WIDTH - 12
PAD = 16
TOP = 66
LEAD = 20
LEAD_SIZE, EXAMPLE_SIZE, TAG_SIZE = 16, 14, 13
# role -> (fill, stroke, ink, corner radius): bread, tomato, lettuce, bread
STYLE = {
    "understanding": (swatch("amber_100"), swatch("amber_600"), swatch("amber_800"), 26),
    "refusal": (swatch("red_100"), swatch("red_600"), swatch("red_800"), 8),
    "my_offer": (swatch("green_100"), swatch("green_600"), swatch("green_800"), 8),
    "your_option": (swatch("amber_100"), swatch("amber_600"), swatch("amber_800"), 26),
}


def sandwich_no_svg(data: SandwichNo | None = None) -> str:
    data = data or figure_data().sandwich_no
    inner = R - X - 2 * PAD
    layouts = [_layout(layer, inner) for layer in data.layers]
    heights = [_height(layout) for layout in layouts]
    gap = 6
    y = TOP
    body = [
        heading(data.title),
        text(WIDTH / 2, 50, "一个“不”字，夹在理解和办法中间说", 13, fill=MUTED, anchor="middle"),
    ]
    for layer, layout, h in zip(data.layers, layouts, heights):
        body.append(_layer(layer, layout, y, h))
        y += h + gap
    caption = wrap(data.caption, 14, R - X - 2 * PAD)
    cap_y = y + 10
    cap_h = 22 * len(caption) + 14
    body.append(
        box_group(
            f'<rect x="{X}" y="{cap_y:.1f}" width="{R - X}" height="{cap_h}" rx="10" fill="{swatch("gray_50")}" stroke="{swatch("gray_300")}"/>',
            text_lines(WIDTH / 2, cap_y + 22, caption, 14, 22, fill=INK, anchor="middle", cls="cc-sw-caption"),
            cls="cc-sw-caption-box",
        )
    )
    desc = "三明治分四层，从上到下：" + "；".join(f"{ly.label}：{ly.lead}，例如“{ly.example}”" for ly in data.layers) + f"。{data.caption}。"  # fmt: skip
    return svg_frame("sandwich-no", cap_y + cap_h + 10, data.title, desc, body)


def _layout(layer: SandwichLayer, inner: float) -> tuple[list[str], list[str]]:
    tag_w = text_width(layer.label, TAG_SIZE, bold=True) + 16
    lead = wrap(layer.lead, LEAD_SIZE, inner - tag_w - 10, bold=True)
    example = wrap(f"例：“{layer.example}”", EXAMPLE_SIZE, inner)
    return lead, example


def _height(layout: tuple[list[str], list[str]]) -> float:
    lead, example = layout
    return PAD + 22 * len(lead) + 4 + LEAD * len(example) + PAD - 4


def _layer(layer: SandwichLayer, layout: tuple[list[str], list[str]], y: float, h: float) -> str:
    fill, stroke, ink, radius = STYLE[layer.role]
    lead, example = layout
    tag_w = text_width(layer.label, TAG_SIZE, bold=True) + 16
    rect = f'<rect x="{X}" y="{y:.1f}" width="{R - X}" height="{h:.1f}" rx="{radius}" fill="{fill}" stroke="{stroke}" stroke-width="2.5"/>'
    first = y + PAD + 15
    parts = [
        f'<rect x="{X + PAD}" y="{first - 15:.1f}" width="{tag_w:.1f}" height="21" rx="10.5" fill="{ink}"/>',
        text(X + PAD + tag_w / 2, first, layer.label, TAG_SIZE, weight="700", fill=swatch("white"), anchor="middle", cls="cc-sw-label"),
        text_lines(X + PAD + tag_w + 10, first + 1, lead, LEAD_SIZE, 22, weight="700", fill=ink, cls="cc-sw-lead"),
        text_lines(X + PAD, first + 22 * (len(lead) - 1) + 4 + LEAD + 2, example, EXAMPLE_SIZE, LEAD, fill=swatch("gray_700"), cls="cc-sw-example"),
    ]  # fmt: skip
    return box_group(rect, *parts, cls="cc-sw-layer", role=layer.role)
