from django.core.management.base import BaseCommand

from assessments.services import overdue_action_reminders_send


class Command(BaseCommand):
    help = (
        "Notify the owners of overdue improvement actions (at most once a week per "
        "action). Run daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        sent = overdue_action_reminders_send()
        self.stdout.write(f"Sent {sent} overdue action reminder(s).")
