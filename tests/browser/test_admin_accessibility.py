"""The admin pages content staff use have zero axe-core violations of the WCAG 2.2 A and AA rules.

A clinical reviewer signs in once; one browser context then visits the admin index, the changelists, an
option's change form with all its inlines (at 1280 and 390 px, and with a select2 search box open) and its
history page; and the release pages (list, publish page with its diff, a release's changes), each skipped while
it answers 404. Every violation is reported with its rule, the elements it was found on and the page.
"""

from __future__ import annotations

import textwrap

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP, PHONE

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# No CSSOM preload: axe would parse the fetched stylesheets in inline <style> elements, which the site's
# Content-Security-Policy blocks, and resolve forms.css's @import against the page (a stray 404). The one rule that
# needs it, css-orientation-lock, has nothing to find: no admin stylesheet uses an orientation media query.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"], "preload": False}
OPTION_SLUG = "microneedling"
SHOWN_TARGETS = 3

CHANGELISTS = {
    "options changelist": "/admin/content/option/",
    "references changelist": "/admin/content/reference/",
    "side effects changelist": "/admin/content/sideeffect/",
    "evidence changelist": "/admin/content/evidence/",
}
# Being built: covered as soon as they answer (until then each is skipped, with the reason).
RELEASE_PAGES = {
    "releases": "/admin/content/release/",
    "release publish (the diff)": "/admin/content/release/publish/",
    "latest release's changes": "/admin/content/release/{latest}/change/",
}


def axe_violations(page, where: str) -> list[str]:
    """One line per rule broken on the page: page, rule id, impact, how many elements and which (the first few)."""
    results = Axe().run(page, options=AXE_OPTIONS)
    found = []
    for violation in results.response["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        shown = "; ".join(targets[:SHOWN_TARGETS]) + (
            f"; and {len(targets) - SHOWN_TARGETS} more" if len(targets) > SHOWN_TARGETS else ""
        )
        summary = textwrap.indent(violation["nodes"][0]["failureSummary"], "    ")
        found.append(
            f"{where}: {violation['id']} ({violation['impact']}, {len(targets)} element(s)): {violation['help']}\n"
            f"    at {shown}\n{summary}"
        )
    return found


def visit(page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url} answered {response and response.status}"


def open_references_autocomplete(page) -> None:
    """Opens the option's own references select2 box, so its search field and results list are on the page."""
    page.locator(".field-references .select2-selection").first.click()
    page.locator(".select2-container--open .select2-search__field").wait_for()
    page.locator(".select2-results__option").first.wait_for()


def test_admin_pages_have_no_wcag_violations(site, admin_page):
    from decisionaid.content.models import Option

    page = admin_page
    option = Option.objects.get(slug=OPTION_SLUG)
    option._change_reason = "a row for the history page"  # the shipped pack is loaded without history
    option.save()
    option_url = f"{site.url}/admin/content/option/{option.pk}"
    found: list[str] = []

    found += axe_violations(page, "admin index")
    for where, path in CHANGELISTS.items():
        visit(page, site.url + path)
        found += axe_violations(page, where)

    for viewport, size in (("1280 px", DESKTOP), ("390 px", PHONE)):
        page.set_viewport_size(size)
        visit(page, option_url + "/change/")
        found += axe_violations(page, f"option change form at {viewport}")
        open_references_autocomplete(page)
        found += axe_violations(page, f"option change form at {viewport}, references search open")
    page.set_viewport_size(DESKTOP)

    visit(page, option_url + "/history/")
    assert page.get_by_text("a row for the history page").count(), "the history page lists no change"
    found += axe_violations(page, "option history")

    assert not found, f"{len(found)} axe-core violation(s):\n" + "\n".join(found)


@pytest.mark.parametrize("path", RELEASE_PAGES.values(), ids=RELEASE_PAGES.keys())
def test_release_pages_have_no_wcag_violations(site, admin_page, path):
    from decisionaid.content.models import Option

    # A change to what patients read, so the publish page has a diff to show.
    option = Option.objects.get(slug=OPTION_SLUG)
    option.what_it_is += " A sentence added by the accessibility test."
    option.save()
    if "{latest}" in path:
        from django.apps import apps

        releases = apps.get_model("content", "Release") if "release" in apps.get_app_config("content").models else None
        latest = releases and releases.objects.order_by("-number").first()
        if latest is None:
            pytest.skip("there is no release yet: the release pages are not built yet, or no release was made")
        path = path.format(latest=latest.pk)
    response = admin_page.goto(site.url + path)
    if response is not None and response.status == 404:
        pytest.skip(f"{path} answers 404: the release pages are not built yet; this test covers them once they are")
    assert response is not None and response.status == 200, f"{path} answered {response and response.status}"
    found = axe_violations(admin_page, path)
    assert not found, f"{len(found)} axe-core violation(s):\n" + "\n".join(found)
