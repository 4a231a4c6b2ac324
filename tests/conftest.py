import pytest

from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.helpers import enrol_totp


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
