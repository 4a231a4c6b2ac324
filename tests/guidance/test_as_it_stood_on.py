import datetime
import re

import pytest

from django.utils import timezone

from core.models import AuditEvent
from guidance.forms import DATE_INVALID, DATE_MISSING, DATE_YEAR
from guidance.models import GuidancePage, GuidanceVersion
from guidance.selectors import guidance_version_on
from guidance.services import AS_IT_STOOD_ON_ACTION
from tests.factories.guidance import make_guidance, publish_version

pytestmark = pytest.mark.django_db


def at(date: datetime.date, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour)))


@pytest.fixture
def history():
    """Version 1.0 on 1 March 2025, 2.0 on 1 June 2025, 2.1 on 1 September 2025."""
    page = make_guidance(paragraphs=["Advice of March."])
    page = publish_version(page, major=True, note="June.", paragraphs=["June advice."])
    page = publish_version(page, major=False, note="Sept.", paragraphs=["Sept advice."])
    dates = {
        "1.0": datetime.date(2025, 3, 1),
        "2.0": datetime.date(2025, 6, 1),
        "2.1": datetime.date(2025, 9, 1),
    }
    for version in GuidanceVersion.objects.filter(page=page):
        GuidanceVersion.objects.filter(pk=version.pk).update(
            published_at=at(dates[version.number])
        )
    return page


def test_the_version_live_on_a_date_is_the_last_one_published_by_the_end_of_it(
    history,
):
    assert guidance_version_on(history, datetime.date(2025, 3, 1)).number == "1.0"
    assert guidance_version_on(history, datetime.date(2025, 5, 31)).number == "1.0"
    assert guidance_version_on(history, datetime.date(2025, 6, 1)).number == "2.0"
    assert guidance_version_on(history, datetime.date(2025, 10, 1)).number == "2.1"


def test_before_the_first_version_there_is_no_version(history):
    assert guidance_version_on(history, datetime.date(2025, 2, 28)) is None


def test_after_the_page_was_withdrawn_there_is_no_version(history):
    history.unpublish()
    GuidanceVersion.objects.filter(page=history, withdrawn_at__isnull=False).update(
        withdrawn_at=at(datetime.date(2025, 10, 1))
    )

    assert guidance_version_on(history, datetime.date(2025, 9, 30)).number == "2.1"
    assert guidance_version_on(history, datetime.date(2025, 10, 2)) is None


def test_the_view_shows_the_content_of_that_date_and_records_an_audit_event(
    client_for, officer, history
):
    client = client_for(officer)

    response = client.get(
        history.url + "as-it-stood-on/", {"day": "15", "month": "7", "year": "2025"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "June advice." in html
    assert "Sept advice." not in html
    assert "as it stood on 15 July 2025: version 2.0" in html
    assert "Superseded version" in html
    event = AuditEvent.objects.get(action=AS_IT_STOOD_ON_ACTION)
    assert event.actor == officer
    assert event.object_id == str(history.pk)
    assert event.details == {"date": "2025-07-15", "version": "2.0"}
    assert event.ip_address == "127.0.0.1"


def test_a_date_before_the_first_version_says_so_clearly_and_is_audited(
    client_for, officer, history
):
    response = client_for(officer).get(
        history.url + "as-it-stood-on/", {"day": "1", "month": "1", "year": "2024"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "This guidance had not been published on 1 January 2024." in html
    assert "It was first published on 1 March 2025." in html
    assert AuditEvent.objects.get(action=AS_IT_STOOD_ON_ACTION).details == {
        "date": "2024-01-01",
        "version": None,
    }


@pytest.mark.parametrize(
    "params",
    [
        {"day": "31", "month": "2", "year": "2025"},
        {"day": "x", "month": "2", "year": "2025"},
        {"day": "", "month": "", "year": ""},
        {"day": "1", "month": "1", "year": "2999"},
    ],
)
def test_a_bad_date_is_a_400_with_what_was_typed_kept_and_nothing_audited(
    client_for, officer, history, params
):
    response = client_for(officer).get(history.url + "as-it-stood-on/", params)

    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert f'value="{params["day"]}"' in response.content.decode()
    assert not AuditEvent.objects.filter(action=AS_IT_STOOD_ON_ACTION).exists()


def date_inputs_in_error(html: str) -> set[str]:
    """Which of the three boxes the page marks as wrong."""
    return {
        part
        for part in ("day", "month", "year")
        if re.search(
            rf'class="[^"]*govuk-input--error[^"]*" id="stood-on-{part}"', html
        )
    }


@pytest.mark.parametrize(
    ("params", "message", "boxes"),
    [
        ({"day": "", "month": "", "year": ""}, DATE_MISSING, {"day", "month", "year"}),
        (
            {"day": "15", "month": "7", "year": ""},
            "The date must include a year.",
            {"year"},
        ),
        (
            {"day": "", "month": "7", "year": ""},
            "The date must include a day and year.",
            {"day", "year"},
        ),
        ({"day": "15", "month": "July", "year": "2025"}, DATE_INVALID, {"month"}),
        ({"day": "15", "month": "7", "year": "25"}, DATE_YEAR, {"year"}),
        ({"day": "31", "month": "2", "year": "2025"}, DATE_INVALID, set()),
    ],
)
def test_a_bad_date_says_what_is_wrong_and_marks_only_the_boxes_at_fault(
    client_for, officer, history, params, message, boxes
):
    response = client_for(officer).get(history.url + "as-it-stood-on/", params)

    html = response.content.decode()
    assert response.status_code == 400
    assert html.count(message) == 2  # in the summary and above the boxes
    assert date_inputs_in_error(html) == (boxes or {"day", "month", "year"})
    first = next(p for p in ("day", "month", "year") if p in (boxes or {"day"}))
    assert f'href="#stood-on-{first}"' in html
    for part, typed in params.items():
        assert (
            f'id="stood-on-{part}" name="{part}" type="text" inputmode="numeric" value="{typed}"'
            in html
        )


def test_a_good_date_keeps_what_was_typed_in_the_boxes(client_for, officer, history):
    response = client_for(officer).get(
        history.url + "as-it-stood-on/", {"day": "15", "month": "07", "year": "2025"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    for part, typed in (("day", "15"), ("month", "07"), ("year", "2025")):
        assert (
            f'id="stood-on-{part}" name="{part}" type="text" inputmode="numeric" value="{typed}"'
            in html
        )
    assert not date_inputs_in_error(html)


def test_the_form_alone_records_nothing(client_for, officer, history):
    response = client_for(officer).get(history.url + "as-it-stood-on/")

    assert response.status_code == 200
    assert not AuditEvent.objects.filter(action=AS_IT_STOOD_ON_ACTION).exists()


def test_a_page_that_is_not_live_has_no_as_it_stood_on_view(client_for, officer):
    page = make_guidance(publish=False)

    response = client_for(officer).get(
        "/guidance/" + page.slug + "/as-it-stood-on/",
        {"day": "1", "month": "1", "year": "2025"},
    )

    assert response.status_code == 404
    assert not GuidancePage.objects.get(pk=page.pk).live
