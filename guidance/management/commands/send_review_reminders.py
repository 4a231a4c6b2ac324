from django.core.management.base import BaseCommand

from guidance.services import guidance_review_reminders_send


class Command(BaseCommand):
    help = (
        "E-mail each guidance owner the guidance they own that is overdue for review "
        "or due within 30 days. Run it daily from a scheduler."
    )

    def handle(self, *args, **options):
        queued = guidance_review_reminders_send()
        plural = "s" if queued != 1 else ""
        self.stdout.write(f"Queued {queued} review reminder e-mail{plural}.")
