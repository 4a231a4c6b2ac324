"""Settings shared by every environment; the overlays (dev, test, production) change values only.

Every value an operator may change is read from the environment through one
``environ.Env`` (https://django-environ.readthedocs.io/). The README lists each variable.
"""

from pathlib import Path

import environ

from core.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "learning_network"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "core",
    "home",
    "accounts",
    "guidance",
    "training",
    "forums",
    "search",
    "assessments",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.NetworkUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_structlog",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # The site's own 404 and 500 pages with DEBUG on too (Django's list every URL).
    "core.middleware.SiteErrorPagesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # A NUL character anywhere in the request: 404 in the path, 400 elsewhere.
    "core.middleware.RefuseNulBytesMiddleware",
    # Every cache generation counter in one round trip (core.generations).
    "core.generations.GenerationSnapshotMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every view needs a signed-in user unless it is marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffMFARequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_structlog.middlewares.RequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "learning_network.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site_navigation",
                "forums.context_processors.moderation_navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "learning_network.wsgi.application"

# --- Database -----------------------------------------------------------------------
# DATABASE_URL picks the database; the embedded default is a SQLite file in the project.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------------
# Redis where REDIS_URL is set (shared by every worker: rate limits need that), local
# memory otherwise. A Redis outage reads as an empty cache, never an error (core/cache.py).
# Sessions stay in the database (Django's default SESSION_ENGINE), so they survive it.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    # Sessions read from Redis, written through to the database: no query for the
    # session on most pages, and nobody is signed out when Redis restarts.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Search -------------------------------------------------------------------------
# Wagtail's database backend by default (PostgreSQL full-text search with the English
# configuration; SQLite FTS5 on the embedded default). ELASTICSEARCH_URL switches to
# Wagtail's elasticsearch9 backend, OPENSEARCH_URL to its opensearch3 backend; both carry
# the English analyzer and the glossary synonyms (search/backends.py). After switching,
# rebuild the index: `python manage.py rebuild_modelsearch_index`.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
OPENSEARCH_URL = env("OPENSEARCH_URL", default="")
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="learning-network")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch9",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": SEARCH_INDEX_PREFIX,
            "TIMEOUT": 5,
        }
    }
elif OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch3",
            "URLS": [OPENSEARCH_URL],
            "INDEX_PREFIX": SEARCH_INDEX_PREFIX,
            "TIMEOUT": 5,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.database",
            # english_unaccent (English stemming, accents folded) is created by
            # search/migrations/0002 on PostgreSQL; SQLite FTS5 ignores the setting.
            "SEARCH_CONFIG": "english_unaccent"
            if "postgresql" in DATABASES["default"]["ENGINE"]
            else "english",
        }
    }

# --- E-mail -------------------------------------------------------------------------
# EMAIL_URL picks the transport (smtp://user:pass@host:587, consolemail://, ...).
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Learning Network <no-reply@learning-network.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks ---------------------------------------------------------------
# django-tasks, the framework Wagtail uses: immediate here, the database backend with its
# worker in production (see production.py).
IMMEDIATE_TASKS = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
# "default" runs Wagtail's search index updates as the write happens (never waiting
# for a worker); "background" is ours: e-mails, digests, reminders, index catch-up.
TASKS = {"default": IMMEDIATE_TASKS, "background": IMMEDIATE_TASKS}


def production_tasks() -> dict:
    """Production: index updates still at once; our background work queued in the
    database for ``manage.py db_worker --backend background``."""
    return {
        "default": IMMEDIATE_TASKS,
        "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }


# --- Accounts -----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Permissions from the cache (it signs no one in); then the password backends.
    "accounts.backends.CachedPermissionsBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "display_name")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

DEMO_PASSWORD = env("DEMO_PASSWORD", default="network-demo-2026")

# Only addresses in these domains (or any subdomain of them) may sign up.
ALLOWED_EMAIL_DOMAINS = env.list(
    "ALLOWED_EMAIL_DOMAINS", default=["police.uk", "cps.gov.uk"]
)

ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupProfileForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Learning Network] "
ACCOUNT_PREVENT_ENUMERATION = True
# allauth's forms, each naming the field it is missing (accounts/allauth_forms.py).
ACCOUNT_FORMS = {
    key: f"accounts.allauth_forms.{name}"
    for key, name in {
        "login": "LoginForm",
        "add_email": "AddEmailForm",
        "change_password": "ChangePasswordForm",
        "set_password": "SetPasswordForm",
        "reset_password": "ResetPasswordForm",
        "reset_password_from_key": "ResetPasswordKeyForm",
        "reauthenticate": "ReauthenticateForm",
    }.items()
}
# Rate limits, set explicitly rather than left to allauth's defaults (they use the cache).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/m/ip",
    "reset_password": "10/m/ip,3/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Learning Network"
MFA_FORMS = {
    key: f"accounts.allauth_forms.{name}"
    for key, name in {
        "authenticate": "AuthenticateForm",
        "reauthenticate": "MFAReauthenticateForm",
        "activate_totp": "ActivateTOTPForm",
        "add_webauthn": "AddWebAuthnForm",
        "edit_webauthn": "EditWebAuthnForm",
        "login_webauthn": "LoginWebAuthnForm",
    }.items()
}
# Staff roles must have enrolled MFA before any URL under these prefixes.
STAFF_MFA_REQUIRED_PREFIXES = ["/admin/", "/moderation/", "/audit/"]
# Passkeys need a secure context; runserver on 127.0.0.1/localhost counts as one.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env.bool(
    "MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", default=False
)

# --- Internationalisation -----------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static and media files ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

# --- Wagtail ------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Learning Network"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# Sign-in (with MFA) happens through allauth, never Wagtail's own form.
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Administrators never set passwords; people set their own through password reset.
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAILEMBEDS_FINDERS = []  # no oEmbed look-ups: nothing may reach the internet
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # documents go through the permission check
# Approving a workflow's last step publishes without the publish permission, which no
# guidance group holds (so no one skips the review with the Publish button).
WAGTAIL_FINISH_WORKFLOW_ACTION = "guidance.workflows.publish_approved_revision"

# Only what guidance and training need; every upload is checked by its content
# (core/validators.py), and each type here must have a check there.
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv", "mp4"
]  # fmt: skip
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.forms.DocumentForm"
# No SVG: it can carry script.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.forms.ImageForm"

# --- Content Security Policy (django-csp) -------------------------------------------
# The site serves every asset itself. The Wagtail admin keeps its own inline scripts, so
# it is left out of the strict policy.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# --- Security -----------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 12)
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# --- Logging ------------------------------------------------------------------------
# Structured request logs through django-structlog: one JSON line per request where
# LOG_FORMAT=json (production's default), readable key=value lines otherwise.
LOG_FORMAT = env("LOG_FORMAT", default="console")
LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOGGING = logging_config(json=LOG_FORMAT == "json", level=LOG_LEVEL)
DJANGO_STRUCTLOG_STATUS_4XX_LOG_LEVEL = 20  # INFO: a 404 is not a warning
