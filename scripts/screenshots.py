"""Save full-page PNGs of every public page at 390 px (phone) and 1280 px (desktop) for a design review.

Usage: .venv/bin/python scripts/screenshots.py [--base-url URL] [--out DIR] [--widths 390,1280]
Without --base-url it starts Django's development server on a free port against a throw-away SQLite database
with the shipped content pack published; with --base-url it starts nothing and photographs that site (which must
have published content). The journey is answered in Chromium (/usr/bin/chromium), by posting each step's form
with the page's own CSRF token, so the pages shown are the ones a patient would see.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu"]

# Pages reached without answering anything: (file name, path).
OPEN_PAGES = [
    ("home", "/"),
    ("treatments", "/treatments/"),
    ("treatment-microneedling", "/treatments/microneedling/"),
    ("treatment-no-procedure", "/treatments/no-procedure/"),
    ("faq", "/questions-people-ask/"),
    ("word-list", "/glossary/"),
    ("about", "/about/"),
    ("encounter-sheet-form", "/treatments/compare/?concern=acne-scars&jurisdiction=uk"),
    (
        "encounter-sheet",
        "/treatments/compare/?concern=acne-scars&jurisdiction=uk&options=no-procedure&options=microneedling"
        "&options=peel-medium",
    ),
    ("summary-lookup", "/summary/"),
    ("not-found", "/no-such-page/"),
    ("start", "/start/"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def development_server():
    """A development server on a free port with the shipped content published; yields its URL."""
    scratch = tempfile.mkdtemp(prefix="screenshots-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{scratch}/db.sqlite3",
        "DJANGO_DEBUG": "0",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_content"], ["publish_release", "--first", "--note", "x"]):
        subprocess.run(manage + command, env=env, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen(
        manage + ["runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("the development server did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def journey_answers() -> tuple[dict[str, dict], dict]:
    """The test suite's typical adult (tests/questionnaire/journey.py), read without a database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from tests.questionnaire.journey import DECISION, step_data

    return step_data(), DECISION


class Photographer:
    def __init__(self, browser, base_url: str, out: Path, width: int):
        self.base_url = base_url.rstrip("/")
        self.out = out
        self.width = width
        self.context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 600)
        self.page = self.context.new_page()
        self.saved: list[Path] = []

    def shoot(self, name: str, path: str | None = None) -> None:
        if path is not None:
            self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("load")
        target = self.out / f"{len(self.saved) + 1:02d}-{name}-{self.width}.png"
        self.page.screenshot(path=str(target), full_page=True)
        self.saved.append(target)

    def post(self, path: str, fields: dict) -> None:
        """Send a form as the browser would (same cookies), with the CSRF token of the page now open."""
        token = self.page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
        body = urlencode({**fields, "csrfmiddlewaretoken": token}, doseq=True)
        response = self.context.request.post(
            self.base_url + path,
            data=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": self.base_url + path},
            max_redirects=0,
        )
        if response.status != 302:
            raise RuntimeError(f"POST {path} answered {response.status}")

    def walk(self, steps: dict[str, dict], decision: dict) -> None:
        for name, path in OPEN_PAGES:
            self.shoot(name, path)
        first = next(iter(steps))
        self.page.goto(f"{self.base_url}/start/step/{first}/")
        self.page.get_by_role("button", name="Next", exact=True).click()  # nothing answered: the step with errors
        self.shoot(f"step-{first}-with-errors")
        for slug, fields in steps.items():
            self.shoot(f"step-{slug}", f"/start/step/{slug}/")
            self.post(f"/start/step/{slug}/", fields)
        self.shoot("review", "/start/review/")
        self.shoot("options", "/start/options/")
        self.shoot("compare", "/start/compare/?options=no-procedure&options=microneedling")
        self.shoot("decision", "/start/decision/")
        self.post("/start/decision/", {**decision, "leaning": "microneedling"})
        self.shoot("questions", "/start/questions/")
        self.page.locator("form button[type=submit]").last.click()
        self.page.wait_for_load_state("load")
        summary = self.page.url
        self.shoot("summary")
        self.page.goto(summary.rstrip("/") + "/print/")
        self.shoot("summary-printable")
        self.page.emulate_media(media="print")
        self.shoot("summary-printable-print-media")
        self.page.emulate_media(media="screen")

    def walk_study(self, steps: dict[str, dict], decision: dict) -> None:
        """The study mode (issue 17), in a fresh session: the offer, the checks before and after, the answers."""
        self.context.clear_cookies()
        self.shoot("study-offer", "/start/")
        self.page.get_by_role("button", name="Yes, add the extra questions").click()
        self.page.wait_for_load_state("load")
        for slug, fields in steps.items():
            self.page.goto(f"{self.base_url}/start/step/{slug}/")
            self.post(f"/start/step/{slug}/", fields)
        self.page.goto(self.base_url + "/start/options/")
        self.shoot("study-before")
        self.page.evaluate("document.querySelectorAll('form').forEach(form => { form.noValidate = true; })")
        self.page.get_by_role("button", name="Next: your options").click()
        self.page.wait_for_load_state("load")
        self.shoot("study-before-with-errors")
        names = set(self.page.locator("input[type=radio]").evaluate_all("inputs => inputs.map(i => i.name)"))
        self.post("/start/study/before/", {name: "no" if name.startswith("sure_") else "unsure" for name in names})
        self.page.goto(self.base_url + "/start/decision/")
        self.post("/start/decision/", {**decision, "leaning": "microneedling"})
        self.shoot("study-after", "/start/study/after/")
        names = set(self.page.locator("input[type=radio]").evaluate_all("inputs => inputs.map(i => i.name)"))
        self.post("/start/study/after/", dict.fromkeys(names, "true"))
        self.shoot("study-answers", "/start/study/answers/")
        self.shoot("questions-with-values-prompt", "/start/questions/")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", help="photograph this running site instead of starting one")
    parser.add_argument("--out", default=str(ROOT / "screenshots"), help="folder for the PNGs (default screenshots/)")
    parser.add_argument("--widths", default="390,1280", help="comma-separated viewport widths in px")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    widths = [int(width) for width in args.widths.split(",")]
    steps, decision = journey_answers()

    from playwright.sync_api import sync_playwright

    server = contextmanager(lambda: (yield args.base_url))() if args.base_url else development_server()
    with server as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            for width in widths:
                photographer = Photographer(browser, base_url, out, width)
                photographer.walk(steps, decision)
                photographer.walk_study(steps, decision)
                photographer.context.close()
                print(f"{len(photographer.saved)} pages at {width} px in {out}")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
