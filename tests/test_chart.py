"""The trade chart's drawings (contexts/chart.py), read back as XML: the unit label beside the
value axis keeps clear of the tick labels however wide they are, and no value label sits on
a dashed line (a target with no year), another label or a mark. Text boxes are the chart's
own estimate (chart.text_box); tests/browser/test_layout.py measures the drawn chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from summit_briefings.contexts.chart import (
    AXIS_X,
    GAP,
    NARROW,
    VALUE_SIZE,
    WIDE,
    Level,
    Point,
    text_box,
    trade_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
FRAMES = {frame.name: frame for frame in (WIDE, NARROW)}

# The review's case: 2024 and 2025 close together just under a target of 100 with no year,
# whose label is the width of a phone's chart; a target of 100 by 2020 on the same line.
CLOSE_UNDER_A_LEVEL = (
    [Point(2017, 63.9, ""), Point(2021, 78.1, "", computed=True), Point(2022, 87, ""),
     Point(2024, 86.7, ""), Point(2025, 92.5, "")],
    [Point(2020, 100, ""), Point(2030, 150, ""), Point(2032, 160, "")],
    (Level(100, "100, no year given / near term", ""),))
CASES = {
    "close under a level": CLOSE_UNDER_A_LEVEL,
    "one figure on the level": ([Point(2030, 50, "")], [Point(2036, 60, "")],
                                (Level(50, "50, near term", ""),)),
    "four-digit ticks": ([Point(2020, 1180, ""), Point(2021, 1210, "")],
                         [Point(2030, 1500, "")], ()),
}


def drawings(case) -> dict[str, ET.Element]:
    actual, targets, levels = case
    markup = trade_chart(actual, targets, "Trade", "Trade by year", levels, axis="US$ bn")
    root = ET.fromstring(f"<chart>{markup}</chart>")
    return {svg.get("class").split()[1]: svg for svg in root.iter(f"{SVG}svg")
            if "trade-chart" in svg.get("class")}


def box(text: ET.Element, size: float) -> tuple[float, float, float, float]:
    return text_box(text.text, size, float(text.get("x")), float(text.get("y")),
                    text.get("text-anchor"))


def meets(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
@pytest.mark.parametrize("name", FRAMES)
def test_the_unit_label_keeps_clear_of_the_tick_labels(case, name: str):
    frame = FRAMES[name]
    svg = drawings(case)[name]
    ticks = [t for t in svg.iter(f"{SVG}text")
             if t.get("class") == "tick" and t.get("text-anchor") == "end"]
    assert ticks
    axis = next(t for t in svg.iter(f"{SVG}text") if t.get("class") == "axis")
    assert axis.text == "US$ bn" and float(axis.get("x")) == AXIS_X
    # Turned a quarter to the left, the unit label's descenders face the tick labels.
    unit_right = AXIS_X + 0.2 * frame.type_size
    for tick in ticks:
        assert box(tick, frame.type_size)[0] - unit_right >= GAP, (name, tick.text)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
@pytest.mark.parametrize("name", FRAMES)
def test_no_value_label_sits_on_a_line_a_label_or_a_mark(case, name: str):
    frame = FRAMES[name]
    svg = drawings(case)[name]
    size = VALUE_SIZE * frame.type_size
    values = [(t.text, box(t, size)) for t in svg.iter(f"{SVG}text")
              if "value" in t.get("class").split()]
    assert len(values) == sum(len(part) for part in case)
    levels = [float(line.get("y1")) for line in svg.iter(f"{SVG}line")
              if line.get("class") == "level"]
    marks = [(float(c.get("cx")) - 4, float(c.get("cy")) - 4, float(c.get("cx")) + 4,
              float(c.get("cy")) + 4) for c in svg.iter(f"{SVG}circle")]
    for index, (text, (left, top, right, bottom)) in enumerate(values):
        assert not any(top <= y <= bottom for y in levels), (name, text)
        assert not any(meets((left, top, right, bottom), mark) for mark in marks), (name, text)
        assert not any(meets((left, top, right, bottom), other)
                       for _, other in values[index + 1:]), (name, text)
        assert left >= 0 and right <= frame.width and top >= 0, (name, text)


def test_a_label_off_its_first_spot_is_still_beside_its_point():
    """92.5, just under the line, cannot go above (the line) or below (86.7's label): it goes
    after its point, on the point's own level, not somewhere far."""
    svg = drawings(CLOSE_UNDER_A_LEVEL)["narrow"]
    label = next(t for t in svg.iter(f"{SVG}text") if t.text == "92.5")
    point = [c for c in svg.iter(f"{SVG}circle")][-1]
    assert label.get("text-anchor") == "start"
    assert float(label.get("x")) - float(point.get("cx")) < 12
    assert abs(float(label.get("y")) - float(point.get("cy"))) < 6
