from django.apps import AppConfig

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"
    default = True

    def ready(self):
        from . import receivers  # noqa: F401  (audit of sign-in events)


class NetworkUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with the network's user forms (display name, force, role)."""

    user_viewset = "accounts.viewsets.UserViewSet"
