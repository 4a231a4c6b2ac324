"""The base of every form the site renders: required-field messages that name the
field. Kept apart from core/forms.py, which imports Wagtail's admin forms, so any
app's forms can import it while models are still loading."""

from django import forms
from django.forms.utils import pretty_name

# Django's own message, which names no field: never shown on this site.
GENERIC_REQUIRED = forms.Field.default_error_messages["required"]
CHOICE_WIDGETS = (
    forms.Select,
    forms.RadioSelect,
    forms.CheckboxSelectMultiple,
    forms.SelectMultiple,
)


def required_message(field: forms.Field, name: str) -> str:
    """A GOV.UK-style message naming the field: "Enter display name", "Select
    owner", "Select to confirm: I confirm …", "Select a file for …"."""
    label = str(field.label or pretty_name(name)).strip().rstrip("?:.")
    if isinstance(field.widget, forms.CheckboxInput):
        return f"Select to confirm: {label}"
    if not label[1:2].isupper():  # "Display name" reads "display name"; "ABE" stays
        label = label[:1].lower() + label[1:]
    if isinstance(field, forms.FileField):
        return f"Select a file for {label}"
    if isinstance(field, forms.ChoiceField) or isinstance(field.widget, CHOICE_WIDGETS):
        return f"Select {label}"
    return f"Enter {label}"


class NamedRequiredErrorsMixin:
    """Every form on the site (ours through SiteForm and SiteModelForm, allauth's
    through accounts/allauth_forms.py) says which field is missing: a required field
    still carrying Django's "This field is required." gets a message naming it.
    Done when the form is cleaned, so fields added in ``__init__`` count too; a
    message a form sets itself is kept."""

    def full_clean(self):
        for name, field in self.fields.items():
            if field.error_messages.get("required") == GENERIC_REQUIRED:
                field.error_messages["required"] = required_message(field, name)
        super().full_clean()


class SiteForm(NamedRequiredErrorsMixin, forms.Form):
    pass


class SiteModelForm(NamedRequiredErrorsMixin, forms.ModelForm):
    pass
