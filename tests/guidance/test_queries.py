"""Query counts on the guidance page, the index and the history do not grow with
content."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from guidance.models import RelatedGuidance
from tests.factories.guidance import make_guidance, publish_version

pytestmark = pytest.mark.django_db

# Measured on PostgreSQL (database sessions: the tests have no Redis). The first view
# after a publish renders the body (versions, themes, audiences, related, breadcrumbs);
# every later view reads it from the cache, and the page's route too (site, page and
# view restrictions: five queries before issue 13's routing cache), whether the
# reader may see it and the reader's follows: session and user.
MAX_PAGE_QUERIES = 16
CACHED_PAGE_QUERIES = 2
# The index and history limits are for the first view after new content (before
# issue 13: 20 and 19).
MAX_INDEX_QUERIES = 15
MAX_HISTORY_QUERIES = 12


def count(client, url) -> int:
    client.get(url)  # warm caches filled once per process (site root paths)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_guidance_page_query_count_is_pinned_and_flat(
    client_for, officer, django_assert_max_num_queries
):
    client = client_for(officer)
    page = make_guidance(title="Small page")
    small = count(client, page.url)

    big = make_guidance(
        title="Big page",
        themes=["data", "digital-forensics", "victim-engagement"],
        audiences=["investigators", "analysts", "supervisors"],
        paragraphs=[f"Paragraph {n}." for n in range(30)],
    )
    for n in range(5):
        big = publish_version(big, major=n % 2 == 0, note=f"Change {n}.")
    draft = big.get_latest_revision_as_object()
    draft.related_links = [RelatedGuidance(target=page)]
    draft.change_note = "Related."
    draft.save_revision().publish()

    with django_assert_max_num_queries(MAX_PAGE_QUERIES):
        client.get(big.url)
    assert count(client, big.url) == small == CACHED_PAGE_QUERIES


def test_the_index_query_count_does_not_grow_with_more_guidance(
    client_for, officer, django_assert_max_num_queries
):
    client = client_for(officer)
    make_guidance(title="Alpha")
    few = count(client, "/guidance/")

    for n in range(15):
        make_guidance(title=f"Guidance {n}", themes=["data", "victim-engagement"])

    with django_assert_max_num_queries(MAX_INDEX_QUERIES):
        client.get("/guidance/")
    assert count(client, "/guidance/") == few
    assert count(client, "/guidance/?theme=data&letter=G") == few


def test_the_history_query_count_does_not_grow_with_more_versions(
    client_for, officer, django_assert_max_num_queries
):
    client = client_for(officer)
    page = make_guidance()
    page = publish_version(page, major=False, note="One.")
    few = count(client, page.url + "versions/")

    for n in range(10):
        page = publish_version(page, major=n % 3 == 0, note=f"Change {n}.")

    with django_assert_max_num_queries(MAX_HISTORY_QUERIES):
        client.get(page.url + "versions/")
    assert count(client, page.url + "versions/") == few


def test_the_compare_query_count_does_not_grow_with_more_versions(client_for, officer):
    client = client_for(officer)
    page = make_guidance()
    page = publish_version(page, major=False, note="One.")
    url = page.url + "compare/?from=1.0&to=1.1"
    few = count(client, url)

    for n in range(8):
        page = publish_version(page, major=n % 3 == 0, note=f"Change {n}.")

    assert count(client, url) == few
