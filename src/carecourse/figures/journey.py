"""The business-hall journey map (服务全景图) as an SVG drawn from ``touchpoints.yaml``.

A vertical timeline, so it stays legible on a phone: the 16 touchpoints in the customer's
order, each with its core need, on bands coloured by the staff zone that serves them.
"""

from __future__ import annotations

from html import escape

from carecourse.content import Journey, Touchpoint
from carecourse.render.palette import swatch

__all__ = ["journey_svg"]

WIDTH = 480
TOP = 64  # room for the title
ROW = 58  # one touchpoint
BAND_X, BAND_W = 8, 64
PATH_X = 104
CARD_X, CARD_W = 128, WIDTH - 128 - 8
ZONE_COLOURS = (swatch("blue_100"), swatch("green_100"), swatch("amber_100"), swatch("pink_100"), swatch("violet_100"), swatch("sky_100"))
ZONE_INK = (swatch("blue_800"), swatch("green_800"), swatch("amber_800"), swatch("pink_800"), swatch("violet_800"), swatch("sky_800"))
FONT = "'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif"


def journey_svg(journey: Journey, title: str = "营业厅服务全景图：客户的16个关键触点") -> str:
    """The map as a standalone ``<svg>`` element (text stays text: selectable, readable)."""
    steps = journey.touchpoints
    legend_y = TOP + ROW * len(steps) + 16
    height = legend_y + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cc-journey-map" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="cc-jm-title cc-jm-desc" font-family="{FONT}">',
        f'<title id="cc-jm-title">{escape(title)}</title>',
        f'<desc id="cc-jm-desc">{escape(_description(journey))}</desc>',
        f'<text x="{WIDTH / 2}" y="28" text-anchor="middle" font-size="19" font-weight="700" fill="{swatch("gray_900")}">{escape(title)}</text>',
        f'<text x="{WIDTH / 2}" y="50" text-anchor="middle" font-size="13" fill="{swatch("gray_600")}">从找到营业厅到离开，沿着客户的脚步走一遍</text>',
    ]  # fmt: skip
    parts += _zone_bands(journey)
    parts.append(
        f'<line x1="{PATH_X}" y1="{_y(1)}" x2="{PATH_X}" y2="{_y(len(steps))}" stroke="{swatch("gray_400")}" stroke-width="3"/>'
    )
    colour_of = {z.id: k for k, z in enumerate(journey.zones)}
    for t in steps:
        parts += _step(t, colour_of[t.zone])
    parts += _legend(legend_y)
    parts.append("</svg>")
    return "\n".join(parts)


def _y(step: int) -> float:
    """Vertical centre of a step's row."""
    return TOP + ROW * (step - 1) + ROW / 2


def _zone_bands(journey: Journey) -> list[str]:
    out = []
    for k, zone in enumerate(journey.zones):
        members = journey.in_zone(zone.id)
        if not members:
            continue
        top = TOP + ROW * (members[0].step - 1) + 3
        height = ROW * len(members) - 6
        fill, ink = ZONE_COLOURS[k % len(ZONE_COLOURS)], ZONE_INK[k % len(ZONE_INK)]
        out.append(f'<rect x="{BAND_X}" y="{top}" width="{BAND_W}" height="{height}" rx="10" fill="{fill}"/>')
        out.append(_vertical_text(zone.name, BAND_X + BAND_W / 2, top + height / 2, ink, height))
    return out


def _vertical_text(text: str, x: float, centre_y: float, ink: str, room: float) -> str:
    """Chinese set top to bottom, one character per line, centred on ``centre_y``.

    A short band (a zone of one step) gets smaller characters so the name stays inside.
    """
    gap = min(21.0, (room - 10) / len(text))
    size = min(17.0, gap * 0.8)
    first = centre_y - gap * (len(text) - 1) / 2 + size / 3
    chars = "".join(
        f'<tspan x="{x}" y="{first + gap * k:.1f}">{escape(c)}</tspan>' for k, c in enumerate(text)
    )
    return f'<text text-anchor="middle" font-size="{size:.1f}" font-weight="700" fill="{ink}">{chars}</text>'


def _step(t: Touchpoint, colour: int) -> list[str]:
    y = _y(t.step)
    ink = ZONE_INK[colour % len(ZONE_INK)]
    dash = "" if t.from_seed else ' stroke-dasharray="5 4"'
    card_top = y - ROW / 2 + 5
    return [
        f'<g class="cc-jm-step" data-step="{t.step}" data-id="{escape(t.id)}">',
        f'<circle cx="{PATH_X}" cy="{y}" r="15" fill="{ink}"/>',
        f'<text x="{PATH_X}" y="{y + 5}" text-anchor="middle" font-size="14" font-weight="700" fill="{swatch("white")}">{t.step}</text>',
        f'<rect x="{CARD_X}" y="{card_top}" width="{CARD_W}" height="{ROW - 10}" rx="8" fill="{swatch("white")}" stroke="{ink}" stroke-width="1.5"{dash}/>',
        f'<text x="{CARD_X + 12}" y="{y - 3}" font-size="17" font-weight="700" fill="{swatch("gray_900")}">{escape(t.name)}</text>',
        f'<text x="{CARD_X + 12}" y="{y + 17}" font-size="14" fill="{swatch("gray_700")}">需求：{escape(t.need)}</text>',
        "</g>",
    ]  # fmt: skip


def _legend(y: float) -> list[str]:
    return [
        f'<rect x="{CARD_X}" y="{y}" width="28" height="16" rx="4" fill="{swatch("white")}" stroke="{swatch("gray_500")}" stroke-dasharray="5 4"/>',
        f'<text x="{CARD_X + 36}" y="{y + 13}" font-size="13" fill="{swatch("gray_600")}">虚线框：根据课程其他内容整理的触点</text>',
        f'<text x="{BAND_X}" y="{y + 13}" font-size="13" fill="{swatch("gray_600")}">色带＝区域</text>',
    ]  # fmt: skip


def _description(journey: Journey) -> str:
    return "；".join(f"{t.step}. {t.name}（{journey.zone(t.zone).name}）：{t.need}" for t in journey.touchpoints)
