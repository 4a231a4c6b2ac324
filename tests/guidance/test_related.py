"""Related guidance: editors choose pages with Wagtail's page chooser, in the order to
show them; readers see the ones they may read, in that order."""

import re

import pytest

from wagtail.test.utils.form_data import inline_formset

from guidance.models import GuidancePage, RelatedGuidance
from tests.factories.guidance import make_guidance, publish_version
from tests.guidance.test_workflow import edit_data, edit_url, staff

pytestmark = pytest.mark.django_db


def test_an_editor_chooses_related_guidance_in_order_in_the_admin(client):
    writer = staff("writer@college.police.uk", "Guidance editors")
    page = make_guidance(title="Phones")
    first = make_guidance(title="Disclosure")
    second = make_guidance(title="Third-party material")
    client.force_login(writer)

    form_page = client.get(edit_url(page)).content.decode()
    assert "Related guidance" in form_page
    assert 'name="related_guidance"' not in form_page  # no multi-select of every page

    data = edit_data(
        page,
        paragraph="Same advice.",
        related_links=inline_formset(
            [
                {"target": second.pk, "ORDER": "1"},
                {"target": first.pk, "ORDER": "2"},
            ]
        ),
    )
    response = client.post(edit_url(page), data)

    assert response.status_code == 302, _errors(response)
    draft = GuidancePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [link.target_id for link in draft.related_links.all()] == [
        second.pk,
        first.pk,
    ]


def test_readers_see_related_guidance_in_order_and_only_what_they_may_read(
    client_for, officer
):
    page = make_guidance(title="Phones")
    disclosure = make_guidance(title="Disclosure")
    material = make_guidance(title="Third-party material")
    withdrawn = make_guidance(title="Withdrawn advice")
    page = publish_version(
        page,
        major=False,
        note="Related guidance.",
        related_links=[
            RelatedGuidance(target=material),
            RelatedGuidance(target=withdrawn),
            RelatedGuidance(target=disclosure),
        ],
    )
    withdrawn.unpublish()

    html = client_for(officer).get(page.url).content.decode()
    aside = html[html.index('id="related-heading"') :]
    titles = re.findall(r'class="govuk-link" href="[^"]*">([^<]*)</a>', aside)
    assert titles[:2] == ["Third-party material", "Disclosure"]
    assert "Withdrawn advice" not in aside


def _errors(response):
    context = getattr(response, "context", None) or {}
    form = context.get("form")
    return form.errors if form is not None else response.status_code


def test_a_page_is_never_listed_as_related_to_itself(client_for, officer):
    page = make_guidance(title="Phones")
    other = make_guidance(title="Disclosure")
    draft = page.get_latest_revision_as_object()
    draft.related_links = [
        RelatedGuidance(target=page),
        RelatedGuidance(target=other),
        RelatedGuidance(target=other),
    ]
    draft.change_note = "Related guidance."
    draft.save_revision().publish()

    html = client_for(officer).get(page.url).content.decode()
    aside = html[html.index('id="related-heading"') :]
    titles = re.findall(r'class="govuk-link" href="[^"]*">([^<]*)</a>', aside)
    assert titles[:1] == ["Disclosure"]
    assert "Phones" not in titles and titles.count("Disclosure") == 1
