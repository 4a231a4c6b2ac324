from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("", views.index, name="index"),
    path("open/", views.assessment_open, name="assessment_open"),
    path("framework/", views.framework, name="framework"),
    path("framework/<int:edition_pk>/", views.framework, name="framework_edition"),
    path("national/", views.national, name="national"),
    path("national.csv", views.national_csv, name="national_csv"),
    path("<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path(
        "<int:pk>/statements/<int:statement_pk>/",
        views.response_edit,
        name="response_edit",
    ),
    path(
        "<int:pk>/evidence/<int:evidence_pk>/",
        views.evidence_download,
        name="evidence_download",
    ),
    path(
        "<int:pk>/evidence/<int:evidence_pk>/delete/",
        views.evidence_delete,
        name="evidence_delete",
    ),
    path("<int:pk>/members/", views.members, name="members"),
    path(
        "<int:pk>/members/<int:user_pk>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path("<int:pk>/sharing/", views.sharing, name="sharing"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("<int:pk>/sign-off/", views.sign_off, name="sign_off"),
    path("<int:pk>/plan/", views.plan, name="plan"),
    path(
        "<int:pk>/plan/gaps/<int:statement_pk>/new-action/",
        views.action_create,
        name="action_create",
    ),
    path(
        "<int:pk>/plan/actions/<int:action_pk>/",
        views.action_detail,
        name="action_detail",
    ),
    path(
        "<int:pk>/plan/actions/<int:action_pk>/edit/",
        views.action_edit,
        name="action_edit",
    ),
    path("<int:pk>/dashboard/", views.dashboard, name="dashboard"),
    path("<int:pk>/assessment.csv", views.assessment_csv, name="assessment_csv"),
    path("<int:pk>/plan.csv", views.plan_csv, name="plan_csv"),
]
