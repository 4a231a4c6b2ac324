"""What the assessment views share: the breadcrumbs and the lead's context."""

from django.urls import reverse

from .. import selectors
from ..models import Assessment


def trail(assessment: Assessment) -> list[tuple[str, str]]:
    return [
        ("Self-assessment", reverse("assessments:index")),
        (
            f"{assessment.force} {assessment.edition}",
            reverse("assessments:assessment_detail", args=[assessment.pk]),
        ),
    ]


def posted(request):
    """The submitted data on a POST (even when empty), so the form is bound."""
    return request.POST if request.method == "POST" else None


def index_trail() -> list[tuple[str, str]]:
    return [("Self-assessment", reverse("assessments:index"))]


def role_context(user, assessment: Assessment) -> dict:
    return {
        "is_lead": selectors.user_leads_assessment(user, assessment),
        "read_only": assessment.is_signed_off,
    }
