"""Many patients at once: simultaneous journeys against the live (threaded) server on PostgreSQL, each saving
a summary at the same moment. Every one must get its own code and a complete record, with no errors."""

from __future__ import annotations

import html
import json
import re
import threading
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar, DefaultCookiePolicy
from unittest import mock

import pytest
from django.db import connection

from decisionaid.lib import codes
from decisionaid.summaries.models import SavedSummary
from decisionaid.summaries.record import draw
from tests.questionnaire.journey import DECISION, step_data

PATIENTS = 24
HIDDEN_FIELD = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')  # the CSRF token, the save key
SUMMARY_URL = re.compile(r"/summary/([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/$")
COMPARED = [["no-procedure", "microneedling"], ["microneedling", "peel-medium"], ["tretinoin", "laser-pigment"]]


class LocalhostIsSecure(DefaultCookiePolicy):
    """As browsers do, treat the local server as a secure origin, so the Secure session and CSRF cookies go back."""

    def return_ok_secure(self, cookie, request) -> bool:
        return True


class Patient:
    """One browser-like visitor: own cookies, follows redirects, sends the form's CSRF token with each POST."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar(LocalhostIsSecure())))

    def get(self, path: str, params: dict | None = None) -> tuple[str, str]:
        query = "?" + urllib.parse.urlencode(params, doseq=True) if params else ""
        return self._open(urllib.request.Request(self.base_url + path + query))

    def post(self, path: str, fields: dict) -> tuple[str, str]:
        _, page = self.get(path)
        return self.send(path, {**hidden_fields(page), **fields})

    def send(self, path: str, fields: dict) -> tuple[str, str]:
        """POSTs these fields as they are (post() adds the page's hidden fields, as a browser does)."""
        body = urllib.parse.urlencode(fields, doseq=True).encode()
        return self._open(urllib.request.Request(self.base_url + path, data=body))

    def _open(self, request) -> tuple[str, str]:
        with self.opener.open(request, timeout=60) as response:  # any 4xx or 5xx raises HTTPError
            return response.geturl(), response.read().decode()


def hidden_fields(page: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in HIDDEN_FIELD.findall(page)}


def journey_answers(number: int) -> dict:
    """Answers that differ from patient to patient, so each record can be traced to its journey."""
    return {
        "steps": step_data(skin_type=str(number % 6 + 1), jurisdiction=["us", "uk", "eu", "ca"][number % 4]),
        "compared": COMPARED[number % len(COMPARED)],
        "question": f"Question from patient number {number}?",
    }


def answer_up_to_the_questions(patient: Patient, number: int) -> list[str]:
    """The journey up to the questions page; returns the questions it has ticked."""
    answers = journey_answers(number)
    patient.get("/")
    patient.get("/start/")
    for slug, fields in answers["steps"].items():
        url, _ = patient.post(f"/start/step/{slug}/", fields)
        assert "/step/" + slug not in url, f"patient {number}: step {slug} was refused"
    _, options = patient.get("/start/options/")
    assert 'id="option-no-procedure"' in options
    _, compare = patient.get("/start/compare/", {"options": answers["compared"]})
    assert compare.count('<th scope="col">') == len(answers["compared"]), f"patient {number}: no comparison"
    patient.post("/start/decision/", DECISION)
    _, questions = patient.get("/start/questions/")
    boxes = re.findall(r'<input[^>]*name="chosen"[^>]*>', questions)
    return [re.search(r'value="([^"]+)"', box).group(1) for box in boxes if " checked" in box]


def walk(base_url: str, number: int, all_ready: threading.Barrier) -> str:
    """The whole journey; every patient presses "Save" at the same moment. Returns the saved summary's code."""
    patient, answers = Patient(base_url), journey_answers(number)
    chosen = answer_up_to_the_questions(patient, number)
    all_ready.wait(timeout=120)
    url, summary = patient.post("/start/questions/", {"chosen": chosen, "own_1": answers["question"]})
    match = SUMMARY_URL.search(url)
    assert match, f"patient {number} did not reach a saved summary: {url}"
    assert answers["question"] in summary
    return match.group(1)


def run_journeys(base_url: str, patients: int) -> list[str]:
    all_ready = threading.Barrier(patients)

    def walk_or_release_the_others(number: int) -> str:
        try:
            return walk(base_url, number, all_ready)
        except BaseException:
            all_ready.abort()  # the others stop waiting for a patient who will never arrive
            raise

    with ThreadPoolExecutor(max_workers=patients) as pool:
        return list(pool.map(walk_or_release_the_others, range(patients)))


def assert_each_record_is_whole_and_its_own(base_url: str, codes_: list[str]) -> None:
    assert len(set(codes_)) == len(codes_), "two patients were given the same code"
    assert SavedSummary.objects.count() == len(codes_)
    for number, code in enumerate(codes_):
        answers = journey_answers(number)
        _, body = Patient(base_url).get(f"/summary/{code}/export.json")
        export = json.loads(body)
        assert export["code"] == code
        assert export["answers"]["skin_type"] == answers["steps"]["about-you"]["skin_type"]
        assert export["answers"]["jurisdiction"] == answers["steps"]["country"]["jurisdiction"]
        assert {"no-procedure", *answers["compared"]} <= {option["slug"] for option in export["options"]}
        shown = draw(SavedSummary.objects.get(code=codes.normalize_code(code))).shown
        assert sorted(shown["considered"]) == sorted(answers["compared"]), "a record holds another's comparison"
        assert export["decision"]["leaning"] == DECISION["leaning"]
        assert export["questions"][-1] == answers["question"], "a record holds another patient's question"
        assert len(export["questions"]) > 1, "the pre-ticked questions were lost"


@pytest.fixture
def postgresql_site(site, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent writers (CI runs the suite on it)")
    # Every simulated patient comes from 127.0.0.1: as one client they would share the per-address limit on
    # code lookups, which each open summary takes a slot of for a moment (tests/security/test_rate_limits.py).
    settings.CODE_ATTEMPTS_PER_MINUTE = 1_000
    return site


def test_simultaneous_journeys_each_save_a_whole_summary_under_their_own_code(postgresql_site):
    codes_ = run_journeys(postgresql_site.url, PATIENTS)
    assert_each_record_is_whole_and_its_own(postgresql_site.url, codes_)


def test_simultaneous_saves_that_draw_the_same_code_each_end_up_with_their_own(postgresql_site):
    """Every save's first draw is forced to the same code: one wins, the rest draw again, none fails."""
    clash = "CRASH0000000"
    first_draw = threading.local()

    def draw() -> str:
        if getattr(first_draw, "done", False):
            return real_draw()
        first_draw.done = True
        return clash

    real_draw = codes.new_code
    with mock.patch("decisionaid.summaries.models.new_code", side_effect=draw):
        codes_ = run_journeys(postgresql_site.url, 8)
    assert clash in [code.replace("-", "") for code in codes_]
    assert_each_record_is_whole_and_its_own(postgresql_site.url, codes_)


def test_one_journeys_save_sent_four_times_at_once_makes_one_summary(postgresql_site):
    """A double (here quadruple) click on "Save my summary": one browser sends the same form at the same moment.
    Each click is shown the one summary; none makes a second that the patient would never see nor could delete."""
    patient, clicks = Patient(postgresql_site.url), 4
    chosen = answer_up_to_the_questions(patient, 0)
    _, page = patient.get("/start/questions/")
    form = {**hidden_fields(page), "chosen": chosen, "own_1": journey_answers(0)["question"]}
    all_ready = threading.Barrier(clicks)

    def click(_) -> str:
        all_ready.wait(timeout=30)
        return patient.send("/start/questions/", form)[0]

    with ThreadPoolExecutor(max_workers=clicks) as pool:
        shown = set(pool.map(click, range(clicks)))
    assert SavedSummary.objects.count() == 1, "a second summary was made"
    assert shown == {f"{postgresql_site.url}/summary/{SavedSummary.objects.get().display_code}/"}
    assert_each_record_is_whole_and_its_own(postgresql_site.url, [SavedSummary.objects.get().display_code])
