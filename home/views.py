from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from wagtail import hooks

from core.hooks import THEME_SECTIONS
from core.models import Theme


def theme_detail(request, slug):
    """A theme's landing page: what the theme covers, then one section per content app
    (guidance, training, forums). Each app registers a ``THEME_SECTIONS`` hook
    (core.hooks.ThemeSectionHook), so this app never imports another's internals."""
    theme = get_object_or_404(Theme, slug=slug)
    sections = [
        section
        for fn in hooks.get_hooks(THEME_SECTIONS)
        if (section := fn(request, theme)) is not None
    ]
    sections.sort(key=lambda section: section.get("order", 100))
    return TemplateResponse(
        request, "home/theme_detail.html", {"theme": theme, "sections": sections}
    )
