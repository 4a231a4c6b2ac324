"""core.generations: values kept under a generation, in this process and the cache."""

import pytest

from django.core.cache import cache
from django.test import RequestFactory

from core.generations import Generation, GenerationSnapshotMiddleware, versioned

pytestmark = pytest.mark.django_db


def _counting(values):
    calls = []

    def build():
        calls.append(1)
        return values[len(calls) - 1]

    return build, calls


def test_a_value_is_built_once_per_generation():
    generation = Generation("test:generations:one")
    build, calls = _counting(["first", "second"])
    key = lambda: f"test:value:{generation.current()}"  # noqa: E731
    assert versioned(key(), build, 60) == "first"
    assert versioned(key(), build, 60) == "first"
    generation.advance()
    assert versioned(key(), build, 60) == "second"
    assert len(calls) == 2


def test_a_cleared_cache_never_brings_back_a_value_kept_in_the_process():
    """Redis keeps nothing on disk: after a restart the counter must not start again
    at a number an old key (still kept by a worker) used."""
    generation = Generation("test:generations:two")
    before = generation.current()
    versioned(f"test:value:{before}", lambda: "old", 60)
    cache.clear()
    after = generation.current()
    assert after != before
    assert versioned(f"test:value:{after}", lambda: "new", 60) == "new"


def test_nothing_is_kept_as_nothing():
    build, calls = _counting([None, None])
    assert versioned("test:value:none", build, 60) is None
    assert versioned("test:value:none", build, 60) is None
    assert len(calls) == 1


def test_each_caller_gets_its_own_copy():
    first = versioned("test:value:list", lambda: ["a"], 60)
    first.append("changed")
    assert versioned("test:value:list", lambda: ["b"], 60) == ["a"]


def test_a_request_reads_every_counter_at_once_and_sees_its_own_advance():
    generation = Generation("test:generations:three")
    start = generation.current()
    seen = {}

    def view(request):
        seen["before"] = generation.current()
        cache.set(generation.key, start + 100, None)  # another worker moved it on
        seen["snapshot"] = generation.current()
        generation.advance()
        seen["after"] = generation.current()
        return None

    GenerationSnapshotMiddleware(view)(RequestFactory().get("/"))
    assert seen["before"] == seen["snapshot"] == start
    assert seen["after"] == start + 101


def test_a_new_release_never_reads_values_kept_by_the_old(monkeypatch):
    from core.generations import release

    try:
        monkeypatch.setenv("RELEASE", "2026.12.1")
        release.cache_clear()
        assert versioned("test:value:release", lambda: "old markup", 60) == "old markup"
        monkeypatch.setenv("RELEASE", "2026.12.2")
        release.cache_clear()
        assert versioned("test:value:release", lambda: "new markup", 60) == "new markup"
    finally:
        monkeypatch.delenv("RELEASE")
        release.cache_clear()


def test_without_a_configured_release_the_code_names_it(monkeypatch):
    from core.generations import release

    monkeypatch.delenv("RELEASE", raising=False)
    release.cache_clear()
    try:
        assert len(release()) == 16 and release() == release()
    finally:
        release.cache_clear()


def test_a_worker_keeps_at_most_its_byte_budget(monkeypatch):
    from core import generations

    generations.forget_local()
    monkeypatch.setattr(generations, "LOCAL_BYTES", 64 * 1024)
    for n in range(100):
        versioned(f"test:value:big:{n}", lambda: "x" * 900, 60)
    assert 0 < generations._local_bytes <= 64 * 1024
    assert sum(len(v) for v in generations._local.values()) == generations._local_bytes
    # The newest are kept, and the oldest still come back from the cache.
    assert versioned("test:value:big:0", lambda: "rebuilt", 60) == "x" * 900
    generations.forget_local()


def test_a_miss_from_visitors_input_is_not_kept():
    build, calls = _counting([None, None])
    assert versioned("test:value:visitor", build, 60, keep_nothing=False) is None
    assert versioned("test:value:visitor", build, 60, keep_nothing=False) is None
    assert len(calls) == 2
