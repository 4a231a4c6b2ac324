"""What every CSV export shares: one writer that makes every cell safe, so no export
decides cell by cell which values could start a formula."""

import csv

from django.http import HttpResponse

# The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV
# Injection"): = + - @ and a leading tab or carriage return.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """``value`` as a CSV cell a spreadsheet shows as text: one that would start a
    formula gets a leading apostrophe. ``None`` is an empty cell."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SafeCsvWriter:
    """csv.writer whose every cell goes through ``csv_safe``."""

    def __init__(self, out):
        self._writer = csv.writer(out)

    def writerow(self, row) -> None:
        self._writer.writerow([csv_safe(value) for value in row])


def csv_download(filename: str) -> tuple[HttpResponse, SafeCsvWriter]:
    """An attachment response named ``filename`` and the safe writer into it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response, SafeCsvWriter(response)
