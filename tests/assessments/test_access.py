"""Who sees a force's assessment and plan: its force leads, the colleagues they added
and administrators. Everyone else gets a 404 and finds nothing in lists or
notifications."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments import selectors, services
from assessments.models import Evidence, Response
from core.models import Notification
from tests.factories import make_user
from tests.factories.assessments import make_action, make_lead, rate_all

READ_VIEWS = [
    "assessment_detail",
    "response_edit",
    "plan",
    "action_detail",
    "dashboard",
    "assessment_csv",
    "plan_csv",
    "evidence_download",
]
LEAD_VIEWS = ["members", "assign", "sign_off", "action_create", "action_edit"]


@pytest.fixture
def world(assessment, lead, colleague, admin_user):
    """An assessment with an assigned colleague, an action and a document."""
    responses = rate_all(assessment, [0, 2], lead, evidence=False)
    first = responses[0]
    services.responses_assign(assignments=[(first, colleague)], actor=lead)
    evidence = services.evidence_add(
        response=first,
        title="Audit",
        document=SimpleUploadedFile("audit.pdf", b"%PDF-1.4 synthetic"),
        actor=lead,
    )
    action = make_action(assessment, colleague, lead)
    return {
        "lead": lead,
        "assigned": colleague,
        "other_member": make_user(email="other@avon-and-somerset.police.uk"),
        "other_force_lead": make_lead(
            force="west-yorkshire", email="lead@west-yorkshire.police.uk"
        ),
        "other_force_officer": make_user(
            email="dc@west-yorkshire.police.uk", force="west-yorkshire"
        ),
        "admin": admin_user,
        "assessment": assessment,
        "statement_pk": first.statement_id,
        "gap_statement_pk": action.response.statement_id,
        "action": action,
        "evidence": evidence,
    }


def url_for(name, world):
    pk = world["assessment"].pk
    args = {
        "response_edit": [pk, world["statement_pk"]],
        "action_detail": [pk, world["action"].pk],
        "action_edit": [pk, world["action"].pk],
        "evidence_download": [pk, world["evidence"].pk],
        "action_create": [pk, world["gap_statement_pk"]],
    }.get(name, [pk])
    return reverse(f"assessments:{name}", args=args)


EXPECTED = {
    # role: (status for read views, status for lead-only views)
    "lead": (200, 200),
    "assigned": (200, 403),
    "admin": (200, 403),
    "other_member": (404, 404),
    "other_force_lead": (404, 404),
    "other_force_officer": (404, 404),
}


@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize("view", READ_VIEWS + LEAD_VIEWS)
def test_the_access_matrix_holds_for_every_assessment_plan_and_export_view(
    client, world, role, view
):
    client.force_login(world[role])
    read, lead_only = EXPECTED[role]

    response = client.get(url_for(view, world))

    assert response.status_code == (lead_only if view in LEAD_VIEWS else read)


@pytest.mark.parametrize(
    "role, status",
    [
        # Outside the assessment: it stays hidden.
        ("other_member", 404),
        ("other_force_lead", 404),
        # An administrator sees the assessment but may not rate it.
        ("admin", 403),
    ],
)
def test_only_the_force_lead_and_the_assignee_can_post_a_rating(
    client, world, role, status
):
    client.force_login(world[role])

    response = client.post(
        url_for("response_edit", world), {"rating": "3", "comment": "Changed"}
    )

    assert response.status_code == status
    assert (
        Response.objects.get(
            assessment=world["assessment"], statement_id=world["statement_pk"]
        ).rating
        == 0
    )


def test_the_assignee_rates_their_statement_but_not_anothers(client, world):
    client.force_login(world["assigned"])
    other = (
        Response.objects.filter(assessment=world["assessment"])
        .exclude(statement_id=world["statement_pk"])
        .first()
    )

    mine = client.post(url_for("response_edit", world), {"rating": "2"})
    theirs = client.post(
        reverse(
            "assessments:response_edit",
            args=[world["assessment"].pk, other.statement_id],
        ),
        {"rating": "3"},
    )

    assert mine.status_code == 302
    assert theirs.status_code == 403


def test_lists_show_an_assessment_only_to_those_who_may_see_it(world):
    visible = {
        role: list(selectors.assessment_list_visible_to(world[role]))
        for role in EXPECTED
    }

    assert visible["lead"] == [world["assessment"]]
    assert visible["assigned"] == [world["assessment"]]
    assert visible["admin"] == [world["assessment"]]
    assert visible["other_member"] == []
    assert visible["other_force_lead"] == []
    assert selectors.action_list_visible_to(world["other_member"]).count() == 0
    assert selectors.evidence_list_visible_to(world["other_force_lead"]).count() == 0
    assert Evidence.objects.count() == 1


def test_the_index_page_lists_nothing_for_someone_not_added(client, world):
    client.force_login(world["other_member"])

    response = client.get(reverse("assessments:index"))

    assert response.status_code == 200
    assert response.context["assessments"] == []
    assert b"Avon and Somerset" not in response.content


def test_notifications_go_only_to_people_who_may_see_the_assessment(world):
    recipients = set(
        Notification.objects.filter(url__startswith="/assessments/").values_list(
            "recipient__email", flat=True
        )
    )

    assert recipients == {world["assigned"].email}
    for user in recipients:
        person = type(world["lead"]).objects.get(email=user)
        assert selectors.user_can_see_assessment(person, world["assessment"])


def test_a_colleague_from_another_force_cannot_be_added_or_given_an_action(
    world, client
):
    client.force_login(world["lead"])

    response = client.post(
        url_for("members", world), {"user": world["other_force_officer"].pk}
    )

    assert response.status_code == 400
    assert not selectors.user_can_see_assessment(
        world["other_force_officer"], world["assessment"]
    )


def test_signed_out_visitors_are_sent_to_sign_in(client, world):
    response = client.get(url_for("assessment_detail", world))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_national_view_and_its_csv_are_for_administrators_only(client, world):
    for role, status in [("admin", 200), ("lead", 404), ("assigned", 404)]:
        client.force_login(world[role])
        assert client.get(reverse("assessments:national")).status_code == status
        assert client.get(reverse("assessments:national_csv")).status_code == status
