"""Keep the thread page's cache honest (``forums.thread_cache``)."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.models import Force

from .generations import SUSPENSIONS, forget_every_thread, forget_threads
from .models import Category, CategoryRole, ForumSuspension, Post, Thread

# A sign-in writes only this; nothing a thread shows of a person.
SIGN_IN_FIELDS = frozenset({"last_login"})


@receiver(post_save, sender=Post)
@receiver(post_delete, sender=Post)
def _post_changed(sender, instance, **kwargs):
    forget_threads([instance.thread_id])


@receiver(post_save, sender=Thread)
@receiver(post_delete, sender=Thread)
def _thread_changed(sender, instance, **kwargs):
    forget_threads([instance.pk])


@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
@receiver(post_save, sender=CategoryRole)
@receiver(post_delete, sender=CategoryRole)
@receiver(post_save, sender=Force)
@receiver(post_delete, sender=Force)
def _shown_everywhere_changed(sender, **kwargs):
    forget_every_thread()


@receiver(post_save)
@receiver(post_delete)
def _person_changed(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, get_user_model()):
        return
    if update_fields is not None and set(update_fields) <= SIGN_IN_FIELDS:
        return
    forget_every_thread()


@receiver(post_save, sender=ForumSuspension)
@receiver(post_delete, sender=ForumSuspension)
def _suspension_changed(sender, **kwargs):
    SUSPENSIONS.advance()
