"""The forum pages: writing with preview, the case-safety warning, text kept on
errors, quoting, following, answers, unread markers and the theme page section."""

import pytest

from django.urls import reverse
from django.utils.html import escape

from core.models import Follow
from forums.case_safety import KIND_EXPLANATIONS
from forums.models import CaseSafetyFlag, Post, Thread
from forums.services import posting
from tests.factories.forums import make_thread, national_category

pytestmark = pytest.mark.django_db

IDENTIFYING = "The victim, Sarah Jones, drives AB12 CDE."


def start_url(category=None):
    return reverse(
        "forums:thread_create", args=[(category or national_category()).slug]
    )


def test_starting_a_thread_posts_it_and_follows_it(client_for, officer):
    client = client_for(officer)

    response = client.post(
        start_url(),
        {"title": "Early advice", "body": "When do you ask?", "action": "post"},
    )

    thread = Thread.objects.get(title="Early advice")
    assert response.status_code == 302
    assert response.url == thread.get_absolute_url()
    assert Follow.objects.filter(user=officer, object_id=str(thread.pk)).exists()


def test_a_form_error_keeps_what_the_author_typed(client_for, officer):
    client = client_for(officer)
    typed = "A long question I do not want to lose.\n\nWith **two** paragraphs."

    response = client.post(start_url(), {"title": "", "body": typed, "action": "post"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert posting.EMPTY_TITLE in html
    assert "A long question I do not want to lose." in html
    assert "With **two** paragraphs." in html


def test_an_empty_reply_keeps_the_page_and_says_what_is_wrong(
    client_for, officer, national_thread
):
    url = reverse("forums:post_create", args=[national_thread.pk])

    response = client_for(officer).post(url, {"body": "", "action": "post"})

    assert response.status_code == 400
    assert posting.EMPTY_BODY in response.content.decode()


def test_preview_renders_the_markdown_and_keeps_the_text(
    client_for, officer, national_thread
):
    url = reverse("forums:post_create", args=[national_thread.pk])

    response = client_for(officer).post(
        url, {"body": "**Bold** <script>x()</script>", "action": "preview"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Bold</strong>" in html
    assert "<script>x()" not in html
    assert "**Bold** &lt;script&gt;x()&lt;/script&gt;" in html
    assert national_thread.posts.count() == 1


def test_identifying_details_are_highlighted_and_nothing_is_saved(
    client_for, officer, national_thread
):
    url = reverse("forums:post_create", args=[national_thread.pk])

    response = client_for(officer).post(url, {"body": IDENTIFYING, "action": "post"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Check for details that could identify someone" in html
    assert '<mark class="ln-finding">Sarah Jones' in html
    assert '<mark class="ln-finding">AB12 CDE' in html
    assert IDENTIFYING in html  # the text is still in the box
    assert national_thread.posts.count() == 1


def test_the_warning_explains_each_kind_found_once(
    client_for, officer, national_thread
):
    url = reverse("forums:post_create", args=[national_thread.pk])
    body = (
        "She is 15 and goes to Oakfield Academy. Her mum works at the Tesco on "
        "Gloucester Road and her dad works at the Esso garage in Keynsham."
    )

    response = client_for(officer).post(url, {"body": body, "action": "post"})

    html = response.content.decode()
    assert "Workplace: <strong>Tesco on Gloucester Road</strong>" in html
    assert "School, college or nursery: <strong>Oakfield Academy</strong>" in html
    assert [kind for kind, _ in response.context["explained_kinds"]] == [
        "Child's age or school year",
        "School, college or nursery",
        "Workplace",
    ]
    for kind in ("child_age", "school", "workplace"):
        assert html.count(escape(KIND_EXPLANATIONS[kind])) == 1
    assert KIND_EXPLANATIONS["name"] not in html


def test_confirming_the_findings_posts_and_records_them(
    client_for, officer, national_thread
):
    client = client_for(officer)
    url = reverse("forums:post_create", args=[national_thread.pk])
    warned = client.post(url, {"body": IDENTIFYING, "action": "post"})
    digest = warned.context["form"]["findings_digest"].value()

    response = client.post(
        url,
        {
            "body": IDENTIFYING,
            "action": "post",
            "confirm_findings": "on",
            "findings_digest": digest,
        },
    )

    assert response.status_code == 302
    post = national_thread.posts.latest("created_at")
    assert post.body == IDENTIFYING
    assert {f["kind"] for f in CaseSafetyFlag.objects.get(post=post).findings} == {
        "name",
        "vehicle",
    }


def test_fixing_the_text_after_the_warning_posts_without_a_flag(
    client_for, officer, national_thread
):
    client = client_for(officer)
    url = reverse("forums:post_create", args=[national_thread.pk])
    client.post(url, {"body": IDENTIFYING, "action": "post"})

    response = client.post(
        url, {"body": "The victim drives a hatchback.", "action": "post"}
    )

    assert response.status_code == 302
    assert not CaseSafetyFlag.objects.exists()


def test_ticking_confirm_without_a_warning_digest_does_not_skip_the_check(
    client_for, officer, national_thread
):
    url = reverse("forums:post_create", args=[national_thread.pk])

    response = client_for(officer).post(
        url, {"body": IDENTIFYING, "action": "post", "confirm_findings": "on"}
    )

    assert response.status_code == 200
    assert national_thread.posts.count() == 1


def test_quote_prefills_the_reply_with_the_quoted_post(
    client_for, officer, officer_b, national_thread
):
    post = national_thread.posts.get()
    url = reverse("forums:post_create", args=[national_thread.pk])

    response = client_for(officer_b).get(url, {"quote": post.pk})

    body = response.context["form"]["body"].value()
    assert body.startswith(f"> **{officer.display_name} wrote:**")
    assert f"> {post.body}" in body


def test_quoting_a_post_from_another_thread_is_404(
    client_for, officer, national_thread, avon_thread
):
    url = reverse("forums:post_create", args=[national_thread.pk])

    response = client_for(officer).get(url, {"quote": avon_thread.posts.get().pk})

    assert response.status_code == 404


def test_editing_shows_the_old_text_and_saves_a_revision(
    client_for, officer, national_thread
):
    post = national_thread.posts.get()
    client = client_for(officer)
    url = reverse("forums:post_edit", args=[post.pk])

    form = client.get(url)
    saved = client.post(url, {"body": "Better wording.", "action": "post"})

    assert form.context["form"]["body"].value() == post.body
    assert saved.status_code == 302
    assert Post.objects.get(pk=post.pk).revisions.count() == 1


def test_follow_and_unfollow_a_thread_and_a_category(
    client_for, officer_b, national_thread
):
    client = client_for(officer_b)
    category = national_thread.category

    client.post(
        reverse("forums:thread_follow", args=[national_thread.pk]), {"follow": "1"}
    )
    client.post(
        reverse("forums:category_follow", args=[category.slug]), {"follow": "1"}
    )
    assert Follow.objects.filter(user=officer_b).count() == 2

    client.post(
        reverse("forums:thread_follow", args=[national_thread.pk]), {"follow": "0"}
    )
    assert Follow.objects.filter(user=officer_b).count() == 1


def test_the_thread_shows_the_marked_answer_under_the_question(
    client_for, officer, officer_b, national_thread
):
    reply = posting.post_create(
        author=officer_b, thread=national_thread, body="Ask at day one."
    )
    client = client_for(officer)

    client.post(
        reverse("forums:thread_answer", args=[national_thread.pk]), {"post": reply.pk}
    )
    response = client.get(national_thread.get_absolute_url())

    html = response.content.decode()
    assert response.context["answer"] == reply
    assert "Marked answer" in html
    assert html.index("Marked answer") < html.index(f'id="post-{reply.pk}"')


def test_helpful_button_counts_a_reaction(
    client_for, officer, officer_b, national_thread
):
    reply = posting.post_create(author=officer_b, thread=national_thread, body="Tip.")

    response = client_for(officer).post(reverse("forums:post_helpful", args=[reply.pk]))

    assert response.status_code == 302
    assert Post.objects.get(pk=reply.pk).helpful_count == 1


def test_unread_markers_and_the_first_unread_link(
    client_for, officer, officer_b, national_thread
):
    client = client_for(officer_b)
    client.get(national_thread.get_absolute_url())  # read it all
    reply = posting.post_create(author=officer, thread=national_thread, body="New.")

    listing = client.get(national_thread.category.get_absolute_url())
    jump = client.get(reverse("forums:thread_unread", args=[national_thread.pk]))
    client.get(national_thread.get_absolute_url())
    again = client.get(national_thread.category.get_absolute_url())

    assert [t.is_unread for t in listing.context["page_obj"]] == [True]
    assert jump.url.endswith(f"#post-{reply.pk}")
    assert [t.is_unread for t in again.context["page_obj"]] == [False]


def test_a_post_link_goes_to_the_right_page_of_a_long_thread(
    client_for, officer, officer_b
):
    from forums.views import POSTS_PER_PAGE

    thread = make_thread(
        category=national_category(),
        author=officer,
        replies=[(officer_b, f"Reply {n}") for n in range(POSTS_PER_PAGE + 2)],
    )
    last = thread.posts.latest("created_at")

    response = client_for(officer).get(last.get_absolute_url())

    assert response.url == f"{thread.get_absolute_url()}?page=2#post-{last.pk}"


def test_the_theme_page_lists_the_themes_visible_categories_and_threads(
    client_for, officer, officer_b, national_thread
):
    from tests.factories.forums import make_category

    private = make_category(slug="wy-data", force="avon-and-somerset", theme="data")
    make_thread(category=private, author=officer, title="Avon data question")

    response = client_for(officer_b).get(reverse("theme_detail", args=["data"]))

    html = response.content.decode()
    assert "National question" in html
    assert "Avon data question" not in html
    assert "Wy data" not in html


def test_bad_page_numbers_and_methods_are_4xx(client_for, officer, national_thread):
    client = client_for(officer)

    assert (
        client.get(national_thread.get_absolute_url(), {"page": "x"}).status_code == 200
    )
    assert client.get(reverse("forums:post_helpful", args=[1])).status_code == 405
    assert (
        client.post(
            reverse("forums:thread_answer", args=[national_thread.pk]),
            {"post": "999999"},
        ).status_code
        == 404
    )
