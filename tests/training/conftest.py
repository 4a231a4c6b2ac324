import pytest

from tests.factories import make_user
from tests.factories.training import make_module
from tests.helpers import enrol_totp


@pytest.fixture
def trainer(db):
    user = make_user(email="trainer@college.police.uk", groups=["Trainers"])
    enrol_totp(user)
    return user


@pytest.fixture
def module(trainer):
    return make_module(owner=trainer, lessons=3)


@pytest.fixture
def force_lead(db):
    return make_user(email="lead@avon-and-somerset.police.uk", groups=["Force leads"])
