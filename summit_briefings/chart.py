"""The trade chart: actual trade against targets, drawn as inline SVG at build time."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 150, 16, 36


@dataclass(frozen=True)
class Point:
    year: int
    amount: float
    label: str
    computed: bool = False


def _scale(years: tuple[int, int], top: float):
    first, last = years

    def x(year: float) -> float:
        return round(LEFT + (year - first) / (last - first) * (WIDTH - LEFT - RIGHT), 1)

    def y(amount: float) -> float:
        return round(HEIGHT - BOTTOM - amount / top * (HEIGHT - TOP - BOTTOM), 1)

    return x, y


def trade_chart(actual: list[Point], targets: list[Point], title: str, description: str) -> str:
    """SVG markup: a line of actual trade, diamonds for targets, labelled axes."""
    years = [p.year for p in actual + targets]
    span = (min(years) - 1, max(years) + 1)
    top = max(50.0, math.ceil(max(p.amount for p in actual + targets) / 50) * 50)
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
               f'transform="rotate(-90 14 {middle})">US$ bn</text>')
    line = " ".join(f"{x(p.year)},{y(p.amount)}" for p in sorted(actual, key=lambda p: p.year))
    out.append(f'<polyline class="actual" points="{line}"/>')
    for p in actual:
        kind = "computed" if p.computed else "stated"
        out.append(f'<circle class="point {kind}" cx="{x(p.year)}" cy="{y(p.amount)}" r="4">'
                   f'<title>{escape(p.label)}</title></circle>')
    for p in targets:
        cx, cy = x(p.year), y(p.amount)
        out.append(f'<path class="target" d="M{cx} {cy - 7}L{cx + 7} {cy}L{cx} {cy + 7}'
                   f'L{cx - 7} {cy}Z"><title>{escape(p.label)}</title></path>')
    legend_x = WIDTH - RIGHT + 14
    legend = (("actual", "Actual trade"), ("computed", "Computed"), ("target", "Target"))
    for row, (kind, text) in enumerate(legend):
        ly = TOP + 14 + row * 20
        mark = (f'<path class="target" d="M{legend_x + 6} {ly - 7}L{legend_x + 13} {ly}'
                f'L{legend_x + 6} {ly + 7}L{legend_x - 1} {ly}Z"/>' if kind == "target" else
                f'<circle class="point {"computed" if kind == "computed" else "stated"}" '
                f'cx="{legend_x + 6}" cy="{ly}" r="4"/>')
        out.append(f'{mark}<text class="legend" x="{legend_x + 20}" y="{ly + 4}">{text}</text>')
    out.append("</svg>")
    return "\n".join(out)
