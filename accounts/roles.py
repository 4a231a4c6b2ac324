"""Site roles are Django groups, created by migration 0003. Job roles (on the user)
decide role-restricted content; these groups decide what a person may do."""

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


def group_names(user) -> frozenset[str]:
    """The names of the user's groups, read once per user object (so once a request:
    every app's role checks share it)."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_role_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_group_names = cached
    return cached
