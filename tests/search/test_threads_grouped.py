"""A forum thread is one result, whichever of its posts match: ranked once, with the
best-matching post's snippet and how many of its replies match (issue 14)."""

import pytest

from search.selectors import Filters, search_site
from tests.factories.forums import make_category, make_thread
from tests.factories.guidance import make_guidance

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussion(officer, officer_b):
    category = make_category(slug="evidence", name="Evidence")
    thread = make_thread(
        category=category,
        author=officer,
        title="Third-party material requests",
        body="How are others keeping third-party material requests proportionate?",
        replies=[
            (officer_b, "Only ask for what a reasonable line of enquiry needs."),
            (officer_b, "The CPS guidance on third-party material is clear on this."),
            (officer, "We use the third-party material checklist from the CPS."),
        ],
    )
    other = make_thread(
        category=category,
        author=officer_b,
        title="Bad character applications",
        body="When do you start gathering material for a bad character application?",
    )
    return thread, other


def forum_results(outcome):
    return [r for r in outcome.results if r.type_key in ("thread", "post")]


def test_a_thread_and_its_matching_replies_are_one_result(officer, discussion):
    thread, _ = discussion
    outcome = search_site(officer, "third party material")
    found = forum_results(outcome)
    assert [r.title for r in found] == ["Third-party material requests"]
    (result,) = found
    assert result.type_key == "thread"
    assert result.url == thread.get_absolute_url()
    # The opening post matches too; two of the three replies match.
    assert result.matching_replies == 2
    assert outcome.total == 1


def test_a_thread_whose_opening_post_matches_is_listed_once(officer, discussion):
    outcome = search_site(officer, "bad character")
    assert [(r.type_key, r.title) for r in outcome.results] == [
        ("thread", "Bad character applications")
    ]
    assert outcome.results[0].matching_replies == 0
    assert outcome.total == 1


def test_a_thread_found_only_by_a_reply_shows_that_reply(officer, discussion):
    thread, _ = discussion
    outcome = search_site(officer, "checklist")
    (result,) = outcome.results
    assert (result.type_key, result.title) == ("thread", thread.title)
    assert "checklist" in result.snippet
    assert result.matching_replies == 1
    reply = thread.posts.get(body__contains="checklist")
    assert result.url == reply.get_absolute_url()


def test_replies_only_filter_still_lists_each_thread_once(officer, discussion):
    outcome = search_site(
        officer, "third party material", filters=Filters(types=["post"])
    )
    assert [r.title for r in outcome.results] == ["Third-party material requests"]
    # The type facet still counts the matching replies themselves.
    counts = {f.key: f.count for f in outcome.facets["type"]}
    assert counts["post"] == 3


def test_guidance_is_not_pushed_down_by_a_threads_replies(officer, discussion):
    make_guidance(
        title="Data protection in RASSO investigations",
        paragraphs=(
            "Only request third-party material where it is a reasonable line of "
            "enquiry.",
        ),
    )
    outcome = search_site(officer, "third party material")
    assert sorted((r.type_key, r.title) for r in outcome.results) == [
        ("guidance", "Data protection in RASSO investigations"),
        ("thread", "Third-party material requests"),
    ]
    assert outcome.total == 2


def test_the_results_page_says_how_many_replies_match(officer, client_for, discussion):
    html = client_for(officer).get("/search/", {"q": "third party material"})
    html = html.content.decode()
    assert html.count("Third-party material requests</a>") == 1
    assert "2 matching replies in this thread" in html
    assert "1 result for" in html
