"""A query that is a guidance page's whole title, whatever its case and punctuation,
ranks that page first (issue 14)."""

import pytest

from search.selectors import search_site
from tests.factories.forums import make_category, make_thread
from tests.factories.guidance import make_guidance
from tests.factories.training import make_lesson, make_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(officer):
    exact = make_guidance(
        title="Consent",
        summary="The legal test.",
        paragraphs=("What the law says.",),
    )
    make_guidance(
        title="Consent and capacity: consent explained",
        summary="Consent, capacity to consent and freedom to consent.",
        paragraphs=("Consent must be given freely; consent can be withdrawn.",),
    )
    module = make_module(title="Consent in practice", lessons=0)
    make_lesson(
        module,
        title="Consent: consent and consent",
        body=[{"type": "paragraph", "value": "<p>Consent, consent, consent.</p>"}],
    )
    make_thread(
        category=make_category(slug="consent-talk", name="Consent talk"),
        author=officer,
        title="Consent consent consent",
        body="Consent? Consent. Consent!",
    )
    return exact


@pytest.mark.parametrize("query", ["Consent", "consent", "CONSENT", '"consent"'])
def test_a_guidance_title_typed_exactly_ranks_that_page_first(officer, pages, query):
    outcome = search_site(officer, query)
    assert (outcome.results[0].type_key, outcome.results[0].title) == (
        "guidance",
        "Consent",
    )


def test_punctuation_and_case_are_ignored(officer):
    make_guidance(
        title="Digital evidence from victims' phones",
        paragraphs=("Only examine what is needed.",),
    )
    make_guidance(
        title="Phones: digital evidence from victims and from suspects",
        summary="Digital evidence from victims' phones, and from suspects' phones.",
        paragraphs=("Digital evidence from victims' phones and suspects' phones.",),
    )
    outcome = search_site(officer, "digital evidence from victims phones")
    assert outcome.results[0].title == "Digital evidence from victims' phones"


def test_an_exact_title_is_first_even_among_more_matches_than_candidates(
    officer, monkeypatch
):
    """With more title matches than candidates, the page whose whole title was typed
    is still found and ranked first, however old."""
    from search.selectors import ranking

    exact = make_guidance(title="Consent", paragraphs=("The legal test.",))
    for i in range(4):
        make_guidance(
            title=f"Consent in case {i}: consent and consent",
            paragraphs=("Consent, consent and consent.",),
        )
    monkeypatch.setattr(ranking, "CANDIDATES", 3)
    outcome = search_site(officer, "consent")
    assert outcome.capped
    assert outcome.results[0].obj.pk == exact.pk
