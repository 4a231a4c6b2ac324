from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from allauth.mfa.utils import decrypt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

REFUSED_WITHOUT_DEBUG = "demo_totp only runs with DEBUG on: it would defeat MFA."
NO_TOTP = "{email} has no authenticator app set up."


def current_totp_code(authenticator: Authenticator) -> str:
    """The code an authenticator app would show now for this account."""
    secret = decrypt(authenticator.data["secret"])
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


class Command(BaseCommand):
    help = "Print the current TOTP code for a demo staff account (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        if not settings.DEBUG:
            raise CommandError(REFUSED_WITHOUT_DEBUG)
        authenticator = Authenticator.objects.filter(
            user__email__iexact=email, type=Authenticator.Type.TOTP
        ).first()
        if authenticator is None:
            raise CommandError(NO_TOTP.format(email=email))
        self.stdout.write(current_totp_code(authenticator))
