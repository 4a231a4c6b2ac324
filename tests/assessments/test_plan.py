"""Improvement plans: actions from gaps, what may help, reminders, and the dashboard's
comparison with the previous edition."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail import hooks

from assessments import services
from assessments.models import Action, Response
from core.hooks import THEME_RESOURCES
from core.models import Notification
from tests.factories import make_user
from tests.factories.assessments import (
    make_action,
    make_assessment,
    make_edition,
    rate_all,
    signed_off,
)


def gap_and_met(assessment, lead):
    rate_all(assessment, [0, 2], lead)
    responses = list(
        Response.objects.filter(assessment=assessment).select_related(
            "statement", "assessment"
        )
    )
    return (
        next(r for r in responses if r.is_gap),
        next(r for r in responses if not r.is_gap),
    )


def test_the_plan_lists_every_statement_rated_below_met_as_a_gap(
    client, assessment, lead
):
    rate_all(assessment, [0, 1, 2, 3], lead)
    client.force_login(lead)

    page = client.get(reverse("assessments:plan", args=[assessment.pk]))

    ratings = {gap.rating_label for gap in page.context["gaps"]}
    assert ratings == {"Not met", "Partly met"}
    assert len(page.context["gaps"]) == 6


def test_the_force_lead_creates_an_action_from_a_gap_and_the_owner_is_told(
    client, assessment, lead, colleague
):
    gap, _ = gap_and_met(assessment, lead)
    client.force_login(lead)
    due = timezone.localdate() + datetime.timedelta(days=60)

    result = client.post(
        reverse("assessments:action_create", args=[assessment.pk, gap.statement_id]),
        {
            "title": "Train every SOIT officer",
            "description": "",
            "owner": colleague.pk,
            "due_date": due.isoformat(),
        },
    )

    action = Action.objects.get()
    assert result["Location"] == reverse(
        "assessments:action_detail", args=[assessment.pk, action.pk]
    )
    assert (action.owner, action.due_date, action.response) == (colleague, due, gap)
    assert assessment.members.filter(user=colleague).exists()
    notification = Notification.objects.get(recipient=colleague)
    assert notification.verb == "gave you an improvement action"
    assert notification.url.endswith(f"/plan/actions/{action.pk}/")


def test_an_action_cannot_come_from_a_statement_rated_met(assessment, lead, colleague):
    _, met = gap_and_met(assessment, lead)

    with pytest.raises(ValidationError, match="below Met"):
        services.action_create(
            response=met,
            title="Nothing to do",
            owner=colleague,
            due_date=timezone.localdate(),
            actor=lead,
        )


def test_the_new_action_page_for_a_met_statement_is_a_404(client, assessment, lead):
    _, met = gap_and_met(assessment, lead)
    client.force_login(lead)

    result = client.get(
        reverse("assessments:action_create", args=[assessment.pk, met.statement_id])
    )

    assert result.status_code == 404


def test_an_owner_outside_the_force_or_a_past_date_is_refused_with_the_form_kept(
    client, assessment, lead
):
    gap, _ = gap_and_met(assessment, lead)
    client.force_login(lead)

    result = client.post(
        reverse("assessments:action_create", args=[assessment.pk, gap.statement_id]),
        {"title": "Kept title", "owner": lead.pk, "due_date": "2001-01-01"},
    )

    assert result.status_code == 400
    assert "Kept title" in result.content.decode()
    assert services.DUE_DATE_PAST in result.content.decode()
    assert not Action.objects.exists()


def test_the_owner_adds_a_progress_update_and_changes_the_status(
    client, assessment, lead, colleague
):
    gap_and_met(assessment, lead)
    action = make_action(assessment, colleague, lead)
    client.force_login(colleague)

    client.post(
        reverse("assessments:action_detail", args=[assessment.pk, action.pk]),
        {"status": "in_progress", "text": "Two teams trained."},
    )

    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    assert action.updates.get().text == "Two teams trained."


def test_a_member_who_does_not_own_the_action_cannot_update_it(
    client, assessment, lead, colleague
):
    gap_and_met(assessment, lead)
    action = make_action(assessment, lead, lead)
    services.assessment_member_add(assessment=assessment, user=colleague, actor=lead)
    client.force_login(colleague)

    result = client.post(
        reverse("assessments:action_detail", args=[assessment.pk, action.pk]),
        {"status": "done", "text": "Not mine"},
    )

    assert result.status_code == 403
    action.refresh_from_db()
    assert action.status == Action.Status.NOT_STARTED


def test_each_action_shows_its_pillars_resources_from_the_theme_resources_hook(
    client, assessment, lead, colleague
):
    gap_and_met(assessment, lead)
    action = make_action(assessment, colleague, lead)
    calls = []

    def resources(user, theme):
        calls.append((user, theme))
        return [
            {
                "title": f"Guidance on {theme.name}",
                "url": "/guidance/x/",
                "kind": "Guidance",
                "summary": "",
            }
        ]

    client.force_login(lead)
    with hooks.register_temporarily(THEME_RESOURCES, resources):
        page = client.get(
            reverse("assessments:action_detail", args=[assessment.pk, action.pk])
        )

    theme = action.response.statement.pillar.theme
    assert f"Guidance on {theme.name}" in page.content.decode()
    assert (lead, theme) in calls


def test_forces_rated_met_that_offer_peer_support_are_listed_with_a_forums_link(
    client, edition, assessment, lead, colleague
):
    signed_off(edition, "west-yorkshire", [2, 3], peer_support=True)
    signed_off(edition, "kent", [3], peer_support=False)
    signed_off(edition, "durham", [0], peer_support=True)
    gap_and_met(assessment, lead)
    action = make_action(assessment, colleague, lead)
    client.force_login(lead)

    page = client.get(
        reverse("assessments:action_detail", args=[assessment.pk, action.pk])
    )

    names = [force.name for force in page.context["peers"]]
    assert names == ["West Yorkshire"]
    assert 'href="/forums/"' in page.content.decode()


def test_overdue_actions_notify_their_owners_once_a_week(assessment, lead, colleague):
    gap_and_met(assessment, lead)
    action = make_action(assessment, colleague, lead)
    done = make_action(assessment, colleague, lead)
    Action.objects.filter(pk__in=[action.pk, done.pk]).update(
        due_date=timezone.localdate() - datetime.timedelta(days=2)
    )
    Action.objects.filter(pk=done.pk).update(status=Action.Status.DONE)
    Notification.objects.all().delete()

    call_command("send_overdue_action_reminders")
    call_command("send_overdue_action_reminders")
    later = services.overdue_action_reminders_send(
        today=timezone.localdate() + datetime.timedelta(days=8)
    )

    reminders = Notification.objects.filter(verb="has an overdue improvement action")
    assert reminders.count() == 2
    assert set(reminders.values_list("recipient", flat=True)) == {colleague.pk}
    assert later == 1


def test_no_reminder_goes_to_an_owner_who_can_no_longer_see_the_assessment(
    assessment, lead, colleague
):
    gap_and_met(assessment, lead)
    action = make_action(assessment, colleague, lead)
    Action.objects.filter(pk=action.pk).update(
        due_date=timezone.localdate() - datetime.timedelta(days=2)
    )
    assessment.members.filter(user=colleague).delete()

    sent = services.overdue_action_reminders_send()

    assert sent == 0


def test_a_member_owning_actions_cannot_be_removed(assessment, lead, colleague):
    gap_and_met(assessment, lead)
    make_action(assessment, colleague, lead)

    with pytest.raises(ValidationError, match="own actions"):
        services.assessment_member_remove(assessment=assessment, user=colleague)


def test_the_dashboard_lists_overdue_actions_first(client, assessment, lead, colleague):
    gap_and_met(assessment, lead)
    later = make_action(assessment, colleague, lead, days=5)
    overdue = make_action(assessment, colleague, lead, days=90)
    Action.objects.filter(pk=overdue.pk).update(
        due_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    client.force_login(lead)

    page = client.get(reverse("assessments:plan", args=[assessment.pk]))

    assert [a.pk for a in page.context["actions"]] == [overdue.pk, later.pk]


def test_the_dashboard_compares_with_the_previous_edition(client, lead, colleague):
    last_year = make_edition("2025/26")
    old = make_assessment(last_year, lead)
    rate_all(old, [0], lead)
    services.assessment_sign_off(assessment=old, lead=lead)
    this_year = make_edition("2026/27")
    new = make_assessment(this_year, lead)
    rate_all(new, [2], lead)
    client.force_login(lead)

    page = client.get(reverse("assessments:dashboard", args=[new.pk]))

    assert page.context["previous"] == old
    current = page.context["chart"]["rows"][0]["counts"]
    previous = page.context["previous_chart"]["rows"][0]["counts"]
    assert current == [0, 0, 2, 0]
    assert previous == [2, 0, 0, 0]
    html = page.content.decode()
    assert html.count('role="img"') == 2
    assert "2025/26" in html


def test_the_plan_csv_lists_actions_with_owner_and_due_date(
    client, assessment, lead, colleague
):
    gap_and_met(assessment, lead)
    make_action(assessment, colleague, lead)
    client.force_login(lead)

    result = client.get(reverse("assessments:plan_csv", args=[assessment.pk]))

    lines = result.content.decode().strip().splitlines()
    assert len(lines) == 2
    assert colleague.display_name in lines[1]
    assert "Not met" in lines[1]


def test_a_member_added_this_year_does_not_see_last_years_assessment_beside_it(
    client, lead
):
    other = make_user(email="dc@avon-and-somerset.police.uk")
    old = make_assessment(make_edition("2025/26"), lead)
    new = make_assessment(make_edition("2026/27"), lead)
    services.assessment_member_add(assessment=new, user=other, actor=lead)
    client.force_login(other)

    page = client.get(reverse("assessments:dashboard", args=[new.pk]))
    lead_page = client.get(reverse("assessments:dashboard", args=[old.pk]))

    assert page.status_code == 200
    assert page.context["previous"] is None
    assert lead_page.status_code == 404


def test_the_lead_gives_an_action_to_someone_else_who_is_told(
    client, assessment, lead, colleague
):
    gap_and_met(assessment, lead)
    action = make_action(assessment, lead, lead)
    due = timezone.localdate() + datetime.timedelta(days=10)
    client.force_login(lead)

    result = client.post(
        reverse("assessments:action_edit", args=[assessment.pk, action.pk]),
        {
            "title": "Renamed",
            "description": "",
            "owner": colleague.pk,
            "due_date": due.isoformat(),
        },
    )

    assert result.status_code == 302
    action.refresh_from_db()
    assert (action.title, action.owner, action.due_date) == ("Renamed", colleague, due)
    assert assessment.members.filter(user=colleague).exists()
    assert colleague.notifications.filter(object_id=str(action.pk)).exists()


def test_only_the_lead_changes_an_action_and_never_to_a_past_date(
    client, assessment, lead, colleague
):
    gap_and_met(assessment, lead)
    action = make_action(assessment, colleague, lead)
    url = reverse("assessments:action_edit", args=[assessment.pk, action.pk])
    data = {"title": "X", "owner": colleague.pk, "due_date": "2001-01-01"}

    client.force_login(colleague)
    as_owner = client.post(url, data)
    client.force_login(lead)
    as_lead = client.post(url, data)

    assert as_owner.status_code == 403
    assert as_lead.status_code == 400
    action.refresh_from_db()
    assert action.title == "Train every SOIT officer"
