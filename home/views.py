from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from core.models import Theme


def theme_detail(request, slug):
    """A theme's landing page: what the theme covers and, as the content apps arrive,
    the guidance, modules and forum categories tagged with it."""
    theme = get_object_or_404(Theme, slug=slug)
    return TemplateResponse(request, "home/theme_detail.html", {"theme": theme})
