"""Forum categories, threads and posts.

Who may see what is decided in one place, forums.selectors; these models only hold data.
Posts keep their Markdown source (``body``) and the sanitised HTML it renders to
(``body_html``), so a page of posts never re-renders Markdown.
"""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.search import index

from accounts.models import JobRole

# Threads due to be removed within this many days say so.
EXPIRY_NOTICE_DAYS = 30
# How authors appear in an anonymous category, and former members anywhere.
ANONYMOUS_NAME = "An officer"
FORMER_MEMBER = "A former member"


def shown_name(author, category) -> str:
    """The author's name as readers see it: never the person in an anonymous
    category (moderators reveal it through an audited action)."""
    if category.is_anonymous:
        return ANONYMOUS_NAME
    return str(author) if author is not None else FORMER_MEMBER


class Category(ClusterableModel):
    """A place for threads. National when it has no force and no roles; private to one
    force when ``force`` is set; open only to some job roles when it has roles."""

    name = models.CharField(
        max_length=100, help_text="e.g. 'Suspect-focused investigations'"
    )
    slug = models.SlugField(
        max_length=100, unique=True, help_text="Used in the address, e.g. 'data'."
    )
    description = models.CharField(
        max_length=300,
        blank=True,
        help_text="One sentence, e.g. 'Share how you link reports across forces.'",
    )
    theme = models.ForeignKey(
        "core.Theme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_categories",
        help_text="The programme theme, e.g. 'Data'. Shown on that theme's page.",
    )
    force = models.ForeignKey(
        "accounts.Force",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="forum_categories",
        help_text="Leave empty for a national category; e.g. 'West Yorkshire' makes "
        "it private to that force's members.",
    )
    position = models.PositiveSmallIntegerField(default=0)
    is_anonymous = models.BooleanField(
        "anonymous posting",
        default=False,
        help_text="Posts show as 'an officer'; only moderators can reveal who wrote "
        "them, and each reveal is audited. E.g. tick for a wellbeing category.",
    )
    retention_days = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Remove threads this many days after their last post, e.g. 365. "
        "Leave empty to keep threads.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("theme"),
        FieldPanel("force"),
        InlinePanel("roles", label="Only for these job roles (none: everyone)"),
        InlinePanel(
            "moderators",
            label="Moderators scoped to this category (none: all moderators)",
        ),
        FieldPanel("is_anonymous"),
        FieldPanel("retention_days"),
        FieldPanel("position"),
    ]

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:category", args=[self.slug])

    @property
    def is_national(self) -> bool:
        return self.force_id is None


class CategoryRole(models.Model):
    """One job role that may use a role-restricted category."""

    category = ParentalKey(Category, on_delete=models.CASCADE, related_name="roles")
    job_role = models.CharField(max_length=40, choices=JobRole.choices)

    panels = [FieldPanel("job_role")]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["category", "job_role"], name="unique_category_role"
            )
        ]

    def __str__(self):
        return self.get_job_role_display()


class CategoryModerator(models.Model):
    """Scopes a moderator to categories: a member of the Moderators group with any of
    these rows moderates only those categories; with none, every category."""

    category = ParentalKey(
        Category, on_delete=models.CASCADE, related_name="moderators"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="moderated_categories",
    )

    panels = [FieldPanel("user")]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["category", "user"], name="unique_category_moderator"
            )
        ]

    def __str__(self):
        return f"{self.user} moderates {self.category}"


class Thread(index.Indexed, models.Model):
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="threads"
    )
    title = models.CharField(max_length=150)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_threads",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    last_post_at = models.DateTimeField(db_index=True)
    # Replies, not counting the opening post; kept by forums.services.
    reply_count = models.PositiveIntegerField(default=0)
    answer = models.ForeignKey(
        "Post",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_pinned = models.BooleanField(default=False)
    is_locked = models.BooleanField(default=False)
    hidden_at = models.DateTimeField(null=True, blank=True)
    # Held for a moderator's approval (a watched word): only the author and
    # moderators see it until then.
    held_at = models.DateTimeField(null=True, blank=True)

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.FilterField("id"),  # search: visibility as an id filter on engines
        index.FilterField("category_id"),
        index.FilterField("created_at"),
    ]

    class Meta:
        ordering = ["-is_pinned", "-last_post_at", "-id"]
        indexes = [models.Index(fields=["category", "last_post_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forums:thread", args=[self.pk])

    @property
    def shown_author(self) -> str:
        return shown_name(self.author, self.category)

    @property
    def expires_at(self):
        """When the retention command removes the thread (None: kept)."""
        days = self.category.retention_days
        if not days:
            return None
        return self.last_post_at + datetime.timedelta(days=days)

    @property
    def expires_soon(self) -> bool:
        expires_at = self.expires_at
        return expires_at is not None and expires_at <= timezone.now() + (
            datetime.timedelta(days=EXPIRY_NOTICE_DAYS)
        )

    @property
    def is_unread(self) -> bool:
        """Needs ``last_read_at`` from selectors.thread_list_with_activity."""
        last_read_at = getattr(self, "last_read_at", None)
        return last_read_at is None or self.last_post_at > last_read_at


class PostQuerySet(models.QuerySet):
    """Bulk writes to posts tell the thread page's cache which threads changed
    (``forums.thread_cache``), as saving or deleting one post does."""

    def update(self, **kwargs):
        from .generations import forget_threads

        threads = set(self.values_list("thread_id", flat=True))
        rows = super().update(**kwargs)
        forget_threads(threads)
        return rows

    def bulk_update(self, objs, fields, batch_size=None):
        from .generations import forget_threads

        objs = list(objs)
        rows = super().bulk_update(objs, fields, batch_size)
        forget_threads(post.thread_id for post in objs)
        return rows

    def bulk_create(self, objs, *args, **kwargs):
        from .generations import forget_threads

        created = super().bulk_create(objs, *args, **kwargs)
        forget_threads(post.thread_id for post in created)
        return created


class Post(index.Indexed, models.Model):
    """The opening post of a thread or a reply to it."""

    class HideReason(models.TextChoices):
        IDENTIFYING = "identifying", "It identifies a victim, witness or suspect"
        INAPPROPRIATE = "inappropriate", "It is offensive or inappropriate"
        UNSAFE = "unsafe", "It gives wrong or unsafe advice"
        OFF_TOPIC = "off_topic", "It is spam or off-topic"
        OTHER = "other", "Another reason (say why in the note)"

    # Indexed with the reading order below (thread, created_at, id), not on its own.
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="posts", db_index=False
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_posts",
    )
    body = models.TextField()
    body_html = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    # Why a moderator hid the post, shown to moderators on it (cleared by Unhide; the
    # audit log keeps every hide and unhide).
    hidden_reason = models.CharField(
        max_length=20, choices=HideReason.choices, blank=True
    )
    hidden_note = models.CharField(max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    held_at = models.DateTimeField(null=True, blank=True)
    helpful_count = models.PositiveIntegerField(default=0)
    # Set when identifying text was removed from the post and its history.
    redacted_at = models.DateTimeField(null=True, blank=True)
    redacted_by_moderator = models.BooleanField(default=False)

    objects = PostQuerySet.as_manager()

    search_fields = [
        index.SearchField("body"),
        index.FilterField("id"),  # search: visibility as an id filter on engines
        index.FilterField("thread_id"),
        index.FilterField("created_at"),
    ]

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            # A thread's posts in reading order: the thread page's page of posts and
            # a thread's opening post are read straight off it, however long the
            # thread (a 500-reply thread's last page included).
            models.Index(
                fields=["thread", "created_at", "id"], name="forums_post_reading_order"
            )
        ]

    def __str__(self):
        return f"Post {self.pk} in {self.thread_id}"

    def get_absolute_url(self):
        return reverse("forums:post", args=[self.pk])

    @property
    def shown_author(self) -> str:
        return shown_name(self.author, self.thread.category)

    @property
    def shown_force(self):
        """The author's force, unless the category is anonymous."""
        if self.thread.category.is_anonymous or self.author is None:
            return None
        return self.author.force


class PostRevision(models.Model):
    """The text a post had before an edit. Moderators read the history."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Revision of post {self.post_id} at {self.created_at:%Y-%m-%d %H:%M}"


class PostReaction(models.Model):
    class Kind(models.TextChoices):
        HELPFUL = "helpful", "Helpful"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.HELPFUL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "user", "kind"], name="unique_post_reaction"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on post {self.post_id}"


class ThreadRead(models.Model):
    """When a user last read a thread: drives unread markers and "first unread"."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reads")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "thread"], name="unique_thread_read"
            )
        ]

    def __str__(self):
        return f"{self.user_id} read {self.thread_id} at {self.read_at}"


class ModerationItem(models.Model):
    """What every item waiting for a moderator shares: when it arrived and who
    reviewed it, when."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]


class CaseSafetyFlag(ModerationItem):
    """A post saved although the case-safety checker found likely identifying details,
    because its author confirmed them. Moderators review these."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="case_safety_flags"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # [{"kind": "phone", "label": "Phone number", "text": "07700 900123",
    #   "field": "body"}, …]
    findings = models.JSONField(default=list)

    def __str__(self):
        return f"Case-safety flag on post {self.post_id}"


class PostReport(models.Model):
    """An officer's report of a post to the moderators, with a reason."""

    class Reason(models.TextChoices):
        IDENTIFYING = "identifying", "It identifies a victim, witness or suspect"
        INAPPROPRIATE = "inappropriate", "It is offensive or inappropriate"
        WRONG = "wrong", "It gives wrong or unsafe advice"
        OTHER = "other", "Something else"

    class Outcome(models.TextChoices):
        HIDDEN = "hidden", "Post hidden"
        DISMISSED = "dismissed", "No action needed"
        REDACTED = "redacted", "Text redacted by a moderator"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    details = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Report of post {self.post_id}: {self.get_reason_display()}"


class ForumSuspensionQuerySet(models.QuerySet):
    """A bulk change to suspensions (lifting them) is seen at once, as saving or
    deleting one is (``forums.receivers``): the kept answers are under
    ``forums.generations.SUSPENSIONS``."""

    def update(self, **kwargs):
        from .generations import SUSPENSIONS

        rows = super().update(**kwargs)
        SUSPENSIONS.advance()
        return rows


class ForumSuspension(models.Model):
    """A moderator stops a user posting until ``ends_at``; the user sees the reason."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="forum_suspensions",
    )
    reason = models.CharField(
        max_length=300, help_text="Shown to the user, e.g. 'Repeated case details.'"
    )
    ends_at = models.DateTimeField(db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lifted_at = models.DateTimeField(null=True, blank=True)

    objects = ForumSuspensionQuerySet.as_manager()

    class Meta:
        ordering = ["-ends_at", "-id"]

    def __str__(self):
        return f"{self.user} suspended until {self.ends_at:%Y-%m-%d %H:%M}"


class WatchedWord(models.Model):
    """A word or pattern moderators watch for: a post containing it is blocked (with
    a clear message), held for approval, or saved and flagged to the queue."""

    class Action(models.TextChoices):
        BLOCK = "block", "Block the post"
        HOLD = "hold", "Hold the post for approval"
        FLAG = "flag", "Post it and flag it to the queue"

    pattern = models.CharField(
        max_length=200,
        help_text="A word or phrase (whole words, any case), e.g. 'home address'; or a "
        "regular expression if ticked below.",
    )
    is_regex = models.BooleanField("regular expression", default=False)
    action = models.CharField(max_length=10, choices=Action.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["pattern"]

    def __str__(self):
        return self.pattern

    def compiled(self):
        import re

        source = self.pattern if self.is_regex else rf"\b{re.escape(self.pattern)}\b"
        return re.compile(source, re.IGNORECASE)


class WatchedWordFlag(ModerationItem):
    """A post that matched a hold or flag watched word, waiting for a moderator."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="watched_word_flags"
    )
    words = models.JSONField(default=list)
    action = models.CharField(max_length=10, choices=WatchedWord.Action.choices)

    def __str__(self):
        return f"Watched words on post {self.post_id}"
