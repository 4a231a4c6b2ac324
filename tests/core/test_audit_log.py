import csv
import io
import json

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from core.exports import csv_safe
from core.forms import DATES_REVERSED
from core.models import AuditEvent
from core.services import audit_record
from tests.factories import make_user
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator():
    admin = make_user(email="admin@college.police.uk", groups=["Administrators"])
    enrol_totp(admin)
    return admin


@pytest.fixture
def events(officer, editor):
    audit_record(action="guidance.version_published", actor=editor, obj=editor)
    audit_record(
        action="forums.post_hidden", actor=officer, details={"reason": "=SUM(A1)"}
    )
    return AuditEvent.objects.all()


@pytest.mark.parametrize("who", ["officer", "editor", "moderator"])
def test_nobody_but_administrators_can_see_the_audit_log(client, who, officer, editor):
    users = {
        "officer": officer,
        "editor": editor,
        "moderator": make_user(email="mod@gmp.police.uk", groups=["Moderators"]),
    }
    enrol_totp(users[who])
    client.force_login(users[who])

    assert client.get("/audit/").status_code == 404
    assert client.get("/audit/export.csv").status_code == 404


def test_an_administrator_without_mfa_is_sent_to_enrol_first(client):
    admin = make_user(email="admin2@college.police.uk", groups=["Administrators"])
    client.force_login(admin)

    assert client.get("/audit/")["Location"] == "/accounts/2fa/"


def test_an_administrator_searches_the_log_by_action_and_person(
    client, administrator, events, editor
):
    client.force_login(administrator)

    response = client.get(
        "/audit/", {"action": "guidance.version_published", "actor": "editor@"}
    )

    assert response.status_code == 200
    shown = list(response.context["page_obj"])
    assert [e.action for e in shown] == ["guidance.version_published"]
    assert shown[0].actor_email == editor.email


def test_reversed_dates_are_a_clear_400_that_keeps_the_filters(client, administrator):
    client.force_login(administrator)

    response = client.get(
        "/audit/", {"date_from": "2026-11-30", "date_to": "2026-11-01", "actor": "sam"}
    )

    assert response.status_code == 400
    assert escape(DATES_REVERSED) in response.content.decode()
    assert b'value="sam"' in response.content


def test_the_csv_export_has_the_filtered_events_and_is_itself_audited(
    client, administrator, events
):
    client.force_login(administrator)

    response = client.get("/audit/export.csv", {"action": "forums.post_hidden"})

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["time", "actor", "action"]
    assert [row[2] for row in rows[1:]] == ["forums.post_hidden"]
    assert json.loads(rows[1][6]) == {"reason": "=SUM(A1)"}
    exported = AuditEvent.objects.filter(action="audit.exported").get()
    assert exported.actor == administrator
    assert exported.details == {"action": "forums.post_hidden"}


def test_the_audit_log_query_count_does_not_grow(
    client, administrator, officer, django_assert_num_queries
):
    client.force_login(administrator)
    audit_record(action="account.sign_in", actor=officer)
    client.get("/audit/")
    with CaptureQueriesContext(connection) as few:
        client.get("/audit/")
    for _ in range(30):
        audit_record(action="account.sign_in", actor=officer)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get("/audit/")


def test_audit_events_cannot_be_changed_or_deleted(events):
    from django.core.exceptions import PermissionDenied

    event = events.first()
    event.action = "tampered"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.update(action="x")


@pytest.mark.parametrize("value", ["=SUM(A1)", "+1", "-2", "@cmd"])
def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(value):
    assert csv_safe(value) == "'" + value
    assert csv_safe("plain text") == "plain text"
