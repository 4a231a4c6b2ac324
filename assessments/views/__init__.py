"""Assessment views by task: ``overview``, ``assessment`` (rating, evidence,
colleagues, sign-off), ``plan``, ``dashboard``, ``national`` and ``exports``. Views
parse input, call a permission check, a selector or a service, and render."""
