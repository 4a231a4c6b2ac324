"""A Redis cache that an outage degrades instead of breaking.

While Redis cannot be reached the cache behaves as an empty one that forgets every write:
``get`` gives the default, ``get_many`` nothing, ``has_key`` False, ``add`` True (the key
was missing), ``set``/``delete``/``touch``/``clear`` store nothing, ``set_many`` returns
every key as failed, and ``incr``/``decr`` raise ValueError as Django's contract does for a
missing key. So pages, search and sign-in keep working; what the cache held (rate limits,
used authenticator codes, search counters, Wagtail's site-root lookup) is simply not
there. One warning is logged per outage window; after a failure Redis is left alone for
``RETRY_AFTER`` seconds, so a down or unreachable server costs a request nothing.
"""

import logging
import time

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
RETRY_AFTER = 5.0  # seconds
# Short socket timeouts (seconds): an unreachable server must not hold a request up.
# OPTIONS in CACHES may override them.
CONNECTION_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


class UnreachableCache(Exception):
    """Redis did not answer, or is being left alone after failing."""


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client builds a new redis.Redis (and its table of ~170 response
    callbacks) for every cache call; one per server, shared, does the same work
    (redis.Redis is safe to share: each command takes a connection from the pool)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = {**CONNECTION_OPTIONS, **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedClientRedisCacheClient
        self._left_alone_until = 0.0

    def _call(self, method, *args, **kwargs):
        """``method(*args, **kwargs)``, or UnreachableCache when Redis is down."""
        if time.monotonic() < self._left_alone_until:
            raise UnreachableCache
        try:
            return method(*args, **kwargs)
        except UNREACHABLE as error:
            self._left_alone_until = time.monotonic() + RETRY_AFTER
            logger.warning(
                "Cache unreachable (%s); answering as an empty cache for %ss",
                error,
                RETRY_AFTER,
            )
            raise UnreachableCache from error

    def _or(self, outage_result, method, *args, **kwargs):
        try:
            return self._call(method, *args, **kwargs)
        except UnreachableCache:
            return outage_result

    def get(self, key, default=None, version=None):
        return self._or(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._or({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._or(False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(True, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._or(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._or(None, super().delete_many, keys, version)

    def clear(self):
        return self._or(False, super().clear)

    def incr(self, key, delta=1, version=None):
        try:
            return self._call(super().incr, key, delta, version)
        except UnreachableCache as outage:
            message = f"Key '{key}' not found (the cache is unreachable)."
            raise ValueError(message) from outage
