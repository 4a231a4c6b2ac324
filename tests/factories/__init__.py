from .accounts import UserFactory, make_user

__all__ = ["UserFactory", "make_user"]
