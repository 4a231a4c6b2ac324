"""Start-up checks (https://docs.djangoproject.com/en/5.2/topics/checks/): the content
sources the apps register must load, so a visibility function renamed or moved fails
``manage.py check`` and ``runserver`` at once, instead of a type dropping out of
search or notifications."""

from django.core import checks
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured

from .hooks import content_sources


def _field_errors(source) -> list[checks.Error]:
    errors = []
    for name in (source.date_field, source.title_field if source.in_search else None):
        if not name:
            continue
        try:
            source.model._meta.get_field(name)
        except FieldDoesNotExist:
            errors.append(
                checks.Error(
                    f"Content source {source.key!r}: {source.model.__name__} has no "
                    f"field {name!r}.",
                    id="core.E002",
                )
            )
    return errors


@checks.register()
def check_content_sources(app_configs, **kwargs) -> list[checks.Error]:
    try:
        sources = content_sources()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="core.E001")]
    errors = []
    for source in sources:
        errors += _field_errors(source)
    return errors
