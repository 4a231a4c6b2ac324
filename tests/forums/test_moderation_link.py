"""The header's Moderation link: shown to whoever the moderation pages are open to,
with the number of open items in their queue (one query, only what they moderate)."""

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext

from forums import selectors
from forums.models import CategoryModerator
from forums.services import moderation, posting
from tests.factories import make_user
from tests.factories.forums import make_category, make_thread, national_category
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db

IDENTIFYING = "The victim, Sarah Jones, was seen at 14 Acacia Avenue."


def moderation_link(html: str):
    account = BeautifulSoup(html, "html.parser").find(
        "nav", attrs={"aria-label": "Account"}
    )
    return account.find("a", href="/moderation/")


@pytest.fixture
def reported(officer, officer_b, national_thread):
    """Two open reports in the national category and one in another category."""
    elsewhere = make_thread(
        category=make_category(slug="elsewhere", name="Elsewhere"),
        author=officer,
        title="Elsewhere",
    )
    for post in (national_thread.posts.get(), elsewhere.posts.get()):
        moderation.post_report_create(reporter=officer_b, post=post, reason="wrong")
    reply = posting.post_create(author=officer_b, thread=national_thread, body="Hm.")
    moderation.post_report_create(reporter=officer, post=reply, reason="other")


def signed_in(client, user):
    enrol_totp(user)
    client.force_login(user)
    return client


def test_a_moderator_sees_the_moderation_link_with_the_open_items(
    client, moderator, reported
):
    html = signed_in(client, moderator).get("/").content.decode()

    link = moderation_link(html)
    assert link is not None
    assert link.get_text(" ", strip=True) == "Moderation 3 open items"
    assert link.get("aria-current") is None


def test_on_the_moderation_pages_the_link_is_marked_current(
    client, moderator, reported
):
    html = signed_in(client, moderator).get("/moderation/").content.decode()

    assert moderation_link(html)["aria-current"] == "page"


def test_an_empty_queue_shows_the_link_without_a_count(client, moderator):
    html = signed_in(client, moderator).get("/").content.decode()

    assert moderation_link(html).get_text(" ", strip=True) == "Moderation"


@pytest.mark.parametrize("who", ["officer", "editor"])
def test_people_the_moderation_pages_are_closed_to_see_no_link(
    client_for, request, who, reported
):
    html = client_for(request.getfixturevalue(who)).get("/").content.decode()

    assert moderation_link(html) is None
    assert "/moderation/" not in html


def test_a_scoped_moderator_counts_only_their_categories(client, reported):
    scoped = make_user(
        email="scoped.mod@college.police.uk",
        force="greater-manchester",
        groups=["Moderators"],
    )
    CategoryModerator.objects.create(category=national_category(), user=scoped)

    html = signed_in(client, scoped).get("/").content.decode()

    assert moderation_link(html).get_text(" ", strip=True) == "Moderation 2 open items"


def test_the_count_is_the_queue_length_in_one_query(
    moderator, officer, national_thread, reported
):
    with pytest.raises(posting.IdentifyingDetailsFound) as raised:
        posting.post_create(author=officer, thread=national_thread, body=IDENTIFYING)
    posting.post_create(
        author=officer,
        thread=national_thread,
        body=IDENTIFYING,
        confirmed_digest=raised.value.digest,
    )
    selectors.user_sees_everything(moderator)  # the request has read the groups

    with CaptureQueriesContext(connection) as queries:
        count = selectors.moderation_queue_count(moderator)

    assert count == len(selectors.moderation_queue(user=moderator)) == 4
    assert len(queries.captured_queries) == 1
    # SQLite (`make run`) refuses ORDER BY inside a UNION: none may reach the query.
    assert "ORDER BY" not in queries.captured_queries[0]["sql"]
