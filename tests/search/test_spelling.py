"""Spelling corrections (issue 14): suggested only for words found nowhere the user may
see, only from words the user may see, and only a small edit away, so a real word or
a name is never turned into another word."""

import pytest

from search.selectors import Filters, search_site
from tests.factories.forums import make_category, make_thread
from tests.factories.guidance import make_guidance

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    make_guidance(
        title="Suspect interview planning",
        paragraphs=("Agree a disclosure strategy with the supervisor.",),
    )
    make_guidance(
        title="Linking reports to identify serial offenders",
        paragraphs=("Search across reports for links.",),
    )
    make_guidance(
        title="What consent means",
        paragraphs=("Consent means agreeing by choice.",),
    )


def test_a_misspelt_body_word_is_corrected(officer, pages):
    outcome = search_site(officer, "disclosre")
    assert outcome.showing_for == "disclosure"
    assert [r.title for r in outcome.results] == ["Suspect interview planning"]


def test_a_misspelt_body_word_is_offered_when_filters_leave_nothing(officer, pages):
    outcome = search_site(officer, "disclosre", filters=Filters(themes=["data"]))
    assert outcome.total == 0
    assert outcome.did_you_mean == "disclosure"


@pytest.mark.parametrize("word", ["Soteria", "Megan", "soteria", "megan"])
def test_an_unknown_name_is_not_turned_into_another_word(officer, pages, word):
    outcome = search_site(officer, word)
    assert outcome.total == 0
    assert outcome.showing_for == ""
    assert outcome.did_you_mean == ""


def test_a_name_in_content_is_found_not_corrected(officer, pages):
    make_guidance(
        title="Case study", paragraphs=("Megan's account was recorded first.",)
    )
    outcome = search_site(officer, "megan")
    assert [r.title for r in outcome.results] == ["Case study"]
    assert outcome.showing_for == "" and outcome.did_you_mean == ""


def test_no_correction_comes_from_content_the_user_may_not_see(
    officer, officer_b, pages
):
    """A word only in another force's private forum is never offered, alone or
    beside a word that does match (the Avon and Somerset officer may not see West
    Yorkshire's private category)."""
    make_thread(
        category=make_category(slug="wy-only", force="west-yorkshire"),
        author=officer_b,
        title="Harlow file review",
        body="The Harlow file needs a review.",
    )
    for query, filters in (
        ("harlaw", None),
        ("harlaw consent", None),
        ("harlaw consent", Filters(themes=["data"])),  # filters leave nothing
    ):
        outcome = search_site(officer, query, filters=filters)
        assert "harlow" not in outcome.showing_for, query
        assert "harlow" not in outcome.did_you_mean, query
        assert all("Harlow" not in r.title for r in outcome.results), query
    # The West Yorkshire officer, who may see it, is offered it.
    assert search_site(officer_b, "harlaw").showing_for == "harlow"


def test_page_words_are_kept_for_corrections_and_forum_words_are_not(officer, pages):
    from search.models import VocabularyWord

    make_thread(
        category=make_category(slug="kept", name="Kept"),
        author=officer,
        title="Quentin's statement",
        body="Quentin Fairbanks gave a statement.",
    )
    kept = set(VocabularyWord.objects.values_list("word", flat=True))
    assert {"disclosure", "strategy", "supervisor", "serial"} <= kept
    assert not {"quentin", "fairbanks", "section", "heading"} & kept


def test_corrections_are_near_and_keep_the_first_letter():
    from search.vocabulary import corrections, edit_distance, max_edits

    assert edit_distance("consnet", "consent") == 1  # two letters swapped
    assert edit_distance("refferal", "referral") == 2
    assert edit_distance("megan", "means") == 2
    assert [max_edits(w) for w in ("isva", "megan", "soteria", "disclosre")] == [
        0,
        1,
        1,
        2,
    ]
    assert corrections("vicim", ["victim", "vicar", "wicim"]) == ["victim"]


def test_a_misspelling_costs_a_fixed_number_of_queries(officer, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(query):
        client.get("/search/", {"q": query})  # warm per-process caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/search/", {"q": query}).status_code == 200
        return len(captured.captured_queries)

    client = client_for(officer)
    make_guidance(title="Disclosure strategy", paragraphs=("Plan disclosure.",))
    few = [queries_for(q) for q in ("disclosre", "soteria", "soteria disclosre")]
    for i in range(10):
        make_guidance(title=f"Disclosure {i}", paragraphs=("Disclosure words.",))
    assert [queries_for(q) for q in ("disclosre", "soteria", "soteria disclosre")] == (
        few
    )
    assert max(few) <= 55


def test_search_vocabulary_command_records_every_live_page(officer, pages):
    import io

    from django.core.management import call_command

    from search.models import VocabularyWord

    VocabularyWord.objects.all().delete()
    assert search_site(officer, "disclosre").showing_for == ""
    call_command("search_vocabulary", stdout=io.StringIO())
    assert search_site(officer, "disclosre").showing_for == "disclosure"
