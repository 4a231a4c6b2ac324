"""Search shows a forum post's text only where forums.selectors.post_list_visible_to
lets the user see the post (search reads it through the forums' registered content
sources and copies no rule of its own): a reply held for approval and a hidden
opening post are neither found nor quoted in a snippet for anyone else, while their
thread, which others may see, is still found by its title."""

import pytest

from forums.models import Post, WatchedWord
from forums.services import moderation, posting
from search.selectors import autocomplete, search_site
from tests.factories import make_user
from tests.factories.forums import national_category

pytestmark = pytest.mark.django_db

HELD_WORD = "Quetzal"
HIDDEN_WORD = "Marmoset"


@pytest.fixture
def moderator(db):
    return make_user(email="moderator@college.police.uk", groups=["Moderators"])


@pytest.fixture
def threads(officer, officer_b, moderator):
    WatchedWord.objects.create(pattern="codeword", action="hold")
    held = posting.thread_create(
        author=officer_b,
        category=national_category(),
        title="Recording disclosures at first contact",
        body="How do you record what is said at first contact?",
    )
    posting.post_create(
        author=officer, thread=held, body=f"The codeword was {HELD_WORD}."
    )
    hidden = posting.thread_create(
        author=officer_b,
        category=national_category(),
        title="Recording third-party material",
        body=f"Our {HIDDEN_WORD} log records third-party material requests.",
    )
    moderation.post_hide(
        moderator=moderator, post=hidden.posts.get(), reason=Post.HideReason.values[0]
    )
    return held, hidden


def test_a_held_reply_and_a_hidden_opening_post_are_not_found_by_others(
    officer_b, threads
):
    for word in (HELD_WORD, HIDDEN_WORD):
        assert search_site(officer_b, word).results == []


def test_their_threads_are_found_by_title_with_no_held_or_hidden_text(
    officer_b, threads
):
    outcome = search_site(officer_b, "recording")

    assert {r.title for r in outcome.results} == {
        "Recording disclosures at first contact",
        "Recording third-party material",
    }
    for result in outcome.results:
        assert HELD_WORD.lower() not in result.snippet.lower()
        assert HIDDEN_WORD.lower() not in result.snippet.lower()
        assert result.matching_replies == 0


def test_autocomplete_offers_no_held_or_hidden_text(officer_b, threads):
    for prefix in (HELD_WORD[:4], HIDDEN_WORD[:4]):
        assert autocomplete(officer_b, prefix) == []


def test_the_author_of_the_held_reply_and_moderators_find_it(
    officer, moderator, threads
):
    for user in (officer, moderator):
        results = search_site(user, HELD_WORD).results
        assert [r.title for r in results] == ["Recording disclosures at first contact"]
        assert HELD_WORD in results[0].snippet
    assert HIDDEN_WORD in search_site(moderator, HIDDEN_WORD).results[0].snippet
