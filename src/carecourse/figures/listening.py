"""M7: the five levels of listening as a ladder, the lowest at the bottom (``listening-ladder``)."""

from __future__ import annotations

from carecourse.content.figures import ListeningLevel, figure_data
from carecourse.figures.svg import INK, MUTED, WIDTH, box_group, heading, svg_frame, text, text_lines, text_width, wrap
from carecourse.render.palette import swatch

__all__ = ["listening_ladder_svg"]

TITLE = "聆听的五个层次"
SUBTITLE = "从下往上，一级比一级用心"
TOP = 72
RAIL_L, RAIL_R = 40, WIDTH - 40
RUNG_X, RUNG_R = 24, WIDTH - 24
GAP = 18  # rail showing between rungs
NAME_SIZE, DESC_SIZE, LEAD = 17, 14, 19
NUM_X = RUNG_X + 28
TEXT_X = NUM_X + 26
TAG = "目标"
# lowest to highest: grey to green, the journey map's palette
COLOURS = [
    (swatch("gray_100"), swatch("gray_600")),
    (swatch("amber_100"), swatch("amber_800")),
    (swatch("sky_100"), swatch("sky_800")),
    (swatch("blue_100"), swatch("blue_800")),
    (swatch("green_100"), swatch("green_800")),
]


def listening_ladder_svg(levels: list[ListeningLevel] | None = None) -> str:
    levels = levels or figure_data().listening_levels
    width = RUNG_R - 12 - TEXT_X
    descs = {lv.level: wrap(lv.description, DESC_SIZE, width) for lv in levels}
    heights = {lv.level: 40 + LEAD * len(descs[lv.level]) for lv in levels}
    bottom = TOP + sum(heights.values()) + GAP * (len(levels) - 1)
    body = [
        heading(TITLE),
        text(WIDTH / 2, 50, SUBTITLE, 13, fill=MUTED, anchor="middle"),
    ]
    for x in (RAIL_L, RAIL_R):  # the ladder's rails, a little past the top and bottom rungs
        body.append(f'<rect x="{x - 4}" y="{TOP - 12}" width="8" height="{bottom - TOP + 24:.0f}" rx="4" fill="{swatch("gray_300")}"/>')
    y = TOP
    for lv in sorted(levels, key=lambda lv: -lv.level):  # drawn top (highest) down
        body.append(_rung(lv, y, heights[lv.level], descs[lv.level], top=lv.level == len(levels)))
        y += heights[lv.level] + GAP
    return svg_frame("listening-ladder", bottom + 24, f"{TITLE}（由低到高）", _description(levels), body)


def _rung(lv: ListeningLevel, y: float, height: float, desc: list[str], top: bool) -> str:
    fill, ink = COLOURS[min(lv.level, len(COLOURS)) - 1]
    stroke = f' stroke="{ink}" stroke-width="2"' if top else ""
    rect = f'<rect x="{RUNG_X}" y="{y:.1f}" width="{RUNG_R - RUNG_X}" height="{height:.1f}" rx="10" fill="{fill}"{stroke}/>'
    parts = [
        f'<circle cx="{NUM_X}" cy="{y + 21:.1f}" r="14" fill="{ink}"/>',
        text(NUM_X, y + 26, str(lv.level), 14, weight="700", fill=swatch("white"), anchor="middle"),
        text(TEXT_X, y + 27, lv.name, NAME_SIZE, weight="700", fill=ink, cls="cc-ll-name"),
        text_lines(TEXT_X, y + 27 + LEAD + 2, desc, DESC_SIZE, LEAD, fill=INK, cls="cc-ll-desc"),
    ]
    if top:  # the level to aim for
        x = TEXT_X + text_width(lv.name, NAME_SIZE) + 10
        w = text_width(TAG, 13) + 14
        parts.append(f'<rect x="{x:.1f}" y="{y + 12:.1f}" width="{w:.1f}" height="20" rx="10" fill="{ink}"/>')
        parts.append(text(x + w / 2, y + 26.5, TAG, 13, weight="700", fill=swatch("white"), anchor="middle"))
    return box_group(rect, *parts, cls="cc-ll-level", level=str(lv.level))


def _description(levels: list[ListeningLevel]) -> str:
    return "一架梯子，从下往上：" + "；".join(f"第{lv.level}级 {lv.name}：{lv.description}" for lv in levels) + "。"
