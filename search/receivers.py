"""What moves the search page's cache generations on (search.generations)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from accounts.models import Force
from core.models import Theme

from .generations import CHOICES, PROMOTIONS


@receiver(post_save, sender=Theme)
@receiver(post_delete, sender=Theme)
@receiver(post_save, sender=Force)
@receiver(post_delete, sender=Force)
def _filter_choices_changed(sender, **kwargs):
    CHOICES.advance()


@receiver(post_save, sender=SearchPromotion)
@receiver(post_delete, sender=SearchPromotion)
@receiver(post_save, sender=Query)
@receiver(post_delete, sender=Query)
def _promotions_changed(sender, **kwargs):
    PROMOTIONS.advance()
