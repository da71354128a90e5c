"""Phone figures for the decision pages (issue 15): the options page's height at 390 px with every option's
details closed, where the at-a-glance layer ends, the compare page's width with 4 options, and what a phone
receives for the options page (HTML gzip plus its CSS gzip).

Usage: .venv/bin/python scripts/measure_layout.py [--base-url URL]   (default: starts a scratch site)
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.screenshots import CHROMIUM, CHROMIUM_FLAGS, Photographer, development_server, journey_answers  # noqa: E402

PHONE = {"width": 390, "height": 844}
FLAGGED = {"skin_type": "5", "isotretinoin": "yes"}


def answered(browser, base_url: str, steps: dict, **changes) -> Photographer:
    patient = Photographer(browser, base_url, Path("/tmp"), PHONE["width"])
    patient.context.close()
    patient.context = browser.new_context(viewport=PHONE)
    patient.page = patient.context.new_page()
    for slug, fields in steps.items():
        fields = {name: changes.get(name, value) for name, value in fields.items()}
        patient.page.goto(f"{base_url}/start/step/{slug}/")
        patient.post(f"/start/step/{slug}/", fields)
    return patient


def options_figures(patient: Photographer, base_url: str) -> dict:
    page = patient.page
    page.goto(base_url + "/start/options/")
    return {
        "height": page.evaluate("document.documentElement.scrollHeight"),
        "glance_ends": page.evaluate(
            "document.querySelector('#values-heading').getBoundingClientRect().top + window.scrollY"
        ),
        "rows": page.locator("article.option-row").count(),
        "width": page.evaluate("document.documentElement.scrollWidth"),
    }


def transfer(patient: Photographer, base_url: str) -> tuple[int, int]:
    response = patient.context.request.get(base_url + "/start/options/", headers={"Accept-Encoding": "gzip"})
    html = response.body()
    css = 0
    for href in re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html):
        css += len(gzip.compress(patient.context.request.get(base_url + href.decode()).body(), compresslevel=9))
    return len(gzip.compress(html, compresslevel=6)), css


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url")
    args = parser.parse_args()
    steps, _decision = journey_answers()
    from playwright.sync_api import sync_playwright

    server = contextmanager(lambda: (yield args.base_url))() if args.base_url else development_server()
    with server as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            for label, changes in (("no personal flags", {"skin_type": "2"}), ("two personal flags", FLAGGED)):
                patient = answered(browser, base_url, steps, **changes)
                figures = options_figures(patient, base_url)
                screens = figures["glance_ends"] / PHONE["height"]
                print(
                    f"Options page, acne scars ({figures['rows']} options), 390 px, {label}: "
                    f"{figures['height']:,} px tall; the at-a-glance layer ends at {figures['glance_ends']:,.0f} px "
                    f"({screens:.1f} screens of 844 px); page width {figures['width']} px"
                )
                if changes is FLAGGED:
                    html_kb, css_kb = transfer(patient, base_url)
                    print(
                        f"Options page sent to a phone: HTML {html_kb / 1024:.1f} KB + CSS {css_kb / 1024:.1f} KB gzip"
                    )
                    page = patient.page
                    four = "&".join(
                        f"options={slug}" for slug in ("no-procedure", "microneedling", "peel-medium", "tretinoin")
                    )
                    page.goto(f"{base_url}/start/compare/?{four}")
                    print(
                        f"Compare, 4 options, 390 px: page width {page.evaluate('document.documentElement.scrollWidth')} px"
                    )
                patient.context.close()
        finally:
            browser.close()


if __name__ == "__main__":
    main()
