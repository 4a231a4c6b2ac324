import pytest
from allauth.account.models import EmailAddress

from django.core import mail

from accounts.domains import domain_not_allowed_message
from accounts.models import Force, User
from tests.helpers import link_in_last_email

PASSWORD = "a-long-unusual-passphrase-77"


def signup_data(**overrides):
    data = {
        "display_name": "DC Robin Hale",
        "email": "robin.hale@avon-and-somerset.police.uk",
        "force": Force.objects.get(slug="avon-and-somerset").pk,
        "job_role": "investigator",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_sign_up_verify_then_sign_in_reaches_the_home_page(client):
    response = client.post("/accounts/signup/", signup_data())

    assert response.status_code == 302
    user = User.objects.get(email="robin.hale@avon-and-somerset.police.uk")
    assert user.display_name == "DC Robin Hale"
    assert user.force.slug == "avon-and-somerset"
    assert user.job_role == "investigator"
    assert list(user.groups.values_list("name", flat=True)) == ["Officers"]
    assert len(mail.outbox) == 1
    assert not EmailAddress.objects.get(user=user).verified

    response = client.post(
        "/accounts/login/", {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"

    confirm_url = link_in_last_email(r"https?://[^\s]+/accounts/confirm-email/[^\s]+")
    path = confirm_url.split("testserver", 1)[-1]
    assert client.get(path).status_code == 200
    client.post(path)
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(
        "/accounts/login/", {"login": user.email, "password": PASSWORD}, follow=True
    )

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/"
    assert b"Learning Network" in response.content
    assert b"Digital forensics" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "email",
    [
        "robin@gmail.com",
        "robin@police.uk.evil.com",
        "robin@xpolice.uk",
        "robin@police.uk.com",
    ],
)
def test_sign_up_from_a_disallowed_domain_is_refused_with_no_user_and_no_email(
    client, email
):
    response = client.post("/accounts/signup/", signup_data(email=email))

    assert response.status_code == 200
    assert domain_not_allowed_message() in response.content.decode()
    assert not User.objects.filter(email=email).exists()
    assert not EmailAddress.objects.filter(email=email).exists()
    assert mail.outbox == []
    assert f'value="{email}"'.encode() in response.content


@pytest.mark.django_db
def test_sign_up_without_a_force_keeps_what_was_typed_and_says_what_is_missing(client):
    response = client.post("/accounts/signup/", signup_data(force=""))

    assert response.status_code == 200
    assert "Choose your force or organisation." in response.content.decode()
    assert b'value="DC Robin Hale"' in response.content
    assert not User.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "weak",
    [
        "password123",
        "12345678901234",
        "short",
        "robin.hale@avon-and-somerset.police.uk!",
    ],
)
def test_weak_passwords_are_refused(client, weak):
    response = client.post(
        "/accounts/signup/", signup_data(password1=weak, password2=weak)
    )

    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert not User.objects.exists()


@pytest.mark.django_db
def test_password_reset_sends_a_link_that_sets_a_new_password(client, officer):
    client.post("/accounts/password/reset/", {"email": officer.email})

    assert len(mail.outbox) == 1
    reset_url = link_in_last_email(
        r"https?://[^\s]+/accounts/password/reset/key/[^\s]+"
    )
    path = reset_url.split("testserver", 1)[-1]
    response = client.get(path, follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else path
    new_password = "another-long-passphrase-88"
    response = client.post(
        form_path, {"password1": new_password, "password2": new_password}
    )

    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password(new_password)


@pytest.mark.django_db
def test_a_deactivated_user_cannot_sign_in(client, officer, password):
    officer.is_active = False
    officer.save()

    response = client.post(
        "/accounts/login/", {"login": officer.email, "password": password}
    )

    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"] == "/accounts/inactive/"
