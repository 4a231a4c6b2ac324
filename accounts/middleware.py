from allauth.mfa.models import Authenticator

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect

from .services import user_is_staff_role

ENROL_MFA_FIRST = (
    "Set up an authenticator app or a passkey before you use the editing and "
    "moderation tools. It protects the network if your password is ever stolen."
)
SECOND_FACTOR_TYPES = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


class StaffMFARequiredMiddleware:
    """Anyone in a staff role is sent to enrol MFA before the admin or moderation tools
    (STAFF_MFA_REQUIRED_PREFIXES)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_enrol(request):
            messages.warning(request, ENROL_MFA_FIRST)
            return redirect("mfa_index")
        return self.get_response(request)

    def _must_enrol(self, request) -> bool:
        if not request.path.startswith(tuple(settings.STAFF_MFA_REQUIRED_PREFIXES)):
            return False
        user = request.user
        if not user.is_authenticated or not user_is_staff_role(user):
            return False
        return not Authenticator.objects.filter(
            user=user, type__in=SECOND_FACTOR_TYPES
        ).exists()
