import pytest

from accounts.models import JobRole
from tests.factories import make_user
from tests.factories.forums import make_category, make_thread, national_category


@pytest.fixture
def supervisor(db):
    return make_user(
        email="supervisor@avon-and-somerset.police.uk", job_role=JobRole.SUPERVISOR
    )


@pytest.fixture
def moderator(db):
    return make_user(
        email="moderator@college.police.uk",
        force="greater-manchester",
        groups=["Moderators"],
    )


@pytest.fixture
def administrator(db):
    return make_user(
        email="admin@college.police.uk",
        force="greater-manchester",
        groups=["Administrators"],
    )


@pytest.fixture
def avon_category(db):
    return make_category(slug="avon-team", name="Avon team", force="avon-and-somerset")


@pytest.fixture
def supervisors_category(db):
    return make_category(
        slug="supervisors", name="Supervisors room", roles=[JobRole.SUPERVISOR]
    )


@pytest.fixture
def national_thread(officer):
    return make_thread(
        category=national_category(), author=officer, title="National question"
    )


@pytest.fixture
def avon_thread(officer, avon_category):
    return make_thread(
        category=avon_category, author=officer, title="Avon private question"
    )


@pytest.fixture
def supervisors_thread(supervisor, supervisors_category):
    return make_thread(
        category=supervisors_category,
        author=supervisor,
        title="Supervisors only question",
    )


@pytest.fixture(autouse=True)
def _generous_post_rate_limit(settings):
    """Factories post quickly; the rate-limit tests set their own limit."""
    settings.FORUMS_POST_RATE_LIMIT = (1000, 300)
