from django.urls import path

from . import views

app_name = "forums"

urlpatterns = [
    path("", views.forum_index, name="index"),
    path("categories/<slug:slug>/", views.category_detail, name="category"),
    path("categories/<slug:slug>/new/", views.thread_create, name="thread_create"),
    path(
        "categories/<slug:slug>/follow/", views.category_follow, name="category_follow"
    ),
    path("threads/<int:pk>/", views.thread_detail, name="thread"),
    path("threads/<int:pk>/unread/", views.thread_first_unread, name="thread_unread"),
    path("threads/<int:pk>/reply/", views.post_create, name="post_create"),
    path("threads/<int:pk>/follow/", views.thread_follow, name="thread_follow"),
    path("threads/<int:pk>/answer/", views.thread_answer, name="thread_answer"),
    path(
        "threads/<int:pk>/suggest-guidance/",
        views.thread_suggest_guidance,
        name="thread_suggest_guidance",
    ),
    path("posts/<int:pk>/", views.post_detail, name="post"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<int:pk>/helpful/", views.post_helpful, name="post_helpful"),
    path("posts/<int:pk>/report/", views.post_report, name="post_report"),
    path("posts/<int:pk>/redact/", views.post_redact, name="post_redact"),
]
