import pytest

from tests.factories import make_user
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator():
    admin = make_user(email="admin@college.police.uk", groups=["Administrators"])
    enrol_totp(admin)
    return admin


def test_an_administrator_deactivates_a_user_in_the_admin_and_they_cannot_sign_in(
    client, administrator, officer, password
):
    client.force_login(administrator)
    edit_url = f"/admin/users/edit/{officer.pk}/"
    page = client.get(edit_url)
    assert page.status_code == 200
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"is_active": "", "groups": [g.pk for g in officer.groups.all()]})
    data.pop("password1", None)
    data.pop("password2", None)

    response = client.post(edit_url, data)

    assert response.status_code == 302, response.context["form"].errors
    officer.refresh_from_db()
    assert not officer.is_active
    client.logout()
    client.post("/accounts/login/", {"login": officer.email, "password": password})
    assert "_auth_user_id" not in client.session


def test_the_admin_user_forms_ask_for_display_name_force_and_job_role(
    client, administrator, officer
):
    client.force_login(administrator)

    for url in ("/admin/users/new/", f"/admin/users/edit/{officer.pk}/"):
        response = client.get(url)

        assert response.status_code == 200
        fields = response.context["form"].fields
        assert {"display_name", "force", "job_role"} <= set(fields)
        assert not {"first_name", "last_name", "password1"} & set(fields)
