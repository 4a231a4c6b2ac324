"""Forms only parse input; forums.services validates the rules and saves."""

from django import forms

from core.base_forms import SiteForm

from .models import PostReport
from .services.posting import BODY_MAX_LENGTH, EMPTY_BODY, EMPTY_TITLE

BODY_HELP = (
    "Markdown: **bold**, *italic*, > quote, - list, [link](https://…). Mention "
    "someone with @ and their name in square brackets, e.g. @[DC Sam Patel]. Never "
    "include details that identify a victim, witness or suspect."
)
CONFIRM_LABEL = (
    "I have checked: these details do not identify a victim, witness or suspect"
)


class _CaseSafetyFields(SiteForm):
    confirm_findings = forms.BooleanField(required=False, label=CONFIRM_LABEL)
    findings_digest = forms.CharField(required=False, widget=forms.HiddenInput)

    def confirmed_digest(self) -> str:
        if self.cleaned_data.get("confirm_findings"):
            return self.cleaned_data.get("findings_digest", "")
        return ""


class PostForm(_CaseSafetyFields):
    body = forms.CharField(
        label="Your reply",
        help_text=BODY_HELP,
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": EMPTY_BODY},
    )

    field_order = ["body", "confirm_findings", "findings_digest"]


class ThreadForm(PostForm):
    title = forms.CharField(
        label="Title",
        help_text="A question or topic, e.g. 'Early advice from the CPS in stalking cases'.",
        max_length=150,
        error_messages={"required": EMPTY_TITLE},
    )

    field_order = ["title", "body", "confirm_findings", "findings_digest"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = "Your post"


class EditPostForm(PostForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = "Your post"


class AnswerForm(SiteForm):
    post = forms.IntegerField(required=False)


class ReportForm(SiteForm):
    reason = forms.ChoiceField(
        label="Why are you reporting this post?",
        choices=PostReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why you are reporting the post."},
    )
    details = forms.CharField(
        label="Anything the moderators should know (optional)",
        help_text="Do not repeat any identifying details here.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RedactForm(SiteForm):
    text = forms.CharField(
        label="Text to remove",
        help_text="Copy the exact words, e.g. a name. Every copy in the post, its "
        "earlier versions, quotes of it, the thread title and notifications is "
        "replaced with [redacted]. For a phrase in the title, redact the opening post.",
        max_length=300,
        error_messages={"required": "Enter the text to remove."},
    )


class SuggestGuidanceForm(SiteForm):
    page = forms.ModelChoiceField(
        label="Guidance page",
        queryset=None,
        empty_label="Choose the guidance this answer could improve",
        error_messages={"required": "Choose a guidance page."},
    )
    note = forms.CharField(
        label="Note for the page's owner",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the answer adds, e.g. 'Three forces now offer the ISVA "
        "referral at first contact; the guidance still says after the ABE'.",
    )

    def __init__(self, *args, pages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].queryset = pages
