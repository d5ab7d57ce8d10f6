"""M8: three figures about complaints.

- ``complaint-repurchase``: bar chart, how many unhappy customers buy again (White House survey);
- ``complaint-iceberg``: only 4% of unhappy customers complain, 96% tell 16–20 others instead;
- ``complaint-steps``: the six steps of handling a complaint, in order, each with an example.
"""

from __future__ import annotations

from carecourse.content.figures import Iceberg, Repurchase, Steps, figure_data
from carecourse.figures.svg import INK, MUTED, WIDTH, box_group, heading, svg_frame, text, text_lines, text_width, wrap
from carecourse.render.palette import swatch

__all__ = ["complaint_iceberg_svg", "complaint_repurchase_svg", "complaint_steps_svg", "polygon_area"]

# --- repurchase: horizontal bars -------------------------------------------------------

BAR_X, BAR_FULL = 16, WIDTH - 32  # 100% spans the width
BAR_H, ROW = 32, 74
BAR_COLOURS = (swatch("gray_500"), swatch("cyan_700"), swatch("blue_700"), swatch("green_800"))  # all dark enough for white labels
VALUE_SIZE, LABEL_SIZE = 16, 15


def complaint_repurchase_svg(data: Repurchase | None = None) -> str:
    data = data or figure_data().repurchase
    subtitle = wrap(data.subtitle, 13, WIDTH - 32)
    top = 56 + 18 * len(subtitle)
    body = [
        heading(data.title),
        text_lines(WIDTH / 2, 50, subtitle, 13, 18, fill=MUTED, anchor="middle"),
    ]
    for k, group in enumerate(data.groups):
        y = top + k * ROW
        length = BAR_FULL * group.percent / 100
        value = f"{group.percent:g}%"
        inside = text_width(value, VALUE_SIZE, bold=True) + 16 <= length
        colour = BAR_COLOURS[k % len(BAR_COLOURS)]
        label = (
            text(BAR_X + length - 8, y + 24 + BAR_H / 2 + 6, value, VALUE_SIZE, weight="700", fill=swatch("white"), anchor="end", cls="cc-value")
            if inside
            else text(BAR_X + length + 8, y + 24 + BAR_H / 2 + 6, value, VALUE_SIZE, weight="700", fill=swatch("gray_700"), cls="cc-value")
        )  # fmt: skip
        body.append(
            f'<g class="cc-bar-row" data-percent="{group.percent:g}">'
            + text(BAR_X, y + 16, group.label, LABEL_SIZE, fill=INK, cls="cc-bar-label")
            + f'<rect class="cc-track" x="{BAR_X}" y="{y + 24}" width="{BAR_FULL}" height="{BAR_H}" rx="4" fill="{swatch("gray_100")}"/>'
            + f'<rect class="cc-bar" x="{BAR_X}" y="{y + 24}" width="{length:.2f}" height="{BAR_H}" rx="4" fill="{colour}"/>'
            + label
            + "</g>"
        )
    bottom = top + ROW * len(data.groups)
    source = wrap(data.source, 13, WIDTH - 32)
    body.append(text_lines(BAR_X, bottom + 8, source, 13, 18, fill=MUTED, cls="cc-source"))
    desc = f"条形图：{data.title}。" + "；".join(f"{g.label} {g.percent:g}%" for g in data.groups) + f"。{data.source}"
    return svg_frame("complaint-repurchase", bottom + 18 * len(source) + 8, data.title, desc, body)


# --- iceberg ---------------------------------------------------------------------------

ICE_CX = 220
# the tip's outline over its base (x offsets from the centre, heights as a share of the peak)
TIP = [(-44, 0.0), (-26, 0.5), (-6, 1.0), (10, 0.78), (22, 0.86), (44, 0.0)]
# the part under water, clockwise from the tip's right base corner (x offset, depth)
BODY = [(44, 0), (128, 58), (196, 150), (150, 236), (40, 270), (-84, 262), (-172, 196), (-176, 112), (-112, 44), (-44, 0)]
ICE_INK, TELLS_INK = swatch("sky_900"), swatch("pink_800")


def polygon_area(points: list[tuple[float, float]]) -> float:
    """Shoelace formula."""
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2


def complaint_iceberg_svg(data: Iceberg | None = None) -> str:
    """The tip's area is to the whole as the complainers are to all unhappy customers."""
    data = data or figure_data().iceberg
    body_shape = [(float(dx), float(depth)) for dx, depth in BODY]
    unit_tip = [(float(dx), -share) for dx, share in TIP]  # area scales with the peak's height
    peak = polygon_area(body_shape) * data.complain_percent / data.silent_percent / polygon_area(unit_tip)
    water = 64 + peak + 16  # the waterline: the peak just under the subtitle
    tip_pts = [(ICE_CX + dx, water - share * peak) for dx, share in TIP]
    body_pts = [(ICE_CX + dx, water + depth) for dx, depth in BODY]
    height = water + max(d for _, d in BODY) + 24
    pct = f"{data.complain_percent:g}%"
    silent = f"{data.silent_percent:g}%"
    people = f"{data.tells_min}–{data.tells_max} 个人"
    pts = lambda p: " ".join(f"{x:.1f},{y:.1f}" for x, y in p)  # noqa: E731
    label_x = max(x for x, _ in tip_pts) + 16
    # the words under water, in a box well inside the body's outline
    box_w, box_top = 236, water + 62
    box_x = ICE_CX - box_w / 2
    rows = [  # (baseline offset, text, size, bold, colour)
        (38, silent, 40, True, ICE_INK),
        (64, data.silent_label, 15, False, INK),
        (94, "但每人会把不满告诉", 15, True, TELLS_INK),
        (124, people, 26, True, TELLS_INK),
    ]
    box_h = rows[-1][0] + 12
    out = [
        heading(data.title),
        text(WIDTH / 2, 50, data.subtitle, 13, fill=MUTED, anchor="middle"),
        f'<rect class="cc-water" x="0" y="{water:.1f}" width="{WIDTH}" height="{height - water:.1f}" fill="{swatch("sky_100")}"/>',
        f'<polygon class="cc-ice-body" points="{pts(body_pts)}" fill="{swatch("sky_200")}" stroke="{swatch("sky_700")}" stroke-width="2" stroke-linejoin="round"/>',
        f'<polygon class="cc-ice-tip" points="{pts(tip_pts)}" fill="{swatch("white_long")}" stroke="{swatch("sky_700")}" stroke-width="2" stroke-linejoin="round"/>',
        f'<line x1="0" y1="{water:.1f}" x2="{WIDTH}" y2="{water:.1f}" stroke="{swatch("sky_600")}" stroke-width="2"/>',
        text(12, water - 10, "水面上：你听得到的", 13, fill=MUTED),
        text(12, water + 22, "水面下：你听不到的", 13, fill=swatch("sky_800")),
        # the tip: the few who complain
        text(label_x, water - 12, pct, 30, weight="700", fill=ICE_INK, cls="cc-ice-pct"),
        text(label_x + text_width(pct, 30, bold=True) + 8, water - 14, data.complain_label, 15, fill=INK),
        box_group(
            f'<rect x="{box_x:.1f}" y="{box_top:.1f}" width="{box_w}" height="{box_h}" fill="none"/>',
            *(
                text(ICE_CX, box_top + dy, s, size, weight="700" if bold else None, fill=colour, anchor="middle",
                     cls="cc-ice-pct" if s == silent else None)
                for dy, s, size, bold, colour in rows
            ),  # fmt: skip
            cls="cc-ice-silent",
        ),
    ]
    desc = (
        f"冰山图。{data.subtitle}，只有{pct}{data.complain_label}（水面上的冰山尖）；"
        f"{silent}{data.silent_label}（水面下的大部分），但每人会把不满告诉{people}。"
    )
    return svg_frame("complaint-iceberg", height, data.title, desc, out)


# --- the six steps ---------------------------------------------------------------------

STEP_NUM_X = 30
CARD_X, CARD_R = 60, WIDTH - 8
STEP_GAP = 14
STEP_NAME, STEP_BODY, STEP_LEAD = 17, 14, 20
STEP_INK, STEP_FILL = swatch("blue_800"), swatch("blue_50")


def complaint_steps_svg(data: Steps | None = None) -> str:
    data = data or figure_data().complaint_steps
    inner = CARD_R - CARD_X - 24
    examples = [wrap(f"“{s.example}”", STEP_BODY, inner) for s in data.steps]
    heights = [34 + STEP_LEAD * len(lines) + 6 for lines in examples]
    top = 66
    ys = [top + sum(heights[:k]) + STEP_GAP * k for k in range(len(heights))]
    bottom = ys[-1] + heights[-1]
    body = [
        heading(data.title),
        text(WIDTH / 2, 50, "按顺序做，每一步都有一句话可说", 13, fill=MUTED, anchor="middle"),
        # the thread through the numbers
        f'<line x1="{STEP_NUM_X}" y1="{ys[0] + 22}" x2="{STEP_NUM_X}" y2="{ys[-1] + 22}" stroke="{swatch("blue_300")}" stroke-width="3"/>',
    ]
    for k, (step, y, h, lines) in enumerate(zip(data.steps, ys, heights, examples), start=1):
        rect = f'<rect x="{CARD_X}" y="{y:.1f}" width="{CARD_R - CARD_X}" height="{h:.1f}" rx="8" fill="{STEP_FILL}" stroke="{STEP_INK}" stroke-width="1.2"/>'  # fmt: skip
        body.append(f'<circle cx="{STEP_NUM_X}" cy="{y + 22:.1f}" r="15" fill="{STEP_INK}"/>')
        body.append(text(STEP_NUM_X, y + 27, str(k), 15, weight="700", fill=swatch("white"), anchor="middle"))
        body.append(
            box_group(
                rect,
                text(CARD_X + 12, y + 26, step.name, STEP_NAME, weight="700", fill=STEP_INK, cls="cc-cs-name"),
                text_lines(CARD_X + 12, y + 26 + STEP_LEAD + 2, lines, STEP_BODY, STEP_LEAD, fill=swatch("gray_700"), cls="cc-cs-example"),
                cls="cc-cs-step",
                step=str(k),
            )
        )
    caption = wrap(data.caption, 15, CARD_R - CARD_X - 24, bold=True)
    cap_h = 22 * len(caption) + 14
    cap_y = bottom + 16
    body.append(
        box_group(
            f'<rect x="{CARD_X}" y="{cap_y:.1f}" width="{CARD_R - CARD_X}" height="{cap_h}" rx="{min(18, cap_h / 2)}" fill="{STEP_INK}"/>',
            text_lines((CARD_X + CARD_R) / 2, cap_y + 23, caption, 15, 22, weight="700", fill=swatch("white"), anchor="middle"),
            cls="cc-cs-caption",
        )
    )
    desc = f"{data.title}，按顺序：" + "；".join(f"{k}. {s.name}，例如“{s.example}”" for k, s in enumerate(data.steps, 1)) + f"。{data.caption}。"
    return svg_frame("complaint-steps", cap_y + cap_h + 10, data.title, desc, body)
