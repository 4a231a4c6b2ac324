"""The national view: spread of ratings per statement with small-number suppression
that holds in the page, in the CSV and between views of different groups of forces."""

import csv
import io

import pytest

from django.urls import reverse

from assessments import selectors
from assessments.selectors import FORCE_GROUPS, national_spread
from tests.factories.assessments import make_edition, signed_off

TERRITORIAL = ["kent", "essex", "surrey", "sussex", "dorset", "durham"]
NATIONAL = [
    "british-transport-police",
    "college-of-policing",
    "crown-prosecution-service",
    "national-police-chiefs-council",
]


@pytest.fixture
def edition(db):
    return make_edition("2026/27", per_pillar=1)


def first_row(spread):
    return spread["pillars"][0]["rows"][0]


def values(row):
    return [cell["value"] for cell in row["cells"]]


def test_no_figure_is_shown_from_fewer_than_three_forces(edition):
    signed_off(edition, "kent", [2])
    signed_off(edition, "essex", [2])

    spread = national_spread(edition)

    for pillar in spread["pillars"]:
        for row in pillar["rows"]:
            assert row["suppressed"]
            assert row["total"] is None
            assert values(row) == [None, None, None, None]


def test_cells_of_one_or_two_forces_are_hidden_with_a_complementary_cell(edition):
    for slug in ["kent", "essex", "surrey", "sussex"]:
        signed_off(edition, slug, [2])
    signed_off(edition, "dorset", [0])

    row = first_row(national_spread(edition))

    # Not met has 1 force; Met has 4. Hiding Not met alone would leave it as
    # total - shown, so Met is hidden with it; the empty levels stay 0.
    assert row["total"] == 5
    assert values(row) == [None, 0, None, 0]


def test_cells_of_three_or_more_forces_are_shown(edition):
    for slug in ["kent", "essex", "surrey"]:
        signed_off(edition, slug, [1])
    for slug in ["sussex", "dorset", "durham"]:
        signed_off(edition, slug, [3])

    row = first_row(national_spread(edition))

    assert values(row) == [0, 3, 0, 3]
    assert row["total"] == 6


def test_a_view_of_one_kind_of_force_cannot_be_subtracted_from_another(edition):
    # Territorial: 3 Not met, 3 Partly met. National organisations: 1 Not met,
    # 3 Partly met. Shown naively, "all" (4, 6) minus "territorial" (3, 3) would
    # reveal the one national organisation rated Not met.
    for slug in TERRITORIAL[:3]:
        signed_off(edition, slug, [0])
    for slug in TERRITORIAL[3:]:
        signed_off(edition, slug, [1])
    signed_off(edition, NATIONAL[0], [0])
    for slug in NATIONAL[1:]:
        signed_off(edition, slug, [1])

    rows = {group: first_row(national_spread(edition, group)) for group in FORCE_GROUPS}

    for group, row in rows.items():
        assert values(row)[:2] == [None, None], group
    assert rows["all"]["total"] == 10
    assert rows["territorial"]["total"] == 6
    assert rows["national"]["total"] == 4


def test_a_group_with_one_or_two_forces_hides_both_group_views(edition):
    for slug in TERRITORIAL[:4]:
        signed_off(edition, slug, [2])
    signed_off(edition, NATIONAL[0], [0])

    rows = {group: first_row(national_spread(edition, group)) for group in FORCE_GROUPS}

    # "All" minus "territorial" would be the one national organisation's ratings.
    assert rows["territorial"]["suppressed"]
    assert rows["national"]["suppressed"]
    assert not rows["all"]["suppressed"]
    assert values(rows["all"]) == [None, 0, None, 0]


@pytest.mark.parametrize("seed", range(4))
def test_no_shown_figure_anywhere_can_be_differenced_down_to_one_or_two_forces(
    edition, seed
):
    ratings = [(0, 1, 2, 3), (1, 1, 2, 0), (2, 3, 3, 1), (0, 0, 1, 2)][seed]
    for index, slug in enumerate(TERRITORIAL):
        signed_off(edition, slug, [ratings[index % 4], ratings[(index + 1) % 4]])
    for index, slug in enumerate(NATIONAL[: 3 + seed % 2]):
        signed_off(edition, slug, [ratings[(index + seed) % 4]])

    spreads = {group: national_spread(edition, group) for group in FORCE_GROUPS}

    for p, pillar in enumerate(spreads["all"]["pillars"]):
        for r in range(len(pillar["rows"])):
            rows = {g: spreads[g]["pillars"][p]["rows"][r] for g in FORCE_GROUPS}
            for row in rows.values():
                shown = [v for v in values(row) if v is not None]
                assert not any(0 < v < 3 for v in shown)
                assert sum(v is None for v in values(row)) != 1
            # "All" minus a subset is the other subset: never 1 or 2 forces.
            for subset in ["territorial", "national"]:
                pairs = zip(values(rows["all"]), values(rows[subset]), strict=True)
                for whole, part in pairs:
                    if whole is not None and part is not None:
                        assert not 0 < whole - part < 3, subset


def test_forces_stay_anonymous_unless_they_chose_to_share(edition):
    signed_off(edition, "kent", [2], shares_name=True)
    signed_off(edition, "essex", [2])
    signed_off(edition, "surrey", [2])

    row = first_row(national_spread(edition))

    assert row["named"] == [("Kent", "Met")]


def test_the_page_says_how_suppression_works_and_shows_suppressed_cells(
    client, edition, admin_user
):
    for slug in ["kent", "essex", "surrey", "sussex"]:
        signed_off(edition, slug, [2])
    signed_off(edition, "dorset", [0])
    client.force_login(admin_user)

    page = client.get(reverse("assessments:national"))

    html = page.content.decode()
    assert "fewer than 3 forces" in html
    assert "Suppressed" in html
    assert page.context["spread"]["force_count"] == 5


def test_the_csv_applies_the_same_suppression_as_the_page(client, edition, admin_user):
    for slug in ["kent", "essex", "surrey", "sussex"]:
        signed_off(edition, slug, [2])
    signed_off(edition, "dorset", [0])
    client.force_login(admin_user)

    result = client.get(reverse("assessments:national_csv") + "?forces=all")

    rows = list(csv.reader(io.StringIO(result.content.decode())))
    assert "suppressed" in rows[0][0].lower()
    first_statement = [row for row in rows[2:] if row[1] == "1.1"]
    assert [row[3] for row in first_statement] == ["suppressed", "0", "suppressed", "0"]
    spread = national_spread(edition)
    expected = [
        "suppressed" if v is None else str(v)
        for pillar in spread["pillars"]
        for row in pillar["rows"]
        for v in values(row)
    ]
    assert [row[3] for row in rows[2:]] == expected


def test_the_csv_of_a_subset_applies_the_joint_suppression(client, edition, admin_user):
    for slug in TERRITORIAL[:4]:
        signed_off(edition, slug, [2])
    signed_off(edition, NATIONAL[0], [0])
    client.force_login(admin_user)

    result = client.get(reverse("assessments:national_csv") + "?forces=territorial")

    rows = list(csv.reader(io.StringIO(result.content.decode())))
    assert {row[3] for row in rows[2:]} == {"suppressed"}


def test_an_unknown_group_or_edition_is_a_404(client, edition, admin_user):
    client.force_login(admin_user)

    assert client.get(reverse("assessments:national") + "?forces=x").status_code == 404
    assert (
        client.get(reverse("assessments:national") + "?edition=999").status_code == 404
    )


def test_in_progress_assessments_do_not_count(edition, lead):
    from tests.factories.assessments import make_assessment, rate_all

    rate_all(make_assessment(edition, lead), [0], lead)
    for slug in ["kent", "essex", "surrey"]:
        signed_off(edition, slug, [2])

    row = first_row(national_spread(edition))

    assert values(row) == [0, 0, 3, 0]
    assert selectors.SUPPRESSION_THRESHOLD == 3
