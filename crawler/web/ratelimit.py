"""Per-client rate limit: a token bucket per client address.

Each client may make `burst` requests at once and then one every 60/per_minute seconds. A
refused request learns how long to wait (the Retry-After header). Buckets of clients gone quiet
are dropped oldest first past `max_clients`, so a flood of addresses cannot grow memory forever.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    retry_after_s: int = 0


class RateLimiter:
    def __init__(
        self, per_minute: float, burst: int, max_clients: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if per_minute <= 0 or burst < 1:
            raise ValueError("a rate limit needs per_minute > 0 and burst >= 1")
        self.rate_per_s = per_minute / 60.0
        self.burst = burst
        self.max_clients = max_clients
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, client: str) -> Decision:
        now = self._clock()
        tokens, updated = self._buckets.pop(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - updated) * self.rate_per_s)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        self._buckets[client] = (tokens, now)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        if allowed:
            return Decision(True)
        return Decision(False, max(1, math.ceil((1.0 - tokens) / self.rate_per_s)))
