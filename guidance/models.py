"""Guidance pages and the published versions readers see.

A GuidanceVersion is written each time a guidance page goes live (see
``services.guidance_version_record``): number, date, who signed it off, the change note
and the Wagtail revision it shows. Old versions are rendered from that revision, so the
reader sees exactly what was published.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as route
from wagtail.contrib.routable_page.models import re_path as re_route
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.models import BasePage

from .blocks import GuidanceStreamBlock
from .forms import GuidancePageForm

REVIEW_DUE_SOON_DAYS = 30


class ProtectiveMarking(models.TextChoices):
    OFFICIAL = "OFFICIAL", "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"


class Audience(models.Model):
    """Who a piece of guidance is written for. Loaded by migration 0002."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class GuidanceIndexPage(BasePage):
    """The guidance library: browse by theme, audience and A–Z, with counts."""

    intro = models.TextField(
        blank=True,
        help_text="e.g. 'Specialist guidance, reviewed and signed off by the network.'",
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    # One library, directly under the home page, holding only guidance.
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guidance.GuidancePage"]
    max_count = 1

    def serve(self, request, *args, **kwargs):
        from .views import guidance_index

        return guidance_index(request, self)


class GuidancePage(RoutablePageMixin, BasePage):
    """One piece of specialist guidance. Readers only ever see published versions."""

    summary = models.TextField(
        help_text="Two or three sentences, e.g. 'How to plan the first 48 hours of a "
        "RASSO investigation around the suspect.'"
    )
    themes = ParentalManyToManyField(
        "core.Theme", related_name="guidance_pages", blank=False
    )
    audiences = ParentalManyToManyField(
        Audience, related_name="guidance_pages", blank=True
    )
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="guidance owner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_guidance",
        help_text="Who keeps it up to date and gets review reminders, e.g. the "
        "national lead for digital forensics",
    )
    review_by = models.DateField(
        help_text="When it must next be reviewed, e.g. 12 months after publishing"
    )
    protective_marking = models.CharField(
        max_length=20,
        choices=ProtectiveMarking.choices,
        default=ProtectiveMarking.OFFICIAL,
        help_text="OFFICIAL unless it must not leave policing, e.g. tactics",
    )
    body = StreamField(GuidanceStreamBlock(), use_json_field=True)
    change_is_major = models.BooleanField(
        "this is a major change",
        default=False,
        help_text="Major changes notify everyone following this guidance or its "
        "themes, e.g. a new legal duty. Minor changes (e.g. a typo) notify nobody.",
    )
    change_note = models.TextField(
        blank=True,
        help_text="Required to publish: what changed and why, e.g. 'Added the new "
        "disclosure duty under the Victims and Prisoners Act 2024.'",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Themes and audiences",
        ),
        MultipleChooserPanel(
            "related_links",
            chooser_field_name="target",
            heading="Related guidance",
            label="Related guidance",
            help_text="Other guidance a reader of this page should know, in the "
            "order to show it, e.g. the disclosure guidance from a page on phones",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("content_owner"), FieldPanel("review_by")]),
                FieldPanel("protective_marking"),
            ],
            heading="Ownership and marking",
        ),
        MultiFieldPanel(
            [FieldPanel("change_is_major"), FieldPanel("change_note")],
            heading="This version",
        ),
    ]
    base_form_class = GuidancePageForm

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("is_public"),
        index.RelatedFields("themes", [index.FilterField("slug")]),
    ]

    # Guidance lives in the library and has no children.
    parent_page_types = ["guidance.GuidanceIndexPage"]
    subpage_types = []

    @cached_property
    def current_version(self):
        """The latest published version still standing, or None."""
        if self.pk is None:
            return None
        return (
            self.versions.filter(withdrawn_at__isnull=True)
            .select_related("signed_off_by")
            .order_by("-published_at", "-id")
            .first()
        )

    @property
    def review_overdue(self) -> bool:
        return self.review_by < timezone.localdate()

    def contents(self):
        """Section headings (h2) for the on-page contents list."""
        return [
            {"text": b.value["text"], "anchor": slugify(b.value["text"])}
            for b in self.body
            if b.block_type == "heading" and b.value["level"] == "h2"
        ]

    # Routes: each delegates to a view that only parses input (guidance/views.py).
    @route("")
    def current(self, request):
        from .views import guidance_detail

        return guidance_detail(request, self)

    @route("versions/")
    def history(self, request):
        from .views import guidance_history

        return guidance_history(request, self)

    # "versions/3-1/": Wagtail's page URLs allow no dots in a path segment.
    @re_route(r"^versions/(?P<major>\d+)-(?P<minor>\d+)/$")
    def version(self, request, major, minor):
        from .views import guidance_version_detail

        return guidance_version_detail(request, self, f"{int(major)}.{int(minor)}")

    @route("compare/")
    def compare(self, request):
        from .views import guidance_compare

        return guidance_compare(request, self)

    @route("as-it-stood-on/")
    def as_it_stood_on(self, request):
        from .views import guidance_as_it_stood_on

        return guidance_as_it_stood_on(request, self)

    @route("follow/")
    def follow(self, request):
        from .views import guidance_follow

        return guidance_follow(request, self)

    @route("feedback/")
    def feedback(self, request):
        from .views import guidance_feedback

        return guidance_feedback(request, self)


class RelatedGuidance(Orderable):
    """A page an editor links from a guidance page, in the order they chose. Part of the
    page's revisions, so an earlier version shows the links it had."""

    page = ParentalKey(
        "guidance.GuidancePage", on_delete=models.CASCADE, related_name="related_links"
    )
    target = models.ForeignKey(
        "guidance.GuidancePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="guidance",
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = "related guidance"
        verbose_name_plural = "related guidance"

    def __str__(self):
        return f"{self.page_id} → {self.target_id}"


class GuidanceVersion(models.Model):
    """A published version as readers see it. Written by services only."""

    page = models.ForeignKey(
        GuidancePage, on_delete=models.CASCADE, related_name="versions"
    )
    major = models.PositiveSmallIntegerField()
    minor = models.PositiveSmallIntegerField()
    is_major = models.BooleanField()
    change_note = models.TextField(blank=True)
    published_at = models.DateTimeField(db_index=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(
        null=True, blank=True, help_text="When the page was unpublished, if it was."
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "major", "minor"], name="unique_guidance_version"
            )
        ]

    def __str__(self):
        return f"{self.page.title} version {self.number}"

    @property
    def number(self) -> str:
        return f"{self.major}.{self.minor}"

    def get_url(self) -> str:
        return self.page.url + self.page.reverse_subpage(
            "version", kwargs={"major": self.major, "minor": self.minor}
        )

    def previous(self):
        return (
            GuidanceVersion.objects.filter(page_id=self.page_id)
            .filter(
                models.Q(published_at__lt=self.published_at)
                | models.Q(published_at=self.published_at, id__lt=self.id)
            )
            .order_by("-published_at", "-id")
            .first()
        )

    def compare_url(self, previous=None) -> str:
        """The compare view between the version before this one and this one; for the
        first version, the version's own page."""
        previous = previous or self.previous()
        if previous is None:
            return self.get_url()
        base = self.page.url + self.page.reverse_subpage("compare")
        return f"{base}?from={previous.number}&to={self.number}"


class GuidanceFeedback(models.Model):
    """One answer to "Was this page useful?"; editors read them as a report."""

    page = models.ForeignKey(
        GuidancePage, on_delete=models.CASCADE, related_name="feedback_entries"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    useful = models.BooleanField()
    comment = models.TextField(blank=True, max_length=2000)
    version_number = models.CharField(max_length=12, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{'Useful' if self.useful else 'Not useful'}: {self.page_id}"


class GuidanceSuggestion(models.Model):
    """Something peers worked out in the forums, sent to a guidance page's owner as a
    suggestion for the next version. Linked by URL so guidance never reads forum
    internals; shown on the editors' dashboard until someone marks it dealt with."""

    page = models.ForeignKey(
        GuidancePage, on_delete=models.CASCADE, related_name="suggestions"
    )
    title = models.CharField(max_length=255)
    source_url = models.CharField(max_length=500)
    note = models.TextField(blank=True)
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.title} → {self.page}"
