from django.http import Http404


def check_view_audit_log_permission(user) -> None:
    """Only administrators read the audit log; to anyone else it does not exist."""
    if not user.has_perm("core.view_auditevent"):
        raise Http404
