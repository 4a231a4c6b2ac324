from django import forms

from .models import AuditEvent

DATES_REVERSED = "The 'from' date must be on or before the 'to' date."


class AuditFilterForm(forms.Form):
    """Filters for the audit log. Every field is optional."""

    actor = forms.CharField(
        label="Who",
        required=False,
        max_length=254,
        help_text="Part of an e-mail address, e.g. 'moderator@'.",
    )
    action = forms.ChoiceField(label="Action", required=False)
    text = forms.CharField(
        label="About",
        required=False,
        max_length=100,
        help_text="Words in the object's name or the event's details, e.g. a thread title.",
    )
    date_from = forms.DateField(
        label="From", required=False, help_text="For example, 2026-11-01"
    )
    date_to = forms.DateField(
        label="To", required=False, help_text="For example, 2026-11-30"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actions = (
            AuditEvent.objects.order_by("action")
            .values_list("action", flat=True)
            .distinct()
        )
        self.fields["action"].choices = [("", "Any action")] + [
            (action, action) for action in actions
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", DATES_REVERSED)
        return cleaned
