from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.demo import DEMO_ACCOUNTS
from accounts.management.commands.demo_totp import REFUSED_WITHOUT_DEBUG
from accounts.models import User
from home.models import HomePage

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", stdout=StringIO())


STAFF = {"trainer", "editor", "reviewer", "moderator", "forcelead", "admin"}


def test_seed_demo_is_safe_to_run_twice(settings):
    seed()
    users_after_first_run = User.objects.count()
    secrets = dict(
        Authenticator.objects.filter(type="totp").values_list("user__email", "data")
    )

    seed()

    emails = {f"{a.key}@demo.police.uk" for a in DEMO_ACCOUNTS}
    assert set(User.objects.values_list("email", flat=True)) >= emails
    # Content apps add demo learners and a second force lead; nothing is duplicated.
    assert User.objects.count() == users_after_first_run
    assert HomePage.objects.count() == 1
    assert secrets == dict(
        Authenticator.objects.filter(type="totp").values_list("user__email", "data")
    )


def test_demo_accounts_are_verified_with_the_demo_password_and_staff_have_totp(
    settings,
):
    seed()

    for account in DEMO_ACCOUNTS:
        user = User.objects.get(email=account.email)
        assert user.check_password(settings.DEMO_PASSWORD)
        assert EmailAddress.objects.get(user=user).verified
        has_totp = Authenticator.objects.filter(user=user, type="totp").exists()
        assert has_totp == (account.key in STAFF), account.key
    officer, officer2 = (
        User.objects.get(email=f"{k}@demo.police.uk") for k in ("officer", "officer2")
    )
    assert officer.force != officer2.force


def test_demo_totp_prints_the_current_code_when_debug_is_on(settings, capsys):
    from tests.helpers import totp_code

    seed()
    settings.DEBUG = True
    from allauth.mfa.utils import decrypt

    secret = decrypt(
        Authenticator.objects.get(
            user__email="editor@demo.police.uk", type="totp"
        ).data["secret"]
    )

    call_command("demo_totp", "editor@demo.police.uk")

    assert capsys.readouterr().out.strip() == totp_code(secret)


def test_demo_totp_refuses_to_run_when_debug_is_off(settings):
    seed()
    settings.DEBUG = False

    with pytest.raises(CommandError, match=REFUSED_WITHOUT_DEBUG):
        call_command("demo_totp", "editor@demo.police.uk")


def test_a_demo_staff_account_signs_in_with_its_demo_totp_code(
    client, settings, capsys
):
    seed()
    settings.DEBUG = True
    call_command("demo_totp", "editor@demo.police.uk")
    code = capsys.readouterr().out.strip()

    client.post(
        "/accounts/login/",
        {"login": "editor@demo.police.uk", "password": settings.DEMO_PASSWORD},
    )
    response = client.post("/accounts/2fa/authenticate/", {"code": code})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
