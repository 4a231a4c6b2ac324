from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("site_search.view_search_report")


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        "Search queries", reverse("search:report"), icon_name="search", order=900
    )
