"""The Wagtail admin's user forms for the network's user model: display name, force and
job role instead of first and last names
(https://docs.wagtail.org/en/stable/advanced_topics/customisation/custom_user_models.html)."""

from django import forms

from wagtail.users.forms import UserCreationForm, UserEditForm

from .models import Force, JobRole

PROFILE_FIELDS = {"display_name", "force", "job_role"}


class ProfileAdminFields(forms.Form):
    first_name = None
    last_name = None
    display_name = forms.CharField(
        max_length=80, help_text="How other officers see them, e.g. 'DC Sam Patel'."
    )
    force = forms.ModelChoiceField(queryset=Force.objects.all())
    job_role = forms.ChoiceField(choices=JobRole.choices)


class NetworkUserCreationForm(ProfileAdminFields, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = (UserCreationForm.Meta.fields - {"first_name", "last_name"}) | (
            PROFILE_FIELDS
        )


class NetworkUserEditForm(ProfileAdminFields, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = (UserEditForm.Meta.fields - {"first_name", "last_name"}) | (
            PROFILE_FIELDS
        )
