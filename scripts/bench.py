"""`make bench`: load-test the app as it runs in production and print the figures against the targets.

1. Prepares a PostgreSQL database (BENCH_DATABASE_URL, default decisionaid_bench on 127.0.0.1), migrates it,
   loads the content pack and collects the static files.
2. Starts gunicorn with the production settings (debug off, HTTPS assumed behind a proxy, Redis counters).
3. For each number of users (BENCH_USERS, default 1,8,32,64), runs locust headless three times:
   simulated patients walking the whole journey with reading pauses (BENCH_SECONDS, default 60 s), then the
   /healthz alone and the options page alone with no pauses (BENCH_CAPACITY_SECONDS, default 20 s); at 32
   users those two alternate BENCH_CAPACITY_ROUNDS times (default 3).
4. Prints requests per second, p50/p95/p99 latency and errors per page, the options page's throughput as a
   share of /healthz's (at 32 users the median of the rounds), then scripts/measure_pages.py's sizes, query counts and PDF time, and the verdicts.

Exits 1 when a target is missed. The load generator shares the machine's CPUs with the server.
"""

from __future__ import annotations

import csv
import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ADDRESS = "127.0.0.1:8010"
BASE_URL = f"http://{ADDRESS}"
USERS = [int(users) for users in os.environ.get("BENCH_USERS", "1,8,32,64").split(",")]
JOURNEY_SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
CAPACITY_SECONDS = int(os.environ.get("BENCH_CAPACITY_SECONDS", "20"))
# At the target level the /healthz and options runs alternate this many times and the median share is judged:
# on this shared 2-CPU machine one pair of 20-s runs varies by about ±7 points from one run to the next.
CAPACITY_ROUNDS = int(os.environ.get("BENCH_CAPACITY_ROUNDS", "3"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))  # gunicorn's advice
THREADS = int(os.environ.get("BENCH_THREADS", "1"))
# Visitors arrive over this many seconds, as people do, rather than all in the same second; the figures are
# counted from when the last has arrived.
RAMP_SECONDS = 10
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/decisionaid_bench")

TARGET_USERS = 32
TARGET_OPTIONS_P95_MS = 100
TARGET_SHARE_OF_HEALTHZ = 0.40
TARGET_OPTIONS_KB = 40
TARGET_PDF_MS = 1500

SERVER_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_BEHIND_PROXY": "1",  # the locust visitors say X-Forwarded-Proto: https, as a TLS proxy would
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
    # Every simulated visitor comes from 127.0.0.1: lift the per-address limits a real crowd would not share.
    "PDFS_PER_MINUTE": "1000000",
    "SITE_PDFS_PER_MINUTE": "1000000",  # and the site-wide PDF limit: the bench measures the server, not it
    "CODE_ATTEMPTS_PER_MINUTE": "1000000",
}


def manage(*args: str) -> None:
    subprocess.run([BIN / "python", "manage.py", *args], cwd=ROOT, env=os.environ | SERVER_ENV, check=True)


def prepare_database() -> None:
    import psycopg
    from dj_database_url import parse

    name = parse(DATABASE_URL)["NAME"]
    with psycopg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    manage("migrate", "--noinput", "-v0")
    manage("load_content", "-v0")
    manage("publish_release", "--first", "--note", "Benchmark content")  # does nothing once a release exists
    manage("collectstatic", "--noinput", "-v0")


def write_answers(folder: Path) -> Path:
    """Varied patients' answers, drawn from the real questionnaire (scripts/bench_answers.py)."""
    path = folder / "answers.json"
    subprocess.run(
        [BIN / "python", ROOT / "scripts" / "bench_answers.py", path],
        cwd=ROOT,
        env=os.environ | SERVER_ENV | {"DJANGO_SETTINGS_MODULE": "decisionaid.settings"},
        check=True,
    )
    return path


def start_server() -> subprocess.Popen:
    server = subprocess.Popen(
        [
            BIN / "gunicorn",
            "decisionaid.wsgi",
            "--bind",
            ADDRESS,
            "--workers",
            str(WORKERS),
            "--threads",
            str(THREADS),
            "--preload",  # as in the README's production command
            "--max-requests",
            "1000",
            "--max-requests-jitter",
            "300",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=os.environ | SERVER_ENV,
    )
    for _ in range(60):
        try:
            with urllib.request.urlopen(BASE_URL + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz within 30 s")


def run_locust(visitor: str, users: int, seconds: int, folder: Path, answers: Path) -> dict[str, dict]:
    """Runs one headless locust; returns its rows by page name ("Aggregated" included)."""
    prefix = folder / f"{visitor}-{users}"
    run = subprocess.run(
        [
            BIN / "locust",
            "-f",
            ROOT / "scripts" / "bench_locustfile.py",
            "--headless",
            "--only-summary",
            "--users",
            str(users),
            "--spawn-rate",
            str(max(1, users / RAMP_SECONDS)),
            "--run-time",
            f"{seconds + RAMP_SECONDS}s",
            "--reset-stats",
            "--host",
            BASE_URL,
            "--csv",
            prefix,
            "--loglevel",
            "ERROR",
            visitor,
        ],
        cwd=ROOT,
        env=os.environ | {"BENCH_ANSWERS": str(answers)},
        check=False,
        capture_output=True,
        text=True,
    )
    if not Path(f"{prefix}_stats.csv").exists():  # locust itself failed: show why
        raise SystemExit(run.stderr[-3000:])
    with open(f"{prefix}_stats.csv", newline="", encoding="utf-8") as file:
        return {row["Name"]: row for row in csv.DictReader(file)}


def figures(row: dict) -> tuple[float, float, float, float, int, int]:
    return (
        float(row["Requests/s"]),
        float(row["50%"]),
        float(row["95%"]),
        float(row["99%"]),
        int(row["Request Count"]),
        int(row["Failure Count"]),
    )


def share_of_healthz(healthz: dict, options: dict) -> float:
    return float(options["Requests/s"]) / max(float(healthz["Requests/s"]), 1e-9)


def line(label: str, row: dict) -> str:
    rps, p50, p95, p99, count, failures = figures(row)
    return f"{label:24} {count:9} {rps:8.1f} {p50:7.0f} {p95:7.0f} {p99:7.0f} {failures:7}"


HEADER = f"{'':24} {'requests':>9} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>7}"


def main() -> int:
    prepare_database()
    folder = Path(tempfile.mkdtemp(prefix="bench-"))
    answers = write_answers(folder)
    server = start_server()
    journeys, capacity = {}, {}
    try:
        for users in USERS:
            print(f"… {users} users", flush=True)
            journeys[users] = run_locust("Patient", users, JOURNEY_SECONDS, folder, answers)
            capacity[users] = [
                (
                    run_locust("HealthCheck", users, CAPACITY_SECONDS, folder, answers)["healthz"],
                    run_locust("OptionsReader", users, CAPACITY_SECONDS, folder, answers)["options"],
                )
                for _ in range(CAPACITY_ROUNDS if users == TARGET_USERS else 1)
            ]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    print(
        f"\nWhole journeys: simulated patients reading for {os.environ.get('BENCH_THINK_SECONDS', '1,3')} s "
        f"between pages, {JOURNEY_SECONDS} s per level; gunicorn with {WORKERS} workers × {THREADS} threads on "
        f"{os.cpu_count()} CPUs, PostgreSQL, Redis"
    )
    errors = 0
    for users, rows in journeys.items():
        print(f"\n{users} users\n{HEADER}")
        for name, row in rows.items():
            print(line(name, row))
        errors += figures(rows["Aggregated"])[5]
    print(
        f"\nCapacity: one page requested with no pauses, {CAPACITY_SECONDS} s per run; at {TARGET_USERS} users "
        f"the two alternate {CAPACITY_ROUNDS} times"
    )
    print(f"{'users':>5} {'page':18} {HEADER[24:]} {'share of /healthz':>18}")
    for users, pairs in capacity.items():
        for healthz, options in pairs:
            print(f"{users:5} {line('/healthz', healthz)}")
            print(f"{users:5} {line('options', options)} {share_of_healthz(healthz, options):17.0%}")
            errors += figures(healthz)[5] + figures(options)[5]

    print("\nSizes, queries and PDF time (scripts/measure_pages.py, against the same database):", flush=True)
    measured = subprocess.run(
        [BIN / "python", "scripts/measure_pages.py", "--json"],
        cwd=ROOT,
        check=True,
        env=os.environ | {"MEASURE_DATABASE_URL": DATABASE_URL},
        capture_output=True,
        text=True,
    )
    report, sizes = measured.stdout.split("\nJSON ")
    print(report[report.index("+CSS:") :])
    sizes = json.loads(sizes)

    target_users = TARGET_USERS if TARGET_USERS in journeys else max(journeys)
    options_row = journeys[target_users].get("options")  # absent when the run was too short to reach it
    options_p95 = figures(options_row)[2] if options_row else float("inf")
    shares = sorted(share_of_healthz(healthz, options) for healthz, options in capacity[target_users])
    share = statistics.median(shares)
    verdicts = [
        (
            f"options page p95 at {target_users} users: "
            + (f"{options_p95:.0f} ms" if options_row else "not reached in the journeys (run longer)"),
            options_p95 <= TARGET_OPTIONS_P95_MS,
            f"≤ {TARGET_OPTIONS_P95_MS} ms",
        ),
        (
            f"options throughput at {target_users} users: {share:.0%} of /healthz's (median of "
            + ", ".join(f"{one:.0%}" for one in shares)
            + ")",
            share >= TARGET_SHARE_OF_HEALTHZ,
            f"≥ {TARGET_SHARE_OF_HEALTHZ:.0%}",
        ),
        (f"errors: {errors}", errors == 0, "none"),
        (
            f"options page with CSS: {sizes['options_kb_with_css']:.1f} KB",
            sizes["options_kb_with_css"] <= TARGET_OPTIONS_KB,
            f"≤ {TARGET_OPTIONS_KB} KB",
        ),
        (
            f"PDF, median of 20: {sizes['pdf_median_ms']:.0f} ms",
            sizes["pdf_median_ms"] <= TARGET_PDF_MS,
            f"≤ {TARGET_PDF_MS} ms",
        ),
        (
            f"PDF of the fullest summary, median of 5: {sizes['pdf_fullest_median_ms']:.0f} ms",
            sizes["pdf_fullest_median_ms"] <= TARGET_PDF_MS,
            f"≤ {TARGET_PDF_MS} ms",
        ),
    ]
    print("\nTargets")
    for text, met, target in verdicts:
        print(f"  {'met   ' if met else 'MISSED'}  {text} (target {target})")
    print(f"\nlocust's CSV files: {folder}")
    return 0 if all(met for _, met, _ in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
