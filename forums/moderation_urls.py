"""Mounted at /moderation/ (learning_network/urls.py): staff must enrol MFA first."""

from django.urls import path

from . import moderation_views as views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("posts/<int:pk>/history/", views.post_history, name="post_history"),
    path("posts/<int:pk>/reveal/", views.post_reveal, name="post_reveal"),
    path("posts/<int:pk>/hide/", views.post_hide, name="post_hide"),
    path("posts/<int:pk>/restore/", views.post_restore, name="post_restore"),
    path("reports/<int:pk>/dismiss/", views.report_dismiss, name="report_dismiss"),
    path("flags/<int:pk>/review/", views.flag_review, name="flag_review"),
    path("watched/<int:pk>/resolve/", views.watched_resolve, name="watched_resolve"),
    path("words/", views.watched_words, name="watched_words"),
    path(
        "words/<int:pk>/delete/", views.watched_word_delete, name="watched_word_delete"
    ),
    path("users/<int:pk>/suspend/", views.user_suspend, name="user_suspend"),
    path("threads/<int:pk>/move/", views.thread_move, name="thread_move"),
    path(
        "threads/<int:pk>/<slug:action>/",
        views.thread_moderate,
        name="thread_moderate",
    ),
]
