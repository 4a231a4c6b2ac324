"""Forms only parse input; services.py holds the rules."""

from django import forms
from django.core.exceptions import ValidationError

from wagtail.admin.forms import WagtailAdminModelForm

from core.base_forms import SiteForm, SiteModelForm
from core.validators import validate_upload_content

from .models import (
    EDITION_FROZEN,
    EVIDENCE_EXTENSIONS,
    EVIDENCE_MAX_BYTES,
    EVIDENCE_TOO_LARGE,
    Action,
)
from .services import edition_is_frozen, validate_site_path

EVIDENCE_TITLE_MISSING = "Give the evidence a short title."


class ResponseForm(SiteForm):
    rating = forms.TypedChoiceField(
        label="Rating",
        widget=forms.RadioSelect,
        required=False,
        coerce=int,
        empty_value=None,
    )
    comment = forms.CharField(
        label="Comment",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text="What you found and why you chose this rating.",
    )
    evidence_title = forms.CharField(
        label="Evidence title",
        required=False,
        max_length=200,
        help_text="e.g. 'Dip sample of ten investigation plans, March'.",
    )
    evidence_link = forms.CharField(
        label="Link to a page on this site",
        required=False,
        max_length=500,
        help_text="A guidance page, your training record or a forum thread, e.g. "
        "/guidance/first-48-hours/",
    )
    evidence_file = forms.FileField(
        label="Or upload a document",
        required=False,
        help_text="PDF, Word, Excel, OpenDocument, text, CSV or image; up to 10 MB.",
    )

    def __init__(self, *args, statement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = list(enumerate(statement.rating_scale))

    def clean_evidence_link(self):
        link = self.cleaned_data["evidence_link"].strip()
        return validate_site_path(link) if link else ""

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            if upload.size > EVIDENCE_MAX_BYTES:
                raise ValidationError(EVIDENCE_TOO_LARGE)
            validate_upload_content(upload, extensions=EVIDENCE_EXTENSIONS)
        return upload

    def clean(self):
        data = super().clean()
        if data.get("evidence_link") and data.get("evidence_file"):
            self.add_error("evidence_link", "Give a link or a file, not both.")
        if (data.get("evidence_link") or data.get("evidence_file")) and not data.get(
            "evidence_title", ""
        ).strip():
            self.add_error("evidence_title", EVIDENCE_TITLE_MISSING)
        return data


class MemberForm(SiteForm):
    user = forms.ModelChoiceField(
        label="Colleague", queryset=None, empty_label="Choose a colleague"
    )

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = colleagues
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.display_name or u.email} ({u.email})"
        )


class SharingForm(SiteForm):
    offers_peer_support = forms.BooleanField(
        label="Offer peer support to forces working on statements we rate Met or "
        "Exceeds",
        required=False,
    )
    shares_name = forms.BooleanField(
        label="Show our force's name in the national view", required=False
    )


class SignOffForm(SiteForm):
    confirm = forms.BooleanField(
        label="I confirm this assessment is complete and accurate",
        error_messages={"required": "Confirm the assessment is complete to sign off."},
    )


class ActionForm(SiteModelForm):
    class Meta:
        model = Action
        fields = ["title", "description", "owner", "due_date"]
        labels = {"title": "What will be done", "owner": "Owner"}
        help_texts = {
            "title": "e.g. 'Train all SOIT officers in suspect-focused planning'.",
            "description": "Optional: how, and what done looks like.",
            "due_date": "e.g. 31/3/2027",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = colleagues
        self.fields["owner"].empty_label = "Choose an owner"
        self.fields["owner"].label_from_instance = lambda u: u.display_name or u.email


class ActionUpdateForm(SiteForm):
    status = forms.ChoiceField(
        label="Status", choices=Action.Status.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label="Progress update",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="e.g. 'Two of five teams trained; the rest booked for May.'",
    )


class EditionCopyForm(SiteForm):
    name = forms.CharField(
        label="Name of the new edition", max_length=20, help_text="e.g. '2027/28'."
    )


# --- Wagtail admin forms: a published edition is frozen ----------------------------


class EditionAdminForm(WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        if edition_is_frozen(self.instance):
            raise ValidationError(EDITION_FROZEN)
        return data


class PillarAdminForm(WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        stored = self.instance.edition if self.instance.pk else None
        if edition_is_frozen(stored) or edition_is_frozen(data.get("edition")):
            raise ValidationError(EDITION_FROZEN)
        return data
