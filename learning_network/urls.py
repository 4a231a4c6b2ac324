from allauth.account.views import SignupView

from django.conf import settings
from django.db import transaction
from django.urls import include, path, re_path
from django.views.static import serve as serve_static

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as accounts_views
from core import views as core_views
from core.serve import serve_page
from home import views as home_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("accessibility/", core_views.accessibility_statement, name="accessibility"),
    # Every sign-in goes through allauth (rate limits, then the authenticator code).
    path("admin/login/", accounts_views.sign_in_through_allauth),
    path("_util/login/", accounts_views.sign_in_through_allauth),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Sign-up saves the user, its e-mail address and its role in one transaction.
    path(
        "accounts/signup/",
        transaction.atomic(SignupView.as_view()),
        name="account_signup",
    ),
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("accounts.urls")),
    path("themes/<slug:slug>/", home_views.theme_detail, name="theme_detail"),
    path("", include("guidance.urls")),
    path("search/", include("search.urls")),
    path("notifications/", include("core.urls")),
    path("audit/", include("core.audit_urls")),
    path("learning/", include("training.urls")),
    path("forums/", include("forums.urls")),
    path("moderation/", include("forums.moderation_urls")),
    path("assessments/", include("assessments.urls")),
]

if settings.DEBUG:
    # Only image files in development: documents and self-assessment evidence are
    # always served through their own permission-checked views, never by file name.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:images|original_images)/.*)$",
            serve_static,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

# Wagtail's own utility URLs, then every page through the sign-in-aware page view.
urlpatterns += [
    *wagtail_urls.urlpatterns[:-1],
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
]
