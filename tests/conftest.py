import pytest

from django.core.management import call_command

from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.helpers import enrol_totp


@pytest.fixture(scope="session")
def reference_data(django_db_setup, django_db_blocker):
    """A copy of what the data migrations loaded (forces, themes, groups, the home page,
    …), taken once before any test changes the database."""
    from django.db import connection

    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def _restore_reference_data(request):
    """A transactional test (live server, browser) ends with a flush that empties every
    table, data migrations included. Put the reference data back before the next one.
    Django's own serialized rollback is not used: its copy can be gone from the
    connection by the time it is needed. (Asked for only by such a test: a test without
    the database runs without one.)"""
    transactional = "transactional_db" in request.fixturenames or (
        "live_server" in request.fixturenames
    )
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        transactional = True
    if not transactional:
        return
    reference_data = request.getfixturevalue("reference_data")
    request.getfixturevalue("transactional_db")
    from django.db import connection

    from accounts.models import Force

    if not Force.objects.exists():
        # The flush re-created content types and permissions with new keys; clear
        # them too so the copy goes back exactly as it was.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(reference_data)
        # The copy comes back with its own primary keys: move PostgreSQL's sequences
        # past them so the next insert does not collide.
        from django.apps import apps
        from django.core.management.color import no_style

        statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder for each test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and used TOTP codes live in the cache: start every test clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _force_login_includes_the_second_factor(monkeypatch):
    """In these tests ``client.force_login(user)`` stands for a whole allauth sign-in,
    password and authenticator code, so allauth's record of how the session signed in
    says so (staff tools check it). Tests of sessions without a second factor sign in
    through a real form or ``client.login`` instead."""
    import time

    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )

    from django.test.client import ClientMixin

    force_login = ClientMixin.force_login

    def force_login_with_second_factor(self, user, backend=None):
        force_login(self, user, backend)
        session = self.session
        session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {"method": "password", "at": time.time(), "email": user.email},
            {"method": "mfa", "at": time.time(), "type": "totp"},
        ]
        session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
        session.save()

    monkeypatch.setattr(ClientMixin, "force_login", force_login_with_second_factor)


@pytest.fixture
def password():
    return TEST_PASSWORD


@pytest.fixture
def officer(db):
    return make_user(email="officer.a@avon-and-somerset.police.uk")


@pytest.fixture
def officer_b(db):
    return make_user(email="officer.b@west-yorkshire.police.uk", force="west-yorkshire")


@pytest.fixture
def editor(db):
    return make_user(email="editor@college.police.uk", groups=["Guidance editors"])


@pytest.fixture
def staff_with_mfa(editor):
    enrol_totp(editor)
    return editor


@pytest.fixture
def client_for(client):
    """``client_for(user)``: a test client signed in as ``user`` (past MFA)."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
