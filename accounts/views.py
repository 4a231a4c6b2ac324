from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
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
