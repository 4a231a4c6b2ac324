"""Small-number suppression: the one rule every report that counts people or forces
follows (the national self-assessment view, trainer reports), so no figure comes from
a group small enough to point at someone."""

SUPPRESSION_THRESHOLD = 3
SUPPRESSED = "suppressed"


def is_small(value: int) -> bool:
    """A figure from 1 or 2 people (or forces) is not shown; 0 gives nobody away."""
    return 0 < value < SUPPRESSION_THRESHOLD


def with_complement(hidden: set, sizes: dict) -> set:
    """``hidden`` plus what stops it being worked out from a total.

    ``sizes`` maps every group of one breakdown to its size. With a single group hidden,
    the total minus the others would give it away, so the smallest other non-empty group
    is hidden with it (or every group, when there is no other)."""
    hidden = set(hidden)
    if len(hidden) != 1:
        return hidden
    candidates = [key for key, size in sizes.items() if key not in hidden and size]
    if not candidates:
        return set(sizes)
    hidden.add(min(candidates, key=lambda key: (sizes[key], key)))
    return hidden
