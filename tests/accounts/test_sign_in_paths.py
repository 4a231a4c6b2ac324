"""Every way into the site goes through allauth and, for staff, its second-factor step.

Found by an attack on the site: Wagtail's own sign-in form (``/admin/login/``) took an
e-mail address and password, skipped the authenticator code and the rate limits, and
opened the admin, the audit log and the moderation tools.
"""

import pytest

from django.core.cache import cache

from accounts.middleware import SECOND_FACTOR_REQUIRED
from tests.factories import make_user
from tests.helpers import enrol_totp, totp_code

pytestmark = pytest.mark.django_db

STAFF_ONLY = ["/admin/", "/audit/", "/moderation/"]
OTHER_SIGN_IN_FORMS = ["/admin/login/", "/_util/login/"]


@pytest.fixture
def admin_with_totp(db):
    admin = make_user(
        email="admin@college.police.uk",
        force="college-of-policing",
        groups=["Administrators", "Moderators"],
        is_superuser=True,
        is_staff=True,
    )
    admin.totp_secret = enrol_totp(admin)
    return admin


def _is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("form_url", OTHER_SIGN_IN_FORMS)
def test_no_sign_in_form_but_allauths_signs_staff_in_with_a_password_alone(
    client, admin_with_totp, password, form_url
):
    response = client.post(
        form_url, {"username": admin_with_totp.email, "password": password}
    )

    assert response.status_code == 303
    assert response["Location"].startswith("/accounts/login/")
    assert not _is_signed_in(client)
    for url in STAFF_ONLY:
        assert client.get(url).status_code == 302, url


@pytest.mark.parametrize("form_url", OTHER_SIGN_IN_FORMS)
def test_other_sign_in_forms_send_people_to_allauths_keeping_a_local_next(
    client, form_url
):
    response = client.get(form_url, {"next": "/admin/pages/"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"


def test_an_outside_next_address_is_dropped_on_the_way_to_sign_in(client):
    response = client.get("/admin/login/", {"next": "https://evil.example/admin/"})

    assert response["Location"] == "/accounts/login/"


def test_admin_login_is_as_rate_limited_as_the_sign_in_form(
    client, admin_with_totp, password
):
    for _ in range(40):
        client.post(
            "/admin/login/",
            {"username": admin_with_totp.email, "password": "wrong-password-123"},
        )

    client.post(
        "/admin/login/", {"username": admin_with_totp.email, "password": password}
    )

    assert not _is_signed_in(client)
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("url", STAFF_ONLY)
def test_a_staff_session_without_a_second_factor_is_asked_for_a_code(
    client, admin_with_totp, password, url
):
    # Django's own sign-in, as any path that is not allauth's would do it.
    assert client.login(email=admin_with_totp.email, password=password)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/2fa/reauthenticate/?next={url}"


def test_the_code_asked_for_opens_the_staff_tools(client, admin_with_totp, password):
    client.login(email=admin_with_totp.email, password=password)
    response = client.get("/admin/", follow=True)
    assert SECOND_FACTOR_REQUIRED in response.content.decode()

    client.post(
        "/accounts/2fa/reauthenticate/?next=/admin/",
        {"code": totp_code(admin_with_totp.totp_secret)},
    )

    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_keeps_the_staff_tools_shut(client, admin_with_totp, password):
    client.login(email=admin_with_totp.email, password=password)
    right = totp_code(admin_with_totp.totp_secret)
    wrong = "000000" if right != "000000" else "111111"

    client.post("/accounts/2fa/reauthenticate/?next=/admin/", {"code": wrong})

    assert client.get("/admin/").status_code == 302


def test_staff_signing_in_through_allauth_with_their_code_reach_every_tool(
    client, admin_with_totp, password
):
    response = client.post(
        "/accounts/login/", {"login": admin_with_totp.email, "password": password}
    )
    assert response["Location"] == "/accounts/2fa/authenticate/"
    cache.clear()
    client.post(
        "/accounts/2fa/authenticate/", {"code": totp_code(admin_with_totp.totp_secret)}
    )

    for url in STAFF_ONLY:
        assert client.get(url).status_code == 200, url


def test_staff_without_their_code_reach_no_staff_tool_through_allauth(
    client, admin_with_totp, password
):
    client.post(
        "/accounts/login/", {"login": admin_with_totp.email, "password": password}
    )

    assert not _is_signed_in(client)
    for url in STAFF_ONLY:
        assert client.get(url).status_code == 302, url


def test_officers_are_never_asked_for_a_code_they_do_not_have(
    client, officer, password
):
    assert client.login(email=officer.email, password=password)

    response = client.get("/forums/")

    assert response.status_code == 200
