"""The search suite over HTTP through Wagtail's opensearch3 backend, against
osmem-server: an in-memory OpenSearch-API *emulator* started on 127.0.0.1 by a pytest
fixture. It is not the real engine (it ignores the synonym_graph filter and English
stemming, for example), so this proves the engine path end to end (index settings,
mapping, documents, queries with permission filters, counts) but not OpenSearch's
relevance. Synonyms still work because the query is expanded before it is sent."""

import io

import pytest

from django.core.management import call_command

from search.selectors import Filters, search_site
from tests.factories.guidance import make_guidance
from tests.factories.training import make_lesson, make_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def opensearch(settings, osmem_clone):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch3",
            "URLS": [osmem_clone.url],
            "INDEX_PREFIX": "test-",
            "TIMEOUT": 10,
        }
    }
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    return osmem_clone


def refresh():
    from modelsearch.backends import get_search_backend

    get_search_backend().refresh_indexes()


@pytest.fixture
def engine_corpus(opensearch):
    isva = make_guidance(
        title="Referring a victim to an ISVA",
        themes=("victim-engagement",),
        paragraphs=("Offer a referral to an independent sexual violence adviser.",),
    )
    phones = make_guidance(
        title="Consent for a phone download",
        themes=("digital-forensics",),
        paragraphs=("Only download what is strictly necessary.",),
    )
    module = make_module(title="Repeat offenders", lessons=0)
    lesson = make_lesson(module, title="Linking victim reports")
    draft = make_guidance(
        title="Draft victim guidance", paragraphs=("Victim draft.",), publish=False
    )
    refresh()
    return {"isva": isva, "phones": phones, "lesson": lesson, "draft": draft}


def titles(outcome):
    return [r.title for r in outcome.results]


def test_backend_is_the_engine(opensearch):
    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    assert backend.vendor == "opensearch"
    assert backend.es.info()["version"]["distribution"] == "opensearch"


def test_results_across_types_and_counts(officer, engine_corpus):
    outcome = search_site(officer, "victim")
    assert not outcome.degraded
    found = titles(outcome)
    assert "Referring a victim to an ISVA" in found
    assert "Linking victim reports" in found
    assert "Draft victim guidance" not in found, found  # never returned or counted
    counts = {f.key: f.count for f in outcome.facets["type"]}
    assert counts["guidance"] == 1
    assert counts["lesson"] == 1


def test_synonyms_by_query_expansion(officer, engine_corpus):
    assert "Referring a victim to an ISVA" in titles(
        search_site(officer, "independent sexual violence adviser")
    )
    assert "Referring a victim to an ISVA" in titles(search_site(officer, "isva"))


def test_phrase(officer, engine_corpus):
    assert titles(search_site(officer, '"strictly necessary"')) == [
        "Consent for a phone download"
    ]


def test_theme_filter(officer, engine_corpus):
    outcome = search_site(
        officer, "victim", filters=Filters(themes=["victim-engagement"])
    )
    assert titles(outcome) == ["Referring a victim to an ISVA"]


def test_index_updates_on_write(officer, engine_corpus):
    page = engine_corpus["phones"]
    page.unpublish()
    refresh()
    assert titles(search_site(officer, "download")) == []


def test_search_page_over_http(officer, client_for, engine_corpus):
    response = client_for(officer).get("/search/", {"q": "ISVA"})
    assert response.status_code == 200
    assert "Referring a victim to an ISVA" in response.content.decode()


def test_forum_visibility_over_the_engine(officer, opensearch):
    from django.utils import timezone

    from accounts.models import Force
    from forums.models import Category, Post, Thread

    national = Category.objects.create(name="N", slug="n-engine")
    private = Category.objects.create(
        name="P", slug="p-engine", force=Force.objects.get(slug="west-yorkshire")
    )
    for category, title in ((national, "Okapi national"), (private, "Okapi private")):
        thread = Thread.objects.create(
            category=category, title=title, last_post_at=timezone.now()
        )
        Post.objects.create(thread=thread, body="Okapi body.", body_html="<p>x</p>")
    refresh()
    outcome = search_site(officer, "okapi")
    assert {r.title for r in outcome.results} == {"Okapi national"}
    counts = {f.key: f.count for f in outcome.facets["type"]}
    assert counts["thread"] == 1 and counts["post"] == 1


def test_a_thread_and_its_replies_are_one_result_over_the_engine(officer, opensearch):
    """Issue 14: grouping works on the engine path too (the emulator's hits carry the
    reply's thread)."""
    from tests.factories.forums import make_category, make_thread

    make_thread(
        category=make_category(slug="engine-grouped", name="Engine grouped"),
        author=officer,
        title="Numbat requests",
        body="How do you keep numbat requests proportionate?",
        replies=[(officer, "Numbat requests need a reason."), (officer, "Agreed.")],
    )
    refresh()
    outcome = search_site(officer, "numbat")
    assert [(r.type_key, r.title) for r in outcome.results] == [
        ("thread", "Numbat requests")
    ]
    assert outcome.results[0].matching_replies == 1
    assert outcome.total == 1
