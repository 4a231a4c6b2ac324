"""Development on a laptop: the embedded default (SQLite, console e-mail, local memory)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# Passkeys on http://127.0.0.1:8000 during development.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
