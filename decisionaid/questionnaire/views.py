"""The patient journey: questionnaire steps, options, compare, decision, questions, and saving a summary.

Every page reads the published content from the cached catalogue and the answers from the session, so the
options page costs the same few queries however many options there are. Each form posts, then redirects.
"""

from __future__ import annotations

from crispy_forms.utils import render_crispy_form
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from decisionaid.content.catalogue import catalogue_for
from decisionaid.content.references import page_references
from decisionaid.lib.codes import display_code
from decisionaid.lib.personal import personal
from decisionaid.lib.remember import remembered
from decisionaid.questionnaire import choices
from decisionaid.questionnaire.cards import shared_cited_items
from decisionaid.questionnaire.decision import QuestionsToAsk, questions_to_ask, score_sure
from decisionaid.questionnaire.forms import CompareForm, DecisionForm, QuestionsForm
from decisionaid.questionnaire.matching import SORT_KEYS, Match, kept_matches, sort_matches, top_attributes
from decisionaid.questionnaire.options_page import options_page_html
from decisionaid.questionnaire.steps import STEP_BY_SLUG, STEPS, Journey, Step, neighbours, step_number
from decisionaid.questionnaire.values_table import values_rows_html
from decisionaid.study import recording
from decisionaid.study.agreement import values_agreement
from decisionaid.study.state import Study, count_once, has_reached
from decisionaid.summaries.models import LAST_SAVED_KEY, SavedSummary
from decisionaid.summaries.record import saved_record


def _journey(request: HttpRequest) -> Journey:
    return Journey(request.session, catalogue_for(request))


def _redirect_to_step(step: Step) -> HttpResponseRedirect:
    return redirect("questionnaire:step", slug=step.slug)


def _unfinished_redirect(request: HttpRequest, journey: Journey) -> HttpResponseRedirect | None:
    """Where to send someone who opened a page before answering the questions it needs."""
    if journey.is_under_18():
        return redirect("questionnaire:adults_only")
    step = journey.first_unfinished()
    if step is None:
        return None
    if journey.data.get("answers"):
        messages.info(request, _("Please answer this step first."))
    return _redirect_to_step(step)


@require_http_methods(["GET"])
@personal
def start(request: HttpRequest) -> HttpResponse:
    journey = _journey(request)
    return render(
        request,
        "questionnaire/start.html",
        {
            "study_on": Study(journey).is_on,
            "study_offered": not has_reached(journey, "options"),  # "before" must come before the options
            "has_answers": bool(journey.data.get("answers")),
            "first_step": STEPS[0],
            "step_count": len(STEPS),
            "retention_days": settings.SUMMARY_RETENTION_DAYS,
        },
    )


@require_http_methods(["POST"])
def start_again(request: HttpRequest) -> HttpResponse:
    _journey(request).clear()
    messages.info(request, _("Your answers have been cleared."))
    return redirect("questionnaire:step", slug=STEPS[0].slug)


@require_http_methods(["GET", "POST"])
@personal
def step(request: HttpRequest, slug: str) -> HttpResponse:
    current = STEP_BY_SLUG.get(slug)
    if current is None:
        return render(request, "404.html", status=404)
    journey = _journey(request)
    first = journey.first_unfinished()
    if first is not None and STEPS.index(first) < STEPS.index(current):
        return _unfinished_redirect(request, journey)
    if journey.is_under_18() and STEPS.index(current) > STEPS.index(STEP_BY_SLUG["about-you"]):
        return redirect("questionnaire:adults_only")
    previous, following = neighbours(current)
    returning = request.GET.get("return") == "review"
    if request.method == "POST":
        form = current.form_class(request.POST, catalogue=journey.catalogue)
        going_back = request.POST.get("go") == "back"
        if form.is_valid():
            journey.store(current, form.answers())
            count_once(journey, "started")
            if journey.is_under_18():
                return redirect("questionnaire:adults_only")
            if going_back and previous:
                return _redirect_to_step(previous)
            if returning or following is None:
                return redirect("questionnaire:review")
            return _redirect_to_step(following)
        if going_back and previous:
            return _redirect_to_step(previous)  # keeps what was stored for this step before
    else:
        form = current.form_class(initial=journey.stored(current), catalogue=journey.catalogue)
    return render(
        request,
        "questionnaire/step.html",
        {
            "step": current,
            "form": form,
            "number": step_number(current),
            "step_count": len(STEPS),
            "previous": previous,
            "returning": returning,
            "form_html": _unbound_form_html(form, journey, current),
        },
    )


def _unbound_form_html(form, journey: Journey, current: Step) -> str | None:
    """A step's form as it first shows (or with the patient's earlier answers), kept once drawn: crispy-forms
    took most of a step page's time, and everyone starting a step sees the same form. A form with errors
    (None here) is drawn in the page."""
    if form.is_bound:
        return None
    return remembered(
        "step-form",
        (journey.catalogue.stamp, get_language(), current.slug, form.initial),
        lambda: render_crispy_form(form),
    )


@require_http_methods(["GET"])
@personal
def adults_only(request: HttpRequest) -> HttpResponse:
    return render(request, "questionnaire/adults_only.html")


@require_http_methods(["GET"])
@personal
def review(request: HttpRequest) -> HttpResponse:
    journey = _journey(request)
    if redirect_to := _unfinished_redirect(request, journey):
        return redirect_to
    sections = []
    for current in STEPS:
        form = current.form_class(catalogue=journey.catalogue)
        stored = journey.stored(current)
        rows = []
        for name, field in form.fields.items():
            value = stored.get(name)
            shown = dict(getattr(field, "choices", []))
            if isinstance(value, list):
                text = ", ".join(str(shown.get(item, item)) for item in value) or _("None")
            else:
                text = str(shown.get(value, value))
            rows.append((field.label, text))
        sections.append({"step": current, "rows": rows})
    return render(request, "questionnaire/review.html", {"sections": sections})


def _cited_items(concern, matches: list[Match]) -> list:
    """Everything a page of options cites: the content in page order, then what only the patient's flags cite.
    So the numbers never depend on someone's health answers: everyone with the same concern, country and
    order sees the same numbers, and the kept parts of the cards (questionnaire/cards.py) serve them all."""
    shared = [item for match in matches for item in shared_cited_items(match)]
    return [concern, *shared, *(flag for match in matches for flag in match.flags)]


def _matches(journey: Journey) -> tuple[Match, ...]:
    return kept_matches(answers=journey.matching_answers(), catalogue=journey.catalogue)


@require_http_methods(["GET"])
@personal
def options(request: HttpRequest) -> HttpResponse:
    journey = _journey(request)
    if redirect_to := _unfinished_redirect(request, journey):
        return redirect_to
    study = Study(journey)
    if study.is_on and not study.has_before:  # the study's "before" questions come before the options
        return redirect("study:before")
    count_once(journey, "options")
    catalogue = journey.catalogue
    concern = catalogue.concern(journey.answer("concern", "concern"))
    sort = request.GET.get("sort", "editorial")
    sort = sort if sort in SORT_KEYS else "editorial"
    matches = sort_matches(_matches(journey), by=sort)
    shown = {match.option.slug for match in matches}
    # The options whose details the patient opened, in the order opened; anything else asked for is ignored.
    opened = list(dict.fromkeys(slug for slug in request.GET.getlist("open") if slug in shown))
    values = journey.values()
    attributes = [choices.ATTRIBUTE_BY_SLUG[slug] for slug in top_attributes(values)]
    jurisdiction = catalogue.jurisdiction(journey.answer("country", "jurisdiction"))
    context = {
        "catalogue": catalogue,
        "concern": concern,
        "matches": matches,
        "sort": sort,
        "sort_keys": SORT_KEYS,
        "opened": opened,
        "attributes": attributes,
        "values_rows": values_rows_html(matches, attributes),
        "jurisdiction": jurisdiction,
        # The compare form's checkboxes, written out by the template (see includes/compare_choices.html).
        "compare_label": CompareForm.base_fields["options"].label,
        "compare_choices": [(m.option.slug, m.option.name, m.option.slug in journey.compared) for m in matches],
        "compared_any": bool(journey.compared),  # the picker stays open for a patient who has compared
        # The page itself cites only what happens with no procedure; each option lists its own sources, and so
        # does the help on reporting a side effect where the patient lives.
        **page_references(catalogue, [concern] if concern else []),
        "sources_id": "outlook-src",
        "help_sources": page_references(catalogue, [jurisdiction] if jurisdiction else []),
    }
    return HttpResponse(options_page_html(request, context))


@require_http_methods(["GET"])
@personal
def compare(request: HttpRequest) -> HttpResponse:
    journey = _journey(request)
    if redirect_to := _unfinished_redirect(request, journey):
        return redirect_to
    matches = _matches(journey)
    form = CompareForm(request.GET or None, shown=[m.option for m in matches], catalogue=journey.catalogue)
    picked: list[Match] = []
    if form.is_bound and form.is_valid():
        slugs = form.cleaned_data["options"]
        journey.set_compared(slugs)
        count_once(journey, "compared")
        picked = [match for match in matches if match.option.slug in slugs]
    concern = journey.catalogue.concern(journey.answer("concern", "concern"))
    return render(
        request,
        "questionnaire/compare.html",
        {
            "form": form,
            "picked": picked,
            "concern": concern,
            "jurisdiction": journey.catalogue.jurisdiction(journey.answer("country", "jurisdiction")),
            **page_references(journey.catalogue, _cited_items(concern, picked)),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@require_http_methods(["GET", "POST"])
@personal
def decision(request: HttpRequest) -> HttpResponse:
    journey = _journey(request)
    if redirect_to := _unfinished_redirect(request, journey):
        return redirect_to
    shown = [match.option for match in _matches(journey)]
    if request.method == "POST":
        form = DecisionForm(request.POST, options=shown, catalogue=journey.catalogue)
        if form.is_valid():
            journey.set_decision(form.answers())
            count_once(journey, "decided")
            study = Study(journey)
            if study.is_on and study.has_before and not study.is_recorded:
                return redirect("study:after")
            return redirect("questionnaire:questions")
    else:
        form = DecisionForm(initial=journey.decision(), options=shown, catalogue=journey.catalogue)
    return render(request, "questionnaire/decision.html", {"form": form})


def has_decided(journey: Journey, matches: tuple[Match, ...]) -> bool:
    """The decision step is answered, and still valid for the options shown."""
    shown = [match.option for match in matches]
    return DecisionForm(data=journey.decision(), options=shown, catalogue=journey.catalogue).is_valid()


def _questions_to_ask(journey: Journey, matches: tuple[Match, ...]) -> QuestionsToAsk:
    return questions_to_ask(
        journey.catalogue,
        shown=[match.option for match in matches],
        compared=journey.compared,
        leaning=journey.decision().get("leaning"),
        jurisdiction=journey.answer("country", "jurisdiction"),
        flagged=[match.option.slug for match in matches if match.flags],
    )


def _option_name(journey: Journey, slug: str | None) -> str:
    option = journey.catalogue.option(slug) if slug else None
    return option.name if option else ""


@require_http_methods(["GET", "POST"])
@personal
def questions(request: HttpRequest) -> HttpResponse:
    journey = _journey(request)
    if not journey.data.get("answers") and request.method == "POST" and request.session.get(LAST_SAVED_KEY):
        # A second click on "Save": the summary already exists, so show it instead of saving again.
        return redirect("summary:detail", code=display_code(request.session[LAST_SAVED_KEY]))
    if redirect_to := _unfinished_redirect(request, journey):
        return redirect_to
    matches = _matches(journey)
    if not has_decided(journey, matches):
        return redirect("questionnaire:decision")
    to_ask = _questions_to_ask(journey, matches)
    offered, signs = to_ask.offered, to_ask.warning_signs
    save_token = journey.save_token()
    if request.method == "POST":
        form = QuestionsForm(request.POST, questions=offered, save_token=save_token, catalogue=journey.catalogue)
        if form.is_valid():
            chosen = [question.key for question in offered if question.key in form.cleaned_data["chosen"]]
            record = saved_record(journey, chosen_questions=chosen, own_questions=form.own_questions())
            # A save of this journey that arrived at the same moment may have made it already: then this is it.
            summary = SavedSummary.create(
                record=record, release=journey.catalogue.release or None, save_token=save_token
            )
            journey.clear()
            recording.count("saved")
            request.session[LAST_SAVED_KEY] = summary.code
            return redirect("summary:detail", code=summary.display_code)
    else:
        form = QuestionsForm(
            initial={"chosen": [question.key for question in to_ask.ticked]},
            questions=offered,
            catalogue=journey.catalogue,
        )
    sure = score_sure(journey.decision())
    agreement = values_agreement(matches, journey.decision(), journey.values())
    return render(
        request,
        "questionnaire/questions.html",
        {
            "form": form,
            "save_token": save_token,
            "sure": sure,
            "agreement": agreement,
            "leaning_name": _option_name(journey, journey.decision().get("leaning")),
            "warning_signs": signs,
            **page_references(journey.catalogue, signs),
        },
    )
