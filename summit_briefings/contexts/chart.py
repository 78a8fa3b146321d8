"""The trade chart: actual trade against targets, drawn as inline SVG at build time, twice:
wide for a desktop and for paper, narrow for a phone (briefings.css shows one), so that on a
phone the SVG is drawn at about its own size and its text at the size CSS gives it, not
shrunk to half. The legend is HTML under the chart, in the page's own type."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from ..evidence.quotes import canonical_number


@dataclass(frozen=True)
class Frame:
    """A drawing's size and margins in SVG units; year_room is the least room between two
    year labels (a year's width at the frame's type size, and a gap)."""

    name: str  # its class: 'wide' or 'narrow'
    width: int
    height: int
    left: int
    right: int
    top: int  # room above the top line for a value label
    bottom: int
    year_room: int


# The wide frame is shown at 600-880 px, so one unit is about a pixel; the narrow one is as
# wide as a 390 px phone's text column, where the chart's text is 15px (briefings.css).
WIDE = Frame("wide", 640, 300, 56, 24, 28, 36, 40)
NARROW = Frame("narrow", 360, 330, 44, 14, 30, 34, 44)
LEGEND = (("actual", "Actual trade"), ("computed", "Computed"),
          ("target", "Target (year)"), ("level", "Target, no year"))


@dataclass(frozen=True)
class Point:
    year: int
    amount: float
    label: str
    computed: bool = False


@dataclass(frozen=True)
class Level:
    """A target with no year ('near term'): drawn as a dashed line at its amount."""

    amount: float
    label: str  # on the chart: '100, near term'
    title: str  # the tooltip: what it is and where it was stated


def _runs(points: list[Point]) -> list[list[Point]]:
    """Consecutive years as one line each: no line is drawn across years with no figure."""
    runs: list[list[Point]] = []
    for point in sorted(points, key=lambda p: p.year):
        if runs and point.year == runs[-1][-1].year + 1:
            runs[-1].append(point)
        else:
            runs.append([point])
    return runs


def _scale(frame: Frame, years: tuple[int, int], top: float):
    first, last = years

    def x(year: float) -> float:
        return round(frame.left + (year - first) / (last - first)
                     * (frame.width - frame.left - frame.right), 1)

    def y(amount: float) -> float:
        return round(frame.height - frame.bottom
                     - amount / top * (frame.height - frame.top - frame.bottom), 1)

    return x, y


def _year_step(frame: Frame, years: tuple[int, int]) -> int:
    """Label every year, or every 2nd, 5th, 10th … : the first step that leaves each label
    its room."""
    per_year = (frame.width - frame.left - frame.right) / (years[1] - years[0])
    step = 1
    while step * per_year < frame.year_room:
        step = step * 5 // 2 if str(step).startswith("2") else step * 2
    return step


def _diamond(cx: float, cy: float) -> str:
    return f"M{cx} {cy - 7}L{cx + 7} {cy}L{cx} {cy + 7}L{cx - 7} {cy}Z"


def _mark(kind: str, cx: float, cy: float) -> str:
    """A legend entry's mark, drawn as on the chart."""
    if kind == "target":
        return f'<path class="target" d="{_diamond(cx, cy)}"/>'
    if kind == "level":
        return f'<line class="level" x1="{cx - 8}" x2="{cx + 8}" y1="{cy}" y2="{cy}"/>'
    return f'<circle class="point {"computed" if kind == "computed" else "stated"}" ' \
           f'cx="{cx}" cy="{cy}" r="4"/>'


def trade_chart(actual: list[Point], targets: list[Point], title: str, description: str,
                levels: tuple[Level, ...] = (), axis: str = "bn") -> str:
    """The chart's markup: the wide and the narrow drawing of the same data, then the legend
    as a list, each entry with its mark."""
    drawings = [_drawing(frame, actual, targets, title, description, levels, axis)
                for frame in (WIDE, NARROW)]
    entries = [(kind, text) for kind, text in LEGEND if kind != "level" or levels]
    # One entry a line: as text (copied, or read by a search index) the entries stay words
    # apart ('Actual trade Computed', not 'Actual tradeComputed').
    legend = "\n".join(f'<li><svg class="legend-mark" viewBox="0 0 20 16" aria-hidden="true">'
                     f'{_mark(kind, 10, 8)}</svg>{text}</li>' for kind, text in entries)
    return "\n".join([*drawings, f'<ul class="chart-legend">\n{legend}\n</ul>'])


def _drawing(frame: Frame, actual: list[Point], targets: list[Point], title: str,
             description: str, levels: tuple[Level, ...], axis: str) -> str:
    """SVG markup: lines of actual trade (broken where years have no figure), diamonds for
    targets, dashed lines for targets with no year, every value written beside its mark so
    that it reads on paper and on a touch screen, and labelled axes."""
    years = [p.year for p in actual + targets]
    span = (min(years) - 1, max(years) + 1)
    amounts = [p.amount for p in actual + targets] + [level.amount for level in levels]
    top = max(50.0, math.ceil(max(amounts) / 50) * 50)
    x, y = _scale(frame, span, top)
    width, height, left, right = frame.width, frame.height, frame.left, frame.right
    ids = f"chart-title-{frame.name} chart-desc-{frame.name}"
    out = [f'<svg class="trade-chart {frame.name}" viewBox="0 0 {width} {height}" role="img" '
           f'aria-labelledby="{ids}" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="chart-title-{frame.name}">{escape(title)}</title>',
           f'<desc id="chart-desc-{frame.name}">{escape(description)}</desc>']
    for tick in range(0, int(top) + 1, 50):
        out.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y(tick)}" '
                   f'y2="{y(tick)}"/><text class="tick" x="{left - 6}" y="{y(tick) + 4}" '
                   f'text-anchor="end">{tick}</text>')
    step = _year_step(frame, span)
    for year in range(span[0] + (-span[0]) % step, span[1] + 1, step):
        out.append(f'<text class="tick" x="{x(year)}" y="{height - frame.bottom + 18}" '
                   f'text-anchor="middle">{year}</text>')
    middle = (frame.top + height - frame.bottom) // 2
    out.append(f'<text class="axis" x="14" y="{middle}" text-anchor="middle" '
               f'transform="rotate(-90 14 {middle})">{escape(axis)}</text>')
    for level in levels:
        ly = y(level.amount)
        out.append(f'<line class="level" x1="{left}" x2="{width - right}" y1="{ly}" y2="{ly}">'
                   f'<title>{escape(level.title)}</title></line><text class="value level-label" '
                   f'x="{width - right - 4}" y="{ly - 5}" text-anchor="end">'
                   f'{escape(level.label)}</text>')
    for run in _runs(actual):
        if len(run) > 1:
            line = " ".join(f"{x(p.year)},{y(p.amount)}" for p in run)
            out.append(f'<polyline class="actual" points="{line}"/>')
    for index, p in enumerate(sorted(actual, key=lambda p: p.year)):
        kind = "computed" if p.computed else "stated"
        cx, cy = x(p.year), y(p.amount)
        # Neighbouring years alternate below and above their points, so labels never meet.
        ly = cy + 18 if index % 2 else cy - 9
        out.append(f'<circle class="point {kind}" cx="{cx}" cy="{cy}" r="4">'
                   f'<title>{escape(p.label)}</title></circle><text class="value" x="{cx}" '
                   f'y="{ly}" text-anchor="middle">{canonical_number(p.amount)}</text>')
    for p in targets:
        cx, cy = x(p.year), y(p.amount)
        out.append(f'<path class="target" d="{_diamond(cx, cy)}"><title>{escape(p.label)}'
                   f'</title></path><text '
                   f'class="value" x="{cx}" y="{cy - 11}" text-anchor="middle">'
                   f'{canonical_number(p.amount)}</text>')
    out.append("</svg>")
    return "\n".join(out)
