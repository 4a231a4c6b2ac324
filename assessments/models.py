"""The national self-assessment framework (editions, pillars, statements) as data that
administrators edit, and each force's assessment against it with its improvement plan.

Business rules (freezing, sign-off, who may do what) live in services.py and
permissions.py; the model forms used by the Wagtail admin call the same checks."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from accounts.models import Force
from core.models import Theme

DEFAULT_RATING_SCALE = ["Not met", "Partly met", "Met", "Exceeds"]
DEFAULT_MET_LEVEL = 2
EDITION_FROZEN = (
    "This edition is published and frozen. Copy it to a new edition to make changes."
)
EVIDENCE_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "txt", "csv", "png", "jpg"]
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_TOO_LARGE = "The file must be smaller than 10 MB."


def default_rating_scale() -> list[str]:
    return list(DEFAULT_RATING_SCALE)


class Edition(models.Model):
    """One edition of the national framework, e.g. "2026/27". Published editions are
    frozen: assessments were made against their exact wording."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    name = models.CharField(
        max_length=20, unique=True, help_text="The year it covers, e.g. '2026/27'."
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Publish when the wording is final, e.g. before forces start. "
        "A published edition cannot be changed.",
    )
    introduction = models.TextField(
        blank=True,
        help_text="Shown to forces above the framework, e.g. 'This edition adds "
        "statements on digital forensics turnaround.'",
    )
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("name"), FieldPanel("status"), FieldPanel("introduction")]

    class Meta:
        ordering = ["-name"]
        permissions = [
            ("lead_self_assessment", "Can open the self-assessment area"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Pillar(ClusterableModel):
    """One of the six themes within an edition, with its numbered statements."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="pillars"
    )
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="+")
    introduction = models.TextField(
        blank=True,
        help_text="What this pillar asks of a force, e.g. 'Investigations focus on "
        "the suspect's behaviour from the first report.'",
    )

    panels = [
        FieldPanel("edition"),
        FieldPanel("theme"),
        FieldPanel("introduction"),
        InlinePanel("statements", heading="Statements", label="Statement"),
    ]

    class Meta:
        ordering = ["edition", "theme__position", "theme__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "theme"], name="unique_pillar_per_edition"
            )
        ]

    def __str__(self):
        return f"{self.edition} – {self.theme}"


class Statement(models.Model):
    pillar = ParentalKey(Pillar, on_delete=models.CASCADE, related_name="statements")
    number = models.CharField(
        max_length=10, help_text="Shown before the statement, e.g. '1.3'."
    )
    text = models.TextField(
        help_text="What good looks like, e.g. 'Every investigation plan records "
        "suspect-focused lines of enquiry within 48 hours.'"
    )
    guidance = models.TextField(
        "guidance for assessors",
        blank=True,
        help_text="How to judge it, e.g. 'Dip-sample ten recent investigation plans.'",
    )
    evidence_required = models.BooleanField(
        "evidence is mandatory",
        default=True,
        help_text="Untick where a rating may stand without evidence, e.g. a "
        "self-reported culture statement.",
    )
    rating_scale = models.JSONField(
        default=default_rating_scale,
        help_text='Lowest first, e.g. ["Not met", "Partly met", "Met", "Exceeds"].',
    )
    met_level = models.PositiveSmallIntegerField(
        default=DEFAULT_MET_LEVEL,
        help_text="Position in the scale (from 0) from which a rating counts as met, "
        "e.g. 2 for 'Met' in the default scale.",
    )
    position = models.PositiveSmallIntegerField(default=0, editable=False)
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("text"),
        FieldPanel("guidance"),
        FieldPanel("evidence_required"),
        FieldPanel("rating_scale"),
        FieldPanel("met_level"),
    ]

    class Meta:
        ordering = ["pillar__theme__position", "position", "number", "id"]

    def __str__(self):
        return f"{self.number} {self.text[:60]}"

    def clean(self):
        scale = self.rating_scale
        if not (
            isinstance(scale, list)
            and len(scale) >= 2
            and all(isinstance(label, str) and label.strip() for label in scale)
        ):
            raise ValidationError(
                {"rating_scale": "Give at least two rating labels, lowest first."}
            )
        if self.met_level >= len(scale):
            raise ValidationError({"met_level": "Choose a position within the scale."})

    def rating_label(self, rating: int | None) -> str:
        if rating is None or rating >= len(self.rating_scale):
            return ""
        return self.rating_scale[rating]


class Assessment(models.Model):
    """A force's self-assessment against one edition. Signed off, it is read-only."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        SIGNED_OFF = "signed_off", "Signed off"

    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="+")
    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="assessments"
    )
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.IN_PROGRESS
    )
    offers_peer_support = models.BooleanField(
        "offer peer support",
        default=False,
        help_text="Forces working on a statement you rate Met or Exceeds may contact "
        "you through the forums.",
    )
    shares_name = models.BooleanField(
        "show our force's name in the national view",
        default=False,
        help_text="Otherwise your ratings only count, anonymously, towards national "
        "figures.",
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-edition__name", "force__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["force", "edition"], name="one_assessment_per_force_edition"
            )
        ]

    def __str__(self):
        return f"{self.force} {self.edition}"

    @property
    def is_signed_off(self) -> bool:
        return self.status == self.Status.SIGNED_OFF


class AssessmentMember(models.Model):
    """A colleague the force lead added: they see the assessment and its plan."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user__display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "user"], name="unique_assessment_member"
            )
        ]

    def __str__(self):
        return f"{self.user} on {self.assessment}"


class Response(models.Model):
    """One statement within one assessment: who rates it, the rating and comment."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="responses"
    )
    statement = models.ForeignKey(
        Statement, on_delete=models.PROTECT, related_name="responses"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["statement__pillar__theme__position", "statement__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "statement"], name="unique_response"
            )
        ]

    def __str__(self):
        return f"{self.assessment} {self.statement.number}"

    @property
    def rating_label(self) -> str:
        return self.statement.rating_label(self.rating)

    @property
    def is_gap(self) -> bool:
        return self.rating is not None and self.rating < self.statement.met_level


def evidence_upload_to(instance, filename: str) -> str:
    """Unguessable names: documents are only ever served through the permission
    check in views.assessment.evidence_download."""
    suffix = Path(filename).suffix.lower()[:6]
    return f"assessments/evidence/{uuid.uuid4().hex}{suffix}"


class Evidence(models.Model):
    """A same-site link (a guidance page, a training record, a forum thread) or an
    uploaded document supporting a rating."""

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="evidence"
    )
    title = models.CharField(max_length=200)
    link = models.CharField(max_length=500, blank=True)
    document = models.FileField(
        upload_to=evidence_upload_to,
        blank=True,
        validators=[FileExtensionValidator(EVIDENCE_EXTENSIONS)],
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "evidence"

    def __str__(self):
        return self.title


class Action(models.Model):
    """One action of the improvement plan, closing a gap (a statement rated below
    Met)."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="actions"
    )
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="actions"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField()
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    overdue_notified_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]

    def __str__(self):
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.status != self.Status.DONE and self.due_date < timezone.localdate()


class ActionUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    status = models.CharField(max_length=12, choices=Action.Status.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.text[:60]
