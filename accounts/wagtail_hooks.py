"""What the accounts app gives the rest of the site through Wagtail's hooks
(https://docs.wagtail.org/en/stable/reference/hooks.html)."""

from django.conf import settings

from wagtail import hooks

from core.hooks import DEMO_SEED


# First: every other app's demo content is written by, or for, these people.
@hooks.register(DEMO_SEED, order=10)
def seed_demo_accounts(stdout) -> list[str]:
    """The demo accounts, listed at the end of manage.py seed_demo."""
    from .demo import DEMO_ACCOUNTS, seed_demo_accounts

    seed_demo_accounts(stdout=stdout)
    lines = [f"Demo accounts (password: {settings.DEMO_PASSWORD}):"]
    for account in DEMO_ACCOUNTS:
        mfa = "  (TOTP: manage.py demo_totp)" if account.is_staff_role else ""
        lines.append(f"  {account.email}{mfa}")
    return lines
