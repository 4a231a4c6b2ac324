from django.urls import path, register_converter

from . import views
from .models import VERIFICATION_CODE_CHARACTER


class VerificationCodeConverter:
    """Only the shape of a real code (``ABCD-EFGH-JKLM`` in the code alphabet, either
    case): anything else never reaches a query."""

    regex = "-".join([f"{VERIFICATION_CODE_CHARACTER}{{4}}"] * 3)

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value: str) -> str:
        return value


register_converter(VerificationCodeConverter, "verification_code")

app_name = "training"

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("record.csv", views.record_csv, name="record_csv"),
    path(
        "certificates/<verification_code:code>/", views.certificate, name="certificate"
    ),
    path("verify/", views.verify, name="verify"),
    path("verify/<verification_code:code>/", views.verify_code, name="verify_code"),
    path("reports/", views.report_index, name="report_index"),
    path("reports/<int:module_id>/", views.report_detail, name="report_detail"),
    path("reports/<int:module_id>.csv", views.report_csv, name="report_csv"),
]
