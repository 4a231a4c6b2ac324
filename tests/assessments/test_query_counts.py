"""Query counts pinned on the dashboard, the assessment, the plan and the national
view: they do not grow with more statements, actions or forces."""

import pytest

from django.urls import reverse

from tests.factories import make_user
from tests.factories.assessments import (
    make_action,
    make_assessment,
    make_edition,
    make_lead,
    rate_all,
    signed_off,
)

DASHBOARD = 8
# Administrators may moderate: the header counts their open moderation items.
NATIONAL = 8
ASSESSMENT = 7
# Includes the theme_resources hooks (guidance, training): a query each per theme
# with gaps, bounded by the six themes; every theme has gaps in both cases below.
PLAN = 18


def build(per_pillar: int, actions: int, forces: int):
    edition = make_edition("2026/27", per_pillar=per_pillar)
    previous = make_edition("2025/26", per_pillar=per_pillar)
    lead = make_lead(email="lead@avon-and-somerset.police.uk")
    owner = make_user(email="owner@avon-and-somerset.police.uk")
    rate_all(make_assessment(previous, lead), [1], lead)
    assessment = make_assessment(edition, lead)
    rate_all(assessment, [0, 1], lead)
    for _ in range(actions):
        make_action(assessment, owner, lead)
    for slug in ["kent", "essex", "surrey", "sussex", "dorset"][:forces]:
        signed_off(edition, slug, [0, 1, 2, 3], peer_support=True)
    admin = make_user(
        email="admin@college.police.uk",
        force="college-of-policing",
        groups=["Administrators"],
    )
    return assessment, lead, admin


@pytest.mark.parametrize(("per_pillar", "actions", "forces"), [(1, 1, 3), (4, 6, 5)])
def test_the_dashboard_and_national_view_take_a_fixed_number_of_queries(
    db, client, django_assert_num_queries, per_pillar, actions, forces
):
    assessment, lead, admin = build(per_pillar, actions, forces)

    client.force_login(lead)
    client.get(reverse("assessments:dashboard", args=[assessment.pk]))  # warm caches
    with django_assert_num_queries(DASHBOARD):
        assert (
            client.get(
                reverse("assessments:dashboard", args=[assessment.pk])
            ).status_code
            == 200
        )
    with django_assert_num_queries(ASSESSMENT):
        assert (
            client.get(
                reverse("assessments:assessment_detail", args=[assessment.pk])
            ).status_code
            == 200
        )
    with django_assert_num_queries(PLAN):
        assert (
            client.get(reverse("assessments:plan", args=[assessment.pk])).status_code
            == 200
        )
    client.force_login(admin)
    client.get(reverse("assessments:national"))  # warm the per-person caches
    with django_assert_num_queries(NATIONAL):
        assert client.get(reverse("assessments:national")).status_code == 200
