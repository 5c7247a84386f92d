"""Timing shared by the benchmark scripts: wall time of an action over repeated rounds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timings_ms(action: Callable[[], object], rounds: int) -> list[float]:
    """Wall times of an action in milliseconds, after one warm-up call."""
    action()
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def median_ms(action: Callable[[], object], rounds: int) -> float:
    return statistics.median(timings_ms(action, rounds))


def fastest_ms(action: Callable[[], object], rounds: int) -> float:
    """The best round: the one least disturbed by other processes on a shared machine."""
    return min(timings_ms(action, rounds))
