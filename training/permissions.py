"""Who may do what in training. Existence stays hidden: refusals are 404s."""

from django.http import Http404

from accounts import roles

from .selectors import user_can_edit_module

NOT_YOUR_MODULE = "Only the module's trainers can do that."
NO_REPORTS = "No training reports for this user."


def check_view_reports_permission(user):
    """Trainers and superusers see reports for every force (returns None); force
    leads see their own force's learners only (returns that force)."""
    if user.is_superuser or roles.has_role(user, roles.TRAINERS):
        return None
    if roles.has_role(user, roles.FORCE_LEADS) and user.force_id:
        return user.force
    raise Http404(NO_REPORTS)


def check_review_guidance_flag_permission(user, module) -> None:
    if not user_can_edit_module(user, module):
        raise Http404(NOT_YOUR_MODULE)
