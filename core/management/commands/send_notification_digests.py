from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from accounts.models import EmailFrequency
from core.tasks import send_notification_digest


class Command(BaseCommand):
    help = "Queue the daily digest e-mail for everyone who chose one (run once a day)."

    def handle(self, *args, **options):
        users = (
            get_user_model()
            .objects.filter(
                is_active=True,
                notification_email=EmailFrequency.DAILY,
                notifications__emailed_at__isnull=True,
                notifications__read_at__isnull=True,
            )
            .distinct()
            .values_list("pk", flat=True)
        )
        count = 0
        for pk in users:
            send_notification_digest.enqueue(pk)
            count += 1
        self.stdout.write(f"Queued {count} digest(s).")
