"""The study mode's pages (issue 17): opting in or out, the checks before the options page and after the
decision step, and the answers explained. Nothing here changes the journey: a patient who opts out, or never
opts in, goes through the same pages with the same answers."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from decisionaid.content.references import page_references
from decisionaid.lib.personal import personal
from decisionaid.questionnaire.decision import score_sure
from decisionaid.questionnaire.views import _journey, _matches, _unfinished_redirect, has_decided
from decisionaid.study import recording
from decisionaid.study.agreement import values_agreement
from decisionaid.study.forms import KnowledgeAndSureForm, KnowledgeForm
from decisionaid.study.knowledge import explained, right_count
from decisionaid.study.state import Study, has_reached


def _items(journey):
    return journey.catalogue.knowledge_for(journey.answer("concern", "concern"))


@require_http_methods(["POST"])
def opt_in(request: HttpRequest) -> HttpResponse:
    journey = _journey(request)
    if has_reached(journey, "options"):  # "before" would no longer be before: offer it to the next journey
        messages.info(request, _("You have already seen your options, so the extra questions would not work now."))
        return redirect("questionnaire:start")
    Study(journey).opt_in()
    messages.success(request, _("Thank you. You will see a few extra questions before and after your options."))
    return redirect("questionnaire:start")


@require_http_methods(["POST"])
def opt_out(request: HttpRequest) -> HttpResponse:
    journey = _journey(request)
    Study(journey).opt_out()
    messages.info(request, _("You have stopped the extra questions. Your other answers are kept."))
    if journey.first_unfinished() is None and not journey.is_under_18():
        return redirect("questionnaire:options")
    return redirect("questionnaire:start")


@require_http_methods(["GET", "POST"])
@personal
def before(request: HttpRequest) -> HttpResponse:
    journey = _journey(request)
    if redirect_to := _unfinished_redirect(request, journey):
        return redirect_to
    study = Study(journey)
    if not study.is_on or study.has_before:
        return redirect("questionnaire:options")
    form = KnowledgeAndSureForm(
        request.POST if request.method == "POST" else None, items=_items(journey), catalogue=journey.catalogue
    )
    if request.method == "POST" and form.is_valid():
        study.set_before(knowledge=form.knowledge(), sure=form.sure())
        return redirect("questionnaire:options")
    return _form_page(request, "study/before.html", form)


def _form_page(request: HttpRequest, template: str, form) -> HttpResponse:
    """A study form as first shown (200), or sent back with what is wrong (400)."""
    return render(request, template, {"form": form}, status=400 if form.is_bound and not form.is_valid() else 200)


@require_http_methods(["GET", "POST"])
@personal
def after(request: HttpRequest) -> HttpResponse:
    journey = _journey(request)
    if redirect_to := _unfinished_redirect(request, journey):
        return redirect_to
    study = Study(journey)
    if not study.is_on or not study.has_before or study.is_recorded:
        return redirect("questionnaire:questions")
    matches = _matches(journey)
    if not has_decided(journey, matches):
        return redirect("questionnaire:decision")
    items = _items(journey)
    form = KnowledgeForm(request.POST if request.method == "POST" else None, items=items, catalogue=journey.catalogue)
    if request.method == "POST" and form.is_valid():
        _record(journey, study, matches, items, form.answers())
        study.set_after(knowledge=form.answers())
        return redirect("study:answers")
    return _form_page(request, "study/after.html", form)


def _record(journey, study: Study, matches, items, knowledge_after: dict) -> None:
    """The one study row: answers and scores only, never the journey's other answers or anything that links."""
    before = study.knowledge_before()
    decision = journey.decision()
    agreement = values_agreement(matches, decision, journey.values())
    recording.record(
        concern=journey.answer("concern", "concern") or "",
        jurisdiction=journey.answer("country", "jurisdiction") or "",
        knowledge_asked=len(items),
        knowledge_right_before=right_count(items, before),
        knowledge_right_after=right_count(items, knowledge_after),
        knowledge_answers={item.slug: [before.get(item.slug), knowledge_after.get(item.slug)] for item in items},
        sure_before=score_sure(study.sure_before()).score,
        sure_after=score_sure(decision).score,
        values_agree=agreement.agrees,
    )


@require_http_methods(["GET"])
@personal
def answers(request: HttpRequest) -> HttpResponse:
    journey = _journey(request)
    if redirect_to := _unfinished_redirect(request, journey):
        return redirect_to
    study = Study(journey)
    if not study.is_recorded:
        return redirect("questionnaire:questions")
    items = _items(journey)
    rows = explained(items, study.knowledge_before(), study.knowledge_after())
    return render(request, "study/answers.html", {"rows": rows, **page_references(journey.catalogue, items)})
