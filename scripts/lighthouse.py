"""Lighthouse (mobile) scores for home, a step, the options page, the compare page and a saved summary of a
scratch site.

Needs npm's `lighthouse` (e.g. `npm install --prefix /tmp/lh lighthouse@12`) and Debian's Chromium.
Usage: .venv/bin/python scripts/lighthouse.py [--lighthouse /tmp/lh/node_modules/.bin/lighthouse]
The site is the development server of `scripts/screenshots.py` (debug off); the journey pages are opened with
the session cookie of a patient who answered every step, and the summary is the one that patient saved.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.measure_layout import answered  # noqa: E402
from scripts.screenshots import CHROMIUM, CHROMIUM_FLAGS, development_server, journey_answers  # noqa: E402

PAGES = (
    ("home", "/"),
    ("step", "/start/step/concern/"),
    ("options", "/start/options/"),
    ("compare", "/start/compare/?options=no-procedure&options=microneedling&options=peel-medium"),
)
CATEGORIES = "performance,accessibility,best-practices"


def saved_summary(patient, url: str, decision: dict) -> str:
    """The path of the summary this patient saves after deciding, leaning towards microneedling."""
    patient.page.goto(url + "/start/decision/")
    patient.post("/start/decision/", {**decision, "leaning": "microneedling"})
    patient.page.goto(url + "/start/questions/")
    with patient.page.expect_navigation():
        patient.page.locator("form button[type=submit]").last.click()
    return patient.page.url.split(url, 1)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", default="/tmp/lh/node_modules/.bin/lighthouse")
    args = parser.parse_args()
    steps, decision = journey_answers()
    from playwright.sync_api import sync_playwright

    with development_server() as url, tempfile.TemporaryDirectory() as folder:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            patient = answered(browser, url, steps)
            cookie = "; ".join(f"{c['name']}={c['value']}" for c in patient.context.cookies())
            # Saving ends a journey, so another patient saves the summary.
            summary = saved_summary(answered(browser, url, steps), url, decision)
            browser.close()
        for name, path in [*PAGES, ("summary", summary)]:
            report = Path(folder) / f"{name}.json"
            subprocess.run(
                [
                    args.lighthouse,
                    url + path,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report}",
                    f"--only-categories={CATEGORIES}",
                    "--form-factor=mobile",
                    "--chrome-flags=--headless --no-sandbox --disable-gpu",
                    f"--extra-headers={json.dumps({'Cookie': cookie})}",
                ],
                env={**os.environ, "CHROME_PATH": CHROMIUM},
                timeout=180,
                check=True,
            )
            data = json.loads(report.read_text())
            scores = ", ".join(f"{key} {value['score']}" for key, value in data["categories"].items())
            print(f"{name:8} {data['finalDisplayedUrl'].split(url, 1)[-1]:40} {scores}")


if __name__ == "__main__":
    main()
