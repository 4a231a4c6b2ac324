"""Demo content: a synthetic framework (two editions, five statements per pillar),
signed-off assessments for last year and assessments in progress for two forces, with
plans. Written for the demo: not the national rubric, no real forces' results."""

import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts import roles
from accounts.models import Force, JobRole, User
from core.models import Theme

from . import services
from .models import (
    Action,
    ActionUpdate,
    Assessment,
    Edition,
    Evidence,
    Response,
    Statement,
)

LAST_YEAR = "2025/26"
THIS_YEAR = "2026/27"
SECOND_FORCE = "West Yorkshire"
SECOND_LEAD = ("forcelead2@demo.police.uk", "DCI Mark Hollis")

STATEMENTS = {
    "suspect-focused-investigations": [
        "Investigation plans record suspect-focused lines of enquiry within 48 hours.",
        "Supervisors review the suspect strategy at set points in every investigation.",
        "Officers test the suspect's account against all available evidence before "
        "a charging decision.",
        "Bail and release decisions consider the risk the suspect poses to others.",
        "Case files to the CPS set out the suspect's behaviour before and after the "
        "offence.",
    ],
    "repeat-and-serial-offenders": [
        "Intelligence on repeat suspects is searched at the start of every case.",
        "A named lead reviews linked series and shares them across force borders.",
        "Analysts map patterns of offending and brief investigation teams monthly.",
        "Registered sex offender managers are told of new allegations promptly.",
        "Disruption tactics are considered and recorded where there is no charge.",
    ],
    "victim-engagement": [
        "Victims are offered an ISVA referral at first contact.",
        "Victims are updated at agreed intervals and before every key decision.",
        "Officers explain the reasons for NFA decisions in a conversation, not a "
        "letter alone.",
        "Special measures are discussed before the ABE interview.",
        "Victim feedback is collected and acted on each quarter.",
    ],
    "learning-development-and-wellbeing": [
        "Every RASSO investigator completes the specialist programme within a year.",
        "Supervisors hold wellbeing check-ins at least every three months.",
        "Learning from reviews is shared with teams within six weeks.",
        "New investigators are mentored for their first three cases.",
        "Trauma-informed practice is part of refresher training.",
    ],
    "data": [
        "RASSO outcomes are reported monthly at force level.",
        "Data quality checks cover flags for repeat suspects and victims.",
        "Attrition points are analysed and shared with senior leaders.",
        "Victim demographic data is recorded consistently.",
        "Performance data is compared with similar forces each quarter.",
    ],
    "digital-forensics": [
        "Digital strategies are proportionate and agreed with the victim.",
        "Devices are returned to victims within an agreed time.",
        "The DFU triages RASSO submissions within five working days.",
        "Officers explain to victims what data will be examined and why.",
        "Digital evidence from the suspect is prioritised over the victim's.",
    ],
}
ACTION_TITLES = [
    "Brief every team leader on the standard and dip-sample again in three months",
    "Add the step to the investigation plan template and the supervisor checklist",
    "Book the specialist training for the investigators who have not had it",
]
GUIDANCE = (
    "Dip-sample at least ten cases from the last six months and note what you find."
)


def _framework(name: str, copy_of: Edition | None = None) -> Edition:
    edition = Edition.objects.filter(name=name).first()
    if edition is not None:
        return edition
    if copy_of is not None:
        edition = services.edition_copy(edition=copy_of, name=name)
        # This year's edition asks for one more thing on digital forensics.
        statement = Statement.objects.get(
            pillar__edition=edition,
            pillar__theme__slug="digital-forensics",
            number="6.3",
        )
        services.statement_update(
            statement=statement,
            text="The DFU triages RASSO submissions within five working days and "
            "tells the officer in the case the expected date.",
        )
    else:
        edition = services.edition_create(
            name=name,
            introduction="A synthetic framework written for the demo: six pillars, "
            "five statements each.",
        )
        for index, theme in enumerate(Theme.objects.all(), start=1):
            for number, text in enumerate(STATEMENTS.get(theme.slug, []), start=1):
                services.statement_create(
                    edition=edition,
                    theme=theme,
                    number=f"{index}.{number}",
                    text=text,
                    guidance=GUIDANCE,
                    evidence_required=number != 5,
                )
    services.edition_publish(edition=edition)
    return edition


def _second_lead() -> User:
    email, display_name = SECOND_LEAD
    user, _ = User.objects.get_or_create(
        email=email, defaults={"display_name": display_name}
    )
    user.display_name = display_name
    user.force = Force.objects.get(name=SECOND_FORCE)
    user.job_role = JobRole.SUPERVISOR
    user.is_active = True
    user.set_password(settings.DEMO_PASSWORD)
    user.save()
    user.groups.set(Group.objects.filter(name__in=[roles.OFFICERS, roles.FORCE_LEADS]))
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    if not Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists():
        TOTP.activate(user, generate_totp_secret())
        RecoveryCodes.activate(user)
    return user


def _rate(assessment: Assessment, pattern: list[int], actor: User, upto: int | None):
    responses = list(
        Response.objects.filter(assessment=assessment).select_related("statement")
    )
    responses.sort(key=lambda r: (r.statement.pillar_id, r.statement.position))
    for index, response in enumerate(responses[:upto]):
        rating = pattern[index % len(pattern)]
        services.response_save(
            response=response,
            rating=rating,
            comment="Dip sample of ten recent cases; findings discussed with the "
            "team leaders.",
            actor=actor,
        )
        if response.statement.evidence_required:
            Evidence.objects.get_or_create(
                response=response,
                title="Dip sample notes and the relevant guidance",
                defaults={"link": "/guidance/", "added_by": actor},
            )
    return responses


def _assessment(force: Force, edition: Edition, lead: User | None) -> Assessment:
    existing = Assessment.objects.filter(force=force, edition=edition).first()
    if existing:
        return existing
    if lead is None:
        # Forces without a demo account: open on their behalf.
        assessment = Assessment.objects.create(force=force, edition=edition)
        Response.objects.bulk_create(
            Response(assessment=assessment, statement=s)
            for s in Statement.objects.filter(pillar__edition=edition)
        )
        return assessment
    return services.assessment_create(edition=edition, lead=lead)


def _plan(assessment: Assessment, lead: User, owner: User, count: int, overdue: bool):
    if assessment.actions.exists():
        return
    gaps = [
        r
        for r in Response.objects.filter(assessment=assessment).select_related(
            "statement", "assessment"
        )
        if r.is_gap
    ][:count]
    today = timezone.localdate()
    for index, gap in enumerate(gaps):
        action = services.action_create(
            response=gap,
            title=ACTION_TITLES[index % len(ACTION_TITLES)],
            description="Review current practice, agree a standard and check it "
            "with a dip sample in three months.",
            owner=owner if index % 2 == 0 else lead,
            due_date=today + datetime.timedelta(days=30 * (index + 1)),
            actor=lead,
        )
        if index == 0:
            ActionUpdate.objects.create(
                action=action,
                author=owner,
                text="Standard drafted; sharing with team leaders next week.",
                status=Action.Status.IN_PROGRESS,
            )
            action.status = Action.Status.IN_PROGRESS
            action.save(update_fields=["status"])
    if overdue and gaps:
        # One action already past its date, to show the overdue flag.
        Action.objects.filter(pk=assessment.actions.order_by("pk").first().pk).update(
            due_date=today - datetime.timedelta(days=10)
        )


@transaction.atomic
def seed_assessments(stdout=None) -> dict:
    last_year = _framework(LAST_YEAR)
    this_year = _framework(THIS_YEAR, copy_of=last_year)
    lead = User.objects.filter(email="forcelead@demo.police.uk").first()
    if lead is None:
        return {}
    lead2 = _second_lead()
    colleagues = {
        lead.force_id: User.objects.filter(
            email__in=["officer@demo.police.uk", "supervisor@demo.police.uk"]
        ).first()
        or lead,
        lead2.force_id: User.objects.filter(email="officer2@demo.police.uk").first()
        or lead2,
    }
    patterns = {
        lead.force_id: [2, 1, 3, 0, 2, 2, 1],
        lead2.force_id: [1, 2, 2, 0, 3, 1, 2],
    }
    for force_lead in (lead, lead2):
        force = force_lead.force
        colleague = colleagues[force.pk]
        old = _assessment(force, last_year, force_lead)
        if not old.is_signed_off:
            _rate(old, patterns[force.pk], force_lead, None)
            old.offers_peer_support = True
            old.shares_name = force_lead == lead
            old.save(update_fields=["offers_peer_support", "shares_name"])
            services.assessment_sign_off(assessment=old, lead=force_lead)
        _plan(old, force_lead, colleague, 3, overdue=True)
        new = _assessment(force, this_year, force_lead)
        if colleague != force_lead:
            services.assessment_member_add(
                assessment=new, user=colleague, actor=force_lead
            )
        if not Response.objects.filter(assessment=new, rating__isnull=False).exists():
            responses = _rate(
                new, [p + 1 if p < 3 else p for p in patterns[force.pk]], force_lead, 12
            )
            services.responses_assign(
                assignments=[(response, colleague) for response in responses[12:16]],
                actor=force_lead,
            )
        _plan(new, force_lead, colleague, 2, overdue=False)
    # More forces that signed off last year, so the national view has figures to
    # show (and to suppress).
    others = ["Thames Valley", "Kent", "Northumbria", "Cumbria", "College of Policing"]
    for offset, name in enumerate(others):
        force = Force.objects.filter(name=name).first()
        if force is None:
            continue
        assessment = _assessment(force, last_year, None)
        if assessment.is_signed_off:
            continue
        responses = list(
            Response.objects.filter(assessment=assessment).select_related("statement")
        )
        for index, response in enumerate(responses):
            response.rating = (index + offset) % 4 if index % 3 else 2
            response.comment = "Synthetic demo rating."
        Response.objects.bulk_update(responses, ["rating", "comment"])
        assessment.status = Assessment.Status.SIGNED_OFF
        assessment.signed_off_at = timezone.now()
        assessment.offers_peer_support = offset % 2 == 0
        assessment.save()
    if stdout is not None:
        stdout.write(
            f"Self-assessment: editions {LAST_YEAR} and {THIS_YEAR}; assessments for "
            f"{lead.force} and {lead2.force}; {SECOND_LEAD[0]} leads {SECOND_FORCE}."
        )
    return {"editions": [last_year, this_year], "leads": [lead, lead2]}
