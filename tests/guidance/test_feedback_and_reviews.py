import datetime
import io

import pytest

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from guidance.forms import USEFUL_REQUIRED
from guidance.models import GuidanceFeedback
from tests.factories.guidance import make_guidance
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db


def test_a_reader_says_the_page_was_useful_with_a_comment(client_for, officer):
    page = make_guidance()

    response = client_for(officer).post(
        page.url + "feedback/", {"useful": "no", "comment": "Needs a MG3 example."}
    )

    assert response.status_code == 302
    feedback = GuidanceFeedback.objects.get()
    assert (feedback.useful, feedback.comment) == (False, "Needs a MG3 example.")
    assert feedback.version_number == "1.0"
    assert feedback.user == officer


def test_feedback_without_an_answer_is_a_400_that_keeps_the_comment(
    client_for, officer
):
    page = make_guidance()

    response = client_for(officer).post(page.url + "feedback/", {"comment": "Kept"})

    html = response.content.decode()
    assert response.status_code == 400
    assert USEFUL_REQUIRED in html
    assert "Kept</textarea>" in html
    assert not GuidanceFeedback.objects.exists()


def test_editors_see_a_feedback_report_per_page(client, editor, officer):
    enrol_totp(editor)
    page = make_guidance(title="Reported page")
    GuidanceFeedback.objects.create(page=page, useful=True)
    GuidanceFeedback.objects.create(page=page, useful=False, comment="Too long")
    client.force_login(editor)

    report = client.get(reverse("guidance_feedback_report"))
    detail = client.get(reverse("guidance_feedback_page", args=[page.pk]))

    assert report.status_code == 200
    row = report.context["rows"][0]
    assert (row.title, row.useful_count, row.not_useful_count) == (
        "Reported page",
        1,
        1,
    )
    assert "Too long" in detail.content.decode()


def test_officers_cannot_open_the_feedback_report(client_for, officer):
    url = reverse("guidance_feedback_report")

    response = client_for(officer).get(url)

    # Wagtail's admin sends anyone without admin access to sign in.
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


def test_the_dashboard_lists_overdue_and_due_soon_guidance_for_editors(client, editor):
    enrol_totp(editor)
    today = timezone.localdate()
    make_guidance(title="Overdue page", review_by=today - datetime.timedelta(days=3))
    make_guidance(title="Due soon page", review_by=today + datetime.timedelta(days=20))
    make_guidance(title="Later page", review_by=today + datetime.timedelta(days=90))
    client.force_login(editor)

    html = client.get("/admin/").content.decode()

    assert "Guidance due for review" in html
    assert "Overdue page" in html and "Due soon page" in html
    assert "Later page" not in html


def test_send_review_reminders_emails_each_owner_once_about_their_due_guidance(
    editor, officer
):
    today = timezone.localdate()
    make_guidance(
        title="Overdue page",
        content_owner=editor,
        review_by=today - datetime.timedelta(days=3),
    )
    make_guidance(
        title="Due soon page",
        content_owner=editor,
        review_by=today + datetime.timedelta(days=20),
    )
    make_guidance(
        title="Later page",
        content_owner=officer,
        review_by=today + datetime.timedelta(days=90),
    )

    out = io.StringIO()
    call_command("send_review_reminders", stdout=out)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [editor.email]
    assert "Overdue page: OVERDUE" in message.body
    assert "Due soon page: review by" in message.body
    assert "Later page" not in message.body
    assert out.getvalue() == "Queued 1 review reminder e-mail.\n"
