"""What each reader follows, kept in the cache: the follow buttons on guidance, theme,
category and thread pages read it instead of asking the database on every view.

A person's follows sit under their own generation (``core.generations``), which every
write to their follows moves on: a follow saved or deleted (``core.receivers``; a
deleted user's or content type's follows go the same way) and ``FollowQuerySet``'s
bulk writes."""

from .generations import Generation, versioned

TTL = 60 * 60


def _generation(user_pk: int) -> Generation:
    return Generation(f"ln:follows:{user_pk}:generation", in_snapshot=False)


def followed(user_pk: int) -> frozenset[tuple[int, str]]:
    """(content type id, object id) of everything the user follows."""
    from .models import Follow

    return versioned(
        f"ln:follows:{user_pk}:{_generation(user_pk).current()}",
        lambda: frozenset(
            Follow.objects.filter(user_id=user_pk).values_list(
                "content_type_id", "object_id"
            )
        ),
        TTL,
    )


def forget_follows(user_pks) -> None:
    """These people's follows changed: read them afresh."""
    for pk in set(user_pks):
        _generation(pk).advance()
