"""Who may sign up: addresses in an allowed domain or any subdomain of one."""

from django.conf import settings

DOMAIN_NOT_ALLOWED = (
    "Use your work e-mail address. The Learning Network is open to addresses ending "
    "in {domains}."
)


def email_domain_allowed(email: str, allowed: list[str] | None = None) -> bool:
    """True when the address's domain is an allowed domain or a subdomain of one.

    ``police.uk`` admits ``avon.police.uk`` but not ``xpolice.uk`` or
    ``police.uk.evil.com``.
    """
    allowed = settings.ALLOWED_EMAIL_DOMAINS if allowed is None else allowed
    local, at, domain = email.strip().lower().rpartition("@")
    domain = domain.rstrip(".")
    if not (local and at and domain):
        return False
    for entry in allowed:
        entry = entry.strip().lower().lstrip(".")
        if entry and (domain == entry or domain.endswith("." + entry)):
            return True
    return False


def domain_not_allowed_message() -> str:
    domains = ", ".join(f"@{d} or .{d}" for d in settings.ALLOWED_EMAIL_DOMAINS)
    return DOMAIN_NOT_ALLOWED.format(domains=domains)
