from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("record.csv", views.record_csv, name="record_csv"),
    path("certificates/<str:code>/", views.certificate, name="certificate"),
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
    path("reports/", views.report_index, name="report_index"),
    path("reports/<int:module_id>/", views.report_detail, name="report_detail"),
    path("reports/<int:module_id>.csv", views.report_csv, name="report_csv"),
]
