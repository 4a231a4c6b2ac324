import pytest

from core.models import Theme
from guidance.wagtail_hooks import guidance_theme_resources
from tests.factories.guidance import make_guidance

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    make_guidance(title="Alpha advice", themes=["data"], audiences=["analysts"])
    make_guidance(title="Bravo advice", themes=["data", "victim-engagement"])
    make_guidance(title="Charlie advice", themes=["digital-forensics"])
    make_guidance(title="Draft advice", themes=["data"], publish=False)


def test_the_index_lists_live_guidance_with_counts_per_theme_and_audience(
    client_for, officer, library
):
    response = client_for(officer).get("/guidance/")

    html = response.content.decode()
    themes = {t.slug: t.guidance_count for t in response.context["themes"]}
    audiences = {a.slug: a.guidance_count for a in response.context["audiences"]}
    assert themes["data"] == 2
    assert themes["digital-forensics"] == 1
    assert themes["repeat-and-serial-offenders"] == 0
    assert audiences["analysts"] == 1
    assert audiences["investigators"] == 2
    assert "3 guidance pages" in html
    assert "Draft advice" not in html


def test_the_index_filters_by_theme_audience_and_letter(client_for, officer, library):
    client = client_for(officer)

    by_theme = client.get("/guidance/?theme=data").context["page_obj"]
    by_audience = client.get("/guidance/?audience=analysts").context["page_obj"]
    by_letter = client.get("/guidance/?letter=c").context["page_obj"]

    assert [p.title for p in by_theme] == ["Alpha advice", "Bravo advice"]
    assert [p.title for p in by_audience] == ["Alpha advice"]
    assert [p.title for p in by_letter] == ["Charlie advice"]
    letters = dict(client.get("/guidance/").context["letters"])
    assert letters["A"] == 1 and letters["Z"] == 0


def test_unknown_filters_are_ignored_not_an_error(client_for, officer, library):
    response = client_for(officer).get("/guidance/?theme=nope&letter=%3C&page=x")

    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 3


def test_the_theme_landing_page_lists_its_guidance_and_a_follow_button(
    client_for, officer, library
):
    html = client_for(officer).get("/themes/data/").content.decode()

    assert "Alpha advice" in html and "Bravo advice" in html
    assert "Charlie advice" not in html and "Draft advice" not in html
    assert "Follow this theme" in html
    assert "/guidance/?theme=data" in html


def test_theme_resources_hook_returns_visible_guidance_for_the_theme(officer, library):
    resources = guidance_theme_resources(officer, Theme.objects.get(slug="data"))

    assert {r["title"] for r in resources} == {"Alpha advice", "Bravo advice"}
    assert all(r["kind"] == "Guidance" for r in resources)
    assert all(r["url"].startswith("/guidance/") and r["summary"] for r in resources)


def test_theme_resources_returns_at_most_ten(officer):
    for n in range(12):
        make_guidance(title=f"Data page {n}", themes=["data"])

    resources = guidance_theme_resources(officer, Theme.objects.get(slug="data"))

    assert len(resources) == 10


def test_a_sensitive_page_shows_its_marking_at_the_top_and_bottom(client_for, officer):
    page = make_guidance(title="Tactics", protective_marking="OFFICIAL-SENSITIVE")

    html = client_for(officer).get(page.url).content.decode()

    assert html.count("OFFICIAL-SENSITIVE</p>") == 2


def test_the_page_has_a_contents_list_from_its_section_headings(client_for, officer):
    page = make_guidance()

    html = client_for(officer).get(page.url).content.decode()

    assert 'href="#what-to-do"' in html
    assert 'id="what-to-do"' in html
