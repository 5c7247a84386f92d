"""The trend chart's geometry: stacked bars of findings by severity, one bar per run.

Pure arithmetic; the template draws it as inline SVG so the chart needs no JavaScript. Numbers
are rounded to one decimal so the same runs always give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from reports.history import TrendPoint

WIDTH = 640
HEIGHT = 220
MARGIN_TOP = 24  # room for the total above the tallest bar
MARGIN_BOTTOM = 36  # room for the run labels
MARGIN_LEFT = 8
MAX_BAR_WIDTH = 48
SEVERITY_ORDER = ("error", "warning", "info")  # bottom to top


@dataclass(frozen=True, slots=True)
class Segment:
    severity: str
    count: int
    y: float
    height: float


@dataclass(frozen=True, slots=True)
class Bar:
    point: TrendPoint
    x: float
    width: float
    segments: tuple[Segment, ...]
    top: float

    @property
    def centre(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass(frozen=True, slots=True)
class TrendChart:
    width: int
    height: int
    baseline: float
    bars: tuple[Bar, ...]


def trend_chart(points: Sequence[TrendPoint]) -> TrendChart:
    """Bars scaled to the busiest run; a run without findings gets an empty bar at the baseline."""
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    baseline = float(HEIGHT - MARGIN_BOTTOM)
    slot = (WIDTH - MARGIN_LEFT) / max(len(points), 1)
    bar_width = round(min(MAX_BAR_WIDTH, slot * 0.6), 1)
    scale = plot_height / max((p.total for p in points), default=1) if any(p.total for p in points) else 0.0
    bars = []
    for index, point in enumerate(points):
        x = round(MARGIN_LEFT + index * slot + (slot - bar_width) / 2, 1)
        segments, top = [], baseline
        for severity, count in zip(SEVERITY_ORDER, (point.errors, point.warnings, point.infos)):
            height = round(count * scale, 1)
            top = round(top - height, 1)
            if count:
                segments.append(Segment(severity, count, top, height))
        bars.append(Bar(point, x, bar_width, tuple(segments), top))
    return TrendChart(WIDTH, HEIGHT, baseline, tuple(bars))
