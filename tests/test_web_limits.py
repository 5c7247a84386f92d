"""The web service's rate limiter and result cache, on a clock the tests move."""

from __future__ import annotations

import pytest

from crawler.web.cache import TtlCache
from crawler.web.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_client_gets_its_burst_then_waits_for_the_next_token():
    clock = Clock()
    limiter = RateLimiter(per_minute=30, burst=3, clock=clock)
    assert [limiter.take("a").allowed for _ in range(4)] == [True, True, True, False]
    assert limiter.take("a").retry_after_s == 2
    clock.now += 2
    assert limiter.take("a").allowed
    assert not limiter.take("a").allowed


def test_clients_have_separate_buckets():
    limiter = RateLimiter(per_minute=1, burst=1, clock=Clock())
    assert limiter.take("a").allowed and not limiter.take("a").allowed
    assert limiter.take("b").allowed


def test_a_long_quiet_client_gets_only_its_burst_back():
    clock = Clock()
    limiter = RateLimiter(per_minute=60, burst=2, clock=clock)
    limiter.take("a")
    clock.now += 3600
    assert [limiter.take("a").allowed for _ in range(3)] == [True, True, False]


def test_buckets_are_bounded_by_max_clients():
    limiter = RateLimiter(per_minute=1, burst=1, max_clients=2, clock=Clock())
    for client in ("a", "b", "c"):
        limiter.take(client)
    assert limiter.take("a").allowed, "the oldest bucket was dropped"


@pytest.mark.parametrize("per_minute, burst", [(0, 1), (10, 0)])
def test_a_limit_that_allows_nothing_is_refused(per_minute, burst):
    with pytest.raises(ValueError):
        RateLimiter(per_minute, burst)


def test_cache_entries_expire_after_their_time():
    clock = Clock()
    cache: TtlCache[str] = TtlCache(ttl_s=60, max_entries=10, clock=clock)
    cache.put("u", "result")
    clock.now += 59
    assert cache.get("u") == "result"
    clock.now += 1
    assert cache.get("u") is None and len(cache) == 0


def test_cache_drops_the_oldest_entry_past_its_size():
    cache: TtlCache[int] = TtlCache(ttl_s=60, max_entries=2, clock=Clock())
    for n, key in enumerate("abc"):
        cache.put(key, n)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (None, 1, 2)


def test_a_zero_ttl_cache_keeps_nothing():
    cache: TtlCache[int] = TtlCache(ttl_s=0, max_entries=5, clock=Clock())
    cache.put("a", 1)
    assert cache.get("a") is None
