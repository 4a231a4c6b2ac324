"""A page about the words outranks a passing mention of them, of any type and for
queries of any number of words (issue 14: on SQLite, the embedded default, the scores
of the words were multiplied, so a query of two words ranked backwards)."""

import pytest

from search.selectors import search_site
from tests.factories.forums import make_category, make_thread
from tests.factories.guidance import make_guidance

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(officer):
    for i in range(8):
        make_guidance(
            title=f"Filler page {i}",
            paragraphs=("Evidence, victims and suspects, and nothing else.",),
        )
    make_guidance(
        title="Marmot burrow survey",
        summary="Planning a marmot burrow survey.",
        paragraphs=("How to survey a marmot burrow.",),
    )
    make_thread(
        category=make_category(slug="misc", name="Miscellaneous"),
        author=officer,
        title="Mentions in passing",
        body=(
            "A long post about other matters that mentions a marmot burrow survey "
            "once, among many other words about evidence, victims and suspects."
        ),
    )


@pytest.mark.parametrize(
    "query", ["marmot", "marmot burrow", "marmot burrow survey", "marmot burrows"]
)
def test_a_title_match_outranks_a_passing_mention(officer, corpus, query):
    titles = [r.title for r in search_site(officer, query).results]
    assert titles == ["Marmot burrow survey", "Mentions in passing"]
