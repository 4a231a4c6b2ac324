"""The thread page's cached posts (forums.thread_cache) never show a reader anything
stale or anything they may not see: each change to a thread, its posts, its category
or a person's name is seen on the next view, whoever filled the cache first."""

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Force, JobRole
from forums.models import CategoryRole, Post
from forums.services import moderation, posting, redaction
from tests.factories.forums import make_category, make_thread, national_category

pytestmark = pytest.mark.django_db


def reads_posts(queries) -> bool:
    """A query for the page's posts or their count (the thread's own query only
    looks up its opening post and answer)."""
    return any(
        q["sql"].startswith(
            ('SELECT "forums_post"', 'SELECT COUNT(*) AS "__count" FROM "forums_post"')
        )
        or q["sql"].startswith('SELECT "forums_post"."author_id"')
        for q in queries
    )


def reader(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page(client, thread, number=1) -> str:
    response = client.get(f"{thread.get_absolute_url()}?page={number}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def thread(officer, officer_b):
    return make_thread(
        category=national_category(),
        author=officer,
        title="Planning the first week",
        body="How do you plan the first week?",
        replies=[(officer_b, "We brief the team on day one.")],
    )


def test_a_reply_an_edit_and_a_helpful_mark_show_on_the_next_view(
    thread, officer, officer_b
):
    client = reader(officer)
    page(client, thread)
    reply = posting.post_create(author=officer_b, thread=thread, body="Second reply.")
    assert "Second reply." in page(client, thread)
    posting.post_update(editor=officer_b, post=reply, body="Second reply, edited.")
    html = page(client, thread)
    assert "Second reply, edited." in html and "(edited)" in html
    posting.post_helpful_toggle(user=officer, post=reply)
    assert "Helpful (1)" in page(client, thread)


def test_a_hidden_post_leaves_every_reader_but_stays_for_moderators(
    thread, officer, officer_b, moderator
):
    post = thread.posts.get(body="We brief the team on day one.")
    readers, moderators = reader(officer_b), reader(moderator)
    assert "We brief the team" in page(readers, thread)
    assert "We brief the team" in page(moderators, thread)
    moderation.post_hide(
        moderator=moderator, post=post, reason=Post.HideReason.OFF_TOPIC
    )
    assert "We brief the team" not in page(readers, thread)
    html = page(moderators, thread)
    assert "We brief the team" in html and "Hidden by" in html
    moderation.post_restore(moderator=moderator, post=post)
    assert "We brief the team" in page(readers, thread)


@pytest.mark.parametrize("first", ["author", "other"])
def test_a_held_post_is_seen_by_its_author_only_whoever_reads_first(
    first, thread, officer, officer_b
):
    held = posting.post_create(author=officer_b, thread=thread, body="Held words.")
    Post.objects.filter(pk=held.pk).update(held_at=timezone.now())  # held
    author, other = reader(officer_b), reader(officer)
    order = [author, other] if first == "author" else [other, author]
    for client in order:
        page(client, thread)
    assert "Held words." in page(author, thread)
    assert "Waiting for approval" in page(author, thread)
    assert "Held words." not in page(other, thread)


def test_redaction_shows_on_the_next_view(thread, officer, moderator):
    client = reader(officer)
    assert "day one" in page(client, thread)
    post = thread.posts.get(body="We brief the team on day one.")
    redaction.post_redact(actor=moderator, post=post, text="day one")
    html = page(client, thread)
    assert "day one" not in html and "Redacted by a moderator" in html


def test_a_category_made_anonymous_hides_names_on_the_next_view(
    thread, officer, officer_b
):
    client = reader(officer)
    assert officer_b.display_name in page(client, thread)
    category = thread.category
    category.is_anonymous = True
    category.save()
    assert officer_b.display_name not in page(client, thread)


def test_a_new_name_shows_but_a_sign_in_keeps_the_cache(thread, officer, officer_b):
    client = reader(officer)
    page(client, thread)
    officer_b.display_name = "Renamed Officer"
    officer_b.save()
    assert "Renamed Officer" in page(client, thread)
    officer_b.last_login = timezone.now()
    officer_b.save(update_fields=["last_login"])
    with CaptureQueriesContext(connection) as queries:
        page(client, thread)
    assert not reads_posts(queries.captured_queries)


def test_a_category_closed_to_a_force_or_role_closes_at_once(officer, officer_b):
    category = make_category(slug="shared-room", name="Shared room")
    thread = make_thread(category=category, author=officer_b, title="Shared")
    client = reader(officer)
    page(client, thread)
    category.force = Force.objects.get(slug="west-yorkshire")
    category.save()
    assert client.get(thread.get_absolute_url()).status_code == 404
    category.force = None
    category.save()
    page(client, thread)
    CategoryRole.objects.create(category=category, job_role=JobRole.SUPERVISOR)
    assert client.get(thread.get_absolute_url()).status_code == 404


def test_pages_of_a_long_thread_are_each_right(officer, officer_b):
    thread = make_thread(
        category=national_category(),
        author=officer,
        replies=[(officer_b, f"Numbered reply {n}.") for n in range(20)],
    )
    client = reader(officer)
    first, second = page(client, thread, 1), page(client, thread, 2)
    assert "Numbered reply 0." in first and "Numbered reply 19." not in first
    assert "Numbered reply 19." in second and "Numbered reply 0." not in second
    last = page(client, thread, 99)  # past the end: the last page
    assert "Numbered reply 19." in last and "Numbered reply 0." not in last


def test_a_warm_thread_page_reads_no_posts(thread, officer):
    client = reader(officer)
    page(client, thread)
    with CaptureQueriesContext(connection) as queries:
        page(client, thread)
    assert not reads_posts(queries.captured_queries)


def test_which_posts_the_reader_marked_is_read_only_where_there_are_marks(
    thread, officer
):
    client = reader(officer)
    page(client, thread)
    with CaptureQueriesContext(connection) as queries:
        html = page(client, thread)
    assert not any("forums_postreaction" in q["sql"] for q in queries)
    assert 'aria-pressed="true"' not in html
    posting.post_helpful_toggle(user=officer, post=thread.posts.last())
    assert 'aria-pressed="true"' in page(client, thread)


def post_templates_rendered(client, thread) -> int:
    """How many times the page rendered forums/includes/post.html."""
    from django.test.signals import template_rendered

    names = []

    def seen(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(seen)
    try:
        page(client, thread)
    finally:
        template_rendered.disconnect(seen)
    return names.count("forums/includes/post.html")


def test_a_warm_thread_page_renders_no_post_template(thread, supervisor):
    from tests.factories import make_user

    other = make_user(email="second.reader@avon-and-somerset.police.uk")
    page(reader(supervisor), thread)  # fills the cache
    # Another reader who may do the same with each post: nothing to render.
    assert post_templates_rendered(reader(other), thread) == 0


def test_each_reader_sees_their_own_actions_whoever_filled_the_cache(
    thread, officer, officer_b, moderator
):
    opening = thread.posts.get(author=officer)
    reply = thread.posts.get(author=officer_b)
    posting.post_helpful_toggle(user=officer, post=reply)
    report = f"/forums/posts/{reply.pk}/report/"
    edit_reply = f"/forums/posts/{reply.pk}/edit/"
    edit_opening = f"/forums/posts/{opening.pk}/edit/"
    hide = f"/moderation/posts/{reply.pk}/hide/"
    pages = {}
    for user in (officer_b, officer, moderator, officer_b, officer):
        pages[user.pk] = page(reader(user), thread)
    as_author, as_other, as_moderator = (
        pages[officer_b.pk],
        pages[officer.pk],
        pages[moderator.pk],
    )
    assert edit_reply in as_author and report not in as_author
    assert edit_opening not in as_author and hide not in as_author
    assert report in as_other and edit_reply not in as_other
    assert edit_opening in as_other and 'aria-pressed="true"' in as_other
    assert 'aria-pressed="true"' not in as_author
    assert hide in as_moderator and edit_reply in as_moderator
    assert "Mark as the answer" in as_other and "Mark as the answer" not in as_author


def test_the_post_forms_carry_the_readers_own_csrf_token(thread, officer, supervisor):
    import re

    first = Client(enforce_csrf_checks=True)
    first.force_login(officer)
    page(first, thread)  # fills the cache with the first reader's page
    second = Client(enforce_csrf_checks=True)
    second.force_login(supervisor)
    html = page(second, thread)
    assert "\x00" not in html
    reply = thread.posts.get(body="We brief the team on day one.")
    form = re.search(
        rf'action="/forums/posts/{reply.pk}/helpful/".*?name="csrfmiddlewaretoken" '
        r'value="([^"]+)"',
        html,
        re.S,
    )
    response = second.post(
        f"/forums/posts/{reply.pk}/helpful/",
        {"csrfmiddlewaretoken": form.group(1)},
    )
    assert response.status_code == 302
    assert reply.reactions.filter(user=supervisor).exists()


def test_pagination_shows_the_ends_and_two_pages_each_side(officer, officer_b):
    import re

    thread = make_thread(
        category=national_category(),
        author=officer,
        replies=[(officer_b, f"Reply {n}.") for n in range(15 * 11)],
    )  # 166 posts: 12 pages

    def bar(number):
        html = page(reader(officer), thread, number)
        nav = html[html.index('class="govuk-pagination"') :]
        nav = nav[: nav.index("</nav>")]
        items = re.findall(r'aria-label="Page (\d+)"|(&ctdot;)', nav)
        current = re.search(r'aria-label="Page (\d+)" aria-current="page"', nav)
        return [int(n) if n else "…" for n, _ in items], int(current.group(1))

    assert bar(1) == ([1, 2, 3, "…", 12], 1)
    assert bar(6) == ([1, "…", 4, 5, 6, 7, 8, "…", 12], 6)
    assert bar(12) == ([1, "…", 10, 11, 12], 12)
    assert bar(4) == ([1, 2, 3, 4, 5, 6, "…", 12], 4)
