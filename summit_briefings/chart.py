"""The trade chart: actual trade against targets, drawn as inline SVG at build time."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 150, 28, 36  # room above the top line for a value label


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


def _number(amount: float) -> str:
    return f"{amount:g}"


def _scale(years: tuple[int, int], top: float):
    first, last = years

    def x(year: float) -> float:
        return round(LEFT + (year - first) / (last - first) * (WIDTH - LEFT - RIGHT), 1)

    def y(amount: float) -> float:
        return round(HEIGHT - BOTTOM - amount / top * (HEIGHT - TOP - BOTTOM), 1)

    return x, y


def trade_chart(actual: list[Point], targets: list[Point], title: str, description: str,
                levels: tuple[Level, ...] = (), axis: str = "bn") -> str:
    """SVG markup: lines of actual trade (broken where years have no figure), diamonds for
    targets, dashed lines for targets with no year, every value written beside its mark so
    that it reads on paper and on a touch screen, labelled axes and a legend."""
    years = [p.year for p in actual + targets]
    span = (min(years) - 1, max(years) + 1)
    amounts = [p.amount for p in actual + targets] + [level.amount for level in levels]
    top = max(50.0, math.ceil(max(amounts) / 50) * 50)
    x, y = _scale(span, top)
    out = [f'<svg class="trade-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
           f'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="chart-title">{escape(title)}</title>',
           f'<desc id="chart-desc">{escape(description)}</desc>']
    for tick in range(0, int(top) + 1, 50):
        out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick)}" '
                   f'y2="{y(tick)}"/><text class="tick" x="{LEFT - 6}" y="{y(tick) + 4}" '
                   f'text-anchor="end">{tick}</text>')
    step = 2 if span[1] - span[0] > 10 else 1
    for year in range(span[0] + span[0] % step, span[1] + 1, step):
        out.append(f'<text class="tick" x="{x(year)}" y="{HEIGHT - BOTTOM + 18}" '
                   f'text-anchor="middle">{year}</text>')
    middle = (TOP + HEIGHT - BOTTOM) // 2
    out.append(f'<text class="axis" x="14" y="{middle}" text-anchor="middle" '
               f'transform="rotate(-90 14 {middle})">{escape(axis)}</text>')
    for level in levels:
        ly = y(level.amount)
        out.append(f'<line class="level" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ly}" y2="{ly}">'
                   f'<title>{escape(level.title)}</title></line><text class="value level-label" '
                   f'x="{WIDTH - RIGHT - 4}" y="{ly - 5}" text-anchor="end">'
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
                   f'y="{ly}" text-anchor="middle">{_number(p.amount)}</text>')
    for p in targets:
        cx, cy = x(p.year), y(p.amount)
        out.append(f'<path class="target" d="M{cx} {cy - 7}L{cx + 7} {cy}L{cx} {cy + 7}'
                   f'L{cx - 7} {cy}Z"><title>{escape(p.label)}</title></path><text '
                   f'class="value" x="{cx}" y="{cy - 11}" text-anchor="middle">'
                   f'{_number(p.amount)}</text>')
    legend_x = WIDTH - RIGHT + 14
    legend = [("actual", "Actual trade"), ("computed", "Computed"),
              ("target", "Target (year)")]
    if levels:
        legend.append(("level", "Target, no year"))
    for row, (kind, text) in enumerate(legend):
        ly = TOP + 14 + row * 20
        if kind == "target":
            mark = (f'<path class="target" d="M{legend_x + 6} {ly - 7}L{legend_x + 13} {ly}'
                    f'L{legend_x + 6} {ly + 7}L{legend_x - 1} {ly}Z"/>')
        elif kind == "level":
            mark = (f'<line class="level" x1="{legend_x - 2}" x2="{legend_x + 14}" '
                    f'y1="{ly}" y2="{ly}"/>')
        else:
            mark = (f'<circle class="point {"computed" if kind == "computed" else "stated"}" '
                    f'cx="{legend_x + 6}" cy="{ly}" r="4"/>')
        out.append(f'{mark}<text class="legend" x="{legend_x + 20}" y="{ly + 4}">{text}</text>')
    out.append("</svg>")
    return "\n".join(out)
