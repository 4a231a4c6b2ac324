import pytest
from allauth.mfa.models import Authenticator

from django.core.cache import cache

from core.models import AuditEvent
from tests.factories import make_user
from tests.helpers import enrol_totp, totp_code

pytestmark = pytest.mark.django_db


def test_an_officer_enrols_totp_then_signs_in_with_a_valid_code(
    client, officer, password, django_capture_on_commit_callbacks
):
    client.post("/accounts/login/", {"login": officer.email, "password": password})
    # allauth asks for the password again before a security change.
    response = client.get("/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    client.post("/accounts/reauthenticate/", {"password": password})
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/2fa/totp/activate/", {"code": totp_code(secret)}
        )

    assert response.status_code == 302
    assert Authenticator.objects.filter(
        user=officer, type=Authenticator.Type.TOTP
    ).exists()
    client.post("/accounts/logout/")

    response = client.post(
        "/accounts/login/", {"login": officer.email, "password": password}
    )
    assert response["Location"] == "/accounts/2fa/authenticate/"
    # A code is single-use; rather than wait 30 s for the next one, forget the use.
    cache.clear()
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(officer.pk)
    assert AuditEvent.objects.filter(actor=officer, action="mfa.added").exists()


def test_a_wrong_totp_code_is_refused(client, officer, password):
    secret = enrol_totp(officer)
    client.post("/accounts/login/", {"login": officer.email, "password": password})

    wrong = "000000" if totp_code(secret) != "000000" else "111111"
    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert b"Incorrect code" in response.content


@pytest.mark.parametrize(
    "group",
    [
        "Trainers",
        "Guidance editors",
        "Specialist reviewers",
        "Moderators",
        "Force leads",
        "Administrators",
    ],
)
def test_a_staff_user_without_mfa_is_sent_to_enrol_before_the_admin(client, group):
    staff = make_user(email=f"{group[:4].lower()}@college.police.uk", groups=[group])
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/"


def test_a_staff_user_with_mfa_reaches_the_admin(client, staff_with_mfa):
    client.force_login(staff_with_mfa)

    response = client.get("/admin/")

    assert response.status_code == 200


def test_an_officer_is_not_asked_to_enrol_but_cannot_use_the_admin(client, officer):
    client.force_login(officer)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert not response["Location"].startswith("/accounts/2fa/")


def test_failed_sign_ins_are_rate_limited(client, officer):
    for _ in range(5):
        client.post("/accounts/login/", {"login": officer.email, "password": "wrong"})

    response = client.post(
        "/accounts/login/", {"login": officer.email, "password": "wrong"}
    )

    # allauth shows the refusal as a form error on the sign-in page.
    assert response.status_code == 200
    assert b"Too many failed login attempts" in response.content
    assert AuditEvent.objects.filter(action="account.sign_in_failed").count() >= 5
