"""Demo accounts: one verified account per role, named <role>@demo.police.uk."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction

from . import roles
from .models import Force, JobRole, User

DEMO_DOMAIN = "demo.police.uk"


@dataclass(frozen=True)
class DemoAccount:
    key: str
    display_name: str
    force: str
    job_role: str
    groups: tuple[str, ...]
    superuser: bool = False

    @property
    def email(self) -> str:
        return f"{self.key}@{DEMO_DOMAIN}"

    @property
    def is_staff_role(self) -> bool:
        return self.superuser or any(g in roles.STAFF_GROUPS for g in self.groups)


DEMO_ACCOUNTS = [
    DemoAccount(
        "officer",
        "DC Alex Morgan",
        "Avon and Somerset",
        JobRole.INVESTIGATOR,
        (roles.OFFICERS,),
    ),
    DemoAccount(
        "officer2",
        "DC Priya Shah",
        "West Yorkshire",
        JobRole.INVESTIGATOR,
        (roles.OFFICERS,),
    ),
    DemoAccount(
        "supervisor",
        "DS Jordan Clarke",
        "Avon and Somerset",
        JobRole.SUPERVISOR,
        (roles.OFFICERS,),
    ),
    DemoAccount(
        "trainer",
        "Sam Okoro",
        "College of Policing",
        JobRole.TRAINER,
        (roles.OFFICERS, roles.TRAINERS),
    ),
    DemoAccount(
        "editor",
        "Helen Baxter",
        "College of Policing",
        JobRole.OTHER,
        (roles.OFFICERS, roles.GUIDANCE_EDITORS),
    ),
    DemoAccount(
        "reviewer",
        "DI Tom Wilde",
        "Thames Valley",
        JobRole.SUPERVISOR,
        (roles.OFFICERS, roles.SPECIALIST_REVIEWERS),
    ),
    DemoAccount(
        "moderator",
        "Kerry Nolan",
        "Greater Manchester",
        JobRole.OTHER,
        (roles.OFFICERS, roles.MODERATORS),
    ),
    DemoAccount(
        "forcelead",
        "DCI Ruth Adeyemi",
        "Avon and Somerset",
        JobRole.SUPERVISOR,
        (roles.OFFICERS, roles.FORCE_LEADS),
    ),
    DemoAccount(
        "admin",
        "Network Administrator",
        "College of Policing",
        JobRole.OTHER,
        (roles.OFFICERS, roles.ADMINISTRATORS),
        superuser=True,
    ),
]


def demo_password() -> str:
    return settings.DEMO_PASSWORD


@transaction.atomic
def seed_demo_accounts(stdout=None) -> dict[str, User]:
    """Create or refresh the demo accounts. Safe to run again: existing accounts keep
    their TOTP secret, so an authenticator app set up earlier still works."""
    forces = {f.name: f for f in Force.objects.all()}
    groups = {g.name: g for g in Group.objects.all()}
    users = {}
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=account.email,
            defaults={"display_name": account.display_name},
        )
        user.display_name = account.display_name
        user.force = forces[account.force]
        user.job_role = account.job_role
        user.is_superuser = account.superuser
        user.is_staff = account.superuser
        user.is_active = True
        user.set_password(demo_password())
        user.save()
        user.groups.set([groups[name] for name in account.groups])
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        if (
            account.is_staff_role
            and not Authenticator.objects.filter(
                user=user, type=Authenticator.Type.TOTP
            ).exists()
        ):
            TOTP.activate(user, generate_totp_secret())
            RecoveryCodes.activate(user)
        users[account.key] = user
    return users
