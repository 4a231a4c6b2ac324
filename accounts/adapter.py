from allauth.account.adapter import DefaultAccountAdapter

from django import forms

from .domains import domain_not_allowed_message, email_domain_allowed


class AccountAdapter(DefaultAccountAdapter):
    """The network's sign-up rules on top of allauth
    (https://docs.allauth.org/en/latest/account/advanced.html#custom-redirects)."""

    def clean_email(self, email: str) -> str:
        email = super().clean_email(email)
        if not email_domain_allowed(email):
            raise forms.ValidationError(domain_not_allowed_message())
        return email.lower()

    def save_user(self, request, user, form, commit=True):
        """Fill the profile from the sign-up form before the one save, so that no user
        row exists without a force and job role."""
        data = form.cleaned_data
        user.display_name = data.get("display_name", "")
        user.force = data.get("force")
        user.job_role = data.get("job_role") or user.job_role
        return super().save_user(request, user, form, commit=commit)
