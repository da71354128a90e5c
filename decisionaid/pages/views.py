"""The public, non-personal pages: home, treatments, about, and the error pages."""

from __future__ import annotations

import sys

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from decisionaid.content.models import (
    ClinicalSignOff,
    Concern,
    ContraindicationRule,
    Evidence,
    FaqEntry,
    GlossaryTerm,
    Option,
    Outcome,
    Question,
    RegulatoryStatus,
    SiteText,
    WarningSign,
)
from decisionaid.content.references import citation_context, numbered_references


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    concerns = Concern.objects.published()
    return render(request, "pages/home.html", {"concerns": concerns})


@require_safe
def treatment_list(request: HttpRequest) -> HttpResponse:
    options = Option.objects.published()
    return render(request, "pages/treatment_list.html", {"options": options})


@require_safe
def treatment_detail(request: HttpRequest, slug: str) -> HttpResponse:
    published_concerns = Concern.objects.published()
    option = (
        Option.objects.published()
        .prefetch_related(
            "references",
            Prefetch(
                "evidence",
                Evidence.objects.filter(concern__in=published_concerns)
                .select_related("concern")
                .prefetch_related("references"),
            ),
            Prefetch("outcomes", Outcome.objects.select_related("concern").prefetch_related("references")),
            "side_effects__references",
            Prefetch(
                "regulatory_statuses",
                RegulatoryStatus.objects.select_related("jurisdiction").prefetch_related("references"),
            ),
            Prefetch(
                "rules", ContraindicationRule.objects.select_related("health_item").prefetch_related("references")
            ),
        )
        .filter(slug=slug)
        .first()
    )
    if option is None:
        raise Http404("No published treatment with that name.")
    questions = Question.objects.published().applying_to(option).prefetch_related("references")
    warning_signs = WarningSign.objects.published().applying_to(option).prefetch_related("references")
    references = numbered_references(option, [*questions, *warning_signs])
    return render(
        request,
        "pages/treatment_detail.html",
        {
            "option": option,
            "questions": questions,
            "warning_signs": warning_signs,
            **citation_context(references),
        },
    )


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    texts = SiteText.objects.published()
    return render(request, "pages/about.html", {"texts": texts, "sign_off": ClinicalSignOff.current()})


@require_safe
def faq(request: HttpRequest) -> HttpResponse:
    entries = list(FaqEntry.objects.published().prefetch_related("references"))
    references = numbered_references(None, entries)
    return render(
        request,
        "pages/faq.html",
        {
            "entries": entries,
            **citation_context(references),
        },
    )


@require_safe
def glossary(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/glossary.html", {"terms": GlossaryTerm.objects.published()})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400 for a request we cannot read; 413 for a form larger than any on the site (settings.py sizes the limit).

    Unlike Django's own handler this reads nothing of the request's body, which may be what could not be read: a
    form in UTF-16 made Django's handler fail a second time, so the client got a 500.
    """
    if isinstance(exception, (RequestDataTooBig, TooManyFieldsSent)):
        return HttpResponse(loader.render_to_string("413.html", request=request), status=413)
    return HttpResponse(loader.render_to_string("400.html", request=request), status=400)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(loader.render_to_string("404.html", request=request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or 503 "please try again" when the database could not be reached (an outage, not a bug).

    No context processors here: the database may be the thing that failed.
    """
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 when the database answers, 503 when it does not. No session, no content."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
