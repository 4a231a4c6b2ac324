import datetime

from django import forms
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminPageForm

from core.base_forms import SiteForm

CHANGE_NOTE_REQUIRED = "Enter a change note: say what changed in this version and why."
DATE_MISSING = "Enter a date, for example 27 3 2025."
DATE_INCOMPLETE = "The date must include a {parts}."
DATE_INVALID = "Enter a real date, for example 27 3 2025."
DATE_YEAR = "Enter the year as 4 numbers, for example 2025."
DATE_IN_FUTURE = "The date must be today or in the past."
DATE_PARTS = ("day", "month", "year")
VERSION_UNKNOWN = "Choose two published versions."
VERSIONS_SAME = "Choose two different versions."
USEFUL_REQUIRED = "Select yes if this page was useful."
COMMENT_TOO_LONG = "The comment must be 2000 characters or fewer."

# Buttons of Wagtail's page editor that send a version on its way to readers.
PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")


class GuidancePageForm(WagtailAdminPageForm):
    """The editor form: a change note is required to publish or to send for review,
    and a change note already published is never offered again for the next one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if not self.is_bound and instance.pk and instance.change_note:
            published_notes = set(
                instance.versions.values_list("change_note", flat=True)
            )
            if instance.change_note in published_notes:
                self.initial["change_note"] = ""
                self.initial["change_is_major"] = False

    def is_publishing(self) -> bool:
        data = self.data
        if any(data.get(action) for action in PUBLISHING_ACTIONS):
            return True
        return bool(
            data.get("action-workflow-action")
            and data.get("workflow-action-name") == "approve"
        )

    def clean(self):
        cleaned = super().clean()
        if self.is_publishing() and not (cleaned.get("change_note") or "").strip():
            self.add_error("change_note", CHANGE_NOTE_REQUIRED)
        return cleaned


class DateForm(SiteForm):
    """A GOV.UK date input: three boxes, one date. What was typed is kept on errors
    (the boxes are text, so nothing is lost to a number field's parsing), and
    ``error_parts`` names the boxes at fault so only they are marked."""

    day = forms.CharField(required=False, strip=True)
    month = forms.CharField(required=False, strip=True)
    year = forms.CharField(required=False, strip=True)

    error_parts: tuple[str, ...] = ()

    def _refuse(self, message: str, parts=DATE_PARTS):
        self.error_parts = tuple(parts)
        return forms.ValidationError(message)

    def clean(self):
        cleaned = super().clean()
        typed = {part: cleaned.get(part, "") for part in DATE_PARTS}
        missing = [part for part in DATE_PARTS if not typed[part]]
        if len(missing) == len(DATE_PARTS):
            raise self._refuse(DATE_MISSING)
        if missing:  # one or two of the three
            parts = " and ".join(missing)
            raise self._refuse(DATE_INCOMPLETE.format(parts=parts), missing)
        not_numbers = [part for part in DATE_PARTS if not typed[part].isdigit()]
        if not_numbers:
            raise self._refuse(DATE_INVALID, not_numbers)
        if len(typed["year"]) != 4:
            raise self._refuse(DATE_YEAR, ["year"])
        try:
            value = datetime.date(*(int(typed[part]) for part in reversed(DATE_PARTS)))
        except (ValueError, OverflowError):
            raise self._refuse(DATE_INVALID) from None
        if value > timezone.localdate():
            raise self._refuse(DATE_IN_FUTURE)
        cleaned["date"] = value
        return cleaned


class CompareForm(SiteForm):
    from_version = forms.ChoiceField(label="Compare version")
    to_version = forms.ChoiceField(label="with version")

    def __init__(self, *args, numbers: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, n) for n in numbers]
        for name in ("from_version", "to_version"):
            self.fields[name].choices = choices
            self.fields[name].error_messages["invalid_choice"] = VERSION_UNKNOWN
            self.fields[name].error_messages["required"] = VERSION_UNKNOWN

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("from_version") and cleaned.get("from_version") == cleaned.get(
            "to_version"
        ):
            raise forms.ValidationError(VERSIONS_SAME)
        return cleaned


class FeedbackForm(SiteForm):
    useful = forms.TypedChoiceField(
        label="Was this page useful?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": USEFUL_REQUIRED},
    )
    comment = forms.CharField(
        label="How could we improve it? (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Do not include anything that identifies a victim, witness or "
        "suspect.",
        error_messages={"max_length": COMMENT_TOO_LONG},
    )
