from django.contrib.contenttypes.models import ContentType
from django.db import models


class PendingIndexUpdate(models.Model):
    """An index write the search backend refused (it was down). The content itself was
    saved; `manage.py search_catch_up` (also a django-tasks task) replays these."""

    INDEX = "index"
    DELETE = "delete"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    action = models.CharField(
        max_length=10, choices=[(INDEX, "index"), (DELETE, "delete")]
    )
    attempts = models.PositiveIntegerField(default=1)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="unique_pending_index"
            )
        ]

    def __str__(self):
        return f"{self.action} {self.content_type.model} {self.object_id}"


class QueryStat(models.Model):
    """How often a query was searched on a day and how often it found nothing.
    Written in batches from the cache by `manage.py search_flush_stats`, never per
    request."""

    query_string = models.CharField(max_length=200)
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)
    zero_result_hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "date"], name="unique_query_stat_day"
            )
        ]
        indexes = [models.Index(fields=["date"])]
        permissions = [("view_search_report", "Can see the search query report")]

    def __str__(self):
        return f"{self.date} {self.query_string} ×{self.hits}"


class VocabularyWord(models.Model):
    """A word of the site's editorial content (guidance and training pages), kept for
    spelling corrections: "disclosre" finds "disclosure" even where it is in no
    title. Recorded when a page is indexed (search.vocabulary); words are only ever
    offered when they find something the user may see, so a word whose page has
    gone does no harm. Forum posts are not recorded (their text can carry personal
    details that are later redacted)."""

    word = models.CharField(max_length=40, primary_key=True)

    def __str__(self):
        return self.word
