from django.urls import path

from .views import assessment, dashboard, exports, national, overview, plan

app_name = "assessments"

urlpatterns = [
    path("", overview.index, name="index"),
    path("open/", overview.assessment_open, name="assessment_open"),
    path("framework/", overview.framework, name="framework"),
    path("framework/<int:edition_pk>/", overview.framework, name="framework_edition"),
    path("national/", national.national, name="national"),
    path("national.csv", exports.national_csv, name="national_csv"),
    path("<int:pk>/", assessment.assessment_detail, name="assessment_detail"),
    path(
        "<int:pk>/statements/<int:statement_pk>/",
        assessment.response_edit,
        name="response_edit",
    ),
    path(
        "<int:pk>/evidence/<int:evidence_pk>/",
        assessment.evidence_download,
        name="evidence_download",
    ),
    path(
        "<int:pk>/evidence/<int:evidence_pk>/delete/",
        assessment.evidence_delete,
        name="evidence_delete",
    ),
    path("<int:pk>/members/", assessment.members, name="members"),
    path(
        "<int:pk>/members/<int:user_pk>/remove/",
        assessment.member_remove,
        name="member_remove",
    ),
    path("<int:pk>/sharing/", assessment.sharing, name="sharing"),
    path("<int:pk>/assign/", assessment.assign, name="assign"),
    path("<int:pk>/sign-off/", assessment.sign_off, name="sign_off"),
    path("<int:pk>/plan/", plan.plan, name="plan"),
    path(
        "<int:pk>/plan/gaps/<int:statement_pk>/new-action/",
        plan.action_create,
        name="action_create",
    ),
    path(
        "<int:pk>/plan/actions/<int:action_pk>/",
        plan.action_detail,
        name="action_detail",
    ),
    path(
        "<int:pk>/plan/actions/<int:action_pk>/edit/",
        plan.action_edit,
        name="action_edit",
    ),
    path("<int:pk>/dashboard/", dashboard.dashboard, name="dashboard"),
    path("<int:pk>/assessment.csv", exports.assessment_csv, name="assessment_csv"),
    path("<int:pk>/plan.csv", exports.plan_csv, name="plan_csv"),
]
