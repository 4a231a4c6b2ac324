import pytest

from accounts.models import Force
from accounts.views import PROFILE_SAVED
from core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_an_officer_changes_force_role_and_notification_setting(client, officer):
    client.force_login(officer)
    kent = Force.objects.get(slug="kent")

    response = client.post(
        "/accounts/profile/",
        {
            "display_name": "DS Casey Lund",
            "force": kent.pk,
            "job_role": "supervisor",
            "notification_email": "daily",
        },
        follow=True,
    )

    assert PROFILE_SAVED in response.content.decode()
    officer.refresh_from_db()
    assert (officer.display_name, officer.force, officer.job_role) == (
        "DS Casey Lund",
        kent,
        "supervisor",
    )
    assert officer.notification_email == "daily"
    event = AuditEvent.objects.get(action="account.profile_changed")
    assert event.details["force"][1] == "Kent"


def test_a_blank_display_name_is_refused_and_the_rest_is_kept(client, officer):
    client.force_login(officer)
    before = officer.display_name

    response = client.post(
        "/accounts/profile/",
        {
            "display_name": "",
            "force": officer.force_id,
            "job_role": "analyst",
            "notification_email": "never",
        },
    )

    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert b'value="analyst" selected' in response.content
    officer.refresh_from_db()
    assert officer.display_name == before
    assert officer.job_role == "investigator"


def test_role_changes_are_audited(officer):
    from django.contrib.auth.models import Group

    officer.groups.add(Group.objects.get(name="Moderators"))

    event = AuditEvent.objects.filter(action="account.roles_changed").first()
    assert event.details == {"change": "add", "groups": ["Moderators"]}
