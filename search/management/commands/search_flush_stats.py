from django.core.management.base import BaseCommand

from search.stats import flush_stats


class Command(BaseCommand):
    help = (
        "Move cached search query counts into the query report (run every few minutes)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Recorded {flush_stats()} searches.")
