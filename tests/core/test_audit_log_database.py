"""The audit log is append-only in the database itself, not only in the model: a
trigger refuses every UPDATE and DELETE, whatever issues it (``_base_manager``, raw
SQL). The one change allowed is the one deleting a user makes: the actor set to NULL
(``on_delete=SET_NULL``), the rest of the row untouched."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from django.db import DatabaseError, connection, transaction

from core.models import AuditEvent
from core.services import audit_record
from tests.factories import make_user

ROOT = Path(__file__).resolve().parents[2]
TABLE = AuditEvent._meta.db_table


@pytest.fixture
def event(db, officer):
    return audit_record(action="account.sign_in", actor=officer, details={"a": 1})


def refused(statement, params=()):
    """Run ``statement`` in its own savepoint; True if the database refused it."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, params)
    except DatabaseError as error:
        assert "append-only" in str(error)
        return True
    return False


def test_inserting_events_works(event):
    assert AuditEvent.objects.filter(pk=event.pk, action="account.sign_in").exists()


def test_the_base_manager_cannot_update_an_event(event):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent._base_manager.filter(pk=event.pk).update(action="tampered")

    assert AuditEvent.objects.get(pk=event.pk).action == "account.sign_in"


def test_the_base_manager_cannot_delete_an_event(event):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent._base_manager.filter(pk=event.pk).delete()

    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_raw_sql_cannot_update_or_delete_an_event(event):
    assert refused(f"UPDATE {TABLE} SET action = 'tampered' WHERE id = %s", [event.pk])
    assert refused(f"DELETE FROM {TABLE} WHERE id = %s", [event.pk])
    assert refused(f"DELETE FROM {TABLE}")

    assert AuditEvent.objects.get(pk=event.pk).action == "account.sign_in"


def test_raw_sql_cannot_hand_an_event_to_someone_else(event, officer_b):
    assert refused(
        f"UPDATE {TABLE} SET actor_id = %s WHERE id = %s", [officer_b.pk, event.pk]
    )


def test_nulling_the_actor_cannot_carry_another_change(event):
    assert refused(
        f"UPDATE {TABLE} SET actor_id = NULL, actor_email = '' WHERE id = %s",
        [event.pk],
    )
    assert refused(
        f"UPDATE {TABLE} SET actor_id = NULL, details = '{{}}' WHERE id = %s",
        [event.pk],
    )


def test_deleting_a_user_with_audit_events_works_and_nulls_the_actor(db):
    user = make_user(email="leaver@avon-and-somerset.police.uk")
    first = audit_record(action="account.sign_in", actor=user)
    second = audit_record(action="account.profile_changed", actor=user)

    user.delete()

    kept = AuditEvent.objects.filter(pk__in=[first.pk, second.pk])
    assert [(e.actor_id, e.actor_email) for e in kept] == [
        (None, "leaver@avon-and-somerset.police.uk"),
        (None, "leaver@avon-and-somerset.police.uk"),
    ]


def test_the_embedded_sqlite_database_has_the_same_triggers(tmp_path):
    database = tmp_path / "db.sqlite3"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "core", "--verbosity", "0"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "learning_network.settings.dev",
            "DATABASE_URL": f"sqlite:///{database}",
        },
        check=True,
    )
    with sqlite3.connect(database) as db:
        db.execute(
            f"INSERT INTO {TABLE} (actor_id, actor_email, action, object_type, "
            "object_id, object_repr, details, created_at) VALUES "
            "(7, 'a@police.uk', 'account.sign_in', '', '', '', '{}', '2026-01-01')"
        )
        for statement in [
            f"UPDATE {TABLE} SET action = 'tampered'",
            f"UPDATE {TABLE} SET actor_id = 8",
            f"UPDATE {TABLE} SET actor_id = NULL, actor_email = ''",
            f"DELETE FROM {TABLE}",
        ]:
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                db.execute(statement)

        db.execute(f"UPDATE {TABLE} SET actor_id = NULL")

        assert db.execute(f"SELECT actor_id, action FROM {TABLE}").fetchall() == [
            (None, "account.sign_in")
        ]
