"""The forums' cache generations (``core.generations``): what moves them on is in
``forums.receivers`` and ``PostQuerySet``.

- ``FORUMS``: what every forum page shows of other things: a category (its force,
  roles and anonymity), a person's name or force.
- one per thread: any change to the thread or to any of its posts.
- ``SUSPENSIONS``: any suspension made, lifted or removed.
"""

from core.generations import Generation

FORUMS = Generation("ln:forums:generation")
SUSPENSIONS = Generation("ln:forums:suspensions:generation")
TTL = 60 * 60


def thread_generation(thread_pk: int) -> Generation:
    return Generation(f"ln:forums:thread:{thread_pk}:generation", in_snapshot=False)


def forget_threads(thread_pks) -> None:
    """Something in these threads changed: their pages are read afresh."""
    for pk in set(thread_pks):
        thread_generation(pk).advance()


def forget_every_thread() -> None:
    """A category, or how people are named, changed: every forum page afresh."""
    FORUMS.advance()
