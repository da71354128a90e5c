"""Settings for the decision aid, configured only from environment variables.

See the README's configuration table. Production behaviour is switched on by variables
(DJANGO_DEBUG off, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL), not by a second module.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from decisionaid.lib.env import ConfigurationError, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if SECRET_KEY is None:
    if not DEBUG:
        raise ConfigurationError("DJANGO_SECRET_KEY", "is required when DJANGO_DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-only-used-with-debug-on"
elif len(SECRET_KEY) < 50 and not DEBUG:
    raise ConfigurationError("DJANGO_SECRET_KEY", "must be at least 50 random characters long.")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "decisionaid.content",
    "decisionaid.pages",
    "decisionaid.questionnaire",
    "decisionaid.summaries",
    "decisionaid.study",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Pages are compressed here, so every set-up sends a phone the small version. Django pads each compressed
    # page with random bytes (since 4.2), which defeats BREACH-style guessing of the CSRF token.
    "django.middleware.gzip.GZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "decisionaid.pages.middleware.refuse_unreadable_forms",  # before anything reads a form (the CSRF check does)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

# django-axes sits before Django's own backend, so failed admin logins are counted and then refused.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

ROOT_URLCONF = "decisionaid.urls"
WSGI_APPLICATION = "decisionaid.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "decisionaid.content.context_processors.content_status",
            ],
        },
    },
]

# How long PostgreSQL may spend on one statement, or waiting for a lock, before it is cancelled and the page
# answers 503 (seconds; 0: no limit, e.g. for a long migration). Pages take milliseconds.
DATABASE_TIMEOUT_SECONDS = env_int("DATABASE_TIMEOUT_SECONDS", default=2, minimum=0)

_database_url = env_str("DATABASE_URL")
if _database_url is None:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
else:
    try:
        DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60, conn_health_checks=True)}
    except ValueError as error:
        raise ConfigurationError("DATABASE_URL", f"could not be read: {error}") from None
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # A database that refuses, hangs or is cut off fails the request within about 5 s (the 503 "try again"
        # page; /healthz 503) instead of holding the worker until gunicorn kills it at 30 s with no answer: a new
        # connection gets 2 s (libpq's least); the server cancels a statement, or a wait for a lock, after
        # DATABASE_TIMEOUT_SECONDS; the kernel drops a connection whose packets go unacknowledged for half a
        # second longer (keepalives find one gone quiet); and pages/db_deadline.py gives up on a server that
        # acknowledges packets but never answers (a paused container) at that same moment.
        _options = DATABASES["default"].setdefault("OPTIONS", {})
        _options.setdefault("connect_timeout", 2)
        _options.update(keepalives=1, keepalives_idle=10, keepalives_interval=2, keepalives_count=3)
        if DATABASE_TIMEOUT_SECONDS:
            _ms = DATABASE_TIMEOUT_SECONDS * 1000
            _timeouts = f"-c statement_timeout={_ms} -c lock_timeout={_ms}"
            _options["options"] = f"{_options.get('options', '')} {_timeouts}".strip()  # after any the URL gives
            _options.setdefault("tcp_user_timeout", _ms + 500)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English")]
TIME_ZONE = "UTC"
# Interface strings are marked for translation, but with one language there is nothing to look up: translation
# stays off (it was about a sixth of the options page's time) until a second language is added to LANGUAGES.
USE_I18N = len(LANGUAGES) > 1
if not USE_I18N:
    MIDDLEWARE.remove("django.middleware.locale.LocaleMiddleware")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"


# Bootstrap arrives as static/css/bootstrap-subset.min.css, trimmed from the pinned wheel by `make css`.
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    # The development server serves files straight from the finders, so no collectstatic is needed.
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security: secure cookies and HSTS whenever debug is off (production runs behind HTTPS).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Form posts are held in memory while they are read, and a worker keeps the memory it grew to (2.4 MB posts took
# workers from about 205 to 515 MB), so the limits sit well above the largest legitimate form rather than at
# Django's 2.5 MB. Largest measured: the questions page with every question ticked and 5 own questions of 300
# characters is 19 KB (4 bytes a character, each sent as %XX: 300 emoji a question) in 53 fields; the admin's
# largest change page (an option with its inlines) sends 22 KB in about 440 fields. A larger form gets the
# 413 page (pages/views.py), and nothing in it is read. No form takes files; any upload over 256 KB is spooled
# to a temporary file, not memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
FILE_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024

# Content-Security-Policy: everything from this site only, no inline script or style (the print pages' one
# <style>, the page footer, carries a per-response nonce), and the site cannot be framed.
# Bootstrap's form controls draw their ticks and arrows with data: SVG images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Browser features the site never uses are switched off for it and anything it might embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
}

# Admin logins: after 5 failures for a user name from one address, that pair is locked out for an hour.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", default=5, minimum=1)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "decisionaid.lib.client_address.client_address"  # the same address the rate limits use
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers check it over plain HTTP inside the network
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=not DEBUG)
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# How many proxies in front of the app append to X-Forwarded-For: the client's address (for the rate limits and
# django-axes) is that many entries from the right (lib/client_address.py). 1 behind a proxy unless set; 0 (the
# header is ignored) without one.
TRUSTED_PROXIES = env_int("DJANGO_TRUSTED_PROXIES", default=1 if BEHIND_PROXY else 0, minimum=0)
if TRUSTED_PROXIES and not BEHIND_PROXY:
    raise ConfigurationError(
        "DJANGO_TRUSTED_PROXIES",
        "needs DJANGO_BEHIND_PROXY=1: without a proxy in front, X-Forwarded-For is whatever the client wrote.",
    )

# Published content is held per process as a plain object and rebuilt when any content changes (see
# content/catalogue.py), and parts of pages kept once drawn (option cards, step forms, flags) are held per
# process by lib/remember.py: both outside Django's caches. "default" is Django's own per-process cache, for any
# library that wants one. "shared" holds the rate-limit
# counters, which every worker must see: Redis when REDIS_URL is set (required in production: `check --deploy`
# warns without it, see questionnaire/checks.py), else memory (one process, as in `make run`).
REDIS_URL = env_str("REDIS_URL", default="")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "decisionaid"},
    "shared": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "decisionaid",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "decisionaid-shared"}
    ),
}

# How often each worker checks which content release is live: a release published (or a sign-off added) in
# one worker shows in the others within this many seconds. 0 checks on every request, as the tests do.
LIVE_RELEASE_CHECK_SECONDS = env_int("LIVE_RELEASE_CHECK_SECONDS", default=2, minimum=0)

# The patient's answers live in the server-side session until a summary is saved. Sessions end when the
# browser closes and after two hours without activity.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_SECONDS", default=2 * 60 * 60, minimum=60)
# How long a saved summary is kept before the purge deletes it (product.md §7: 90 days by default).
SUMMARY_RETENTION_DAYS = env_int("SUMMARY_RETENTION_DAYS", default=90, minimum=1)
# How long study answers and funnel counters (issue 17) are kept before the purge deletes them: two years, the
# span of a typical evaluation. They identify no one, but nothing is kept longer than its use.
STUDY_RETENTION_DAYS = env_int("STUDY_RETENTION_DAYS", default=730, minimum=1)
# Wrong reference codes a client may try in a minute before code lookups answer 429.
CODE_ATTEMPTS_PER_MINUTE = env_int("CODE_ATTEMPTS_PER_MINUTE", default=10, minimum=1)
# PDFs a client may download in a minute (each takes about half a second of a CPU to make).
PDFS_PER_MINUTE = env_int("PDFS_PER_MINUTE", default=20, minimum=1)
# PDFs the whole site makes in a minute, from all clients together: 120 (2 a second) keeps PDFs to under half of
# what 3 workers can make (about 4.4 a second), so pages keep answering while many clients download at once.
SITE_PDFS_PER_MINUTE = env_int("SITE_PDFS_PER_MINUTE", default=120, minimum=1)

# Where the content pack lives (versioned files in the repository).
CONTENT_PACK_DIR = BASE_DIR / "content_pack"

# Logs go to the console only (no error e-mails, which would carry the request's form data: health answers),
# and never carry reference codes (lib/log_privacy.py). Django's own request and server loggers are replaced
# so that every line passes through the filter.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_codes": {"()": "decisionaid.lib.log_privacy.RedactSummaryCodes"}},
    # Each line says its level and logger, so a 500 reads "ERROR django.request Internal Server Error: ...".
    "formatters": {"levelled": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_codes"], "formatter": "levelled"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO" if DEBUG else "WARNING", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
