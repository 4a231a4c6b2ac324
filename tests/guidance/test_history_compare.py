import pytest

from guidance.diff import CHANGE, DELETE, EQUAL, INSERT, diff_lines
from guidance.forms import VERSIONS_SAME
from tests.factories.guidance import make_guidance, publish_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    page = make_guidance(paragraphs=["Offer the victim an ISVA.", "Record the VRI."])
    page = publish_version(
        page,
        major=True,
        note="ISVA referral is now mandatory.",
        paragraphs=["Refer the victim to an ISVA.", "Record the VRI."],
    )
    return publish_version(
        page,
        major=False,
        note="Added a line on SARC.",
        paragraphs=["Refer the victim to an ISVA.", "Record the VRI.", "Call SARC."],
    )


def test_history_lists_only_published_versions_newest_first(client_for, officer, page):
    draft = page.get_latest_revision_as_object()
    draft.change_note = "Unpublished draft note."
    draft.save_revision()

    response = client_for(officer).get(page.url + "versions/")

    html = response.content.decode()
    assert response.status_code == 200
    assert [v.number for v in response.context["versions"]] == ["2.1", "2.0", "1.0"]
    assert "Unpublished draft note." not in html
    assert "ISVA referral is now mandatory." in html


def test_an_earlier_version_opens_read_only_with_a_superseded_banner(
    client_for, officer, page
):
    response = client_for(officer).get(page.url + "versions/1-0/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Superseded version" in html
    assert "Offer the victim an ISVA." in html
    assert "Refer the victim" not in html
    assert f'href="{page.url}">Read the current version (2.1)' in html
    assert "Was this page useful?" not in html


def test_the_current_version_has_no_superseded_banner(client_for, officer, page):
    response = client_for(officer).get(page.url + "versions/2-1/")

    assert "Superseded version" not in response.content.decode()


def test_an_unknown_version_is_a_404(client_for, officer, page):
    assert client_for(officer).get(page.url + "versions/9-9/").status_code == 404


def test_the_page_shows_the_version_line_and_the_change_note(client_for, officer, page):
    response = client_for(officer).get(page.url)

    html = response.content.decode()
    assert "<strong>Version 2.1</strong> · published" in html
    assert "next review" in html
    assert "Added a line on SARC." in html
    assert html.count("OFFICIAL") >= 2


def test_compare_marks_the_inserted_and_removed_words(client_for, officer, page):
    response = client_for(officer).get(page.url + "compare/?from=1.0&to=2.0")

    html = response.content.decode()
    assert response.status_code == 200
    lines = response.context["lines"]
    changed = [line for line in lines if line.kind == CHANGE]
    assert len(changed) == 1
    removed = [t for kind, t in changed[0].segments if kind == DELETE]
    inserted = [t for kind, t in changed[0].segments if kind == INSERT]
    assert removed == ["Offer"]
    assert inserted == ["Refer", "to "]
    assert "[removed: </span>Offer" in html
    assert "[inserted: </span>Refer" in html


def test_compare_defaults_to_the_last_two_versions(client_for, officer, page):
    response = client_for(officer).get(page.url + "compare/")

    assert response.context["old"].number == "2.0"
    assert response.context["new"].number == "2.1"
    inserted = [line for line in response.context["lines"] if line.kind == INSERT]
    assert [line.segments for line in inserted] == [[(INSERT, "Call SARC.")]]


@pytest.mark.parametrize(
    "query, message",
    [("?from=1.0&to=1.0", VERSIONS_SAME), ("?from=1.0&to=7.0", "Choose two")],
)
def test_compare_with_bad_versions_is_a_400_with_a_message(
    client_for, officer, page, query, message
):
    response = client_for(officer).get(page.url + "compare/" + query)

    assert response.status_code == 400
    assert message in response.content.decode()


def test_compare_url_points_to_the_previous_version_or_the_first_version_itself(page):
    versions = {v.number: v for v in page.versions.all()}

    assert versions["2.1"].compare_url() == f"{page.url}compare/?from=2.0&to=2.1"
    assert versions["1.0"].compare_url() == f"{page.url}versions/1-0/"


def test_diff_lines_reports_equal_insert_delete_and_change():
    lines = diff_lines(["a b", "keep", "gone"], ["a c", "keep", "new line"])

    kinds = [line.kind for line in lines]
    assert kinds == [CHANGE, EQUAL, CHANGE]
    assert (DELETE, "b") in lines[0].segments and (INSERT, "c") in lines[0].segments


def test_compare_shows_the_words_readers_see_not_block_settings(page):
    from guidance.diff import page_lines

    lines = page_lines(page.current_version.revision.as_object())

    assert "What to do" in lines
    assert not any("Section heading" in line for line in lines)


def test_long_runs_of_unchanged_lines_fold_away_around_the_changes():
    from guidance.diff import SKIPPED, collapse_unchanged

    old = [f"line {n}" for n in range(20)]
    new = [*old[:10], "inserted", *old[10:]]

    shown = collapse_unchanged(diff_lines(old, new), context=2)

    assert [line.kind for line in shown] == [
        SKIPPED,
        EQUAL,
        EQUAL,
        INSERT,
        EQUAL,
        EQUAL,
        SKIPPED,
    ]
    assert len(shown[0].hidden) == 8 and len(shown[-1].hidden) == 8


def test_a_page_past_its_review_date_says_so_next_to_the_version_line(
    client_for, officer
):
    import datetime

    from django.utils import timezone

    overdue = make_guidance(
        title="Old page", review_by=timezone.localdate() - datetime.timedelta(days=1)
    )
    current = make_guidance(title="Fresh page")
    client = client_for(officer)

    assert "Review overdue" in client.get(overdue.url).content.decode()
    assert "Review overdue" not in client.get(current.url).content.decode()
