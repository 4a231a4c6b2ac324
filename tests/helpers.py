"""Small helpers the tests share."""

import re

from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)

from django.core import mail


def enrol_totp(user) -> str:
    """Give ``user`` an authenticator app; returns its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str, offset: int = 0) -> str:
    """The code an authenticator app shows now (``offset`` periods away)."""
    import time

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


def totp_code_to_type(secret: str, seconds_needed: int = 10) -> str:
    """For a browser test: the current code, once at least ``seconds_needed`` of its
    30-second window are left, so a loaded machine's page loads cannot carry it into
    the next window before the server checks it (allauth takes only the current one)."""
    import time

    left = 30 - time.time() % 30
    if left < seconds_needed:
        time.sleep(left + 0.1)
    return totp_code(secret)


def link_in_last_email(pattern: str = r"https?://[^\s]+") -> str:
    body = mail.outbox[-1].body
    match = re.search(pattern, body)
    assert match, f"no link matching {pattern!r} in:\n{body}"
    return match.group(0)
