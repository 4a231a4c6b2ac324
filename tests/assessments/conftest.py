import pytest

from tests.factories import make_user
from tests.factories.assessments import (
    make_assessment,
    make_edition,
    make_lead,
)


@pytest.fixture
def edition(db):
    return make_edition()


@pytest.fixture
def lead(db):
    return make_lead(email="lead@avon-and-somerset.police.uk", display_name="DCI Lead")


@pytest.fixture
def assessment(edition, lead):
    return make_assessment(edition, lead)


@pytest.fixture
def colleague(db):
    return make_user(email="colleague@avon-and-somerset.police.uk")


@pytest.fixture
def admin_user(db):
    return make_user(
        email="admin@college.police.uk",
        force="college-of-policing",
        groups=["Administrators"],
    )
