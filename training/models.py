"""Training modules (Wagtail pages) and the records of who learned what."""

import secrets

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as route
from wagtail.fields import StreamField
from wagtail.search import index

from core.models import AppendOnlyModel, BasePage

from .blocks import KnowledgeCheckBlock, LessonStreamBlock

IMMUTABLE_ATTEMPT = "A submitted attempt cannot be changed or deleted."


class TrainingIndexPage(BasePage):
    """The training section: every module lives under it, and the Trainers group's
    page permissions are granted here (migration 0002), never on guidance."""

    intro = models.TextField(
        blank=True,
        help_text="e.g. 'Modules written by specialist trainers, at your own pace.'",
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    # One training section, directly under the home page, holding only modules.
    parent_page_types = ["home.HomePage"]
    subpage_types = ["training.ModulePage"]
    max_count = 1

    def serve(self, request, *args, **kwargs):
        from .views import training_index

        return training_index(request, self)


class ModulePage(RoutablePageMixin, BasePage):
    """A training module: lessons are its child pages; the knowledge check is a
    StreamField of questions on the module itself, so a trainer edits it in one place.

    The version is major.minor. Completions record the version they were earned on; a
    higher major version marks earlier completions "completed an earlier version"."""

    summary = models.TextField(
        help_text="Two or three sentences, e.g. 'How to plan and run a suspect "
        "interview that tests the account against the evidence.'"
    )
    learning_objectives = models.TextField(
        help_text="One objective per line, e.g. 'Plan a suspect interview.'"
    )
    audience = models.CharField(
        max_length=255,
        help_text="Who it is for, e.g. 'Investigators and supervisors in RASSO teams'",
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        "estimated duration (minutes)",
        validators=[MinValueValidator(5), MaxValueValidator(600)],
        help_text="How long most learners take, e.g. 45",
    )
    prerequisites = models.TextField(
        blank=True,
        help_text="What to know or complete first, e.g. 'Complete Victim engagement "
        "basics'. Leave blank for none.",
    )
    themes = ParentalManyToManyField("core.Theme", related_name="modules", blank=True)
    version_major = models.PositiveSmallIntegerField(
        "major version",
        default=1,
        help_text="Raise it for a revision that changes what learners must know, "
        "e.g. 2. Earlier completions are then marked 'completed an earlier version'.",
    )
    version_minor = models.PositiveSmallIntegerField(
        "minor version",
        default=0,
        help_text="Raise it for corrections that do not change the learning, e.g. 1.",
    )
    requires_refresh = models.BooleanField(
        "learners of earlier versions must refresh",
        default=False,
        help_text="Tick to ask everyone who completed an earlier major version to "
        "take the module again, e.g. after a change in the law.",
    )
    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)",
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="The share of questions a learner must get right, e.g. 80",
    )
    check_intro = models.TextField(
        "knowledge check introduction",
        blank=True,
        help_text="e.g. 'Answer every question. You can try again if you do not pass.'",
    )
    questions = StreamField(KnowledgeCheckBlock(), blank=True, use_json_field=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        FieldPanel("audience"),
        FieldPanel("estimated_minutes"),
        FieldPanel("prerequisites"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("version_major"), FieldPanel("version_minor")]
                ),
                FieldPanel("requires_refresh"),
            ],
            heading="Version",
        ),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("check_intro"),
                FieldPanel("questions"),
            ],
            heading="Knowledge check",
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_objectives"),
        index.FilterField("estimated_minutes"),
    ]

    # Modules live in the training section and hold only lessons.
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = ["training.LessonPage"]

    @property
    def version(self) -> str:
        return f"{self.version_major}.{self.version_minor}"

    @property
    def objectives_list(self) -> list[str]:
        return [line.strip() for line in self.learning_objectives.splitlines() if line]

    @cached_property
    def question_list(self) -> list:
        """The questions as (id, value) pairs; the block id keys answers in attempts."""
        return [(block.id, block.value) for block in self.questions]

    # Routes (start, lesson completion, knowledge check, reviews) are in views.py;
    # these thin methods keep the routing on the page, as Wagtail's RoutablePageMixin
    # expects (https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html).
    @route("")
    def index_route(self, request, *args, **kwargs):
        from .views import module_detail

        return module_detail(request, self)

    @route("start/")
    def start_view(self, request):
        from .views import module_start

        return module_start(request, self)

    @route("lessons/<int:lesson_id>/complete/")
    def lesson_complete_view(self, request, lesson_id):
        from .views import lesson_complete

        return lesson_complete(request, self, lesson_id)

    @route("check/")
    def check_view(self, request):
        from .views import knowledge_check

        return knowledge_check(request, self)

    @route("check/attempts/<int:attempt_id>/")
    def attempt_view(self, request, attempt_id):
        from .views import attempt_detail

        return attempt_detail(request, self, attempt_id)

    @route("guidance-changes/<int:flag_id>/reviewed/")
    def flag_review_view(self, request, flag_id):
        from .views import guidance_flag_review

        return guidance_flag_review(request, self, flag_id)


class LessonPage(BasePage):
    body = StreamField(LessonStreamBlock(), use_json_field=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        "estimated duration (minutes)",
        null=True,
        blank=True,
        help_text="Optional, e.g. 10",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]

    search_fields = BasePage.search_fields + [index.SearchField("body")]

    # Lessons belong to one module and have no children.
    parent_page_types = ["training.ModulePage"]
    subpage_types = []

    def serve(self, request, *args, **kwargs):
        from .views import lesson_detail

        return lesson_detail(request, self)


class Enrolment(models.Model):
    """A learner working through a module: created when they start it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    module = models.ForeignKey(
        ModulePage, on_delete=models.CASCADE, related_name="enrolments"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="unique_enrolment")
        ]
        ordering = ["-last_activity_at"]

    def __str__(self):
        return f"{self.user} on {self.module_id}"


class LessonProgress(models.Model):
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="unique_lesson_progress"
            )
        ]

    def __str__(self):
        return f"Lesson {self.lesson_id} done in enrolment {self.enrolment_id}"


class Attempt(AppendOnlyModel):
    """One submitted knowledge check. Immutable: it is the learner's record, so it
    keeps the questions and answers as they stood, not ids into a page that changes."""

    append_only_message = IMMUTABLE_ATTEMPT

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.PROTECT, related_name="attempts"
    )
    module_version = models.CharField(max_length=10)
    answers = models.JSONField(
        help_text="One entry per question: id, question, chosen, correct."
    )
    correct_count = models.PositiveSmallIntegerField()
    question_count = models.PositiveSmallIntegerField()
    score = models.PositiveSmallIntegerField(help_text="Percentage, 0 to 100.")
    pass_mark = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]

    def __str__(self):
        return f"Attempt {self.pk}: {self.score}%"


VERIFICATION_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# One character of a code as a regular expression, either case (URLs and the form).
VERIFICATION_CODE_CHARACTER = "[{}]".format(
    "".join(
        dict.fromkeys(VERIFICATION_CODE_ALPHABET + VERIFICATION_CODE_ALPHABET.lower())
    )
)


def new_verification_code() -> str:
    """Twelve characters people can read out: no 0/O or 1/I."""
    raw = "".join(secrets.choice(VERIFICATION_CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Completion(models.Model):
    """A module completed: the version it was earned on and the hours credited stay as
    they were, whatever later revisions do to the module."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.PROTECT, related_name="completions"
    )
    attempt = models.OneToOneField(
        Attempt, on_delete=models.PROTECT, related_name="completion"
    )
    module_title = models.CharField(max_length=255)
    version_major = models.PositiveSmallIntegerField()
    version_minor = models.PositiveSmallIntegerField()
    minutes = models.PositiveSmallIntegerField()
    completed_at = models.DateTimeField(auto_now_add=True)
    verification_code = models.CharField(
        max_length=14, unique=True, default=new_verification_code
    )

    class Meta:
        ordering = ["-completed_at", "-id"]

    def __str__(self):
        return f"{self.module_title} {self.version} ({self.verification_code})"

    @property
    def version(self) -> str:
        return f"{self.version_major}.{self.version_minor}"

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)


class GuidanceChangeFlag(models.Model):
    """Guidance a lesson cites got a major version after the module was published.
    Shown to the module's trainers until one of them marks it reviewed."""

    module = models.ForeignKey(
        ModulePage, on_delete=models.CASCADE, related_name="guidance_flags"
    )
    guidance_page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    guidance_title = models.CharField(max_length=255)
    version_number = models.CharField(max_length=20)
    compare_url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.guidance_title} {self.version_number} cited in {self.module_id}"
