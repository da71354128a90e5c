"""Hostile input at every form and URL: never a 500, always a clear answer, and no stored record changed or
half-written. Property-based (Hypothesis) for the questionnaire steps; hand-picked cases for the rest."""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from decisionaid.questionnaire.steps import STEPS
from decisionaid.summaries.models import SavedSummary
from decisionaid.summaries.record import draw
from tests.questionnaire.journey import answer_all_steps, decide, save_summary, step_data

ODD_TEXT = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "\u202e\u0000\ufeff",
            "💉" * 50,
            "-1",
            "99999",
            "3.5",
            "../../etc/passwd",
            "%00",
            "acne-scars\r\nSet-Cookie: x=1",
            "A" * 5000,
        ]
    ),
)
FIELD_NAMES = sorted(
    {name for fields in step_data().values() for name in fields} | {"go", "return", "csrfmiddlewaretoken"}
)
HOSTILE_FORM = st.dictionaries(
    st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=20)),
    st.one_of(ODD_TEXT, st.lists(ODD_TEXT, max_size=5)),
    max_size=12,
)
FUZZ = hypothesis_settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def patient(shipped_content):
    """A patient who has answered every step, so every step accepts a POST."""
    client = Client(raise_request_exception=False)
    answer_all_steps(client)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("step", [step.slug for step in STEPS])
@FUZZ
@given(form=HOSTILE_FORM)
def test_any_post_to_a_step_is_stored_whole_or_refused_with_a_message(patient, step, form):
    before = dict(patient.session.get("journey", {}))
    response = patient.post(reverse("questionnaire:step", args=[step]), form)
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:  # the step again, with what to fix at the top
        assert b"Please check your answers" in response.content
        assert patient.session.get("journey", {}) == before  # nothing half-stored
    assert b"<script>alert(1)</script>" not in response.content  # shown escaped, if shown at all


@pytest.mark.django_db
@FUZZ
@given(code=st.text(max_size=200))
def test_any_code_in_a_summary_url_or_the_lookup_is_a_clear_page(shipped_content, code):
    client = Client(raise_request_exception=False)
    lookup = client.get(reverse("summary:lookup"), {"code": code})
    assert lookup.status_code in (302, 400, 404, 429)
    url_code = quote(code.replace("/", "").strip() or "X", safe="")  # "#" or "?" stay in the path
    response = client.get(f"/summary/{url_code}/")
    assert response.status_code in (301, 302, 400, 404, 429), response.status_code
    assert SavedSummary.objects.count() == 0


@pytest.mark.django_db
def test_a_megabyte_body_script_tags_and_odd_unicode_in_own_questions(patient):
    decide(patient)
    huge = {"own_1": "x" * 1_000_000}
    response = patient.post(reverse("questionnaire:questions"), huge)
    assert response.status_code == 413 and b"That form was too large to send" in response.content
    assert SavedSummary.objects.count() == 0
    save_summary(patient, own_1="<script>alert(1)</script> \u202e ok?")
    page = patient.get(f"/summary/{SavedSummary.objects.get().display_code}/")
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in page.content
    assert b"<script>alert(1)</script>" not in page.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "method, path",
    [
        ("put", "/start/step/concern/"),
        ("delete", "/start/questions/"),
        ("patch", "/summary/"),
        ("post", "/healthz"),
        ("post", "/summary/"),
        ("put", "/treatments/compare/"),
    ],
)
def test_wrong_methods_are_refused_with_405(shipped_content, method, path):
    response = getattr(Client(raise_request_exception=False), method)(path)
    assert response.status_code == 405


@pytest.mark.django_db
def test_a_post_without_its_csrf_token_is_refused_and_changes_nothing(shipped_content):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = client.post(reverse("questionnaire:step", args=["concern"]), step_data()["concern"])
    assert response.status_code == 403
    assert "journey" not in client.session


@pytest.mark.django_db
def test_forged_and_truncated_codes_cannot_delete_anything(patient):
    decide(patient)
    save_summary(patient)
    real = SavedSummary.objects.get().display_code
    for forged in (real[:-1], real[:-1] + ("0" if real[-1] != "0" else "1"), real + "0", "0000-0000-0000"):
        response = patient.post(f"/summary/{forged}/delete/", {"confirm": "yes"})
        assert response.status_code in (404, 429)
    assert SavedSummary.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["questionnaire:decision", "questionnaire:questions"])
@FUZZ
@given(
    form=st.dictionaries(
        st.sampled_from(
            [
                "leaning",
                "stage",
                "role",
                "sure",
                "understand",
                "risk_benefit",
                "encouragement",
                "chosen",
                "own_1",
                "own_5",
                "own_6",
            ]
        ),
        st.one_of(ODD_TEXT, st.lists(ODD_TEXT, max_size=3)),
        max_size=8,
    )
)
def test_any_post_to_the_decision_and_questions_pages_saves_whole_or_is_refused(patient, page, form):
    decide(patient)
    shown = patient.get(reverse(page))
    if page == "questionnaire:questions" and shown.status_code == 200:  # until a save ends the journey
        form = {"save_token": shown.context["save_token"], **form}  # as the page sends it, so it can save
    response = patient.post(reverse(page), form)
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        assert b"Please check your answers" in response.content
    for summary in SavedSummary.objects.all():  # anything saved is complete
        assert set(summary.record) == {"format", "journey", "chosen_questions", "own_questions"}
        assert set(draw(summary).export) == {"answers", "options", "decision", "sure", "questions"}
