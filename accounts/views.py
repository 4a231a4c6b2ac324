from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .forms import ProfileForm
from .services import user_update_profile

PROFILE_SAVED = "Your profile has been saved."


@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user_update_profile(
            user=request.user,
            display_name=form.cleaned_data["display_name"],
            force=form.cleaned_data["force"],
            job_role=form.cleaned_data["job_role"],
            notification_email=form.cleaned_data["notification_email"],
            request=request,
        )
        messages.success(request, PROFILE_SAVED)
        return redirect("accounts:profile")
    return TemplateResponse(request, "accounts/profile.html", {"form": form})


@login_not_required
@csrf_exempt
def sign_in_through_allauth(request):
    """Wagtail's own sign-in forms (``/admin/login/``, ``/_util/login/``) take a
    password alone: no authenticator code, no rate limit. Both send people to allauth's
    sign-in instead, keeping a local ``next``; whatever was posted is discarded."""
    target = reverse("account_login")
    next_url = request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = f"{target}?{urlencode({'next': next_url}, safe='/')}"
    return HttpResponseRedirect(target, status=302 if request.method == "GET" else 303)
