from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.demo import DEMO_ACCOUNTS, seed_demo_accounts
from assessments.demo import seed_assessments
from forums.demo import seed_forums
from guidance.demo import seed_guidance
from home.demo import seed_home_page
from training.demo import seed_training


class Command(BaseCommand):
    help = (
        "Create synthetic demo content and one demo account per role. Safe to run again. "
        "Never real cases or people."
    )

    def handle(self, *args, **options):
        seed_home_page()
        seed_demo_accounts()
        seed_guidance(stdout=self.stdout)
        # Training after guidance: its lessons cite guidance pages.
        seed_training(stdout=self.stdout)
        seed_forums(stdout=self.stdout)
        # Self-assessment after the accounts: it needs the demo force lead.
        seed_assessments(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write(f"Demo accounts (password: {settings.DEMO_PASSWORD}):")
        for account in DEMO_ACCOUNTS:
            mfa = "  (TOTP: manage.py demo_totp)" if account.is_staff_role else ""
            self.stdout.write(f"  {account.email}{mfa}")
