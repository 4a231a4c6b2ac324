"""Self-assessment data for tests: a published framework, assessments of forces, and
people in each role around them. Built through the services, as in real use."""

import datetime

from django.utils import timezone

from accounts.models import Force
from assessments import services
from assessments.models import Assessment, Edition, Evidence, Response
from core.models import Theme
from tests.factories.accounts import make_user

FORCE_LEADS = "Force leads"


def make_edition(
    name: str = "2026/27", *, per_pillar: int = 2, publish: bool = True
) -> Edition:
    edition = services.edition_create(name=name)
    for index, theme in enumerate(Theme.objects.all(), start=1):
        for number in range(1, per_pillar + 1):
            services.statement_create(
                edition=edition,
                theme=theme,
                number=f"{index}.{number}",
                text=f"{theme.name}: practice statement {number}.",
                guidance="Dip-sample ten recent cases.",
                evidence_required=number == 1,
            )
    if publish:
        services.edition_publish(edition=edition)
    return edition


def make_lead(force: str = "avon-and-somerset", **kwargs):
    return make_user(force=force, groups=[FORCE_LEADS], **kwargs)


def make_assessment(edition: Edition, lead) -> Assessment:
    return services.assessment_create(edition=edition, lead=lead)


def rate_all(
    assessment: Assessment, ratings, actor, *, evidence: bool = True
) -> list[Response]:
    """Rate every statement, cycling through ``ratings``; add a link as evidence."""
    responses = list(
        Response.objects.filter(assessment=assessment)
        .select_related("statement", "assessment")
        .order_by("statement__pillar__theme__position", "statement__position", "pk")
    )
    ratings = list(ratings)
    for index, response in enumerate(responses):
        services.response_save(
            response=response,
            rating=ratings[index % len(ratings)],
            comment="Checked ten cases.",
            actor=actor,
        )
        if evidence:
            Evidence.objects.create(
                response=response, title="Guidance", link="/guidance/", added_by=actor
            )
    return responses


def signed_off(
    edition: Edition,
    force_slug: str,
    ratings=(2,),
    *,
    peer_support: bool = False,
    shares_name: bool = False,
) -> Assessment:
    """A force's signed-off assessment, every statement rated from ``ratings``."""
    lead = make_lead(
        force=force_slug, email=f"lead.{force_slug}.{edition.pk}@{force_slug}.police.uk"
    )
    assessment = make_assessment(edition, lead)
    rate_all(assessment, ratings, lead)
    assessment.offers_peer_support = peer_support
    assessment.shares_name = shares_name
    assessment.save()
    return services.assessment_sign_off(assessment=assessment, lead=lead)


def make_action(assessment: Assessment, owner, lead, *, days: int = 30):
    gap = next(
        r
        for r in Response.objects.filter(assessment=assessment).select_related(
            "statement", "assessment"
        )
        if r.is_gap
    )
    return services.action_create(
        response=gap,
        title="Train every SOIT officer",
        owner=owner,
        due_date=timezone.localdate() + datetime.timedelta(days=days),
        actor=lead,
    )


def force(slug: str) -> Force:
    return Force.objects.get(slug=slug)
