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


def link_in_last_email(pattern: str = r"https?://[^\s]+") -> str:
    body = mail.outbox[-1].body
    match = re.search(pattern, body)
    assert match, f"no link matching {pattern!r} in:\n{body}"
    return match.group(0)
