from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .base_forms import SiteForm
from .models import AuditEvent
from .validators import validate_upload_content

DATES_REVERSED = "The 'from' date must be on or before the 'to' date."


class AuditFilterForm(SiteForm):
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


# --- Wagtail's admin upload forms: every file is checked by its content -------------


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``): single and
    multiple upload, the chooser's upload and replacing a document's file."""

    def clean_file(self):
        file = self.cleaned_data["file"]
        if isinstance(file, UploadedFile):
            validate_upload_content(file, extensions=settings.WAGTAILDOCS_EXTENSIONS)
        return file

    def _post_clean(self):
        # After a refused file the instance holds no file, and Wagtail's
        # Document.clean would add "File extension “” is not allowed" to the refusal.
        # The form is invalid either way; the model is checked once the file is fine.
        if not self.has_error("file"):
            super()._post_clean()


class ContentCheckedImageField(WagtailImageField):
    """Checks the content before Wagtail opens the image, so a refusal names the
    file and what it really is."""

    def to_python(self, data):
        if data:
            validate_upload_content(data, extensions=self.allowed_image_extensions)
        return super().to_python(data)


class ImageForm(BaseImageForm):
    """Wagtail's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``). Wagtail builds the
    file field itself, so it is swapped here for the content-checked one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            built = self.fields["file"]
            self.fields["file"] = ContentCheckedImageField(
                label=built.label, widget=built.widget
            )
