"""The header's service navigation: the site's sections on every page for a signed-in
user, with the section the page belongs to marked (GOV.UK service navigation)."""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

pytestmark = pytest.mark.django_db

SECTIONS = [
    ("Guidance", "/guidance/"),
    ("Training", "/training/"),
    ("Forums", "/forums/"),
    ("Search", "/search/"),
]


def menu(html: str) -> list[dict]:
    nav = BeautifulSoup(html, "html.parser").find("nav", attrs={"aria-label": "Menu"})
    assert nav is not None, "no navigation called Menu"
    return [
        {
            "text": link.get_text(" ", strip=True),
            "href": link["href"],
            "current": link.get("aria-current"),
            "active": "govuk-service-navigation__item--active"
            in link.find_parent("li")["class"],
        }
        for link in nav.find_all("a")
    ]


def test_every_page_offers_guidance_training_forums_and_search(client_for, officer):
    response = client_for(officer).get("/")

    items = menu(response.content.decode())
    assert [(i["text"], i["href"]) for i in items] == SECTIONS
    assert not any(i["current"] or i["active"] for i in items)


@pytest.mark.parametrize(
    "path, section, current",
    [
        ("/guidance/", "Guidance", "page"),
        ("/training/", "Training", "page"),
        ("/forums/", "Forums", "page"),
        (reverse("forums:category", args=["data"]), "Forums", "true"),
        ("/search/?q=ABE", "Search", "page"),
    ],
)
def test_the_section_a_page_belongs_to_is_marked_current(
    client_for, officer, path, section, current
):
    response = client_for(officer).get(path)

    assert response.status_code == 200
    marked = [i for i in menu(response.content.decode()) if i["current"]]
    assert [(i["text"], i["current"], i["active"]) for i in marked] == [
        (section, current, True)
    ]


def test_signed_out_pages_have_no_section_navigation(client):
    html = client.get("/accounts/login/").content.decode()

    assert (
        BeautifulSoup(html, "html.parser").find("nav", attrs={"aria-label": "Menu"})
        is None
    )


def footer_themes(html: str) -> list[tuple[str, str | None]]:
    footer = BeautifulSoup(html, "html.parser").find("footer")
    nav = footer.find("nav", attrs={"aria-labelledby": "footer-themes"})
    return [(a.get_text(strip=True), a.get("aria-current")) for a in nav.find_all("a")]


def test_the_footer_is_kept_but_marks_the_theme_shown_and_follows_theme_changes(
    client_for, officer
):
    from django.core.cache import cache

    from core.models import Theme

    client = client_for(officer)
    home = footer_themes(client.get("/").content.decode())
    assert ("Data", None) in home and not any(current for _, current in home)
    assert footer_themes(client.get("/").content.decode()) == home
    assert [key for key in cache._cache if "ln:fragment:footer:" in key]

    on_data = footer_themes(client.get("/themes/data/").content.decode())
    assert ("Data", "page") in on_data
    assert ("Digital forensics", None) in on_data
    on_forensics = footer_themes(
        client.get("/themes/digital-forensics/").content.decode()
    )
    assert ("Digital forensics", "page") in on_forensics and (
        "Data",
        None,
    ) in on_forensics

    theme = Theme.objects.get(slug="data")
    theme.name = "Data and analysis"
    theme.save()
    assert ("Data and analysis", None) in footer_themes(
        client.get("/").content.decode()
    )


def test_signed_out_visitors_get_the_footer_without_member_links(client):
    html = client.get("/accounts/login/").content.decode()
    footer = BeautifulSoup(html, "html.parser").find("footer")
    assert footer is not None
    assert "Your profile" not in footer.get_text()
