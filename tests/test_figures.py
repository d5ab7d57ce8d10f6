"""The course figures (carecourse.figures.FIGURES): well-formed, legible on a phone, true to the data.

Layout is checked on the drawn SVG, not on the drawing code's own numbers: every line of
text is measured with the width estimate (a CJK character is 1 em) and must stay inside its
box (``<g class="cc-box">``, first ``<rect>``), inside the viewBox, and clear of every other
line.
"""

from __future__ import annotations

import glob
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import ValidationError

import carecourse
from carecourse.content.figures import FigureData, figure_data
from carecourse.figures import FIGURES, figure_svg
from carecourse.figures.complaints import complaint_iceberg_svg, complaint_repurchase_svg, polygon_area
from carecourse.figures.journey import FONT
from carecourse.figures.svg import text_width, wrap

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NAMES = ["customer-types", "listening-ladder", "complaint-repurchase", "complaint-iceberg", "complaint-steps", "sandwich-no"]


def _svg(name: str) -> ET.Element:
    return ET.fromstring(figure_svg(name))


def _viewbox(root: ET.Element) -> tuple[float, float]:
    x, y, w, h = map(float, root.get("viewBox").split())
    assert (x, y) == (0, 0)
    return w, h


def _drawn_text(root: ET.Element) -> str:
    """All the text drawn in the figure (not <title>/<desc>), whitespace removed."""
    return re.sub(r"\s+", "", "".join("".join(t.itertext()) for t in root.iter(f"{SVG}text")))


def _flat(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _classes(el: ET.Element) -> set[str]:
    return set((el.get("class") or "").split())


def _groups(root: ET.Element, cls: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if cls in _classes(g)]


# --- measuring the drawn text ------------------------------------------------------------


class Line:
    """One drawn line of text and its estimated bounding box."""

    def __init__(self, s: str, x: float, y: float, size: float, anchor: str, bold: bool, fill: str):
        self.s, self.size, self.fill = s, size, fill
        self.width = text_width(s, size, bold)
        self.left = {"start": x, "middle": x - self.width / 2, "end": x - self.width}[anchor]
        self.right = self.left + self.width
        self.top, self.bottom = y - 0.88 * size, y + 0.12 * size

    def overlaps(self, other: "Line") -> bool:
        return self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom

    def __repr__(self) -> str:
        return f"Line({self.s!r}, x {self.left:.0f}–{self.right:.0f}, y {self.top:.0f}–{self.bottom:.0f})"


def _lines(text_el: ET.Element) -> list[Line]:
    size = float(text_el.get("font-size"))
    anchor = text_el.get("text-anchor", "start")
    bold = text_el.get("font-weight") == "700"
    fill = text_el.get("fill", "#000")
    spans = [t for t in text_el.iter(f"{SVG}tspan") if t.get("y") is not None]
    if not spans:
        return [Line("".join(text_el.itertext()), float(text_el.get("x")), float(text_el.get("y")), size, anchor, bold, fill)]
    return [
        Line("".join(t.itertext()), float(t.get("x")), float(t.get("y")), size, anchor,
             bold or any(s.get("font-weight") == "700" for s in t.iter()), fill)
        for t in spans
    ]  # fmt: skip


def _rect(el: ET.Element) -> tuple[float, float, float, float]:
    return tuple(float(el.get(k)) for k in ("x", "y", "width", "height"))  # type: ignore[return-value]


def layout_problems(root: ET.Element) -> list[str]:
    """Lines out of their box, out of the viewBox, or on top of each other."""
    problems = []
    width, height = _viewbox(root)
    for box in _groups(root, "cc-box"):
        x, y, w, h = _rect(box.find(f"{SVG}rect"))
        for text_el in box.iter(f"{SVG}text"):
            for line in _lines(text_el):
                if line.left < x or line.right > x + w or line.top < y or line.bottom > y + h:
                    problems.append(f"{line} is not inside its box x {x:.0f}–{x + w:.0f}, y {y:.0f}–{y + h:.0f}")
    every = [line for t in root.iter(f"{SVG}text") for line in _lines(t)]
    for line in every:
        if line.left < 0 or line.right > width or line.top < 0 or line.bottom > height:
            problems.append(f"{line} is outside the viewBox {width:.0f}×{height:.0f}")
    for k, a in enumerate(every):
        for b in every[k + 1 :]:
            if a.overlaps(b):
                problems.append(f"{a} overlaps {b}")
    return problems


# --- every figure ------------------------------------------------------------------------


def test_the_figures_the_pages_use_are_all_there():
    assert sorted(FIGURES) == sorted(NAMES)
    with pytest.raises(KeyError, match="known: complaint-iceberg"):
        figure_svg("no-such-figure")


@pytest.mark.parametrize("name", NAMES)
def test_well_formed_accessible_self_contained(name):
    raw = figure_svg(name)
    root = ET.fromstring(raw)
    assert root.tag == f"{SVG}svg"
    width, height = _viewbox(root)
    assert width <= 480 and 100 < height < 1400
    assert root.get("role") == "img" and root.get("font-family") == FONT
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text.strip() and len(desc.text) > 20
    outside = raw.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for banned in ("http", "href", "<image", "url(", "@import", "<script", "<foreignObject"):
        assert banned not in outside, banned


def test_ids_are_unique_across_figures():
    """Three figures share the M8 page: their ids must not collide."""
    ids = [el.get("id") for name in NAMES for el in _svg(name).iter() if el.get("id")]
    assert len(ids) == len(set(ids)) >= 2 * len(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_text_is_large_enough_for_a_phone(name):
    sizes = [float(t.get("font-size")) for t in _svg(name).iter(f"{SVG}text")]
    assert sizes and min(sizes) >= 13


@pytest.mark.parametrize("name", NAMES)
def test_no_text_leaves_its_box_or_runs_into_other_text(name):
    assert layout_problems(_svg(name)) == []


def test_the_layout_check_catches_overflow_and_overlap():
    bad = ET.fromstring(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 200">'
        '<g class="cc-box"><rect x="10" y="10" width="100" height="40"/>'
        '<text x="20" y="36" font-size="14">八个汉字的一行字</text></g>'  # 8 × 14 = 112 > 90
        '<text x="470" y="100" font-size="14">出界</text>'
        '<text x="20" y="150" font-size="16">重叠</text><text x="30" y="152" font-size="16">重叠</text>'
        "</svg>"
    )
    problems = layout_problems(bad)
    assert len(problems) == 3, problems
    assert "not inside its box" in problems[0] and "outside the viewBox" in problems[1] and "overlaps" in problems[2]


@pytest.mark.parametrize("name", NAMES)
def test_dark_text_on_light_boxes(name):
    """Coloured text keeps a contrast of at least 4.5:1 with the box it sits in."""
    for box in _groups(_svg(name), "cc-box"):
        fill = box.find(f"{SVG}rect").get("fill")
        if fill in (None, "none"):
            fill = "#ffffff" if name != "complaint-iceberg" else "#bae6fd"
        for t in box.iter(f"{SVG}text"):
            if t.get("fill") in ("#fff", "#ffffff"):
                continue  # white on its own dark pill or bar
            colours = {t.get("fill")} | {s.get("fill") for s in t.iter(f"{SVG}tspan") if s.get("fill")}
            for colour in colours:
                assert _contrast(colour, fill) >= 4.5, (name, "".join(t.itertext()), colour, fill)


def _contrast(a: str, b: str) -> float:
    def lum(h: str) -> float:
        h = h.lstrip("#")
        h = "".join(c * 2 for c in h) if len(h) == 3 else h
        rgb = [int(h[k : k + 2], 16) / 255 for k in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# --- each figure shows its data ----------------------------------------------------------


def test_customer_types_every_item_in_its_quadrant():
    data = figure_data().customer_types
    root = _svg("customer-types")
    drawn = _drawn_text(root)
    for t in data.types:
        for item in (t.name, *t.traits, t.first):
            assert _flat(item) in drawn, item
    for axis in (data.vertical, data.horizontal):
        for item in (axis.name, axis.low, axis.high):
            assert item in drawn
    assert drawn.count("首先：") == 4
    cells = {g.get("data-id"): _rect(g.find(f"{SVG}rect")) for g in _groups(root, "cc-ct-cell")}
    (x_ins, y_ins, *_), (x_ang, y_ang, *_) = cells["insistent"], cells["angry"]
    (x_hes, y_hes, *_), (x_fri, y_fri, *_) = cells["hesitant"], cells["friendly"]
    assert x_ins == x_fri < x_ang == x_hes  # calm on the left, agitated on the right
    assert y_ins == y_ang < y_fri == y_hes  # strong on top, easy-going below
    names = {g.get("data-id"): "".join(g.find(f"{SVG}text").itertext()) for g in _groups(root, "cc-ct-cell")}
    assert names == {"insistent": "坚持己见型", "angry": "愤怒型", "hesitant": "犹豫不决型", "friendly": "和善型"}


def test_listening_ladder_climbs_from_level_one():
    levels = figure_data().listening_levels
    root = _svg("listening-ladder")
    drawn = _drawn_text(root)
    for lv in levels:
        assert lv.name in drawn and _flat(lv.description) in drawn
    rungs = _groups(root, "cc-ll-level")
    by_level = sorted(rungs, key=lambda g: int(g.get("data-level")))
    ys = [_rect(g.find(f"{SVG}rect"))[1] for g in by_level]
    assert ys == sorted(ys, reverse=True)  # level 1 at the bottom
    assert ["".join(g.find(f"{SVG}text[@class='cc-ll-name']").itertext()) for g in by_level] == [
        "听而不闻", "假装聆听", "选择性聆听", "专注聆听", "设身处地的聆听",
    ]  # fmt: skip
    top = "".join(by_level[-1].itertext())
    assert "听内容" in top and "听意图" in top and "听感受" in top


def _bars(root: ET.Element) -> list[tuple[float, ET.Element, ET.Element, ET.Element]]:
    rows = _groups(root, "cc-bar-row")
    out = []
    for g in rows:
        bar = next(r for r in g.iter(f"{SVG}rect") if "cc-bar" in _classes(r))
        track = next(r for r in g.iter(f"{SVG}rect") if "cc-track" in _classes(r))
        value = next(t for t in g.iter(f"{SVG}text") if "cc-value" in _classes(t))
        out.append((float(g.get("data-percent")), bar, track, value))
    return out


def test_repurchase_bars_are_proportional_and_labelled():
    data = figure_data().repurchase
    root = _svg("complaint-repurchase")
    bars = _bars(root)
    assert [p for p, *_ in bars] == [9, 19, 54, 82] == [g.percent for g in data.groups]
    widths = [float(bar.get("width")) for _, bar, _, _ in bars]
    full = float(bars[0][2].get("width"))  # the track: 100%
    for (percent, *_), w in zip(bars, widths):
        assert w / full == pytest.approx(percent / 100, abs=1e-3)
    assert widths[3] / widths[0] == pytest.approx(82 / 9, rel=1e-3)
    ys = [float(bar.get("y")) for _, bar, _, _ in bars]
    assert ys == sorted(ys)  # in the survey's order, top to bottom
    for (percent, bar, _track, value), w in zip(bars, widths, strict=True):
        assert "".join(value.itertext()) == f"{percent:g}%"
        (line,) = _lines(value)
        x0 = float(bar.get("x"))
        inside = x0 <= line.left and line.right <= x0 + w
        after = x0 + w < line.left and line.right <= x0 + full
        assert inside or after, (percent, line)
    drawn = _drawn_text(root)
    for g in data.groups:
        assert _flat(g.label) in drawn
    assert "白宫" in drawn and _flat(data.source) in drawn


def test_repurchase_bars_follow_the_data_not_fixed_numbers():
    data = figure_data().repurchase
    changed = data.model_copy(update={"groups": [g.model_copy(update={"percent": p}) for g, p in zip(data.groups, [10, 40, 100, 0.5])]})
    root = ET.fromstring(complaint_repurchase_svg(changed))
    bars = _bars(root)
    full = float(bars[0][2].get("width"))
    assert [float(b.get("width")) / full for _, b, _, _ in bars] == pytest.approx([0.10, 0.40, 1.00, 0.005])
    assert layout_problems(root) == []


def _points(poly: ET.Element) -> list[tuple[float, float]]:
    return [tuple(map(float, p.split(","))) for p in poly.get("points").split()]  # type: ignore[misc]


def _inside(pt: tuple[float, float], poly: list[tuple[float, float]]) -> bool:
    x, y = pt
    hit = False
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def test_iceberg_tip_is_four_percent_of_the_ice():
    data = figure_data().iceberg
    root = _svg("complaint-iceberg")
    drawn = _drawn_text(root)
    assert "4%" in drawn and "96%" in drawn and "16–20" in drawn
    assert _flat(data.complain_label) in drawn and _flat(data.silent_label) in drawn
    polys = {next(iter(_classes(p))): _points(p) for p in root.iter(f"{SVG}polygon") if _classes(p) & {"cc-ice-tip", "cc-ice-body"}}
    tip, body = polygon_area(polys["cc-ice-tip"]), polygon_area(polys["cc-ice-body"])
    assert tip / (tip + body) == pytest.approx(0.04, rel=0.05)
    water = float(root.find(f"{SVG}rect[@class='cc-water']").get("y"))
    assert max(y for _, y in polys["cc-ice-tip"]) == pytest.approx(water)  # the tip stands on the water
    assert min(y for _, y in polys["cc-ice-body"]) == pytest.approx(water)
    x, y, w, h = _rect(_groups(root, "cc-ice-silent")[0].find(f"{SVG}rect"))
    for corner in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)):  # the 96% words sit in the ice
        assert _inside(corner, polys["cc-ice-body"]), corner


def test_iceberg_follows_the_data():
    data = figure_data().iceberg.model_copy(update={"complain_percent": 10.0})
    root = ET.fromstring(complaint_iceberg_svg(data))
    polys = {next(iter(_classes(p))): _points(p) for p in root.iter(f"{SVG}polygon")}
    tip, body = polygon_area(polys["cc-ice-tip"]), polygon_area(polys["cc-ice-body"])
    assert tip / (tip + body) == pytest.approx(0.10, rel=0.05)
    assert "10%" in _drawn_text(root) and "90%" in _drawn_text(root)
    assert layout_problems(root) == []


def test_complaint_steps_in_order_with_examples():
    steps = figure_data().complaint_steps
    root = _svg("complaint-steps")
    groups = _groups(root, "cc-cs-step")
    assert [int(g.get("data-step")) for g in groups] == [1, 2, 3, 4, 5, 6]
    ys = [_rect(g.find(f"{SVG}rect"))[1] for g in groups]
    assert ys == sorted(ys) and len(set(ys)) == 6  # top to bottom
    names = ["".join(g.find(f"{SVG}text[@class='cc-cs-name']").itertext()) for g in groups]
    assert names == ["仔细聆听", "复述投诉", "道歉", "认同感受", "提出措施", "表示感谢"]
    for g, step in zip(groups, steps.steps, strict=True):
        assert _flat(step.example) in _flat("".join(g.itertext()))
    assert _flat(steps.caption) in _drawn_text(root)


def test_sandwich_layers_from_understanding_to_your_options():
    data = figure_data().sandwich_no
    root = _svg("sandwich-no")
    groups = _groups(root, "cc-sw-layer")
    ys = [_rect(g.find(f"{SVG}rect"))[1] for g in groups]
    assert [g.get("data-role") for g in sorted(groups, key=lambda g: _rect(g.find(f"{SVG}rect"))[1])] == [
        "understanding", "refusal", "my_offer", "your_option",
    ]  # fmt: skip
    assert ys == sorted(ys)
    for g, layer in zip(groups, data.layers, strict=True):
        words = _flat("".join(g.itertext()))
        assert _flat(layer.label) in words and _flat(layer.lead) in words and _flat(layer.example) in words
    drawn = _drawn_text(root)
    assert "我能为您做的是" in drawn and "您可以" in drawn and "伙伴" in drawn


# --- the examples agree with the grader ---------------------------------------------------


def test_complaint_step_examples_pass_the_complaint_exercise():
    steps = figure_data().complaint_steps.steps
    whole = carecourse.grade("complaint-billing", "".join(s.example for s in steps))
    assert whole.score == whole.max_score and whole.penalties == []
    for s in steps:
        if s.rubric:
            assert carecourse.grade("complaint-billing", s.example).met(s.rubric), (s.name, s.rubric)


def test_sandwich_examples_pass_the_decline_exercise():
    layers = figure_data().sandwich_no.layers
    whole = carecourse.grade("decline-policy", "".join(layer.example for layer in layers))
    assert whole.score == whole.max_score and whole.penalties == []
    for layer in layers:
        result = carecourse.grade("decline-policy", layer.example)
        assert all(result.met(c) for c in layer.rubric), (layer.role, layer.rubric)
    assert [c.id for c in carecourse.grade("decline-policy", layers[0].example).criteria if c.met] == ["empathy"]


# --- the schema rejects bad data -----------------------------------------------------------


def _data() -> dict:
    return figure_data().model_dump()


def test_a_percentage_above_100_is_rejected():
    data = _data()
    data["repurchase"]["groups"][3]["percent"] = 182
    with pytest.raises(ValidationError) as err:
        FigureData.model_validate(data)
    assert "repurchase.groups.3.percent" in str(err.value) and "less than or equal to 100" in str(err.value)


def test_a_missing_listening_level_is_rejected():
    data = _data()
    del data["listening_levels"][2]
    with pytest.raises(ValidationError, match="at least 5 items"):
        FigureData.model_validate(data)
    data = _data()
    data["listening_levels"][1], data["listening_levels"][2] = data["listening_levels"][2], data["listening_levels"][1]
    with pytest.raises(ValidationError, match=r"numbered 1, 2, 3, \.\.\. from the lowest, got \[1, 3, 2, 4, 5\]"):
        FigureData.model_validate(data)
    data = _data()
    del data["listening_levels"][4]["description"]
    with pytest.raises(ValidationError, match=r"listening_levels\.4\.description\n  Field required"):
        FigureData.model_validate(data)


def test_two_customer_types_in_one_quadrant_are_rejected():
    data = _data()
    data["customer_types"]["types"][3]["emotion"] = "high"  # 和善型 onto 犹豫不决型's cell
    with pytest.raises(ValidationError, match="exactly one customer type"):
        FigureData.model_validate(data)


def test_the_sandwich_order_is_enforced():
    data = _data()
    layers = data["sandwich_no"]["layers"]
    layers[0], layers[1] = layers[1], layers[0]  # saying no before showing understanding
    with pytest.raises(ValidationError, match="understanding → refusal → my_offer → your_option in that order"):
        FigureData.model_validate(data)


def test_unknown_fields_and_impossible_ranges_are_rejected():
    data = _data()
    data["iceberg"]["tells_min"], data["iceberg"]["tells_max"] = 20, 16
    with pytest.raises(ValidationError, match="tells_min"):
        FigureData.model_validate(data)
    data = _data()
    data["complaint_steps"]["steps"][0]["exmaple"] = "typo"
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        FigureData.model_validate(data)


# --- the data agrees with the syllabus and the seed ------------------------------------------


def _section(module: str) -> str:
    path = SHARED / "syllabus.md"
    if not path.is_file():
        pytest.skip("shared/syllabus.md is not beside the repository")
    section = path.read_text(encoding="utf-8").split(f"## {module} ", 1)[1].split("\n## ", 1)[0]
    return re.sub(r"\s+", " ", section)


def test_data_matches_the_syllabus():
    data = figure_data()
    m5, m7, m8 = _section("M5"), _section("M7"), _section("M8")
    assert {t.name for t in data.customer_types.types} == set(re.findall(r"「([^」]+型)」", m5))
    assert [lv.name for lv in data.listening_levels] == re.findall(r"「([^」]+)」", m7.split("Five levels:", 1)[1])[:5]
    sequence = re.search(r"「投诉处理六步」: (.+?) \(", m8).group(1).split(" → ")
    assert [s.name for s in data.complaint_steps.steps] == sequence
    survey = re.findall(r"(\d+)%", m8.split("will buy again:", 1)[1].split(".", 1)[0])
    assert [f"{g.percent:g}" for g in data.repurchase.groups] == survey == ["9", "19", "54", "82"]
    assert f"Only {data.iceberg.complain_percent:g}% of unhappy customers complain" in m8
    assert f"{data.iceberg.silent_percent:g}% don't" in m8
    assert f"tell {data.iceberg.tells_min}–{data.iceberg.tells_max} others" in m8


def test_numbers_match_the_seed_handbook():
    found = glob.glob(str(SHARED / "seeds" / "001_*.txt"))
    if not found:
        pytest.skip("shared/seeds is not beside the repository")
    seed = Path(found[0]).read_text(encoding="utf-8")
    survey = seed.split("下次再来消费的比例", 1)[1][:120]
    assert re.findall(r"(\d+)%", survey)[:4] == [f"{g.percent:g}" for g in figure_data().repurchase.groups]
    ice = figure_data().iceberg
    assert f"{ice.complain_percent:g}%的不满意顾客会向你投诉" in seed
    assert f"{ice.silent_percent:g}%的不满意顾客不会向你投诉" in seed
    assert f"告诉{ice.tells_min}{ice.tells_max}人" in seed  # "16–20" lost its dash in the extraction


# --- wrapping ---------------------------------------------------------------------------------

# pieces that can always be set on a line of 6 em, so a legal break always exists
_words = st.sampled_from(["客户", "服务", "投诉，", "处理。", "聆听、", "理解：", "您好？", "我", "的", "“不”", "16–20", "50元", "82%", " "])


@given(st.lists(_words, min_size=1, max_size=40).map("".join), st.integers(min_value=6, max_value=30))
@example("投诉，投诉， 16–2016–20", 6)  # a space that did not fit made a line of its own, empty once stripped
def test_wrap_keeps_the_text_and_the_width(s, ems):
    width = ems * 14
    lines = wrap(s, 14, width)
    assert _flat("".join(lines)) == _flat(s)
    for line in lines:
        assert text_width(line, 14) <= width
    for line in lines[1:]:
        assert line[0] not in "，。、：？%”"
    for line in lines[:-1]:
        assert line[-1] != "“"


def test_wrap_prefers_punctuation_and_avoids_a_lone_last_word():
    assert wrap("消除疑虑，帮他明确目标，一起找出问题、合作解决，并做出承诺。", 14, 186) == [
        "消除疑虑，帮他明确目标，", "一起找出问题、合作解决，", "并做出承诺。",
    ]  # fmt: skip
    lines = wrap("表示理解和体谅，认真聆听，让他把情绪发泄出来。", 14, 120)
    assert len(lines[-1]) > 2
