"""Who may do what in training. Existence stays hidden: refusals are 404s."""

from django.http import Http404

from .selectors import report_force_scope, user_can_edit_module

NOT_YOUR_MODULE = "Only the module's trainers can do that."


def check_view_reports_permission(user):
    """Trainers (every force) and force leads (their own force) see reports; returns
    the force the reports are limited to, or None for every force."""
    return report_force_scope(user)


def check_review_guidance_flag_permission(user, module) -> None:
    if not user_can_edit_module(user, module):
        raise Http404(NOT_YOUR_MODULE)
