"""allauth's forms with the site's required-field messages (core.forms): each names the
field it is missing instead of Django's "This field is required.". ACCOUNT_FORMS and
MFA_FORMS in settings point here; the sign-up form is built on accounts.forms, which
already has them."""

from allauth.account import forms as account
from allauth.mfa.base import forms as mfa
from allauth.mfa.totp import forms as totp
from allauth.mfa.webauthn import forms as webauthn

from core.base_forms import NamedRequiredErrorsMixin


def _named(form_class: type) -> type:
    return type(
        form_class.__name__,
        (NamedRequiredErrorsMixin, form_class),
        {"__module__": __name__, "__doc__": form_class.__doc__},
    )


LoginForm = _named(account.LoginForm)
AddEmailForm = _named(account.AddEmailForm)
ChangePasswordForm = _named(account.ChangePasswordForm)
SetPasswordForm = _named(account.SetPasswordForm)
ResetPasswordForm = _named(account.ResetPasswordForm)
ResetPasswordKeyForm = _named(account.ResetPasswordKeyForm)
ReauthenticateForm = _named(account.ReauthenticateForm)
AuthenticateForm = _named(mfa.AuthenticateForm)
MFAReauthenticateForm = _named(mfa.ReauthenticateForm)
ActivateTOTPForm = _named(totp.ActivateTOTPForm)
AddWebAuthnForm = _named(webauthn.AddWebAuthnForm)
EditWebAuthnForm = _named(webauthn.EditWebAuthnForm)
LoginWebAuthnForm = _named(webauthn.LoginWebAuthnForm)
