"""core.cache.ResilientRedisCache: an ordinary Redis cache while Redis answers, an empty
cache that forgets every write while it does not."""

import logging
import os
import uuid

import pytest
import redis

from core.cache import ResilientRedisCache

REAL_REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
REDIS_DOWN = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def real_cache():
    """The cache on the local Redis, under a key prefix of its own (never cleared, so
    nothing else on that Redis is touched)."""
    try:
        redis.Redis.from_url(REAL_REDIS, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not answering at {REAL_REDIS}; CI must run this")
        pytest.skip(f"Redis is not answering at {REAL_REDIS} (set TEST_REDIS_URL)")
    cache = ResilientRedisCache(
        REAL_REDIS, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}", "TIMEOUT": 60}
    )
    used = ["a", "b", "counter", "missing"]
    yield cache
    cache.delete_many(used)


@pytest.fixture
def down_cache():
    return ResilientRedisCache(REDIS_DOWN, {})


def test_works_as_a_cache_while_redis_answers(real_cache):
    real_cache.set("a", {"x": 1})

    assert real_cache.get("a") == {"x": 1}
    assert real_cache.add("a", "other") is False
    assert real_cache.add("b", 2) is True
    assert real_cache.get_many(["a", "b", "missing"]) == {"a": {"x": 1}, "b": 2}
    assert real_cache.has_key("b") is True
    assert real_cache.delete("b") is True
    assert real_cache.get("b", "gone") == "gone"


def test_counts_while_redis_answers(real_cache):
    real_cache.set("counter", 1)

    assert real_cache.incr("counter") == 2
    assert real_cache.decr("counter", 2) == 0
    with pytest.raises(ValueError):
        real_cache.incr("missing")


def test_reads_miss_while_redis_is_down(down_cache):
    assert down_cache.get("a") is None
    assert down_cache.get("a", "default") == "default"
    assert down_cache.get_many(["a", "b"]) == {}
    assert down_cache.has_key("a") is False
    assert down_cache.get_or_set("a", "computed") == "computed"


def test_writes_store_nothing_and_raise_nothing_while_redis_is_down(down_cache):
    assert down_cache.set("a", 1) is None
    assert down_cache.add("a", 1) is True  # the key was missing; nothing is kept
    assert down_cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert down_cache.touch("a") is False
    assert down_cache.delete("a") is False
    assert down_cache.delete_many(["a", "b"]) is None
    assert down_cache.clear() is False


def test_counters_are_missing_keys_while_redis_is_down(down_cache):
    # Django's contract for a key that is not there: ValueError.
    with pytest.raises(ValueError):
        down_cache.incr("counter")
    with pytest.raises(ValueError):
        down_cache.decr("counter")


def test_an_outage_logs_one_warning_not_one_per_call(down_cache, caplog):
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        for _ in range(5):
            down_cache.get("a")
            down_cache.set("a", 1)

    warnings = [r for r in caplog.records if r.name == "core.cache"]
    assert len(warnings) == 1
    assert "Cache unreachable" in warnings[0].getMessage()
