from .models import Theme


def site_navigation(request):
    """The six themes for the header navigation (one small query per page)."""
    return {"nav_themes": Theme.objects.only("slug", "name")}
