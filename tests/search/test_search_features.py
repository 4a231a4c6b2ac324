"""Highlights, suggestions, autocomplete, promotions, query statistics and the
editors' report, bad input."""

import json

from search.highlight import highlight
from search.models import QueryStat
from search.selectors import search_site
from search.stats import flush_stats, record_search
from tests.factories import make_user
from tests.factories.guidance import make_guidance


def test_highlight_escapes_everything_but_the_marks():
    html = highlight(
        '<script>alert("x")</script> consent <b>bold</b> & consenting',
        ["consent"],
    )
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>consent</mark>" in html
    assert "<mark>consenting</mark>" in html
    assert "&amp;" in html


def test_hostile_page_content_is_escaped_on_the_results_page(officer, client_for):
    make_guidance(
        title="Hostile <img src=x onerror=alert(1)> title",
        summary='Summary with <script>alert("pwned")</script> zanzibar inside',
        paragraphs=("Zanzibar body.",),
    )
    html = client_for(officer).get("/search/", {"q": "zanzibar"}).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>Zanzibar</mark>" in html or "<mark>zanzibar</mark>" in html


def test_autocomplete_returns_visible_titles_as_json(officer, client_for):
    make_guidance(title="Referring a victim to an ISVA")
    make_guidance(title="Referral draft", publish=False)
    response = client_for(officer).get("/search/autocomplete/", {"q": "refer"})
    assert response.status_code == 200
    titles = [r["title"] for r in json.loads(response.content)["results"]]
    assert titles == ["Referring a victim to an ISVA"]


def test_suggest_before_asking_returns_guidance_fragment_and_json(officer, client_for):
    make_guidance(
        title="Consent for downloading a victim's phone",
        paragraphs=("Download only what is necessary.",),
    )
    client = client_for(officer)
    response = client.get(
        "/search/suggest/", {"q": "Do I need consent to download a phone?"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Answers that may already exist" in html
    assert "Consent for downloading a victim&#x27;s phone" in html
    data = json.loads(
        client.get(
            "/search/suggest/", {"q": "phone download", "format": "json"}
        ).content
    )
    assert data["results"][0]["type"] == "Guidance"


def test_promoted_results_shown_first_when_visible(officer, client_for):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    page = make_guidance(title="Promoted pick page", paragraphs=("Nothing alike.",))
    draft = make_guidance(title="Promoted draft page", publish=False)
    query = Query.get("rape report")
    SearchPromotion.objects.create(query=query, page=page, sort_order=0)
    SearchPromotion.objects.create(query=query, page=draft, sort_order=1)
    html = client_for(officer).get("/search/", {"q": "Rape  Report"}).content.decode()
    assert "Recommended" in html
    assert "Promoted pick page" in html
    assert "Promoted draft page" not in html


def test_statistics_are_counted_in_the_cache_and_flushed_in_batches(
    officer, client_for, django_assert_max_num_queries
):
    make_guidance(title="Statistics page", paragraphs=("Counted words.",))
    client = client_for(officer)
    for _ in range(3):
        client.get("/search/", {"q": "counted"})
    client.get("/search/", {"q": "nothing matches this"})
    assert not QueryStat.objects.exists()  # nothing written per request
    assert flush_stats() == 4
    stats = {s.query_string: s for s in QueryStat.objects.all()}
    assert stats["counted"].hits == 3 and stats["counted"].zero_result_hits == 0
    assert stats["nothing matches this"].zero_result_hits == 1
    assert flush_stats() == 0  # nothing counted twice
    record_search("Counted", zero_results=False)
    flush_stats()
    assert QueryStat.objects.get(query_string="counted").hits == 4


def test_report_for_editors_only(officer, client_for, db):
    record_search("sarc referral", zero_results=True)
    record_search("isva", zero_results=False)
    flush_stats()
    assert client_for(officer).get("/search/report/").status_code == 403
    editor = make_user(email="ed@college.police.uk", groups=["Guidance editors"])
    response = client_for(editor).get("/search/report/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "sarc referral" in html and "isva" in html


def test_bad_input_never_fails(officer, client_for):
    client = client_for(officer)
    for params in (
        {"q": "x" * 5000},
        {"q": "consent", "page": "abc"},
        {"q": "consent", "page": "99999999"},
        {"q": "consent", "type": "nonsense", "date": "yesterday", "sort": "x"},
        {"q": '"unclosed phrase'},
        {"q": "'; DROP TABLE x; --"},
        {"q": "&|!():*<>"},
    ):
        assert client.get("/search/", params).status_code == 200, params
    assert client.get("/search/autocomplete/", {"q": "&|!:*"}).status_code == 200
    assert client.post("/search/", {"q": "x"}).status_code == 405


def test_results_page_query_count_does_not_grow(officer, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_search():
        client.get("/search/", {"q": "pinned"})  # warm per-process caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/search/", {"q": "pinned"}).status_code == 200
        return len(captured.captured_queries)

    client = client_for(officer)
    for i in range(3):
        make_guidance(title=f"Pinned page {i}", paragraphs=("Pinned words.",))
    few = queries_for_search()
    for i in range(3, 25):
        make_guidance(title=f"Pinned page {i}", paragraphs=("Pinned words.",))
    many = queries_for_search()
    assert many == few
    assert few <= 15  # 20 before issue 13's search work (45 allowed then)


def test_relevance_and_newest_sort(officer):
    make_guidance(title="Kestrel", paragraphs=("Kestrel kestrel kestrel.",))
    make_guidance(title="Other page", paragraphs=("A kestrel once.",))
    assert search_site(officer, "kestrel").results[0].title == "Kestrel"
    assert search_site(officer, "kestrel", sort="newest").results[0].title == (
        "Other page"
    )


def test_every_200th_search_flushes_the_batch(db, monkeypatch):
    from search import stats

    monkeypatch.setattr(stats, "FLUSH_EVERY", 5)
    for _ in range(4):
        record_search("batch", zero_results=False)
    assert not QueryStat.objects.exists()
    record_search("batch", zero_results=False)
    assert QueryStat.objects.get(query_string="batch").hits == 5


def test_search_report_in_the_admin_reports_menu(client_for, db):
    from tests.helpers import enrol_totp

    editor = make_user(email="ed2@college.police.uk", groups=["Guidance editors"])
    enrol_totp(editor)
    response = client_for(editor).get("/admin/")
    assert response.status_code == 200
    assert "/search/report/" in response.content.decode()


def test_filter_choices_are_kept_until_a_theme_or_force_changes(db):
    from accounts.models import Force
    from core.models import Theme
    from search.views import _filter_choices

    before = _filter_choices()
    assert _filter_choices() == before  # kept
    force = Force.objects.create(slug="new-force", name="New Force")
    assert ("new-force", "New Force") in _filter_choices()["force_choices"]
    force.delete()
    assert _filter_choices() == before
    theme = Theme.objects.first()
    theme.name = "Renamed theme"
    theme.save()
    assert (theme.slug, "Renamed theme") in _filter_choices()["theme_choices"]


def test_promoted_results_appear_and_go_as_soon_as_an_editor_changes_them(
    officer, client_for
):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    page = make_guidance(title="Promoted later page", paragraphs=("Nothing alike.",))
    client = client_for(officer)
    assert (
        "Recommended"
        not in client.get("/search/", {"q": "later pick"}).content.decode()
    )
    pick = SearchPromotion.objects.create(
        query=Query.get("later pick"), page=page, sort_order=0
    )
    html = client.get("/search/", {"q": "later pick"}).content.decode()
    assert "Recommended" in html and "Promoted later page" in html
    pick.delete()
    assert (
        "Recommended"
        not in client.get("/search/", {"q": "later pick"}).content.decode()
    )
