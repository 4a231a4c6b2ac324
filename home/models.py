from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from core.blocks import BaseStreamBlock
from core.models import BasePage, Theme


class HomePage(BasePage):
    """The network's front page: what it is for and the way into the six themes."""

    intro = models.TextField(
        help_text="One or two sentences under the title, e.g. 'Guidance, training and "
        "peer support for officers who investigate rape and serious sexual offences.'"
    )
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    # The home page sits directly under the tree's root, once.
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = Theme.objects.all()
        return context
