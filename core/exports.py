"""What every CSV export shares."""

# The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV
# Injection"): = + - @ and a leading tab or carriage return.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """``value`` as a CSV cell a spreadsheet shows as text: one that would start a
    formula gets a leading apostrophe. ``None`` is an empty cell."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
