"""A guidance page's body is rendered once per published revision and reader class,
then read from the cache; publishing, withdrawing or unpublishing a page it links to
is seen on the next view. Routing finds the page in two queries, then from the cache
until a page is saved, moved or deleted."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from guidance.models import RelatedGuidance
from tests.factories.guidance import make_guidance, publish_version

pytestmark = pytest.mark.django_db


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries.captured_queries]


def test_the_body_is_read_from_the_cache_until_a_new_version(client_for, officer):
    page = make_guidance(title="Cell site analysis", paragraphs=["First text."])
    client = client_for(officer)
    _get(client, page.url)
    html, queries = _get(client, page.url)
    assert "First text." in html
    assert not any("guidance_guidanceversion" in q for q in queries)

    page = publish_version(page, major=True, note="Rewritten.", paragraphs=["New."])
    html, _ = _get(client, page.url)
    assert "New." in html and "First text." not in html
    assert "Rewritten." in html


def test_a_related_page_unpublished_leaves_the_cached_body(client_for, officer):
    target = make_guidance(title="Early advice")
    page = make_guidance(title="Charging decisions")
    draft = page.get_latest_revision_as_object()
    draft.related_links = [RelatedGuidance(target=target)]
    draft.change_note = "Related."
    draft.save_revision().publish()
    client = client_for(officer)
    assert "Early advice" in _get(client, page.url)[0]

    target.unpublish()
    assert "Early advice" not in _get(client, page.url)[0]


def _routing(queries):
    return [
        q
        for q in queries
        if ('FROM "wagtailcore_page"' in q and "url_path" in q)
        or "wagtailcore_site" in q
        or "wagtailcore_pageviewrestriction" in q
    ]


def test_routing_is_read_from_the_cache_until_the_page_tree_changes(
    client_for, officer
):
    page = make_guidance(title="Routing")
    client = client_for(officer)
    _, first = _get(client, page.url)
    assert len([q for q in first if '"wagtailcore_page"."url_path" IN' in q]) == 1
    _, again = _get(client, page.url)
    assert _routing(again) == []
    assert client.get(f"{page.url}versions/").status_code == 200
    assert client.get(f"{page.url}no-such-thing/").status_code == 404
    assert client.get("/guidance/no-such-page/").status_code == 404

    old_url = page.url
    draft = page.get_latest_revision_as_object()
    draft.slug = "routing-renamed"
    draft.change_note = "Renamed."
    draft.save_revision().publish()
    page.refresh_from_db()
    assert client.get(old_url).status_code == 404
    html, _ = _get(client, page.url)
    assert "Routing" in html

    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_the_empty_feedback_form_is_kept_but_a_form_with_errors_never_is(
    client_for, officer
):
    page = make_guidance(title="Feedback fields")
    client = client_for(officer)
    empty, _ = _get(client, page.url)
    assert "Typed before the error" not in empty
    response = client.post(
        page.url + "feedback/", {"comment": "Typed before the error"}
    )
    assert response.status_code == 400
    sent_back = response.content.decode()
    assert "Typed before the error" in sent_back
    assert "govuk-error-message" in sent_back
    again, _ = _get(client, page.url)
    assert "Typed before the error" not in again
    assert "govuk-error-message" not in again


def test_an_unknown_address_is_not_kept_in_the_cache(client_for, officer):
    from django.core.cache import cache

    client = client_for(officer)
    assert client.get("/guidance/made-up-address-123/").status_code == 404
    assert not [k for k in cache._cache if "made-up-address-123" in k]


def _visibility(queries):
    return [q for q in queries if 'FROM "guidance_guidancepage"' in q and "live" in q]


def test_whether_a_reader_may_see_the_page_is_kept_until_the_page_changes(
    client_for, officer
):
    page = make_guidance(title="Kept visibility")
    client = client_for(officer)
    _get(client, page.url)
    _, again = _get(client, page.url)
    assert _visibility(again) == []

    page.unpublish()
    assert client.get(page.url).status_code == 404
    page.get_latest_revision().publish()
    assert _get(client, page.url)[0]


def test_a_signed_out_visitor_loses_a_page_at_once_when_it_stops_being_public(client):
    from wagtail.models import PageViewRestriction

    page = make_guidance(title="Open to all", is_public=True)
    assert client.get(page.url).status_code == 200
    assert client.get(page.url).status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(page.url).status_code == 302
    restriction.delete()
    assert client.get(page.url).status_code == 200

    draft = page.get_latest_revision_as_object()
    draft.is_public = False
    draft.change_note = "Members only."
    draft.save_revision().publish()
    assert client.get(page.url).status_code == 302
