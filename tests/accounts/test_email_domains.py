import pytest

from accounts.domains import email_domain_allowed

ALLOWED = ["police.uk", "cps.gov.uk"]


@pytest.mark.parametrize(
    "email",
    [
        "sam@police.uk",
        "sam@avon-and-somerset.police.uk",
        "sam@met.pnn.police.uk",
        "SAM@Kent.Police.UK",
        "lawyer@cps.gov.uk",
        "lawyer@london.cps.gov.uk",
    ],
)
def test_addresses_in_an_allowed_domain_or_subdomain_are_allowed(email):
    assert email_domain_allowed(email, ALLOWED)


@pytest.mark.parametrize(
    "email",
    [
        "sam@gmail.com",
        "sam@police.uk.evil.com",
        "sam@xpolice.uk",
        "sam@notpolice.uk",
        "sam@police.uk.com",
        "sam@evilcps.gov.uk",
        "sam@gov.uk",
        "sam@",
        "police.uk",
    ],
)
def test_look_alike_and_foreign_domains_are_refused(email):
    assert not email_domain_allowed(email, ALLOWED)
