"""Rating statements with evidence, drafts, progress and sign-off."""

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from assessments import services
from assessments.models import Assessment, Evidence, Response
from core.models import AuditEvent
from core.validators import CONTENT_MISMATCH
from tests.factories.assessments import make_assessment, make_lead, rate_all
from tests.factories.uploads import (
    HTML_PAGE,
    MINIMAL_PDF,
    SVG_IMAGE,
    WINDOWS_PROGRAM,
    docx_bytes,
    png_bytes,
)


def first_response(assessment) -> Response:
    return (
        Response.objects.filter(
            assessment=assessment, statement__evidence_required=True
        )
        .select_related("statement", "assessment")
        .first()
    )


def test_opening_an_assessment_creates_one_response_per_statement(assessment):
    assert assessment.responses.count() == 12
    assert assessment.status == Assessment.Status.IN_PROGRESS


def test_a_force_has_one_assessment_per_edition(assessment, edition, lead):
    with pytest.raises(ValidationError):
        make_assessment(edition, lead)


def test_a_force_lead_opens_the_current_editions_assessment_from_the_index(
    client, edition, lead
):
    client.force_login(lead)

    response = client.post(
        reverse("assessments:assessment_open"), {"edition": edition.pk}
    )

    assessment = Assessment.objects.get(force=lead.force, edition=edition)
    assert response["Location"] == reverse(
        "assessments:assessment_detail", args=[assessment.pk]
    )


def test_an_officer_cannot_open_an_assessment(client, edition, colleague):
    client.force_login(colleague)

    response = client.post(
        reverse("assessments:assessment_open"), {"edition": edition.pk}
    )

    assert response.status_code == 403
    assert not Assessment.objects.exists()


def test_a_draft_saves_a_comment_without_a_rating(client, assessment, lead):
    client.force_login(lead)
    response = first_response(assessment)
    url = reverse(
        "assessments:response_edit", args=[assessment.pk, response.statement_id]
    )

    result = client.post(url, {"comment": "Half way through", "save_draft": ""})

    assert result["Location"] == url
    response.refresh_from_db()
    assert response.comment == "Half way through"
    assert response.rating is None


def test_rating_with_a_same_site_link_saves_both(client, assessment, lead):
    client.force_login(lead)
    response = first_response(assessment)
    url = reverse(
        "assessments:response_edit", args=[assessment.pk, response.statement_id]
    )

    client.post(
        url,
        {
            "rating": "2",
            "comment": "Good",
            "evidence_title": "Forum thread",
            "evidence_link": "/forums/threads/12/",
        },
    )

    response.refresh_from_db()
    assert response.rating == 2
    assert response.evidence.get().link == "/forums/threads/12/"


@pytest.mark.parametrize(
    "link",
    [
        "https://evil.example/",
        "//evil.example/path",
        "javascript:alert(1)",
        "/\\evil.example",
        "guidance/page/",
    ],
)
def test_an_off_site_link_is_refused_and_what_was_typed_is_kept(
    client, assessment, lead, link
):
    client.force_login(lead)
    response = first_response(assessment)
    url = reverse(
        "assessments:response_edit", args=[assessment.pk, response.statement_id]
    )

    result = client.post(
        url,
        {
            "rating": "1",
            "comment": "Kept",
            "evidence_title": "Link",
            "evidence_link": link,
        },
    )

    assert result.status_code == 400
    assert services.LINK_NOT_ON_SITE in result.content.decode()
    assert "Kept" in result.content.decode()
    assert not Evidence.objects.exists()


def test_an_uploaded_document_is_kept_and_served_only_through_the_check(
    client, assessment, lead
):
    client.force_login(lead)
    response = first_response(assessment)
    url = reverse(
        "assessments:response_edit", args=[assessment.pk, response.statement_id]
    )

    client.post(
        url,
        {
            "rating": "2",
            "evidence_title": "Audit report",
            "evidence_file": SimpleUploadedFile("audit.pdf", b"%PDF-1.4 synthetic"),
        },
    )

    evidence = Evidence.objects.get()
    assert evidence.document.name.endswith(".pdf")
    assert "audit" not in evidence.document.name
    download = client.get(
        reverse("assessments:evidence_download", args=[assessment.pk, evidence.pk])
    )
    assert b"".join(download.streaming_content) == b"%PDF-1.4 synthetic"


@pytest.mark.parametrize(
    ("name", "size", "message"),
    [
        ("script.exe", 10, "is not a type of file this site takes"),
        ("huge.pdf", 10 * 1024 * 1024 + 1, "smaller than 10 MB"),
    ],
)
def test_a_document_of_the_wrong_type_or_too_large_is_refused(
    client, assessment, lead, name, size, message
):
    client.force_login(lead)
    response = first_response(assessment)

    result = client.post(
        reverse(
            "assessments:response_edit", args=[assessment.pk, response.statement_id]
        ),
        {
            "evidence_title": "Doc",
            "evidence_file": SimpleUploadedFile(name, b"x" * size),
        },
    )

    assert result.status_code == 400
    assert message in result.content.decode()
    assert not Evidence.objects.exists()


def post_evidence(client, assessment, name, content):
    response = first_response(assessment)
    return client.post(
        reverse(
            "assessments:response_edit", args=[assessment.pk, response.statement_id]
        ),
        {
            "evidence_title": "Dip sample",
            "evidence_file": SimpleUploadedFile(name, content),
        },
    )


@pytest.mark.parametrize(
    ("name", "content", "expected", "actual"),
    [
        ("audit.pdf", HTML_PAGE, "a PDF", "an HTML page"),
        ("chart.png", SVG_IMAGE, "a PNG image", "an SVG image"),
        ("plan.docx", WINDOWS_PROGRAM, "a Word document", "a Windows program (EXE)"),
        ("sample.csv", HTML_PAGE, "a CSV file", "an HTML page"),
    ],
)
def test_evidence_that_is_not_what_its_name_says_is_refused_saying_what_it_is(
    client, assessment, lead, name, content, expected, actual
):
    client.force_login(lead)

    result = post_evidence(client, assessment, name, content)

    assert result.status_code == 400
    message = CONTENT_MISMATCH.format(name=name, expected=expected, actual=actual)
    assert escape(message) in result.text
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("audit.pdf", MINIMAL_PDF),
        ("chart.png", png_bytes()),
        ("plan.docx", docx_bytes()),
        ("sample.csv", b"plan,met\n1,yes\n"),
    ],
)
def test_real_evidence_documents_are_kept(client, assessment, lead, name, content):
    client.force_login(lead)

    result = post_evidence(client, assessment, name, content)

    assert result.status_code == 302
    assert Evidence.objects.get().document.read() == content


def test_the_evidence_service_refuses_an_impostor_whoever_calls_it(assessment, lead):
    with pytest.raises(ValidationError) as caught:
        services.evidence_add(
            response=first_response(assessment),
            title="Audit",
            document=SimpleUploadedFile("audit.pdf", HTML_PAGE),
            actor=lead,
        )

    assert caught.value.messages == [
        CONTENT_MISMATCH.format(
            name="audit.pdf", expected="a PDF", actual="an HTML page"
        )
    ]
    assert not Evidence.objects.exists()


def test_a_rating_outside_the_scale_is_a_form_error_not_a_500(client, assessment, lead):
    client.force_login(lead)
    response = first_response(assessment)

    result = client.post(
        reverse(
            "assessments:response_edit", args=[assessment.pk, response.statement_id]
        ),
        {"rating": "9"},
    )

    assert result.status_code == 400
    assert "There is a problem" in result.content.decode()


def test_the_progress_bar_counts_rated_statements(client, assessment, lead):
    responses = list(assessment.responses.select_related("statement", "assessment"))
    for response in responses[:3]:
        services.response_save(response=response, rating=2, comment="", actor=lead)
    client.force_login(lead)

    page = client.get(reverse("assessments:assessment_detail", args=[assessment.pk]))

    assert page.context["progress"] == {"rated": 3, "total": 12, "percent": 25}
    assert "3 of 12 statements rated (25%)" in page.content.decode()


def test_sign_off_is_refused_until_everything_is_rated_with_mandatory_evidence(
    assessment, lead
):
    rate_all(assessment, [2], lead, evidence=False)

    with pytest.raises(ValidationError) as error:
        services.assessment_sign_off(assessment=assessment, lead=lead)

    assert "Add evidence" in str(error.value)
    assessment.refresh_from_db()
    assert not assessment.is_signed_off


def test_sign_off_freezes_the_assessment_and_is_audited(client, assessment, lead):
    responses = rate_all(assessment, [1, 2], lead)
    client.force_login(lead)

    result = client.post(
        reverse("assessments:sign_off", args=[assessment.pk]), {"confirm": "on"}
    )

    assert result.status_code == 302
    assessment.refresh_from_db()
    assert assessment.is_signed_off
    event = AuditEvent.objects.get(action="assessment.signed_off")
    assert event.actor == lead
    assert event.object_id == str(assessment.pk)
    edit_url = reverse(
        "assessments:response_edit", args=[assessment.pk, responses[0].statement_id]
    )
    assert client.post(edit_url, {"rating": "3"}).status_code == 403
    assert b"Save and return" not in client.get(edit_url).content
    response = Response.objects.select_related("statement", "assessment").get(
        pk=responses[0].pk
    )
    with pytest.raises(ValidationError, match="read-only"):
        services.response_save(response=response, rating=3, comment="", actor=lead)
    with pytest.raises(ValidationError, match="read-only"):
        services.evidence_add(response=response, title="x", link="/", actor=lead)
    with pytest.raises(ValidationError, match="read-only"):
        services.responses_assign(assignments=[(response, lead)], actor=lead)
    with pytest.raises(ValidationError, match="read-only"):
        services.assessment_sign_off(assessment=assessment, lead=lead)
    assert Response.objects.get(pk=responses[0].pk).rating == 1


def test_sign_off_without_confirming_shows_an_error(client, assessment, lead):
    rate_all(assessment, [2], lead)
    client.force_login(lead)

    result = client.post(reverse("assessments:sign_off", args=[assessment.pk]), {})

    assert result.status_code == 400
    assert "Confirm the assessment is complete" in result.content.decode()


def test_assigning_a_statement_adds_and_notifies_the_colleague(
    client, assessment, lead, colleague
):
    client.force_login(lead)
    response = first_response(assessment)

    client.post(
        reverse("assessments:assign", args=[assessment.pk]),
        {f"statement-{response.statement_id}": str(colleague.pk)},
    )

    response.refresh_from_db()
    assert response.assignee == colleague
    assert assessment.members.filter(user=colleague).exists()
    assert colleague.notifications.filter(verb="asked you to rate a statement").exists()


def test_assigning_several_statements_at_once_notifies_the_colleague_once(
    client, assessment, lead, colleague
):
    client.force_login(lead)
    responses = list(
        Response.objects.filter(assessment=assessment)
        .select_related("statement")
        .order_by("pk")[:3]
    )

    client.post(
        reverse("assessments:assign", args=[assessment.pk]),
        {f"statement-{r.statement_id}": str(colleague.pk) for r in responses},
    )

    assert (
        Response.objects.filter(assessment=assessment, assignee=colleague).count() == 3
    )
    notes = colleague.notifications.filter(verb="asked you to rate a statement")
    assert notes.count() == 1
    assert all(r.statement.number in notes.get().summary for r in responses)


def test_assigning_to_someone_outside_the_force_is_a_400(client, assessment, lead):
    outsider = make_lead(force="west-yorkshire", email="x@west-yorkshire.police.uk")
    client.force_login(lead)
    response = first_response(assessment)

    result = client.post(
        reverse("assessments:assign", args=[assessment.pk]),
        {f"statement-{response.statement_id}": str(outsider.pk)},
    )

    assert result.status_code == 400
    response.refresh_from_db()
    assert response.assignee is None


def test_the_assessment_csv_lists_every_statement_with_its_rating(
    client, assessment, lead
):
    rate_all(assessment, [0, 3], lead)
    client.force_login(lead)

    result = client.get(reverse("assessments:assessment_csv", args=[assessment.pk]))

    lines = result.content.decode().strip().splitlines()
    assert len(lines) == 13
    assert "Not met" in lines[1]
    assert AuditEvent.objects.filter(action="assessment.exported").exists()


def test_the_autosave_request_saves_the_draft_and_answers_204(client, assessment, lead):
    client.force_login(lead)
    response = first_response(assessment)

    result = client.post(
        reverse(
            "assessments:response_edit", args=[assessment.pk, response.statement_id]
        ),
        {"comment": "Typed so far", "save_draft": ""},
        headers={"X-Autosave": "1"},
    )

    assert result.status_code == 204
    response.refresh_from_db()
    assert response.comment == "Typed so far"
