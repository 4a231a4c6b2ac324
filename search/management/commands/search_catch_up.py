from django.core.management.base import BaseCommand

from search.catchup import catch_up


class Command(BaseCommand):
    help = (
        "Replay search index writes that failed while the backend was down "
        "(run every few minutes from cron, or enqueue search.catchup.catch_up_task)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000)

    def handle(self, *args, limit, **options):
        done, failed = catch_up(limit=limit)
        self.stdout.write(f"Indexed {done}; still failing {failed}.")
