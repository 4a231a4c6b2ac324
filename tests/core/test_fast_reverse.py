"""core.urls_fast.reverse_pk gives exactly what reverse gives, for every per-post link
on the thread page."""

import pytest

from django.urls import NoReverseMatch, reverse

from core.urls_fast import reverse_pk

NAMES = [
    "forums:post_helpful",
    "forums:post_create",
    "forums:post_redact",
    "forums:post_report",
    "forums:post_edit",
    "forums:thread_answer",
    "moderation:post_reveal",
    "moderation:user_suspend",
    "moderation:post_history",
    "moderation:post_restore",
    "moderation:post_hide",
]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("pk", [1, 7, 918273645, 10**12])
def test_reverse_pk_matches_reverse(name, pk):
    assert reverse_pk(name, pk) == reverse(name, args=[pk])


def test_a_url_without_one_integer_argument_is_refused():
    with pytest.raises(NoReverseMatch):
        reverse_pk("forums:index", 3)
