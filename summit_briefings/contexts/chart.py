"""The trade chart: actual trade against targets, drawn as inline SVG at build time, twice:
wide for a desktop and for paper, narrow for a phone (briefings.css shows one), so that on a
phone the SVG is drawn at about its own size and its text at the size CSS gives it, not
shrunk to half. The legend is HTML under the chart, in the page's own type."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from html import escape
from itertools import pairwise

from ..evidence.quotes import canonical_number


@dataclass(frozen=True)
class Frame:
    """A drawing's size and margins in SVG units; year_room is the least room between two
    year labels (a year's width at the frame's type size, and a gap); type_size is the font
    size briefings.css gives the drawing. The left margin is the least: a wider tick label
    widens it (_left)."""

    name: str  # its class: 'wide' or 'narrow'
    width: int
    height: int
    left: int
    right: int
    top: int  # room above the top line for a value label
    bottom: int
    year_room: int
    type_size: int


# The wide frame is shown at 600-880 px, so one unit is about a pixel; the narrow one is as
# wide as a 390 px phone's text column, where the chart's text is 15px (briefings.css).
WIDE = Frame("wide", 640, 300, 56, 24, 28, 36, 40, 13)
NARROW = Frame("narrow", 360, 330, 44, 14, 30, 34, 44, 15)
VALUE_SIZE = 0.9  # a value label's font size, in the drawing's (briefings.css: .value)
AXIS_X = 14  # the baseline of the rotated unit label, from the drawing's left edge
GAP = 6  # between the unit label and the tick labels, and between a tick label and the plot
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


Box = tuple[float, float, float, float]  # left, top, right, bottom
Segment = tuple[float, float, float, float]  # x1, y1, x2, y2

# Advance widths in em of a sans-serif face (Roboto and Arial agree to a few hundredths):
# enough to keep labels apart without measuring them in a browser.
NARROW_CHARS, WIDE_CHARS = frozenset(" ,.:;/|!'()[]ilIjft"), frozenset("mwMW%")


def text_width(text: str, size: float) -> float:
    """The width a line of text takes at a font size, estimated from its characters."""
    return size * sum(0.3 if c in NARROW_CHARS else 0.85 if c in WIDE_CHARS
                      else 0.67 if c.isupper() else 0.56 for c in text)


def text_box(text: str, size: float, x: float, y: float, anchor: str) -> Box:
    """The box a text's glyphs take, drawn with its baseline at y and anchored at x as SVG
    anchors it ('start', 'middle', 'end'): ascenders above, a comma's tail below."""
    width = text_width(text, size)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return (left, y - 0.75 * size, left + width, y + 0.2 * size)


def _meets(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _crosses(segment: Segment, box: Box) -> bool:
    """Whether a straight line from (x1, y1) to (x2, y2) passes through a box: the part of
    the line inside the box's columns (Liang-Barsky clipping) reaches its rows."""
    x1, y1, x2, y2 = segment
    low, high = 0.0, 1.0
    for delta, start, lower, upper in ((x2 - x1, x1, box[0], box[2]),
                                       (y2 - y1, y1, box[1], box[3])):
        if delta == 0:
            if not lower <= start <= upper:
                return False
            continue
        t1, t2 = sorted(((lower - start) / delta, (upper - start) / delta))
        low, high = max(low, t1), min(high, t2)
    return low <= high


@dataclass
class Layout:
    """What a drawing has drawn so far: marks and placed labels (boxes) and lines (segments)
    that a label must keep clear of, inside its bounds."""

    bounds: Box
    boxes: list[Box]
    segments: list[Segment]

    def clashes(self, box: Box) -> int:
        pad = (box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1)
        outside = not (self.bounds[0] <= box[0] and box[2] <= self.bounds[2]
                       and self.bounds[1] <= box[1] and box[3] <= self.bounds[3])
        return (10 * outside + sum(_meets(pad, b) for b in self.boxes)
                + sum(_crosses(s, pad) for s in self.segments))

    def place(self, text: str, size: float,
              spots: list[tuple[float, float, str]]) -> tuple[float, float, str]:
        """The first spot (x, baseline, anchor) where the text meets nothing drawn, else the
        one where it meets the fewest things, the earlier of equals; taken from then on."""
        def cost(spot: tuple[float, float, str]) -> int:
            return self.clashes(text_box(text, size, *spot))
        best = min(spots, key=cost)  # min keeps the first of equals
        self.boxes.append(text_box(text, size, *best))
        return best


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


def _left(frame: Frame, ticks: list[int]) -> int:
    """The left margin: the frame's, or wider where the longest tick label and the rotated
    unit label beside it need more, so that the two never meet."""
    widest = max(text_width(str(tick), frame.type_size) for tick in ticks)
    return max(frame.left, math.ceil(AXIS_X + 0.2 * frame.type_size + 2 * GAP + widest))


def _drawing(frame: Frame, actual: list[Point], targets: list[Point], title: str,
             description: str, levels: tuple[Level, ...], axis: str) -> str:
    """SVG markup: lines of actual trade (broken where years have no figure), diamonds for
    targets, dashed lines for targets with no year, every value written beside its mark so
    that it reads on paper and on a touch screen, and labelled axes. Each label takes the
    first of its spots that keeps clear of every mark, line and label drawn before it: the
    lines of targets with no year and their labels first, then the targets', then the
    actual figures'."""
    years = [p.year for p in actual + targets]
    span = (min(years) - 1, max(years) + 1)
    amounts = [p.amount for p in actual + targets] + [level.amount for level in levels]
    top = max(50.0, math.ceil(max(amounts) / 50) * 50)
    ticks = list(range(0, int(top) + 1, 50))
    frame = replace(frame, left=_left(frame, ticks))
    x, y = _scale(frame, span, top)
    width, height, left, right = frame.width, frame.height, frame.left, frame.right
    size = VALUE_SIZE * frame.type_size
    ids = f"chart-title-{frame.name} chart-desc-{frame.name}"
    out = [f'<svg class="trade-chart {frame.name}" viewBox="0 0 {width} {height}" role="img" '
           f'aria-labelledby="{ids}" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="chart-title-{frame.name}">{escape(title)}</title>',
           f'<desc id="chart-desc-{frame.name}">{escape(description)}</desc>']
    for tick in ticks:
        out.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y(tick)}" '
                   f'y2="{y(tick)}"/><text class="tick" x="{left - GAP}" y="{y(tick) + 4}" '
                   f'text-anchor="end">{tick}</text>')
    step = _year_step(frame, span)
    for year in range(span[0] + (-span[0]) % step, span[1] + 1, step):
        out.append(f'<text class="tick" x="{x(year)}" y="{height - frame.bottom + 18}" '
                   f'text-anchor="middle">{year}</text>')
    middle = (frame.top + height - frame.bottom) // 2
    out.append(f'<text class="axis" x="{AXIS_X}" y="{middle}" text-anchor="middle" '
               f'transform="rotate(-90 {AXIS_X} {middle})">{escape(axis)}</text>')
    runs = [[(x(p.year), y(p.amount)) for p in run] for run in _runs(actual)]
    layout = Layout(
        bounds=(left, 0, width, height - frame.bottom),
        boxes=[(cx - 5, cy - 5, cx + 5, cy + 5) for run in runs for cx, cy in run]
        + [(x(p.year) - 7, y(p.amount) - 7, x(p.year) + 7, y(p.amount) + 7) for p in targets],
        segments=[(*a, *b) for run in runs for a, b in pairwise(run)]
        + [(left, y(level.amount), width - right, y(level.amount)) for level in levels])
    for level in levels:
        ly = y(level.amount)
        over, under = round(ly - 5, 1), round(ly + size + 3, 1)
        lx, label_y, anchor = layout.place(level.label, size, [
            (width - right - 4, over, "end"), (width - right - 4, under, "end"),
            (left + 4, over, "start"), (left + 4, under, "start")])
        out.append(f'<line class="level" x1="{left}" x2="{width - right}" y1="{ly}" y2="{ly}">'
                   f'<title>{escape(level.title)}</title></line><text class="value level-label" '
                   f'x="{lx}" y="{label_y}" text-anchor="{anchor}">'
                   f'{escape(level.label)}</text>')
    for run in runs:
        if len(run) > 1:
            line = " ".join(f"{cx},{cy}" for cx, cy in run)
            out.append(f'<polyline class="actual" points="{line}"/>')
    # Targets' labels take their spots first (above their diamonds, as a rule); the diamonds
    # are drawn last, over the line of actual trade.
    diamonds = []
    for p in targets:
        cx, cy = x(p.year), y(p.amount)
        value = canonical_number(p.amount)
        vx, vy, anchor = layout.place(value, size, _spots(cx, cy, 11, 20, 11, above_first=True))
        diamonds.append(f'<path class="target" d="{_diamond(cx, cy)}"><title>'
                        f'{escape(p.label)}</title></path><text class="value" x="{vx}" '
                        f'y="{vy}" text-anchor="{anchor}">{value}</text>')
    for index, p in enumerate(sorted(actual, key=lambda p: p.year)):
        kind = "computed" if p.computed else "stated"
        cx, cy = x(p.year), y(p.amount)
        value = canonical_number(p.amount)
        # Neighbouring years alternate below and above their points, so labels seldom meet.
        vx, vy, anchor = layout.place(value, size, _spots(cx, cy, 9, 18, 8,
                                                          above_first=index % 2 == 0))
        out.append(f'<circle class="point {kind}" cx="{cx}" cy="{cy}" r="4">'
                   f'<title>{escape(p.label)}</title></circle><text class="value" x="{vx}" '
                   f'y="{vy}" text-anchor="{anchor}">{value}</text>')
    out += diamonds
    out.append("</svg>")
    return "\n".join(out)


def _spots(cx: float, cy: float, above: float, below: float, beside: float, *,
           above_first: bool) -> list[tuple[float, float, str]]:
    """Where a mark's value label may go, the first choice first: above or below the mark
    (baselines `above` over and `below` under its centre), then after it, then before it."""
    over, under = (cx, round(cy - above, 1), "middle"), (cx, round(cy + below, 1), "middle")
    return [*((over, under) if above_first else (under, over)),
            (round(cx + beside, 1), round(cy + 4, 1), "start"),
            (round(cx - beside, 1), round(cy + 4, 1), "end")]
