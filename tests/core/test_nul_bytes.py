"""A NUL byte can never be stored (PostgreSQL refuses it in text), so a request carrying
one is answered before any view or query sees it."""

import pytest

from django.urls import resolve

pytestmark = pytest.mark.django_db


def test_a_nul_byte_in_the_path_is_a_404_not_a_500(client_for, officer):
    response = client_for(officer).get("/learning/certificates/%00/")

    assert response.status_code == 404


def test_a_nul_byte_in_the_path_is_a_404_for_a_signed_out_visitor_too(client):
    response = client.get("/guidance/%00/")

    assert response.status_code == 404


def test_a_nul_byte_in_the_query_string_is_a_400(client_for, officer):
    response = client_for(officer).get("/search/?q=%00")

    assert response.status_code == 400


def test_a_nul_byte_in_a_query_string_key_is_a_400(client_for, officer):
    response = client_for(officer).get("/search/?q%00=rape")

    assert response.status_code == 400


def test_a_nul_byte_in_a_posted_form_field_is_a_400(client_for, officer):
    response = client_for(officer).post(
        "/accounts/profile/", {"display_name": "Sam\x00Jones"}
    )

    assert response.status_code == 400
    officer.refresh_from_db()
    assert "\x00" not in officer.display_name


def test_a_nul_byte_in_a_cookie_is_a_400(client):
    response = client.get("/accounts/login/", HTTP_COOKIE="sessionid=abc\x00def")

    assert response.status_code == 400


def test_a_clean_request_is_untouched(client_for, officer):
    response = client_for(officer).get("/search/?q=ABE")

    assert response.status_code == 200


@pytest.mark.parametrize(
    "code",
    ["ABCD-EFGH-JKL", "ABCD-EFGH-JKLMN", "ABCDEFGHJKLM", "ABCD-EFGH-JKL0", "x" * 300],
)
def test_certificate_and_verify_urls_take_only_the_shape_of_a_code(code):
    for prefix in ("/learning/certificates/", "/learning/verify/"):
        # Anything else falls through to the page tree (a 404 there).
        assert resolve(f"{prefix}{code}/").view_name == "wagtail_serve"


def test_certificate_urls_still_take_a_real_code_in_either_case():
    assert resolve("/learning/certificates/ABCD-EFGH-JKLM/").kwargs == {
        "code": "ABCD-EFGH-JKLM"
    }
    assert resolve("/learning/verify/abcd-efgh-jklm/").kwargs == {
        "code": "ABCD-EFGH-JKLM"
    }
