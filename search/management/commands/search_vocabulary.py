from django.core.management.base import BaseCommand

from search.vocabulary import record_all


class Command(BaseCommand):
    help = (
        "Record the words of every live guidance and training page for spelling "
        "corrections (run once after update_index; publishing records a page's "
        "words as it goes)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Read {record_all()} pages.")
