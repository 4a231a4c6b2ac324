"""The framework is data administrators edit; a published edition is frozen and a new
edition copies it."""

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments import services
from assessments.models import EDITION_FROZEN, Edition, Pillar, Statement
from core.models import AuditEvent, Theme
from tests.factories import make_user
from tests.factories.assessments import make_edition
from tests.helpers import enrol_totp


@pytest.fixture
def admin(db):
    user = make_user(
        email="admin@college.police.uk",
        force="college-of-policing",
        groups=["Administrators"],
    )
    enrol_totp(user)
    return user


def pillar_form_data(pillar, **fields) -> dict:
    """The Wagtail admin's pillar form as posted, with no statement rows."""
    return {
        "edition": pillar.edition_id,
        "theme": pillar.theme_id,
        "introduction": pillar.introduction,
        "statements-TOTAL_FORMS": "0",
        "statements-INITIAL_FORMS": "0",
        "statements-MIN_NUM_FORMS": "0",
        "statements-MAX_NUM_FORMS": "1000",
        **fields,
    }


def test_a_new_edition_has_one_pillar_per_theme(db):
    edition = services.edition_create(name="2030/31")

    assert edition.pillars.count() == Theme.objects.count() == 6


def test_a_published_edition_refuses_new_and_changed_statements(edition):
    statement = Statement.objects.filter(pillar__edition=edition).first()

    with pytest.raises(ValidationError, match="frozen"):
        services.statement_create(
            edition=edition, theme=Theme.objects.first(), number="9.9", text="New"
        )
    with pytest.raises(ValidationError, match="frozen"):
        services.statement_update(statement=statement, text="Changed")
    with pytest.raises(ValidationError, match="frozen"):
        services.edition_publish(edition=edition)
    statement.refresh_from_db()
    assert statement.text != "Changed"


def test_a_draft_edition_can_still_be_changed(db):
    edition = make_edition("2031/32", publish=False)
    statement = Statement.objects.filter(pillar__edition=edition).first()

    services.statement_update(statement=statement, text="Reworded")

    statement.refresh_from_db()
    assert statement.text == "Reworded"


def test_copying_an_edition_copies_pillars_and_statements_as_a_draft(edition, admin):
    copy = services.edition_copy(edition=edition, name="2027/28", actor=admin)

    assert copy.status == Edition.Status.DRAFT
    assert copy.copied_from == edition
    original = list(
        Statement.objects.filter(pillar__edition=edition).values_list(
            "number", "text", "evidence_required", "pillar__theme"
        )
    )
    copied = list(
        Statement.objects.filter(pillar__edition=copy).values_list(
            "number", "text", "evidence_required", "pillar__theme"
        )
    )
    assert copied == original
    assert all(
        s.copied_from.pillar.edition_id == edition.pk
        for s in Statement.objects.filter(pillar__edition=copy)
    )
    assert AuditEvent.objects.filter(action="assessment.edition_copied").exists()


def test_changing_the_copy_leaves_the_published_edition_untouched(edition):
    copy = services.edition_copy(edition=edition, name="2027/28")
    statement = Statement.objects.filter(pillar__edition=copy).first()

    services.statement_update(statement=statement, text="Next year's wording")

    assert statement.copied_from.text != "Next year's wording"


def test_an_edition_name_is_unique(edition):
    with pytest.raises(ValidationError):
        services.edition_copy(edition=edition, name=edition.name)


def test_the_admin_edit_form_refuses_changes_to_a_published_edition(
    client, admin, edition
):
    client.force_login(admin)
    url = reverse("wagtailsnippets_assessments_edition:edit", args=[edition.pk])

    response = client.post(
        url, {"name": "Renamed", "status": "draft", "introduction": ""}
    )

    assert response.status_code == 200
    assert EDITION_FROZEN in response.content.decode()
    edition.refresh_from_db()
    assert edition.name == "2026/27"
    assert edition.is_published


def test_the_admin_pillar_form_refuses_statement_changes_in_a_published_edition(
    client, admin, edition
):
    client.force_login(admin)
    pillar = Pillar.objects.filter(edition=edition).first()
    url = reverse("wagtailsnippets_assessments_pillar:edit", args=[pillar.pk])

    response = client.post(
        url,
        pillar_form_data(pillar, introduction="Changed"),
    )

    assert response.status_code == 200
    assert EDITION_FROZEN in response.content.decode()
    assert Statement.objects.filter(pillar=pillar).count() == 2


def test_the_admin_can_edit_a_draft_editions_pillar(client, admin):
    edition = make_edition("2031/32", publish=False)
    client.force_login(admin)
    pillar = Pillar.objects.filter(edition=edition).first()
    url = reverse("wagtailsnippets_assessments_pillar:edit", args=[pillar.pk])

    response = client.post(
        url,
        pillar_form_data(pillar, introduction="Changed"),
    )

    assert response.status_code == 302
    pillar.refresh_from_db()
    assert pillar.introduction == "Changed"


def test_the_admin_copy_action_creates_the_new_edition(client, admin, edition):
    client.force_login(admin)
    listing = client.get(reverse("wagtailsnippets_assessments_edition:list"))
    url = reverse("assessments_edition_copy", args=[edition.pk])

    response = client.post(url, {"name": "2027/28"})

    assert url in listing.content.decode()
    assert response.status_code == 302
    copy = Edition.objects.get(name="2027/28")
    assert Statement.objects.filter(pillar__edition=copy).count() == 12


def test_the_admin_copy_action_keeps_what_was_typed_on_a_taken_name(
    client, admin, edition
):
    client.force_login(admin)

    response = client.post(
        reverse("assessments_edition_copy", args=[edition.pk]), {"name": "2026/27"}
    )

    assert response.status_code == 200
    assert 'value="2026/27"' in response.content.decode()
    assert Edition.objects.count() == 1


def test_a_published_edition_cannot_be_deleted_in_the_admin(client, admin, edition):
    client.force_login(admin)

    client.post(
        reverse("wagtailsnippets_assessments_edition:delete", args=[edition.pk])
    )

    assert Edition.objects.filter(pk=edition.pk).exists()


def test_the_framework_page_is_for_force_leads_members_and_administrators(
    client, edition, lead, colleague, admin
):
    url = reverse("assessments:framework")
    statuses = {}
    for user in (lead, colleague, admin):
        client.force_login(user)
        statuses[user.email] = client.get(url).status_code

    assert statuses == {lead.email: 200, colleague.email: 404, admin.email: 200}
