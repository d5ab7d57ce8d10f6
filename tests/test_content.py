"""The touchpoint data and the journey map drawn from it."""

import xml.etree.ElementTree as ET

import pytest
from pydantic import ValidationError

from carecourse.content import Journey, journey
from carecourse.figures.journey import journey_svg

ORDER = "寻找 到达 厅前 进厅 环境 徘徊 主动咨询 业务体验 自助服务 购机 排队等候 办理沟通 办理等待 办理结果 投诉争议 离开".split()


def test_the_sixteen_touchpoints_in_the_syllabus_order():
    j = journey()
    assert [t.name for t in j.touchpoints] == ORDER
    assert [t.from_seed for t in j.touchpoints] == [True] * 10 + [False] * 6


def test_standard_phrases_where_the_syllabus_gives_them():
    by_name = {t.name: t for t in journey().touchpoints}
    assert by_name["进厅"].id == "enter-hall"
    assert by_name["进厅"].phrase == "您好，请问您办理什么业务？"
    assert by_name["主动咨询"].phrase == "您好！请问有什么可以帮您？"


def test_zones_must_be_contiguous():
    data = journey().model_dump()
    data["touchpoints"][1]["zone"], data["touchpoints"][-1]["zone"] = data["touchpoints"][-1]["zone"], data["touchpoints"][1]["zone"]
    with pytest.raises(ValidationError, match="consecutive"):
        Journey.model_validate(data)


def test_a_check_answer_must_be_an_option():
    data = journey().model_dump()
    data["touchpoints"][0]["check"]["answer"] = 9
    with pytest.raises(ValidationError, match="option index"):
        Journey.model_validate(data)


def test_journey_map_is_wellformed_svg_with_every_step_and_need():
    j = journey()
    svg = journey_svg(j)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    text = "".join(root.itertext())
    for t in j.touchpoints:
        assert t.name in text and t.need in text
    for z in j.zones:
        assert z.name in text
    steps = root.findall(".//{http://www.w3.org/2000/svg}g[@class='cc-jm-step']")
    assert [int(g.get("data-step")) for g in steps] == list(range(1, 17))
    dashed = [g for g in steps if "stroke-dasharray" in ET.tostring(g, encoding="unicode")]
    assert len(dashed) == 6  # the six touchpoints not detailed in the seed
