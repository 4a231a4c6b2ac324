import pytest

from guidance.roles import SIGN_OFF_GROUP
from tests.factories import make_user
from tests.helpers import enrol_totp


@pytest.fixture
def signer(db):
    """A guidance editor with sign-off (publish) rights, past MFA enrolment."""
    user = make_user(
        email="signer@college.police.uk", groups=["Guidance editors", SIGN_OFF_GROUP]
    )
    enrol_totp(user)
    return user
