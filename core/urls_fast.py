"""``reverse`` for the many per-row links of a long list (each post on a thread page
carries five or six): a URL whose only argument is an integer primary key is the
same text around the number every time, so it is reversed once per name and the
number put in."""

from functools import cache

from django.urls import get_script_prefix, reverse

_MARK = 918273645


@cache
def _around(name: str, prefix: str) -> tuple[str, str]:
    url = reverse(name, args=[_MARK])
    before, found, after = url.partition(str(_MARK))
    if not found:
        raise ValueError(f"{name} does not take one integer argument")
    return before, after


def reverse_pk(name: str, pk: int) -> str:
    """``reverse(name, args=[pk])`` for a URL pattern ``<int:…>``."""
    before, after = _around(name, get_script_prefix())
    return f"{before}{int(pk)}{after}"
