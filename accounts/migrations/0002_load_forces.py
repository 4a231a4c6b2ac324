"""The 43 territorial forces of England and Wales and the national organisations that
take part, as data."""

from django.db import migrations
from django.utils.text import slugify

TERRITORIAL = [
    "Avon and Somerset", "Bedfordshire", "Cambridgeshire", "Cheshire",
    "City of London", "Cleveland", "Cumbria", "Derbyshire", "Devon and Cornwall",
    "Dorset", "Durham", "Dyfed-Powys", "Essex", "Gloucestershire", "Greater Manchester",
    "Gwent", "Hampshire and Isle of Wight", "Hertfordshire", "Humberside", "Kent",
    "Lancashire", "Leicestershire", "Lincolnshire", "Merseyside",
    "Metropolitan Police Service", "Norfolk", "North Wales", "North Yorkshire",
    "Northamptonshire", "Northumbria", "Nottinghamshire", "South Wales",
    "South Yorkshire", "Staffordshire", "Suffolk", "Surrey", "Sussex", "Thames Valley",
    "Warwickshire", "West Mercia", "West Midlands", "West Yorkshire", "Wiltshire",
]
NATIONAL = [
    "British Transport Police",
    "College of Policing",
    "Crown Prosecution Service",
    "National Police Chiefs' Council",
    "Academic partner",
]


def load_forces(apps, schema_editor):
    Force = apps.get_model("accounts", "Force")
    for kind, names in (("territorial", TERRITORIAL), ("national", NATIONAL)):
        for name in names:
            Force.objects.update_or_create(
                slug=slugify(name), defaults={"name": name, "kind": kind}
            )


def unload_forces(apps, schema_editor):
    apps.get_model("accounts", "Force").objects.filter(
        slug__in=[slugify(n) for n in TERRITORIAL + NATIONAL]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(load_forces, unload_forces)]
