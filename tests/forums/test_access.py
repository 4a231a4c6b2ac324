"""The access matrix: who sees which category, thread and post, who may edit, and
what lists and counts show. Anything outside a user's access answers 404, never 403,
and never appears in a list or count."""

import pytest

from django.urls import reverse

from forums import selectors

pytestmark = pytest.mark.django_db

# Who may see each kind of thread.
SEES = {
    "national": {"officer_a", "officer_b", "supervisor", "moderator", "admin"},
    "avon": {"officer_a", "supervisor", "moderator", "admin"},
    "supervisors": {"supervisor", "moderator", "admin"},
}
# Who may edit the opening post (its author, moderators and administrators).
AUTHORS = {"national": "officer_a", "avon": "officer_a", "supervisors": "supervisor"}
VIEWERS = ["anonymous", "officer_a", "officer_b", "supervisor", "moderator", "admin"]
KINDS = list(SEES)


@pytest.fixture
def world(
    officer,
    officer_b,
    supervisor,
    moderator,
    administrator,
    national_thread,
    avon_thread,
    supervisors_thread,
):
    return {
        "users": {
            "anonymous": None,
            "officer_a": officer,
            "officer_b": officer_b,
            "supervisor": supervisor,
            "moderator": moderator,
            "admin": administrator,
        },
        "threads": {
            "national": national_thread,
            "avon": avon_thread,
            "supervisors": supervisors_thread,
        },
    }


def _client(client, world, viewer):
    user = world["users"][viewer]
    if user is not None:
        client.force_login(user)
    return client


def _expected(viewer, kind, ok=200):
    if viewer == "anonymous":
        return 302  # to the sign-in page: nothing in the forums is public
    return ok if viewer in SEES[kind] else 404


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("kind", KINDS)
def test_the_category_page_answers_only_those_who_may_see_it(
    client, world, viewer, kind
):
    category = world["threads"][kind].category

    response = _client(client, world, viewer).get(category.get_absolute_url())

    assert response.status_code == _expected(viewer, kind)


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("kind", KINDS)
def test_the_thread_page_answers_only_those_who_may_see_it(client, world, viewer, kind):
    thread = world["threads"][kind]

    response = _client(client, world, viewer).get(thread.get_absolute_url())

    assert response.status_code == _expected(viewer, kind)
    if response.status_code == 404:
        assert thread.title not in response.content.decode()


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("kind", KINDS)
def test_the_post_link_answers_only_those_who_may_see_it(client, world, viewer, kind):
    post = world["threads"][kind].posts.get()

    response = _client(client, world, viewer).get(post.get_absolute_url())

    assert response.status_code == _expected(viewer, kind, ok=302)
    if response.status_code == 302 and viewer != "anonymous":
        assert response.url.endswith(f"#post-{post.pk}")


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("kind", KINDS)
def test_only_the_author_and_moderators_may_edit_and_others_get_404(
    client, world, viewer, kind
):
    post = world["threads"][kind].posts.get()
    url = reverse("forums:post_edit", args=[post.pk])

    response = _client(client, world, viewer).get(url)

    if viewer == "anonymous":
        assert response.status_code == 302
    elif viewer not in SEES[kind]:
        assert response.status_code == 404
    elif viewer in {AUTHORS[kind], "moderator", "admin"}:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("kind", KINDS)
def test_reply_and_start_thread_answer_404_outside_the_category(
    client, world, viewer, kind
):
    thread = world["threads"][kind]
    c = _client(client, world, viewer)

    reply = c.get(reverse("forums:post_create", args=[thread.pk]))
    start = c.get(reverse("forums:thread_create", args=[thread.category.slug]))

    assert reply.status_code == _expected(viewer, kind)
    assert start.status_code == _expected(viewer, kind)


@pytest.mark.parametrize("viewer", VIEWERS[1:])
def test_the_index_lists_and_counts_only_what_the_viewer_may_see(client, world, viewer):
    response = _client(client, world, viewer).get(reverse("forums:index"))

    html = response.content.decode()
    assert response.status_code == 200
    for kind, thread in world["threads"].items():
        visible = viewer in SEES[kind]
        assert (thread.title in html) is visible, (kind, "latest panel")
        assert (thread.category.name in html) is visible, (kind, "category list")
    groups = dict(response.context["groups"])
    counted = sum(row["threads"] for rows in groups.values() for row in rows)
    assert counted == sum(viewer in SEES[kind] for kind in KINDS)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_selectors_agree_with_the_matrix(world, viewer):
    user = world["users"][viewer]
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()

    threads = set(
        selectors.thread_list_visible_to(user).values_list("title", flat=True)
    )
    posts = selectors.post_list_visible_to(user).count()
    categories = set(selectors.category_list_visible_to(user))

    expected = {world["threads"][k].title for k in KINDS if viewer in SEES[k]}
    assert threads == expected
    assert posts == len(expected)
    for kind in KINDS:
        assert (world["threads"][kind].category in categories) is (viewer in SEES[kind])


def test_an_anonymous_visitor_is_sent_to_sign_in_from_the_forum_index(client, db):
    response = client.get(reverse("forums:index"))

    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_a_force_b_officer_cannot_follow_reply_or_react_in_force_a_thread(
    client, world
):
    thread = world["threads"]["avon"]
    post = thread.posts.get()
    c = _client(client, world, "officer_b")

    urls = [
        reverse("forums:thread_follow", args=[thread.pk]),
        reverse("forums:category_follow", args=[thread.category.slug]),
        reverse("forums:post_create", args=[thread.pk]),
        reverse("forums:thread_answer", args=[thread.pk]),
        reverse("forums:post_helpful", args=[post.pk]),
        reverse("forums:thread_unread", args=[thread.pk]),
    ]

    for url in urls:
        assert c.post(url, {"body": "x", "follow": "1"}).status_code == 404, url


def test_hidden_posts_are_invisible_to_officers_but_not_to_moderators(
    world, officer, moderator
):
    from django.utils import timezone

    thread = world["threads"]["national"]
    thread.posts.update(hidden_at=timezone.now())

    assert not selectors.post_list_visible_to(officer).filter(thread=thread).exists()
    assert selectors.post_list_visible_to(moderator).filter(thread=thread).exists()
