"""Walk the patient journey once; print each page's size (raw and gzip), query count and the PDF time.

Usage: .venv/bin/python scripts/measure_pages.py [--json]
Runs against a throw-away SQLite database (or MEASURE_DATABASE_URL) with the shipped content pack; prints a
table, and with --json a last line "JSON {...}" of the figures `make bench` checks.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
os.environ["DATABASE_URL"] = os.environ.get("MEASURE_DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/m.sqlite3"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from tests.questionnaire.journey import answer_all_steps, decide, every_option_open, save_fullest_summary, save_summary  # noqa: E402


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def main() -> None:
    setup_test_environment()
    settings.PDFS_PER_MINUTE = 1_000_000  # one client downloads 25 PDFs here
    call_command("migrate", verbosity=0)
    call_command("load_content", verbosity=0)
    call_command("publish_release", "--first", "--note", "Measured content", stdout=StringIO())
    client = Client()
    rows = []

    def css_of(html: bytes) -> int:
        """The gzip size of the stylesheets the page links to (a first visit fetches them all)."""
        paths = re.findall(rb'<link rel="stylesheet" href="/static/([^"]+)"', html)
        return sum(gz(Path(finders.find(path.decode())).read_bytes()) for path in paths)

    def measure(name: str, url: str, params=None) -> None:
        client.get(url, params)  # warm the content cache, as a running server would have it
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200, (name, response.status_code)
        rows.append((name, len(response.content), gz(response.content), len(queries), css_of(response.content)))

    measure("home", "/")
    measure("start", "/start/")
    measure("step 1 (concern)", "/start/step/concern/")
    answer_all_steps(client, skin_type="5", isotretinoin="yes", pregnant="unsure")
    measure("step 5 (health)", "/start/step/health-1/")
    measure("step 9 (values)", "/start/step/values/")
    measure("review", "/start/review/")
    measure("options", "/start/options/")
    measure("options, every option opened", "/start/options/", every_option_open())
    measure("compare (3 options)", "/start/compare/", {"options": ["no-procedure", "microneedling", "peel-medium"]})
    measure("decision", "/start/decision/")
    decide(client, leaning="microneedling")
    measure("questions", "/start/questions/")
    summary = save_summary(client)
    measure("summary", summary)
    measure("printable summary", summary + "print/")
    pdf_times = pdf_seconds(client, summary, 20)
    fullest = Client()
    fullest_times = pdf_seconds(fullest, save_fullest_summary(fullest), 5)
    measure("treatment page (microneedling)", "/treatments/microneedling/")
    print("+CSS: with the gzip size of every stylesheet the page links to (cached after the first page)\n")
    print(f"{'page':34} {'HTML KB':>8} {'gzip KB':>8} {'+CSS KB':>8} {'queries':>8}")
    for name, raw, compressed, queries, css in rows:
        print(f"{name:34} {raw / 1024:8.1f} {compressed / 1024:8.1f} {(compressed + css) / 1024:8.1f} {queries:8}")
    pdf_median_ms = statistics.median(pdf_times) * 1000
    fullest_median_ms = statistics.median(fullest_times) * 1000
    print(
        f"\nPDF of the summary (A4), whole request, 20 runs: median {pdf_median_ms:.0f} ms, "
        f"max {max(pdf_times) * 1000:.0f} ms"
    )
    print(
        f'PDF of the fullest summary a patient can make (every health answer "not sure", the three options '
        f"with the most flags, five longest questions), 5 runs: median {fullest_median_ms:.0f} ms, "
        f"max {max(fullest_times) * 1000:.0f} ms"
    )
    if "--json" in sys.argv:
        options, css = next((compressed, css) for name, _, compressed, _, css in rows if name == "options")
        print(
            "JSON "
            + json.dumps(
                {
                    "options_kb_with_css": (options + css) / 1024,
                    "pdf_median_ms": pdf_median_ms,
                    "pdf_fullest_median_ms": fullest_median_ms,
                }
            )
        )


def pdf_seconds(client: Client, summary: str, runs: int) -> list[float]:
    """How long each of `runs` downloads of a summary's PDF takes, whole request."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(summary + "summary.pdf")
        times.append(time.perf_counter() - started)
        assert response.status_code == 200
    return times


if __name__ == "__main__":
    main()
