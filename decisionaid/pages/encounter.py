"""The encounter sheet: a one-page, non-personal Option-Grid for a chosen concern, to print in a consultation."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from decisionaid.content.catalogue import catalogue_for
from decisionaid.questionnaire.forms import EncounterSheetForm
from decisionaid.questionnaire.matching import Answers, match_option
from decisionaid.summaries.printout import page_footer


@require_safe
def encounter_sheet(request: HttpRequest) -> HttpResponse:
    catalogue = catalogue_for(request)
    if "options" in request.GET:
        form = EncounterSheetForm(request.GET, catalogue=catalogue)
    else:  # links from other pages may suggest a concern and a place
        form = EncounterSheetForm(initial=request.GET.dict(), catalogue=catalogue)
    if not form.is_bound or not form.is_valid():
        status = 400 if form.is_bound else 200
        return render(request, "pages/encounter_form.html", {"form": form}, status=status)
    data = form.cleaned_data
    # Nobody's answers: no health items and no skin type, so no personal flags, only the facts.
    answers = Answers(concern=data["concern"], jurisdiction=data["jurisdiction"], skin_type="")
    # Options come in editorial order; one without evidence for this concern shows as "not studied".
    matches = [
        match_option(option=option, answers=answers) for option in catalogue.options if option.slug in data["options"]
    ]
    return render(
        request,
        "pages/encounter_sheet.html",
        {
            "matches": matches,
            "concern": catalogue.concern(data["concern"]),
            "jurisdiction": catalogue.jurisdiction(data["jurisdiction"]),
            "footer_text": page_footer(catalogue),
        },
    )
