"""A counter in the cache that cached values put in their keys: moving it on makes
every value stored under the old number stale at once (the old entries simply expire).
The unread counts, the role cache, the page router and rendered guidance each keep one.

Two things keep the counters cheap to read on every page:

- ``GenerationSnapshotMiddleware`` reads every counter in one round trip when a
  request starts; the request then reads them from that snapshot (a counter moved on
  during the request is read afresh).
- ``versioned(key, build)`` keeps a value whose key names a generation in this
  process as well as in the cache: such a value never changes under its key (a change
  moves the generation on, so the key changes), so a worker may keep it. A counter
  that goes missing (the cache restarted, or was cleared) starts again at a new,
  time-based number, never at one that an old key used.
"""

import contextvars
import hashlib
import os
import pickle
import time
from collections import OrderedDict
from functools import cache as once
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

_ALL: list["Generation"] = []
_snapshot: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "generation_snapshot", default=None
)


def _fresh_start() -> int:
    return time.time_ns() // 1000


class Generation:
    def __init__(self, key: str, *, in_snapshot: bool = True):
        """``in_snapshot=False`` for one of many counters of the same kind (one per
        thread, say), read only where needed rather than at every request's start."""
        self.key = key
        if in_snapshot:
            _ALL.append(self)

    def current(self) -> int:
        snapshot = _snapshot.get()
        if snapshot is not None and self.key in snapshot:
            return snapshot[self.key]
        generation = cache.get(self.key)
        if generation is None:
            cache.add(self.key, _fresh_start(), None)
            generation = cache.get(self.key) or _fresh_start()
        if snapshot is not None:
            snapshot[self.key] = generation
        return generation

    def _advance(self) -> None:
        snapshot = _snapshot.get()
        if snapshot is not None:
            snapshot.pop(self.key, None)
        try:
            cache.incr(self.key)
        except ValueError:
            cache.set(self.key, _fresh_start(), None)

    def advance(self) -> None:
        """Now, and again when the transaction commits: a page rendered while the write
        was under way cannot store a value under the new number that predates it."""
        self._advance()
        transaction.on_commit(self._advance)


class GenerationSnapshotMiddleware:
    """Every generation counter in one cache round trip at the start of a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _snapshot.set(cache.get_many([g.key for g in _ALL]))
        try:
            return self.get_response(request)
        finally:
            _snapshot.reset(token)


# --- Values kept under a generation ------------------------------------------------

# What a worker keeps: the most recently used values, up to this many bytes (pickled).
LOCAL_BYTES = 32 * 1024 * 1024
_local: OrderedDict[str, bytes] = OrderedDict()
_local_bytes = 0
# Stored for "nothing", which the cache cannot tell from a miss as None.
_NOTHING = "\x00nothing"


def _keep_locally(key: str, value) -> None:
    global _local_bytes
    kept = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    if len(kept) > LOCAL_BYTES // 64:
        return  # a large value is read from the cache each time
    old = _local.pop(key, None)
    _local_bytes += len(kept) - (len(old) if old else 0)
    _local[key] = kept
    while _local_bytes > LOCAL_BYTES:
        _, dropped = _local.popitem(last=False)
        _local_bytes -= len(dropped)


@once
def release() -> str:
    """What code is running: ``RELEASE`` where the deployment sets it, otherwise a
    digest of the project's Python and template files. Every kept value's key names
    it, so after a deploy no page is served in an old template's markup, and no
    object pickled by older code (before a migration added a field, say) is read."""
    configured = os.environ.get("RELEASE", "").strip()
    if configured:
        return configured
    root = Path(settings.BASE_DIR)
    folders = [root / "learning_network"] + [
        root / app for app in settings.INSTALLED_APPS if (root / app).is_dir()
    ]
    digest = hashlib.blake2b(digest_size=8)
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".html") and path.is_file():
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def versioned(key: str, build, timeout: int, *, keep_nothing: bool = True):
    """``build()``, kept under ``key`` (which must name the generations the value
    depends on) and the running release, in this process and in the cache. Each
    caller gets its own copy. ``keep_nothing=False``: a None is built again each time
    (keys from visitors' input, where keeping every miss would let anyone fill the
    cache)."""
    key = f"{key}:{release()}"
    kept = _local.get(key)
    if kept is not None:
        _local.move_to_end(key)
        value = pickle.loads(kept)
    else:
        value = cache.get(key)
        if value is None:
            value = build()
            if value is None:
                if not keep_nothing:
                    return None
                value = _NOTHING
            cache.set(key, value, timeout)
        _keep_locally(key, value)
    return None if isinstance(value, str) and value == _NOTHING else value


def forget_local() -> None:
    """Drop what this process keeps (tests)."""
    global _local_bytes
    _local.clear()
    _local_bytes = 0
