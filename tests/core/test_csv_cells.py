"""Every CSV export neutralises cells a spreadsheet would run as a formula, by one
rule (core.exports.csv_safe): the strictest of the three the exports once had."""

import csv
import io

import pytest

from core.exports import csv_safe
from core.models import AuditEvent
from tests.factories import make_user
from tests.helpers import enrol_totp

# Each character a spreadsheet reads as the start of a formula (OWASP's list).
DANGEROUS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("prefix", DANGEROUS)
def test_a_cell_starting_with_a_formula_character_is_neutralised(prefix):
    value = prefix + 'HYPERLINK("http://example.com")'

    assert csv_safe(value) == "'" + value


@pytest.mark.parametrize(
    "value, cell",
    [
        ("plain text", "plain text"),
        ("A = B + C - D @ E", "A = B + C - D @ E"),
        ("", ""),
        (None, ""),
        (42, "42"),
        (-1, "'-1"),
    ],
)
def test_other_cells_are_kept_as_they_are_and_none_is_empty(value, cell):
    assert csv_safe(value) == cell


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", DANGEROUS)
def test_the_audit_log_export_neutralises_every_formula_character(client, prefix):
    administrator = make_user(
        email="admin@college.police.uk", groups=["Administrators"]
    )
    enrol_totp(administrator)
    AuditEvent.objects.create(action="test.formula", object_repr=prefix + "1+1")
    client.force_login(administrator)

    response = client.get("/audit/export.csv", {"action": "test.formula"})

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][5] == "'" + prefix + "1+1"


def test_the_download_writer_makes_every_cell_safe():
    """No export picks which cells to guard: the one writer guards them all."""
    from core.exports import csv_download

    response, writer = csv_download("x.csv")
    writer.writerow(["=1+1", 3, None, "@SUM(A1)", "plain"])
    assert response.content.decode() == "'=1+1,3,,'@SUM(A1),plain\r\n"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
