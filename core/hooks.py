"""The names of the hooks through which apps tell core about their content (Wagtail's
hook registry). Register with ``@hooks.register(NOTIFICATION_TARGETS)``.

- ``NOTIFICATION_TARGETS``: returns ``{model: visible_to(user) -> QuerySet}``, each
  kind of thing a notification can be about and the app's own visibility function.
- ``VISIBILITY_INPUTS``: returns the models whose rows decide what someone may see
  (a thread's hidden flag, a category's force, a page's live flag, an assessment's
  members). Saving or deleting one makes every cached unread count stale.
"""

NOTIFICATION_TARGETS = "notification_targets"
VISIBILITY_INPUTS = "visibility_inputs"
DEMO_SEED = "demo_seed"
