"""Wagtail's publishing signals, handed to guidance services.

Signals are the one place every publishing path meets (editor, workflow approval,
``publish_scheduled``, revert, code); the receivers only pass them on."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageLogEntry
from wagtail.signals import page_published, page_unpublished

from . import fragments
from .models import GuidancePage
from .services import (
    guidance_version_attribute,
    guidance_version_record,
    guidance_version_withdraw,
)


@receiver(page_published, sender=GuidancePage)
def record_version(sender, instance, revision, **kwargs):
    # Wagtail also sends page_published when it schedules a page that is not live yet.
    if instance.live and instance.live_revision_id == revision.pk:
        guidance_version_record(page=instance, revision=revision)


@receiver(page_unpublished, sender=GuidancePage)
def withdraw_version(sender, instance, **kwargs):
    guidance_version_withdraw(page=instance)


@receiver(post_save, sender=PageLogEntry)
def attribute_version(sender, instance, created, **kwargs):
    # Wagtail logs who published right after page_published; name them on the version.
    if created and instance.action == "wagtail.publish" and instance.user_id:
        guidance_version_attribute(revision_id=instance.revision_id, user=instance.user)


def _library_models():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from core.models import Theme

    from .models import Audience, GuidanceVersion

    return (
        Page,
        GuidanceVersion,
        Theme,
        Audience,
        get_document_model(),
        get_image_model(),
    )


@receiver(post_save)
@receiver(post_delete)
def forget_rendered_guidance(sender, instance, **kwargs):
    """A page, version, document, image, theme or audience changed: rendered guidance
    bodies are rendered again (guidance.fragments)."""
    if isinstance(instance, _library_models()):
        fragments.forget_rendered_pages()
