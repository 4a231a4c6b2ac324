"""A counter in the cache that cached values put in their keys: moving it on makes
every value stored under the old number stale at once (the old entries simply expire).
The unread counts, the role cache and rendered guidance each keep one."""

from django.core.cache import cache
from django.db import transaction


class Generation:
    def __init__(self, key: str):
        self.key = key

    def current(self) -> int:
        generation = cache.get(self.key)
        if generation is None:
            generation = 1
            cache.add(self.key, generation, None)
        return generation

    def _advance(self) -> None:
        try:
            cache.incr(self.key)
        except ValueError:
            cache.set(self.key, 2, None)

    def advance(self) -> None:
        """Now, and again when the transaction commits: a page rendered while the write
        was under way cannot store a value under the new number that predates it."""
        self._advance()
        transaction.on_commit(self._advance)
