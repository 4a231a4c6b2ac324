"""The unread-notification count in every page's header, kept in the cache.

A count is stored per person under the current *visibility generation*. Creating or
reading a notification drops that person's count; saving or deleting any row an app
lists as a visibility input (``core.hooks.VISIBILITY_INPUTS``), or changing someone's
groups, moves the generation on, so every count is worked out afresh on its owner's
next page. Both happen at once and again when the transaction commits, so a page
rendered while the write was under way cannot keep a stale count beyond ``TTL``."""

from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction

from .generations import Generation

TTL = 300
GENERATION = Generation("ln:unread:generation")


def _generation() -> int:
    return GENERATION.current()


def count_key(user_pk: int) -> str:
    return f"ln:unread:{_generation()}:{user_pk}"


def cached_count(user_pk: int, compute) -> int:
    key = count_key(user_pk)
    count = cache.get(key)
    if count is None:
        count = compute()
        cache.set(key, count, TTL)
    return count


def _drop_now(user_pks: list[int]) -> None:
    generation = _generation()
    cache.delete_many([f"ln:unread:{generation}:{pk}" for pk in user_pks])


def forget_counts(user_pks: Iterable[int]) -> None:
    """The people whose notifications changed count again on their next page."""
    user_pks = list(set(user_pks))
    if user_pks:
        _drop_now(user_pks)
        transaction.on_commit(lambda: _drop_now(user_pks))


def forget_every_count() -> None:
    """Something that decides who sees what changed: every count is worked out again."""
    GENERATION.advance()
