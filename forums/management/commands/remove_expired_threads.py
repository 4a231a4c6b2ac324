from django.core.management.base import BaseCommand

from forums.services.moderation import threads_remove_expired


class Command(BaseCommand):
    help = (
        "Remove forum threads past their category's retention period (since their "
        "last post). Schedule it daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        removed = threads_remove_expired()
        self.stdout.write(f"Removed {removed} expired thread{'s' * (removed != 1)}.")
