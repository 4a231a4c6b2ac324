from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .admin_forms import NetworkUserCreationForm, NetworkUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return NetworkUserEditForm if for_update else NetworkUserCreationForm
