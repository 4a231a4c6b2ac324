"""The site answers a missing page and a failure with its own 404 and 500 pages,
DEBUG on (`make run`) or off: never Django's debug pages, which list every URL
pattern and the settings."""

import pytest

from django.test import Client

from tests.factories.forums import make_category, make_thread

pytestmark = pytest.mark.django_db

DEBUG_MODES = [pytest.param(True, id="debug-on"), pytest.param(False, id="debug-off")]
NOT_FOUND_HEADING = "Page not found"
SERVER_ERROR_HEADING = "Sorry, there is a problem with the service"
# What Django's technical 404 page says before listing the URL patterns.
DEBUG_404_MARKERS = ("URLconf", "Django tried these URL patterns", "moderation/")


@pytest.fixture
def thread_author(db):
    from tests.factories import make_user

    return make_user(email="wy.author@west-yorkshire.police.uk", force="west-yorkshire")


@pytest.mark.parametrize("debug", DEBUG_MODES)
def test_a_signed_in_users_404_is_the_sites_own_page(
    settings, client_for, officer, thread_author, debug
):
    settings.DEBUG = debug
    private = make_category(slug="wy-team", force="west-yorkshire")
    thread = make_thread(category=private, author=thread_author, title="WY only")
    client = client_for(officer)

    for path in (
        "/a-page-that-does-not-exist/",
        "/no-such-file.txt",
        thread.get_absolute_url(),
    ):
        response = client.get(path)

        html = response.content.decode()
        assert response.status_code == 404, path
        assert "404.html" in [t.name for t in response.templates], path
        assert NOT_FOUND_HEADING in html, path
        assert "Page not found – Learning Network" in html, path
        assert not any(marker in html for marker in DEBUG_404_MARKERS), path
        assert "Sign out" in html, path  # the site's header, for a signed-in user


@pytest.mark.parametrize("debug", DEBUG_MODES)
def test_a_signed_out_visitor_asking_for_a_missing_page_is_sent_to_sign_in(
    settings, client, debug
):
    settings.DEBUG = debug

    response = client.get("/a-page-that-does-not-exist/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("debug", DEBUG_MODES)
def test_a_failing_view_answers_the_sites_500_page(settings, officer, debug):
    settings.DEBUG = debug
    settings.ROOT_URLCONF = "tests.core.error_urls"
    client = Client(raise_request_exception=False)
    client.force_login(officer)

    response = client.get("/test-only/fail/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "500.html" in [t.name for t in response.templates]
    assert SERVER_ERROR_HEADING in html
    assert "Traceback" not in html and "A bug in a view." not in html
    # Rendered without the request's user: no name, no account links.
    assert officer.display_name not in html and "Sign out" not in html


@pytest.mark.parametrize("debug", DEBUG_MODES)
def test_the_500_page_renders_without_the_database(
    settings, django_assert_num_queries, debug
):
    settings.DEBUG = debug
    settings.ROOT_URLCONF = "tests.core.error_urls"
    client = Client(raise_request_exception=False)

    with django_assert_num_queries(0):
        response = client.get("/test-only/fail-signed-out/")

    assert response.status_code == 500
    assert SERVER_ERROR_HEADING in response.content.decode()
