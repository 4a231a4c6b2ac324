from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete/", views.autocomplete, name="autocomplete"),
    path("suggest/", views.suggest, name="suggest"),
    path("report/", views.report, name="report"),
]
