"""Roles and permissions come from the cache on every page after the first, and a
change of groups or of a group's permissions is seen on the next page."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import roles
from accounts.models import User

pytestmark = pytest.mark.django_db


def _fresh(user):
    return User.objects.get(pk=user.pk)


def _queries(callable_):
    with CaptureQueriesContext(connection) as queries:
        result = callable_()
    return result, len(queries.captured_queries)


def test_a_second_request_reads_groups_and_permissions_from_the_cache(officer):
    roles.group_names(_fresh(officer))
    _fresh(officer).has_perm("core.view_auditevent")
    user = _fresh(officer)
    assert _queries(lambda: roles.group_names(user)) == (frozenset({"Officers"}), 0)
    assert _queries(lambda: user.has_perm("core.view_auditevent")) == (False, 0)


def test_joining_a_group_is_seen_on_the_next_request(officer):
    assert not _fresh(officer).has_perm("core.view_auditevent")
    assert roles.MODERATORS not in roles.group_names(_fresh(officer))

    officer.groups.add(Group.objects.get(name=roles.ADMINISTRATORS))

    assert _fresh(officer).has_perm("core.view_auditevent")
    assert roles.ADMINISTRATORS in roles.group_names(_fresh(officer))


def test_a_permission_given_to_a_group_is_seen_on_the_next_request(officer):
    assert not _fresh(officer).has_perm("core.view_auditevent")
    Group.objects.get(name=roles.OFFICERS).permissions.add(
        Permission.objects.get(codename="view_auditevent")
    )
    assert _fresh(officer).has_perm("core.view_auditevent")


def test_has_role_is_true_for_any_of_the_named_groups_and_reads_the_cached_groups(
    officer,
):
    roles.group_names(_fresh(officer))
    user = _fresh(officer)

    assert _queries(lambda: roles.has_role(user, roles.OFFICERS)) == (True, 0)
    assert roles.has_role(user, roles.TRAINERS, roles.OFFICERS)
    assert not roles.has_role(user, roles.TRAINERS, roles.FORCE_LEADS)
    assert not roles.has_role(user)


def test_has_role_sees_a_group_joined_since_the_last_request(officer):
    assert not roles.has_role(_fresh(officer), roles.TRAINERS)

    officer.groups.add(Group.objects.get(name=roles.TRAINERS))

    assert roles.has_role(_fresh(officer), roles.TRAINERS)
