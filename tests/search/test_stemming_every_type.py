"""Plurals and other forms of a word match across every content type (issue 14):
"ABE interview" finds a thread about "interviews". PostgreSQL stems every type with
its English configuration; SQLite (the embedded default) matches each word's stem as a
prefix."""

import pytest

from search.selectors import search_site
from tests.factories.forums import make_category, make_thread
from tests.factories.guidance import make_guidance
from tests.factories.training import make_lesson, make_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_type(officer, officer_b):
    make_guidance(title="Guidance page", paragraphs=("Plan the kestrel interviews.",))
    module = make_module(title="Running kestrel interviews", lessons=0)
    make_lesson(
        module,
        title="Lesson page",
        body=[{"type": "paragraph", "value": "<p>Kestrel interviews in depth.</p>"}],
    )
    thread = make_thread(
        category=make_category(slug="stems", name="Stems"),
        author=officer,
        title="Interpreters for kestrel interviews",
        body="Any tips?",
        replies=[(officer_b, "We booked the interpreter early.")],
    )
    return thread


@pytest.mark.parametrize("query", ["kestrel interview", "kestrel interviews"])
def test_every_type_matches_singular_and_plural(officer, every_type, query):
    outcome = search_site(officer, query)
    # Every word matched as typed: not a spelling correction, not some of the words.
    assert outcome.showing_for == "" and not outcome.relaxed
    found = {(r.type_key, r.title) for r in outcome.results}
    assert found == {
        ("guidance", "Guidance page"),
        ("module", "Running kestrel interviews"),
        ("lesson", "Lesson page"),
        ("thread", "Interpreters for kestrel interviews"),
    }


def test_a_reply_matches_another_form_of_the_word(officer, every_type):
    outcome = search_site(officer, "booking")
    assert outcome.showing_for == ""
    (result,) = outcome.results
    assert result.title == "Interpreters for kestrel interviews"
    assert result.matching_replies == 1
