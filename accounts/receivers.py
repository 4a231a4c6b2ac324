"""Sign-in, MFA and role changes go to the audit log. These receivers only record what
happened; no business rule lives here."""

from allauth.mfa.signals import (
    authenticator_added,
    authenticator_removed,
    authenticator_reset,
)

from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from core.services import audit_record

from . import roles
from .models import User
from .services import session_record_enrolment


@receiver(user_logged_in)
def audit_sign_in(sender, request, user, **kwargs):
    audit_record(action="account.sign_in", actor=user, obj=user, request=request)


@receiver(user_logged_out)
def audit_sign_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action="account.sign_out", actor=user, obj=user, request=request)


@receiver(user_login_failed)
def audit_sign_in_failed(sender, credentials, request=None, **kwargs):
    # Only the address tried is kept, never the password.
    audit_record(
        action="account.sign_in_failed",
        details={
            "email": str(credentials.get("email") or credentials.get("username", ""))
        },
        request=request,
    )


def _audit_mfa(action, request, user, authenticator):
    audit_record(
        action=action,
        actor=user,
        obj=user,
        details={"type": authenticator.type},
        request=request,
    )


@receiver(authenticator_added)
def audit_mfa_added(sender, request, user, authenticator, **kwargs):
    _audit_mfa("mfa.added", request, user, authenticator)
    session_record_enrolment(request=request, user=user, authenticator=authenticator)


@receiver(authenticator_removed)
def audit_mfa_removed(sender, request, user, authenticator, **kwargs):
    _audit_mfa("mfa.removed", request, user, authenticator)


@receiver(authenticator_reset)
def audit_mfa_reset(sender, request, user, authenticator, **kwargs):
    _audit_mfa("mfa.reset", request, user, authenticator)


@receiver(m2m_changed, sender=User.groups.through)
def audit_role_change(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    from django.contrib.auth.models import Group

    groups = sorted(
        Group.objects.filter(pk__in=pk_set or []).values_list("name", flat=True)
    )
    audit_record(
        action="account.roles_changed",
        obj=instance,
        details={"change": action.removeprefix("post_"), "groups": groups},
    )


@receiver(m2m_changed, sender=User.groups.through)
@receiver(m2m_changed, sender=User.user_permissions.through)
@receiver(m2m_changed, sender=Group.permissions.through)
def forget_cached_roles(sender, action, **kwargs):
    """Someone's groups or a group's permissions changed: read roles afresh."""
    if action.startswith("post_"):
        roles.forget_roles()


@receiver(post_save, sender=Group)
@receiver(post_delete, sender=Group)
@receiver(post_delete, sender=Permission)
def forget_cached_roles_of_groups(sender, **kwargs):
    roles.forget_roles()
