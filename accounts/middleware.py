from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse

from .services import user_is_staff_role

ENROL_MFA_FIRST = (
    "Set up an authenticator app or a passkey before you use the editing and "
    "moderation tools. It protects the network if your password is ever stolen."
)
SECOND_FACTOR_REQUIRED = (
    "Enter the code from your authenticator app to use the staff tools."
)
SECOND_FACTOR_TYPES = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


class StaffMFARequiredMiddleware:
    """Staff reach the tools under STAFF_MFA_REQUIRED_PREFIXES only with a second factor:
    anyone in a staff role is sent to enrol one first, and a session that was not
    signed in with it (no "mfa" step in allauth's record of how this session
    authenticated) is asked for a code. Enrolling counts: it takes a valid code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._guards(request):
            if not _has_second_factor(request.user):
                messages.warning(request, ENROL_MFA_FIRST)
                return redirect("mfa_index")
            if not _session_used_second_factor(request):
                messages.warning(request, SECOND_FACTOR_REQUIRED)
                query = urlencode({"next": request.get_full_path()}, safe="/")
                return HttpResponseRedirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)

    @staticmethod
    def _guards(request) -> bool:
        return (
            request.path.startswith(tuple(settings.STAFF_MFA_REQUIRED_PREFIXES))
            and request.user.is_authenticated
            and user_is_staff_role(request.user)
        )


def _has_second_factor(user) -> bool:
    return Authenticator.objects.filter(
        user=user, type__in=SECOND_FACTOR_TYPES
    ).exists()


def _session_used_second_factor(request) -> bool:
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )
