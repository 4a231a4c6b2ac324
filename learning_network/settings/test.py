"""Tests: the real PostgreSQL (DATABASE_URL, default the local server), mail kept in memory."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env, logging_config

DATABASES = {
    "default": env.db(
        "TEST_DATABASE_URL",
        default="postgres://postgres@127.0.0.1:5432/learning_network",
    )
}
DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdefghijklmnop"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ALLOWED_HOSTS = ["*"]
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "media-test"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
LOGGING = logging_config(json=False, level="WARNING")
