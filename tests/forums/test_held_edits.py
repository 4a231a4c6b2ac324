"""An edit held for approval by a watched word is shown only to its author and the
moderators, wherever the post appears: in the thread, in the marked-answer box under
the question, as the thread's opening text in search snippets, and in search results.
Everyone else sees what post_list_visible_to lets them see: nothing of a held post."""

import pytest

from forums.models import WatchedWord
from forums.services import posting
from search.selectors import search_site
from tests.factories.forums import national_category

pytestmark = pytest.mark.django_db

HELD_WORD = "Zanzibar"


@pytest.fixture
def hold_words(db):
    WatchedWord.objects.create(pattern="codeword", action="hold")


def _held_edit(author, post):
    edited = posting.post_update(
        editor=author,
        post=post,
        body=f"{post.body} The codeword was {HELD_WORD}.",
    )
    assert edited.held_at is not None
    return edited


@pytest.fixture
def held_answer(officer, officer_b, hold_words):
    """Officer B's thread; officer A's reply is the marked answer, then A edits it and
    the edit is held."""
    thread = posting.thread_create(
        author=officer_b,
        category=national_category(),
        title="Recording third-party material",
        body="How do you record third-party material requests?",
    )
    answer = posting.post_create(
        author=officer, thread=thread, body="We log every request in the MG6."
    )
    posting.thread_answer_set(user=officer_b, thread=thread, post=answer)
    _held_edit(officer, answer)
    return thread


@pytest.fixture
def held_opening(officer, hold_words):
    """Officer A's thread whose opening post A edits; the edit is held."""
    thread = posting.thread_create(
        author=officer,
        category=national_category(),
        title="Recording disclosures at first contact",
        body="How do you record what is said at first contact?",
    )
    _held_edit(officer, thread.posts.get())
    return thread


def _page(client_for, user, thread) -> str:
    response = client_for(user).get(thread.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_others_do_not_see_a_held_edit_of_the_marked_answer(
    client_for, officer_b, held_answer
):
    page = _page(client_for, officer_b, held_answer)

    assert HELD_WORD not in page
    assert "Marked answer" not in page


def test_the_author_and_moderators_see_the_held_answer(
    client_for, officer, moderator, held_answer
):
    assert _page(client_for, officer, held_answer).count(HELD_WORD) == 2
    assert _page(client_for, moderator, held_answer).count(HELD_WORD) == 2


def test_others_do_not_see_a_held_edit_of_the_opening_post(
    client_for, officer_b, held_opening
):
    assert HELD_WORD not in _page(client_for, officer_b, held_opening)


def test_a_held_edit_is_not_found_by_others_nor_in_any_snippet(
    officer_b, held_answer, held_opening
):
    assert search_site(officer_b, HELD_WORD).results == []
    for query in ["recording", "third-party material", "first contact"]:
        outcome = search_site(officer_b, query)
        assert outcome.results, query
        for result in outcome.results:
            assert HELD_WORD.lower() not in result.snippet.lower(), query


def test_the_search_page_of_another_officer_shows_no_held_text(
    client_for, officer_b, held_opening
):
    response = client_for(officer_b).get("/search/", {"q": "disclosures"})

    assert "Recording disclosures at first contact" in response.content.decode()
    assert HELD_WORD not in response.content.decode()


def test_the_author_and_moderators_find_the_held_text(
    officer, moderator, held_answer, held_opening
):
    for user in (officer, moderator):
        assert len(search_site(user, HELD_WORD).results) == 2
        snippets = [r.snippet for r in search_site(user, "disclosures").results]
        assert any(HELD_WORD in snippet for snippet in snippets)
