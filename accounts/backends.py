"""Permissions read from the cache: a page's header asks what the reader may do on
every request, which costs Django's ModelBackend two queries each time."""

from django.contrib.auth.backends import ModelBackend

from . import roles


class CachedPermissionsBackend(ModelBackend):
    """Answers permission questions only (signing in is left to the backends after
    it): the user's and their groups' permissions, kept in the cache until a role or
    permission changes (``roles.forget_roles``)."""

    def authenticate(self, request, **credentials):
        return None

    def _get_permissions(self, user_obj, obj, from_name):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        return roles.cached_for(
            user_obj,
            f"perms-{from_name}",
            lambda: super(CachedPermissionsBackend, self)._get_permissions(
                user_obj, obj, from_name
            ),
        )
