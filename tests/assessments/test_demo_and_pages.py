"""The demo seed, the header link and the smaller lead-only actions."""

from django.urls import reverse

from accounts.demo import seed_demo_accounts
from assessments import services
from assessments.demo import seed_assessments
from assessments.models import Action, Assessment, Edition, Evidence, Statement
from tests.factories import make_user


def test_the_demo_seed_builds_two_editions_and_two_forces_assessments_and_is_idempotent(
    db,
):
    seed_demo_accounts()

    seed_assessments()
    counts = (
        Edition.objects.count(),
        Statement.objects.count(),
        Assessment.objects.count(),
        Action.objects.count(),
        Evidence.objects.count(),
    )
    seed_assessments()

    assert counts == (
        Edition.objects.count(),
        Statement.objects.count(),
        Assessment.objects.count(),
        Action.objects.count(),
        Evidence.objects.count(),
    )
    assert Statement.objects.filter(pillar__edition__name="2026/27").count() == 30
    for force in ["Avon and Somerset", "West Yorkshire"]:
        last, this = Assessment.objects.filter(force__name=force).order_by(
            "edition__name"
        )
        assert last.is_signed_off
        assert not this.is_signed_off
        assert last.actions.exists()
        assert this.actions.exists()
    lead2 = type(last.opened_by).objects.get(email="forcelead2@demo.police.uk")
    assert lead2.force.name == "West Yorkshire"
    assert lead2.groups.filter(name="Force leads").exists()
    assert Assessment.objects.filter(status="signed_off").count() >= 3


def test_the_header_links_self_assessment_for_force_leads_and_administrators(
    client, lead, admin_user, colleague
):
    url = reverse("assessments:index")
    seen = {}
    for user in (lead, admin_user, colleague):
        client.force_login(user)
        seen[user.email] = f'href="{url}"' in client.get("/").content.decode()

    assert seen == {lead.email: True, admin_user.email: True, colleague.email: False}


def test_the_lead_removes_a_colleague_who_then_gets_a_404(
    client, assessment, lead, colleague
):
    services.assessment_member_add(assessment=assessment, user=colleague, actor=lead)
    client.force_login(lead)

    client.post(
        reverse("assessments:member_remove", args=[assessment.pk, colleague.pk])
    )

    client.force_login(colleague)
    assert (
        client.get(
            reverse("assessments:assessment_detail", args=[assessment.pk])
        ).status_code
        == 404
    )


def test_the_lead_sets_peer_support_and_name_sharing(client, assessment, lead):
    client.force_login(lead)

    client.post(
        reverse("assessments:sharing", args=[assessment.pk]),
        {"offers_peer_support": "on"},
    )

    assessment.refresh_from_db()
    assert assessment.offers_peer_support
    assert not assessment.shares_name


def test_evidence_can_be_removed_before_sign_off_only(client, assessment, lead):
    response = assessment.responses.select_related("statement", "assessment").first()
    evidence = services.evidence_add(
        response=response, title="Thread", link="/forums/", actor=lead
    )
    client.force_login(lead)

    client.post(
        reverse("assessments:evidence_delete", args=[assessment.pk, evidence.pk])
    )

    assert not Evidence.objects.exists()


def test_a_member_sees_the_framework_and_their_assessment_in_the_list(
    client, assessment, lead
):
    member = make_user(email="dc.member@avon-and-somerset.police.uk")
    services.assessment_member_add(assessment=assessment, user=member, actor=lead)
    client.force_login(member)

    index = client.get(reverse("assessments:index"))
    framework = client.get(reverse("assessments:framework"))

    assert index.context["assessments"] == [assessment]
    assert framework.status_code == 200
