from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator

from django.contrib.auth.models import Group
from django.db import transaction
from django.http import HttpRequest

from core.services import audit_record

from . import roles
from .models import User


def user_join_officers(*, user: User, request: HttpRequest | None = None) -> None:
    """Every new account is an officer; other roles are granted by administrators."""
    user.groups.add(Group.objects.get(name=roles.OFFICERS))
    audit_record(action="account.signup", actor=user, obj=user, request=request)


@transaction.atomic
def user_update_profile(
    *,
    user: User,
    display_name: str,
    force,
    job_role: str,
    notification_email: str,
    request=None,
) -> User:
    values = {
        "display_name": display_name,
        "force": force,
        "job_role": job_role,
        "notification_email": notification_email,
    }
    # Compare with the stored row: a bound ModelForm has already changed ``user``.
    stored = User.objects.select_related("force").get(pk=user.pk)
    changed = {
        field: [str(getattr(stored, field)), str(value)]
        for field, value in values.items()
        if getattr(stored, field) != value
    }
    for field, value in values.items():
        setattr(user, field, value)
    user.save(update_fields=list(values))
    if changed:
        audit_record(
            action="account.profile_changed",
            actor=user,
            obj=user,
            details=changed,
            request=request,
        )
    return user


def user_is_staff_role(user: User) -> bool:
    """Staff roles must enrol MFA before the admin or moderation tools. Any group but
    Officers is a staff role, so a group added later (e.g. Guidance sign-off) is
    covered without being listed."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return any(name != roles.OFFICERS for name in roles.group_names(user))


def session_record_enrolment(
    *, request: HttpRequest | None, user: User, authenticator: Authenticator
) -> None:
    """Enrolling an authenticator app or a passkey takes a valid code (or a touch of
    the key), so the session has shown its second factor: the staff tools open without
    asking for another code straight away. Recovery codes prove nothing here."""
    if request is None or authenticator.type not in (
        Authenticator.Type.TOTP,
        Authenticator.Type.WEBAUTHN,
    ):
        return
    record_authentication(
        request,
        user,
        "mfa",
        id=authenticator.pk,
        type=authenticator.type,
        enrolled=True,
    )
