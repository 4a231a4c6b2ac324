"""Guidance pages for tests: created under the library (migration 0002) and published
through Wagtail's own revision.publish(), so versions are recorded as in real use. A
``user`` publishes as the workflow's last approval does (guidance/workflows.py): no
guidance group holds the publish permission."""

import datetime

from django.utils import timezone

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from core.models import Theme
from guidance.models import Audience, GuidanceIndexPage, GuidancePage


def guidance_index() -> GuidanceIndexPage:
    return GuidanceIndexPage.objects.get(slug="guidance")


def body(*paragraphs: str) -> list[dict]:
    blocks = [{"type": "heading", "value": {"text": "What to do", "level": "h2"}}]
    blocks += [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]
    return blocks


def make_guidance(
    *,
    title: str = "Planning the first 48 hours",
    themes=("suspect-focused-investigations",),
    audiences=("investigators",),
    paragraphs=("Secure the first account and identify the suspect early.",),
    publish: bool = True,
    change_note: str = "First published.",
    user=None,
    review_by: datetime.date | None = None,
    **fields,
) -> GuidancePage:
    page = GuidancePage(
        title=title,
        summary=fields.pop("summary", f"How to approach {title.lower()}."),
        body=body(*paragraphs),
        review_by=review_by or timezone.localdate() + datetime.timedelta(days=365),
        change_note=change_note,
        change_is_major=True,
        live=False,
        **fields,
    )
    page.themes = list(Theme.objects.filter(slug__in=themes))
    page.audiences = list(Audience.objects.filter(slug__in=audiences))
    guidance_index().add_child(instance=page)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish(user=user, skip_permission_checks=True)
    return GuidancePage.objects.get(pk=page.pk)


def publish_version(
    page: GuidancePage,
    *,
    major: bool,
    note: str,
    user=None,
    paragraphs=None,
    **changes,
) -> GuidancePage:
    """Edit the latest draft, save a revision and publish it; returns the live page."""
    draft = page.get_latest_revision_as_object()
    draft.change_is_major = major
    draft.change_note = note
    if paragraphs is not None:
        draft.body = body(*paragraphs)
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    return GuidancePage.objects.get(pk=page.pk)


def edit_data(page, *, paragraph, note="Rewritten for the new CPS guidance.", **extra):
    """The admin edit form's fields for ``page`` with a new paragraph; add
    ``**{"action-publish": "1"}`` or ``**{"action-submit": "1"}`` for the button."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([("paragraph", rich_text(f"<p>{paragraph}</p>"))]),
        "review_by": page.review_by.isoformat(),
        "protective_marking": page.protective_marking,
        "change_is_major": "on",
        "change_note": note,
        "comments": inline_formset([]),
        "related_links": inline_formset([]),
    }
    data.update(extra)
    data = nested_form_data(data)
    data["themes"] = [t.pk for t in page.themes.all()]
    return data
