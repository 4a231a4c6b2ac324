"""Django URLs of the guidance app; page views are RoutablePageMixin routes."""

from django.urls import path

from . import views

urlpatterns = [
    path("themes/<slug:slug>/follow/", views.theme_follow, name="theme_follow"),
]
