"""Nothing a user may not see is returned or counted: drafts, unpublished and
superseded guidance now; force-private, hidden and deleted forum content once the
forums source exists (tests in test_forums_access.py)."""

from search.selectors import search_site
from tests.factories.guidance import make_guidance


def test_draft_and_unpublished_never_returned_or_counted(officer, db):
    make_guidance(title="Visible zebra guidance", paragraphs=("Zebra crossing.",))
    make_guidance(
        title="Draft zebra guidance", paragraphs=("Zebra draft.",), publish=False
    )
    gone = make_guidance(title="Withdrawn zebra guidance", paragraphs=("Zebra.",))
    gone.unpublish()
    outcome = search_site(officer, "zebra")
    assert [r.title for r in outcome.results] == ["Visible zebra guidance"]
    assert outcome.total == 1
    assert {f.key: f.count for f in outcome.facets["type"]}["guidance"] == 1
    assert sum(f.count for f in outcome.facets["theme"]) == 1


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    make_guidance(title="Signed in only", paragraphs=("Private words.",))
    response = client.get("/search/", {"q": "private"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
