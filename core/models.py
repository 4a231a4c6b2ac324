from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models

from wagtail.models import Page, PageViewRestriction


class Theme(models.Model):
    """One of the programme's six themes: the taxonomy every content type is tagged with.

    Loaded by migration 0002; administrators edit names and summaries as snippets.
    """

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=80, unique=True)
    summary = models.TextField(
        help_text="One or two sentences, e.g. 'Investigating the suspect's behaviour…'"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses bulk changes and deletes of an AppendOnlyModel's rows."""

    def update(self, **kwargs):
        raise PermissionDenied(self.model.append_only_message)

    def delete(self):
        raise PermissionDenied(self.model.append_only_message)


class AppendOnlyModel(models.Model):
    """For records that are written once and never changed or deleted (the audit log,
    knowledge-check attempts): the one guard, on each row and on its queryset.
    Subclasses set the refusal message."""

    append_only_message = "These records are append-only."

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied(self.append_only_message)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(self.append_only_message)


class AuditEvent(AppendOnlyModel):
    """One sensitive action. Append-only: rows are never changed or deleted."""

    append_only_message = "The audit log is append-only."

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_email = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=60, db_index=True)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=255, blank=True)
    details = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_email} {self.action}"


class BasePage(Page):
    """What every page of the site shares: whether it may be read without signing in."""

    is_public = models.BooleanField(
        "public page",
        default=False,
        help_text="Anyone may read a public page without signing in. Leave unticked for "
        "anything operational, e.g. tick it only for 'About the network'.",
    )

    settings_panels = Page.settings_panels + ["is_public"]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's, except on a page the site's router took from its cache
        (``core.serve``): then the restrictions read with it, with no query."""
        known = getattr(self, "_view_restrictions", None)
        if known is None:
            return super().get_view_restrictions()
        if not known:
            return PageViewRestriction.objects.none()
        restrictions = PageViewRestriction.objects.filter(pk__in=[r.pk for r in known])
        restrictions._result_cache = known
        restrictions._prefetch_done = True
        return restrictions


class FollowQuerySet(models.QuerySet):
    """Bulk writes to follows tell the cache whose follows changed
    (``core.follows``), as saving or deleting one follow does (a queryset's
    ``delete()`` sends ``post_delete`` for each row: ``core.receivers``)."""

    def update(self, **kwargs):
        """(``bulk_update`` comes through here too.) Whose follows they were, and
        whose they are after: an update may hand a follow to someone else."""
        from .follows import forget_follows

        rows = dict(self.values_list("pk", "user_id"))
        updated = super().update(**kwargs)
        owners = Follow.objects.filter(pk__in=rows).values_list("user_id", flat=True)
        forget_follows({*rows.values(), *owners})
        return updated

    def bulk_create(self, objs, *args, **kwargs):
        from .follows import forget_follows

        created = super().bulk_create(objs, *args, **kwargs)
        forget_follows(follow.user_id for follow in created)
        return created


class Follow(models.Model):
    """A user following something: a guidance page, a theme, a module, a thread or a
    category. Whoever creates notifications reads followers through core.selectors."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="unique_follow"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.user} follows {self.content_type.model} {self.object_id}"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One thing that happened that a user should know about. E-mail (immediate or in a
    daily digest) is a delivery of a notification, sent by a background task."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verb = models.CharField(
        max_length=60, help_text="What happened, e.g. 'published a major version'."
    )
    summary = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE
    )
    object_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    count = models.PositiveIntegerField(
        default=1,
        help_text="How many times it happened before the recipient read it (replies "
        "to a followed thread collapse into one notification).",
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.summary

    @property
    def shown_summary(self) -> str:
        if self.count > 1:
            return f"{self.summary} (and {self.count - 1} more)"
        return self.summary
