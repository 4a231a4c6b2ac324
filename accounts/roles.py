"""Site roles are Django groups, created by migration 0003. Job roles (on the user)
decide role-restricted content; these groups decide what a person may do."""

from core.generations import Generation, versioned

OFFICERS = "Officers"
TRAINERS = "Trainers"
GUIDANCE_EDITORS = "Guidance editors"
SPECIALIST_REVIEWERS = "Specialist reviewers"
MODERATORS = "Moderators"
FORCE_LEADS = "Force leads"
ADMINISTRATORS = "Administrators"

ALL_GROUPS = [
    OFFICERS,
    TRAINERS,
    GUIDANCE_EDITORS,
    SPECIALIST_REVIEWERS,
    MODERATORS,
    FORCE_LEADS,
    ADMINISTRATORS,
]
# Members of these groups must enrol MFA before they reach the admin or moderation tools.
STAFF_GROUPS = [g for g in ALL_GROUPS if g != OFFICERS]


ROLES_TTL = 600
ROLES_GENERATION = Generation("ln:roles:generation")


def cached_for(user, name: str, compute):
    """``compute()`` for ``user``, kept in the cache until someone's groups or any
    group's or person's permissions change (``forget_roles``)."""
    generation = getattr(user, "_roles_generation", None)
    if generation is None:
        generation = user._roles_generation = ROLES_GENERATION.current()
    return versioned(f"ln:roles:{generation}:{user.pk}:{name}", compute, ROLES_TTL)


def forget_roles() -> None:
    """Groups or permissions changed: every cached role and permission is read again."""
    ROLES_GENERATION.advance()


def group_names(user) -> frozenset[str]:
    """The names of the user's groups, read once per user object (so once a request:
    every app's role checks share it) and kept in the cache between requests."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_role_group_names", None)
    if cached is None:
        cached = cached_for(
            user,
            "groups",
            lambda: frozenset(user.groups.values_list("name", flat=True)),
        )
        user._role_group_names = cached
    return cached


def has_role(user, *names: str) -> bool:
    """Whether ``user`` belongs to any of the groups ``names``: the one role check
    every app makes (superusers are not assumed to hold a role; callers that let them
    through say so)."""
    return not group_names(user).isdisjoint(names)
