from django import forms

from core.base_forms import SiteForm, SiteModelForm

from .models import Force, JobRole, User


class ProfileFieldsMixin(SiteForm):
    display_name = forms.CharField(
        label="Display name",
        max_length=80,
        help_text="How other officers see you, e.g. 'DC Sam Patel'.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    force = forms.ModelChoiceField(
        label="Force or organisation",
        queryset=Force.objects.filter(is_active=True),
        empty_label="Choose your force",
        error_messages={"required": "Choose your force or organisation."},
    )
    job_role = forms.ChoiceField(
        label="Job role",
        choices=[("", "Choose your job role"), *JobRole.choices],
        help_text="Some content is written for a particular role.",
        error_messages={"required": "Choose your job role."},
    )


class SignupProfileForm(ProfileFieldsMixin):
    """Extra sign-up fields; allauth builds its sign-up form on this class
    (ACCOUNT_SIGNUP_FORM_CLASS)."""

    field_order = [
        "display_name",
        "email",
        "force",
        "job_role",
        "password1",
        "password2",
    ]

    def signup(self, request, user):
        from .services import user_join_officers

        user_join_officers(user=user, request=request)


class ProfileForm(SiteModelForm):
    class Meta:
        model = User
        fields = ["display_name", "force", "job_role", "notification_email"]
        labels = {"force": "Force or organisation"}
        widgets = {"notification_email": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["force"].queryset = Force.objects.filter(is_active=True)
        self.fields["force"].required = True
        self.fields["force"].empty_label = "Choose your force"
