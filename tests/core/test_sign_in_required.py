import pytest

from wagtail.models import Page

from home.models import HomePage

pytestmark = pytest.mark.django_db

CONTENT_URLS = [
    "/",
    "/themes/victim-engagement/",
    "/search/?q=ABE",
    "/notifications/",
    "/accounts/profile/",
    "/admin/",
    "/a-page-that-does-not-exist/",
]
PUBLIC_URLS = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/confirm-email/",
    "/accessibility/",
    "/healthz",
]


@pytest.mark.parametrize("url", CONTENT_URLS)
def test_anonymous_requests_to_content_are_sent_to_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_the_sign_in_pages_and_the_accessibility_statement_are_public(client, url):
    response = client.get(url)

    assert response.status_code == 200


def test_a_page_an_editor_marks_public_is_readable_without_signing_in(client):
    home = HomePage.objects.get()
    public = HomePage(title="About", slug="about", intro="About the network")
    # HomePage is the only page type so far; a public child shows the mechanism.
    Page.get_first_root_node()
    home.add_child(instance=public)
    public.is_public = True
    public.save_revision().publish()

    response = client.get("/about/")

    assert response.status_code == 200
    assert b"About the network" in response.content


def test_a_page_not_marked_public_stays_behind_sign_in(client):
    home = HomePage.objects.get()
    hidden = HomePage(title="Internal", slug="internal", intro="For officers")
    home.add_child(instance=hidden)
    hidden.save_revision().publish()

    response = client.get("/internal/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_signed_in_users_see_the_home_page_with_the_six_themes(client, officer):
    client.force_login(officer)

    response = client.get("/")

    assert response.status_code == 200
    for name in [
        "Suspect-focused investigations",
        "Repeat and serial offenders",
        "Victim engagement",
        "Learning, development and wellbeing",
        "Data",
        "Digital forensics",
    ]:
        assert name in response.content.decode()


def test_an_unknown_theme_answers_404(client, officer):
    client.force_login(officer)

    assert client.get("/themes/not-a-theme/").status_code == 404


def test_uploaded_evidence_is_never_served_by_file_name_even_in_development(
    client, officer, settings
):
    from django.urls import clear_url_caches

    settings.DEBUG = True
    import importlib

    import learning_network.urls

    importlib.reload(learning_network.urls)
    clear_url_caches()
    client.force_login(officer)
    evidence = settings.MEDIA_ROOT / "assessments" / "evidence" / "abc.pdf"
    evidence.parent.mkdir(parents=True)
    evidence.write_bytes(b"%PDF- private")
    try:
        response = client.get("/media/assessments/evidence/abc.pdf")
    finally:
        settings.DEBUG = False
        importlib.reload(learning_network.urls)
        clear_url_caches()

    assert response.status_code == 404
