"""Keep cached unread counts, routes, themes and follows honest (see ``core.unread``,
``core.serve``, ``core.follows``)."""

from functools import cache as memoise

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail import hooks
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from . import serve, unread
from .context_processors import THEMES
from .follows import forget_follows
from .hooks import VISIBILITY_INPUTS
from .models import Follow, Theme


@memoise
def _visibility_inputs() -> tuple[type, ...]:
    models = []
    for hook in hooks.get_hooks(VISIBILITY_INPUTS):
        models.extend(hook())
    return tuple(models)


@receiver(post_save)
@receiver(post_delete)
def _row_changed(sender, instance, **kwargs):
    if isinstance(instance, get_user_model()):
        unread.forget_counts([instance.pk])
    elif isinstance(instance, _visibility_inputs()):
        unread.forget_every_count()


@receiver(m2m_changed)
def _membership_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    user_model = get_user_model()
    if sender is user_model.groups.through:
        if not reverse:
            unread.forget_counts([instance.pk])
        elif pk_set:
            unread.forget_counts(pk_set)
        else:
            unread.forget_every_count()
    elif isinstance(instance, _visibility_inputs()):
        unread.forget_every_count()


@receiver(post_save, sender=Follow)
@receiver(post_delete, sender=Follow)
def _follow_changed(sender, instance, **kwargs):
    """The follower's follow buttons (``core.follows``): a follow saved or deleted,
    one at a time or with its user, its content type or a queryset's ``delete()``
    (which sends this for each row, because this receiver is connected)."""
    forget_follows([instance.user_id])


@receiver(post_save, sender=Theme)
@receiver(post_delete, sender=Theme)
def _theme_changed(sender, **kwargs):
    """The themes in every page's navigation (``core.context_processors``)."""
    THEMES.advance()


@receiver(post_save)
@receiver(post_delete)
def _page_tree_changed(sender, instance, **kwargs):
    """A page saved (published, unpublished, moved, a draft saved), deleted, or a
    site or privacy setting changed: pages are routed afresh (``core.serve``)."""
    if isinstance(instance, Page | Site | PageViewRestriction):
        serve.forget_page_tree()


@receiver(post_page_move)
def _page_moved(sender, **kwargs):
    serve.forget_page_tree()
