"""The audit log is append-only in the database, not only in the model: a trigger
refuses every UPDATE and DELETE on core_auditevent, whatever issues it
(``_base_manager``, raw SQL, a database console).

One change stays allowed: deleting a user sets ``actor_id`` to NULL on that user's
events (``on_delete=SET_NULL``); ``actor_email`` keeps who it was. An UPDATE passes
only if it nulls a set actor and leaves every other column as it was.

PostgreSQL compares whole rows (``to_jsonb``), so a column added later is covered
too. SQLite (the embedded default) lists the columns, and rebuilds a table it alters
(dropping its triggers): a later migration that alters this table must create the
SQLite triggers again. TRUNCATE (the test suite's flush on PostgreSQL) fires no row
trigger; on SQLite ``manage.py flush`` is refused, so start again from a new file.
"""

from django.db import migrations

MESSAGE = "The audit log is append-only."

POSTGRESQL_CREATE = [
    f"""
    CREATE FUNCTION core_auditevent_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE'
           AND OLD.actor_id IS NOT NULL
           AND NEW.actor_id IS NULL
           AND to_jsonb(NEW) - 'actor_id' = to_jsonb(OLD) - 'actor_id' THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION '{MESSAGE}';
    END;
    $$
    """,
    """
    CREATE TRIGGER core_auditevent_append_only
    BEFORE UPDATE OR DELETE ON core_auditevent
    FOR EACH ROW EXECUTE FUNCTION core_auditevent_append_only()
    """,
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS core_auditevent_append_only ON core_auditevent",
    "DROP FUNCTION IF EXISTS core_auditevent_append_only()",
]

OTHER_COLUMNS = [
    "id",
    "actor_email",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "details",
    "ip_address",
    "created_at",
]
UNCHANGED = " AND ".join(f"NEW.{column} IS OLD.{column}" for column in OTHER_COLUMNS)
SQLITE_CREATE = [
    f"""
    CREATE TRIGGER core_auditevent_no_update BEFORE UPDATE ON core_auditevent
    WHEN NOT (OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL AND {UNCHANGED})
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
    f"""
    CREATE TRIGGER core_auditevent_no_delete BEFORE DELETE ON core_auditevent
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS core_auditevent_no_update",
    "DROP TRIGGER IF EXISTS core_auditevent_no_delete",
]

STATEMENTS = {
    "postgresql": (POSTGRESQL_CREATE, POSTGRESQL_DROP),
    "sqlite": (SQLITE_CREATE, SQLITE_DROP),
}


def _run(schema_editor, which: int):
    # Other engines are not supported by the project; there the model and its
    # queryset still refuse changes.
    statements = STATEMENTS.get(schema_editor.connection.vendor)
    for sql in statements[which] if statements else []:
        schema_editor.execute(sql)


def create_triggers(apps, schema_editor):
    _run(schema_editor, 0)


def drop_triggers(apps, schema_editor):
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_notifications")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
