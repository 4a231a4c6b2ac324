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


def test_a_person_an_administrator_adds_sets_a_password_and_signs_in(
    client, administrator
):
    """The admin's new-user form asks for no password: the person uses "Forgotten
    your password?" with their e-mail, confirms the address when first signing in
    (allauth creates its EmailAddress row then), and is signed in."""
    import re

    from allauth.account.models import EmailAddress

    from django.core import mail

    from accounts.models import Force, User

    client.force_login(administrator)
    form = client.get("/admin/users/new/").context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {
            "email": "dc.new@avon-and-somerset.police.uk",
            "display_name": "DC New",
            "force": Force.objects.get(slug="avon-and-somerset").pk,
            "job_role": "investigator",
            "is_active": "on",
            "groups": [],
        }
    )
    response = client.post("/admin/users/new/", data)
    assert response.status_code == 302, response.context["form"].errors
    person = User.objects.get(email="dc.new@avon-and-somerset.police.uk")
    client.logout()

    def last_link(pattern):
        return re.search(pattern, mail.outbox[-1].body).group(0).split("testserver")[-1]

    client.post("/accounts/password/reset/", {"email": person.email})
    response = client.get(last_link(r"http\S+/accounts/password/reset/key/\S+"))
    form_path = response.get("Location", "") or response.request["PATH_INFO"]
    new_password = "a-long-first-passphrase-42"
    response = client.post(
        form_path, {"password1": new_password, "password2": new_password}
    )
    assert response.status_code == 302

    # The first sign-in asks them to confirm the address (allauth adds it then).
    client.post("/accounts/login/", {"login": person.email, "password": new_password})
    assert "_auth_user_id" not in client.session
    client.post(last_link(r"http\S+/accounts/confirm-email/\S+"))
    client.post("/accounts/login/", {"login": person.email, "password": new_password})
    assert client.session["_auth_user_id"] == str(person.pk)
    assert EmailAddress.objects.filter(user=person, verified=True).exists()
