"""Success messages that offer to undo what was just done (GOV.UK notification banner
with an Undo button). Django's message storage keeps a message's text, level and
extra tags only, so the address the Undo button posts to travels in the extra tags."""

from django.contrib import messages

UNDO_TAG = "undo"


def success_with_undo(request, text: str, *, undo_url: str) -> None:
    """A success message whose banner has an Undo button posting to ``undo_url``."""
    messages.success(request, text, extra_tags=f"{UNDO_TAG} {undo_url}")


def undo_url_of(message) -> str:
    """The address a message's Undo button posts to; empty for other messages."""
    tag, _, url = (message.extra_tags or "").partition(" ")
    return url if tag == UNDO_TAG else ""
