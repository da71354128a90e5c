"""The release workflow end to end in a real browser, as three staff members and a patient see it.

An editor's change waits in the working copy while patients' pages stay exactly as they were; a clinical reviewer
who also changed the item cannot publish it; another reviewer publishes it only with a note, and patients then
see it; a roll-back puts release 1's content back, and a reviewer cannot roll back to a release holding their own
change. Every admin step goes through the real pages, found by their labels and roles, so the test also shows
the pages can be used by label. The patient's browser is never signed in.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from decisionaid.content.signals import EDITOR_GROUP, REVIEWER_GROUP

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password-for-release-staff"
# The longest any one step (an action, a page load, an expectation) may take; nothing here sleeps. Unloaded, the
# slowest step (the first page a patient opens) takes about 2 s; two cores busy with other tests can double it.
STEP_MS = 10_000
TREATMENT = "/treatments/microneedling/"
OLD_SENTENCE = "Microneedling uses a pen or a roller with many fine needles."
NEW_SENTENCE = "Microneedling uses a small pen or roller with lots of very fine needles."
PREGNANCY_RULE = "Ask your clinician about waiting until after pregnancy and breastfeeding."
WORKING_COPY_MESSAGE = (
    "Saved “Microneedling” to the working copy. Patients will see this only after a clinical reviewer who did not "
    "make the change publishes a release"
)
OPTION_CHANGE = "Changed: Option “Microneedling”"
RULE_REMOVED = "Health rule removed “pregnant”"
RULE_ADDED = "Health rule added “pregnant”"
NOT_PUBLISHED = "Not published. Nothing patients see has changed."
OWN_CHANGE = "You changed these items yourself, so another clinical reviewer must publish them: Option “Microneedling”."
NO_NOTE = "Write a note saying what this release changes and why."
NOTE_LABEL = re.compile(r"^Note for the record")
ROLL_BACK = "Roll back: publish this release's content again"


@pytest.fixture
def staff(site, django_user_model):
    """An editor (edna) and two clinical reviewers (rita and omar), as `add_content_user` would make them."""
    from django.contrib.auth.models import Group

    def make(name: str, group: str):
        user = django_user_model.objects.create_user(name, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "edna": make("edna", EDITOR_GROUP),
        "rita": make("rita", REVIEWER_GROUP),
        "omar": make("omar", REVIEWER_GROUP),
    }


@pytest.fixture(autouse=True)
def step_timeout():
    expect.set_options(timeout=STEP_MS)
    yield
    expect.set_options(timeout=None)  # Playwright's own default again, for the other browser tests


@pytest.fixture
def new_page(browser):
    """A page in a browser context of its own (its own cookies: one person each)."""
    contexts = []

    def make():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(STEP_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


class Patient:
    """A patient's browser: the visible text of a page's main part, and its footer."""

    def __init__(self, page, site):
        self.page, self.site = page, site

    def main(self, path: str = TREATMENT) -> str:
        response = self.page.goto(self.site.url + path)
        assert response is not None and response.status == 200, f"{path} answered {response and response.status}"
        return self.page.inner_text("main")

    def footer(self) -> str:
        return self.page.get_by_role("contentinfo").inner_text()


def sign_in(page, site, username: str) -> None:
    page.goto(site.url + "/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(site.url + "/admin/")


def open_microneedling(page, site) -> None:
    page.goto(site.url + "/admin/content/option/")
    page.get_by_role("table").get_by_role("link", name="Microneedling", exact=True).click()
    expect(page.get_by_role("heading", name="Change option")).to_be_visible()


def open_publish_page(page, site, number: int) -> None:
    page.goto(site.url + "/admin/content/release/")
    page.get_by_role("link", name="See what the next release would change").click()
    expect(page.get_by_role("heading", name=f"Publish release {number}", exact=True)).to_be_visible()


def open_roll_back(page, site, release: int, number: int) -> None:
    """From the Releases list to release `release`'s page, then its roll-back link (making release `number`)."""
    page.goto(site.url + "/admin/content/release/")
    page.get_by_role("table").get_by_role("link", name=f"Release {release}", exact=True).click()
    expect(page.get_by_role("heading", name=f"Release {release}", exact=True)).to_be_visible()
    page.get_by_role("link", name=ROLL_BACK).click()
    title = f"Publish release {number}: release {release}'s content again"
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()


def publish(page, number: int, note: str) -> None:
    page.get_by_label(NOTE_LABEL).fill(note)
    page.get_by_role("button", name=f"Publish release {number}", exact=True).click()


def expect_blocked(page, number: int, reason: str) -> None:
    """The page says why this reviewer cannot publish, and its button cannot be pressed."""
    page.get_by_label(NOTE_LABEL).fill("A note")
    expect(page.get_by_text("You cannot publish this release yet:")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text=reason)).to_be_visible()
    expect(page.get_by_role("button", name=f"Publish release {number}", exact=True)).to_be_disabled()


def expect_refused(page, number: int, reason: str) -> None:
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(NOT_PUBLISHED)
    expect(alert.get_by_role("listitem")).to_have_text([reason])
    expect(page.get_by_role("heading", name=re.compile(rf"^Publish release {number}\b"))).to_be_visible()


def microneedling_change(page):
    """The publish page's one changed item; its field rows are named by their field."""
    expect(page.get_by_role("heading", name="What changes for patients (1 item)")).to_be_visible()
    return page.get_by_role("region", name=OPTION_CHANGE)


def test_an_edit_reaches_patients_only_when_another_reviewer_publishes_it(site, staff, new_page):
    from decisionaid.content.models import Release

    patient = Patient(new_page(), site)
    treatment_before, home_before = patient.main(TREATMENT), patient.main("/")
    assert OLD_SENTENCE in treatment_before and PREGNANCY_RULE in treatment_before
    assert "Content release 1," in patient.footer()

    # 1. The editor rewrites one sentence of "What it is" by typing over it, and saves.
    edna = new_page()
    sign_in(edna, site, "edna")
    open_microneedling(edna, site)
    what_it_is = edna.get_by_label("What it is")
    what_it_is.evaluate(
        "(box, old) => { const at = box.value.indexOf(old); box.focus(); box.setSelectionRange(at, at + old.length); }",
        OLD_SENTENCE,
    )
    edna.keyboard.type(NEW_SENTENCE)
    assert NEW_SENTENCE in what_it_is.input_value() and OLD_SENTENCE not in what_it_is.input_value()
    edna.get_by_role("button", name="Save", exact=True).click()
    expect(edna.get_by_text(WORKING_COPY_MESSAGE)).to_be_visible()
    expect(edna.get_by_text("changed successfully")).to_have_count(0)
    row = edna.get_by_role("row").filter(has=edna.get_by_role("link", name="Microneedling", exact=True))
    expect(row).to_contain_text("Changed by edna on")
    assert patient.main(TREATMENT) == treatment_before
    assert patient.main("/") == home_before

    # 2. Reviewer A sees the editor's change word by word, with the editor's name.
    rita = new_page()
    sign_in(rita, site, "rita")
    open_publish_page(rita, site, 2)
    change = microneedling_change(rita)
    expect(change.get_by_text("Changed by: edna", exact=True)).to_be_visible()
    expect(change.get_by_role("rowheader")).to_have_text(["What it is"])
    words = change.get_by_role("row", name=re.compile(r"^What it is"))
    # Each change is marked for screen readers and copy-paste too, not only by strike-through and underline.
    expect(words.locator("del")).to_have_text(["[removed: a]", "[removed: many]"])
    expect(words.locator("ins")).to_have_text(["[added: small ]", "[added: lots of very]"])

    # ... then makes a change of their own (deletes the pregnancy rule's inline row), and cannot publish.
    open_microneedling(rita, site)
    rule = rita.get_by_role("heading", name="Contraindication rule: Microneedling: avoid for pregnant")
    rule.get_by_role("checkbox", name="Delete").check()
    rita.get_by_role("button", name="Save", exact=True).click()
    expect(rita.get_by_text(WORKING_COPY_MESSAGE)).to_be_visible()
    open_publish_page(rita, site, 2)
    change = microneedling_change(rita)
    expect(change.get_by_text("Changed by: edna, rita", exact=True)).to_be_visible()
    expect(change.get_by_role("rowheader")).to_have_text(["What it is", RULE_REMOVED])
    expect_blocked(rita, 2, OWN_CHANGE)
    assert patient.main(TREATMENT) == treatment_before
    assert Release.objects.count() == 1

    # 3. Reviewer B sees both changes and both names; publishing needs a note, then succeeds.
    omar = new_page()
    sign_in(omar, site, "omar")
    open_publish_page(omar, site, 2)
    change = microneedling_change(omar)
    expect(change.get_by_text("Changed by: edna, rita", exact=True)).to_be_visible()
    expect(change.get_by_role("rowheader")).to_have_text(["What it is", RULE_REMOVED])
    expect(omar.get_by_text("You cannot publish this release yet:")).to_have_count(0)
    publish(omar, 2, "   ")
    expect_refused(omar, 2, NO_NOTE)
    assert patient.main(TREATMENT) == treatment_before
    publish(omar, 2, "Plainer description of microneedling; pregnancy rule removed")
    expect(omar.get_by_text("Published release 2.")).to_be_visible()
    expect(omar.get_by_role("heading", name="Release 2", exact=True)).to_be_visible()
    expect(omar.get_by_role("row", name=re.compile("^Option “Microneedling”"))).to_contain_text("edna, rita")

    treatment_after = patient.main(TREATMENT)
    assert NEW_SENTENCE in treatment_after
    assert OLD_SENTENCE not in treatment_after and PREGNANCY_RULE not in treatment_after
    assert "Content release 2," in patient.footer()

    # 4. Reviewer A rolls back to release 1's content. A wrote nothing in release 1, so A may; the working copy
    # keeps both changes.
    open_roll_back(rita, site, release=1, number=3)
    change = microneedling_change(rita)
    expect(change.get_by_role("rowheader")).to_have_text(["What it is", RULE_ADDED])
    expect(rita.get_by_text("You cannot publish this release yet:")).to_have_count(0)
    publish(rita, 3, "Roll back: the pregnancy rule must stay until it is reviewed")
    expect(rita.get_by_text("Published release 3.")).to_be_visible()
    expect(rita.get_by_text("Publishes the content of release 1 again.")).to_be_visible()
    assert patient.main(TREATMENT) == treatment_before
    assert "Content release 3," in patient.footer()
    open_microneedling(rita, site)
    assert NEW_SENTENCE in rita.get_by_label("What it is").input_value()

    # ... but A cannot roll forward to release 2's content, which holds A's own change.
    open_roll_back(rita, site, release=2, number=4)
    change = microneedling_change(rita)
    expect(change.get_by_text("Changed by: edna, rita", exact=True)).to_be_visible()
    expect_blocked(rita, 4, OWN_CHANGE)
    assert patient.main(TREATMENT) == treatment_before
    assert Release.objects.count() == 3


def test_after_a_roll_back_a_reviewer_still_cannot_publish_their_own_change(site, staff, new_page):
    from decisionaid.content import releases
    from decisionaid.content.models import ContraindicationRule, Option, Release

    option = Option.objects.get(slug="microneedling")
    option.what_it_is = option.what_it_is.replace(OLD_SENTENCE, NEW_SENTENCE)
    option._history_user = staff["edna"]
    option.save()
    rule = ContraindicationRule.objects.get(option=option, health_item__slug="pregnant")
    rule._history_user = staff["rita"]
    rule.delete()
    releases.publish_release(user=staff["omar"], note="Both changes", base_number=1, digest=releases.propose().digest)
    first = Release.objects.get(number=1)
    releases.publish_release(
        user=staff["rita"],
        note="Roll back",
        base_number=2,
        digest=releases.propose(republish=first).digest,
        republish=1,
    )

    rita = new_page()
    sign_in(rita, site, "rita")
    open_publish_page(rita, site, 4)
    change = microneedling_change(rita)
    expect(change.get_by_role("rowheader")).to_have_text(["What it is", RULE_REMOVED])
    expect(change.get_by_text("Changed by: edna, rita", exact=True)).to_be_visible()
    expect_blocked(rita, 4, OWN_CHANGE)
