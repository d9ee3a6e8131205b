"""Configuration classes, chosen by ``DESAONLINE_CONFIG`` (default ``development``).

Every setting comes from the environment (a ``.env`` file is read too) with a
default that needs no server, so a fresh clone runs as is. Secrets are read only
from the environment; the development default for ``SECRET_KEY`` is a random key
kept in ``instance/`` so sessions survive a restart.
"""
import os
import secrets
from pathlib import Path

from dotenv import load_dotenv

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = Path(os.environ.get("INSTANCE_DIR", ROOT / "instance"))

load_dotenv(ROOT / ".env")


def _env(name, default=None):
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _dev_secret(name):
    """A per-checkout random secret for development, created on first use."""
    INSTANCE.mkdir(parents=True, exist_ok=True)
    path = INSTANCE / f"{name.lower()}.txt"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def _folder_sqlite(database_uri):
    """Create the directory of a SQLite database file: a fresh checkout has no instance/."""
    from sqlalchemy.engine import make_url
    url = make_url(database_uri)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)


def _sqlalchemy_url(url):
    # Heroku-style and plain "postgresql://" URLs use psycopg 3, the driver we ship.
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


class KonfigurasiKurang(RuntimeError):
    """A setting the chosen configuration cannot run without is missing."""


class Config:
    BASE_DOMAIN = _env("BASE_DOMAIN", "localhost")
    PORTAL_SUBDOMAIN = "desaonline"
    SQLALCHEMY_DATABASE_URI = _sqlalchemy_url(
        _env("DATABASE_URL", f"sqlite:///{INSTANCE / 'desaonline.sqlite'}"))
    # No pool_pre_ping: desaonline.basisdata pings only connections idle this long.
    SQLALCHEMY_ENGINE_OPTIONS = {}
    DB_PING_SETELAH_DETIK = float(_env("DB_PING_SETELAH_DETIK", "10"))
    REDIS_URL = _env("REDIS_URL")
    # Unset: chosen from the database in init() (see _milik_deployment), so two
    # deployments started from one checkout never share stored letters.
    STORAGE_DIR = _env("STORAGE_DIR")
    # s3://bucket/prefix: files in S3-compatible object storage instead of STORAGE_DIR
    # (desaonline.penyimpanan). Unset credentials: boto3's own chain (env, instance role).
    STORAGE_URL = _env("STORAGE_URL")
    S3_ENDPOINT_URL = _env("S3_ENDPOINT_URL")
    S3_REGION = _env("S3_REGION", _env("AWS_DEFAULT_REGION", "us-east-1"))
    AWS_ACCESS_KEY_ID = _env("AWS_ACCESS_KEY_ID")
    AWS_SECRET_ACCESS_KEY = _env("AWS_SECRET_ACCESS_KEY")
    SECRET_KEY = _env("SECRET_KEY")
    # Key that encrypts the Kepala Desa's PKCS#12 at rest; derived from SECRET_KEY
    # when not given separately.
    CERT_ENCRYPTION_KEY = _env("CERT_ENCRYPTION_KEY")

    # Cookies stay on the host that set them: no SESSION_COOKIE_DOMAIN.
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    MAX_CONTENT_LENGTH = 10 * 1024 * 1024
    WTF_CSRF_TIME_LIMIT = None
    # Behind nginx/haproxy the real host and client address come in X-Forwarded-*.
    PROXY_FIX = _env("PROXY_FIX", "0") == "1"
    # The host -> desa map of each process reads the change signal (tenant_versi) at
    # most this often; the contract allows 2 s for a deactivation or removed host.
    TENANT_CHECK_SECONDS = float(_env("TENANT_CHECK_SECONDS", "1"))
    # How long an unknown host name is answered 404 without asking the database again.
    TENANT_MISS_SECONDS = float(_env("TENANT_MISS_SECONDS", "1"))

    # Strict-Transport-Security max-age (desaonline/keamanan.py); production only.
    HSTS_SECONDS = 0

    API_TOKEN_HOURS = int(_env("API_TOKEN_HOURS", "720"))
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_KEY_PREFIX = _env("RATELIMIT_KEY_PREFIX", "desaonline")
    KABUPATEN_NAMA = _env("KABUPATEN_NAMA", "Kabupaten Kebumen")
    KABUPATEN_KODE = _env("KABUPATEN_KODE", "33.05")

    # APIFlask / OpenAPI
    VALIDATION_ERROR_STATUS_CODE = 422
    AUTH_ERROR_STATUS_CODE = 401
    INFO = {"description": "API Layanan Mandiri desaonline (lihat CONTRACT.md)."}

    # Unset: "desaonline" plus a tag of the database (see _milik_deployment), so two
    # deployments on one Redis never take each other's letters.
    CELERY_QUEUE = _env("CELERY_QUEUE")
    # Letters still "diproses" after this many seconds are sent to the workers again
    # by the sweeper (the database is the truth; the broker may have lost them).
    SURAT_MACET_DETIK = int(_env("SURAT_MACET_DETIK", "300"))
    SAPU_SURAT_DETIK = float(_env("SAPU_SURAT_DETIK", "120"))
    # What a worker keeps of the desa it signs for (letterhead with its logo, how it
    # signs), at most this many MB per process, least recently used first out.
    SURAT_KONTEKS_MB = float(_env("SURAT_KONTEKS_MB", "64"))

    # Where a signed letter's QR code and printed verification link point: scheme and port
    # of the desa's public address. Unset: those the approval request came on (so a
    # development server's port is kept); production defaults to https on the standard port.
    PUBLIC_SCHEME = _env("PUBLIC_SCHEME")
    PUBLIC_PORT = _env("PUBLIC_PORT")
    # PEM file(s) of BSrE/BSSN root and intermediate certificates, separated by ":". A
    # letter says it was signed with a BSrE certificate only when the signer's chain ends
    # at one of them (checked by signature, never by a name).
    TTE_AKAR_BSRE = _env("TTE_AKAR_BSRE")

    # The kabupaten's BSrE esign client, for desa that sign through BSrE (a desa may set
    # its own in the operator's settings). BSRE_VERSION: the esign client's API, 1 or 2.
    BSRE_URL = _env("BSRE_URL")
    BSRE_USERNAME = _env("BSRE_USERNAME")
    BSRE_PASSWORD = _env("BSRE_PASSWORD")
    # Host names (or host:port) a desa may point its own esign client at: the workers
    # POST letters and passphrases there, so the kabupaten names them; empty: none.
    BSRE_HOST_DESA = frozenset(h.strip().lower() for h in _env("BSRE_HOST_DESA", "").split(",") if h.strip())
    BSRE_VERSION = _env("BSRE_VERSION", "1")
    BSRE_TIMEOUT = float(_env("BSRE_TIMEOUT", "60"))
    # The operator's pages ask the esign client for the Kepala Desa's status: keep it short.
    BSRE_STATUS_TIMEOUT = float(_env("BSRE_STATUS_TIMEOUT", "8"))
    # Letters approved together (one passphrase) at most.
    BSRE_BATCH_MAKS = int(_env("BSRE_BATCH_MAKS", "20"))
    # Local PKCS#12 signing: an RFC 3161 timestamp authority; when set, letters are signed
    # PAdES B-LTA (timestamp, validation data in the DSS, a document timestamp).
    TSA_URL = _env("TSA_URL")
    TSA_USERNAME = _env("TSA_USERNAME")
    TSA_PASSWORD = _env("TSA_PASSWORD")

    @staticmethod
    def _broker_tertanam(database_uri):
        """The embedded broker (no server) of the deployment whose database is ``database_uri``.

        It lives beside that database, so two deployments started from one checkout
        never share a queue and the web and the worker always meet: on SQLite a file
        next to the database file (its directory created), on PostgreSQL two kombu
        tables (``kombu_queue``, ``kombu_message``) in the database itself, which every
        machine of the deployment reaches."""
        from sqlalchemy.engine import make_url

        from workers.broker import ALIAS
        url = make_url(database_uri)
        if url.get_backend_name() != "sqlite":
            return f"{ALIAS}+{url.render_as_string(hide_password=False)}"
        if url.database and url.database != ":memory:":
            database = Path(url.database)
            broker = database.with_name(f"{database.stem}-broker.sqlite")
        else:
            broker = INSTANCE / "celery-broker.sqlite"
        broker.parent.mkdir(parents=True, exist_ok=True)
        return f"{ALIAS}+sqlite:///{broker}"

    @staticmethod
    def _milik_deployment(database_uri):
        """Where a deployment keeps its letters and which queue it uses, when the
        environment does not say: what the database the environment names decides,
        because one database is one deployment. The development default (the SQLite
        file under instance/) keeps the plain names it always had."""
        import hashlib

        from sqlalchemy.engine import make_url
        url = make_url(database_uri)
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            database = Path(url.database)
            if database.resolve() == (INSTANCE / "desaonline.sqlite").resolve():
                return INSTANCE / "storage", "desaonline"
            tanda = hashlib.sha256(str(database.resolve()).encode()).hexdigest()[:10]
            return database.with_name(f"{database.stem}-berkas"), f"desaonline-{tanda}"
        # A server database: its host, port and name (never the password) identify it.
        alamat = f"{url.get_backend_name()}://{url.host or ''}:{url.port or ''}/{url.database or ''}"
        tanda = hashlib.sha256(alamat.encode()).hexdigest()[:10]
        return INSTANCE / "storage" / tanda, f"desaonline-{tanda}"

    @staticmethod
    def celery(config):
        import workers.broker  # noqa: F401  (registers sqladesa://, kombu's SQL transport polling to suit the load)
        broker = (config.get("REDIS_URL") or _env("CELERY_BROKER_URL")
                  or Config._broker_tertanam(config["SQLALCHEMY_DATABASE_URI"]))
        return {
            "broker_url": broker,
            "task_ignore_result": True,
            "result_backend": None,
            # A killed worker must not lose its letter: ack after the task ran and
            # requeue when the worker process dies (see NOTES.md).
            "task_acks_late": True,
            "task_reject_on_worker_lost": True,
            # Letters a worker process holds besides the one it signs (unacked, so a
            # killed worker's come back too): the next is at hand when one is done,
            # instead of a round trip to the broker between letters of ~20 ms each.
            "worker_prefetch_multiplier": int(_env("CELERY_PREFETCH", "4")),
            "task_default_queue": config["CELERY_QUEUE"],
            # Redis redelivers an unacked message after this many seconds; kombu's SQL
            # transport takes no such option (it would reach create_engine()).
            "broker_transport_options": (
                Config._redis_transport(int(_env("CELERY_VISIBILITY_TIMEOUT", "600")))
                if broker.startswith("redis") else {}),
            "broker_connection_retry_on_startup": True,
            # kombu's SQL transport has no broadcast: remote control would only add a
            # second queue that the worker polls (and sleeps on) after every task.
            "worker_enable_remote_control": broker.startswith("redis"),
            "task_always_eager": False,
            "timezone": "Asia/Jakarta",
            # The sweeper's schedule in memory: no state file (one per checkout would be
            # shared by every deployment started from it); after a restart it simply
            # runs one interval later.
            "beat_scheduler": "celery.beat:Scheduler",
            "beat_schedule": {
                "sapu-surat-macet": {"task": "workers.surat.sapu_surat_macet",
                                     "schedule": config["SAPU_SURAT_DETIK"]},
            },
        }

    @staticmethod
    def _redis_transport(visibility_timeout):
        # A message taken by a worker that died comes back once it is older than the
        # visibility timeout, found by a scan every ``unacked_restore_interval`` s
        # (kombu's default scans only every 10th interval).
        return {"visibility_timeout": visibility_timeout,
                "unacked_restore_interval": max(1, min(10, visibility_timeout // 2)),
                "unacked_restore_throttle": 1}

    @classmethod
    def init(cls, app):
        if not app.config.get("SECRET_KEY"):
            app.config["SECRET_KEY"] = _dev_secret("SECRET_KEY")
        _folder_sqlite(app.config["SQLALCHEMY_DATABASE_URI"])
        berkas, antrean = cls._milik_deployment(app.config["SQLALCHEMY_DATABASE_URI"])
        if not app.config.get("STORAGE_DIR"):
            app.config["STORAGE_DIR"] = str(berkas)
        if not app.config.get("CELERY_QUEUE"):
            app.config["CELERY_QUEUE"] = antrean
        app.config.setdefault("CELERY", cls.celery(app.config))
        app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")


class Development(Config):
    DEBUG = False


class Testing(Config):
    TESTING = True
    WTF_CSRF_ENABLED = True
    RATELIMIT_ENABLED = True

    @classmethod
    def init(cls, app):
        if not app.config.get("SECRET_KEY"):
            app.config["SECRET_KEY"] = "testing-secret"
        super().init(app)


class Production(Config):
    HSTS_SECONDS = int(_env("HSTS_SECONDS", str(365 * 24 * 3600)))
    SESSION_COOKIE_SECURE = _env("SESSION_COOKIE_SECURE", "1") == "1"
    PUBLIC_SCHEME = _env("PUBLIC_SCHEME", "https")
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE

    # What production refuses to start without, and why each is needed.
    WAJIB = {
        "SECRET_KEY": "signs cookies and sessions (a random key per process would log everyone out)",
        "CERT_ENCRYPTION_KEY": "encrypts the Kepala Desa's PKCS#12 certificates at rest, apart from SECRET_KEY",
        "REDIS_URL": "the rate limiter's store shared by every web process (in memory, each process "
                     "would count failed logins on its own), and Celery's broker",
    }

    @classmethod
    def init(cls, app):
        kurang = [nama for nama in cls.WAJIB if not app.config.get(nama)]
        if kurang:
            raise KonfigurasiKurang(
                "desaonline will not start in production without " + ", ".join(kurang) + ":\n"
                + "\n".join(f"  {nama}: {cls.WAJIB[nama]}" for nama in kurang)
                + "\nSet them in the environment (or .env); see README, 'Running in production'.")
        super().init(app)


CONFIGS = {"development": Development, "testing": Testing, "production": Production}


def get_config(name=None):
    return CONFIGS[name or _env("DESAONLINE_CONFIG", "development")]
