from django.core.management.base import BaseCommand

from guidance.services import guidance_review_reminders_send


class Command(BaseCommand):
    help = (
        "E-mail each guidance owner the guidance they own that is overdue for review "
        "or due within 30 days. Run it daily from a scheduler."
    )

    def handle(self, *args, **options):
        sent = guidance_review_reminders_send()
        self.stdout.write(
            f"Sent {sent} review reminder e-mail{'s' if sent != 1 else ''}."
        )
