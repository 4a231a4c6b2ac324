"""Writes for the forums, one module per task: ``posting`` (threads, replies, edits,
helpful marks, answers, read markers, mentions and followers), ``moderation``
(reports, hiding, queues, thread moderation, suspensions, watched words, author
reveal, retention) and ``redaction``. Each function validates, saves in a
transaction, then fires what follows."""
