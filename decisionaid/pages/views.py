"""The public, non-personal pages: home, treatments, about, and the error pages."""

from __future__ import annotations

import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from decisionaid.content.catalogue import catalogue_for
from decisionaid.content.references import option_cited_items, page_references
from decisionaid.content.report import option_sourcing, overall_checked_share, ratings_above_rule


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/home.html", {"concerns": catalogue_for(request).concerns})


@require_safe
def treatment_list(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/treatment_list.html", {"options": catalogue_for(request).options})


@require_safe
def treatment_detail(request: HttpRequest, slug: str) -> HttpResponse:
    catalogue = catalogue_for(request)
    option = catalogue.option(slug)
    if option is None:
        raise Http404("No published treatment with that name.")
    questions = [question for question in catalogue.questions if question.applies_to(option)]
    warning_signs = [sign for sign in catalogue.warning_signs if sign.applies_to(option)]
    return render(
        request,
        "pages/treatment_detail.html",
        {
            "option": option,
            "concern_names": {concern.slug: concern.name for concern in catalogue.concerns},
            "place_names": {place.slug: place.name for place in catalogue.jurisdictions},
            "health_questions": {item.slug: item.question for item in catalogue.health_items},
            "questions": questions,
            "warning_signs": warning_signs,
            **page_references(catalogue, [*option_cited_items(option), *questions, *warning_signs]),
        },
    )


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    catalogue = catalogue_for(request)
    sourcing = option_sourcing(catalogue)
    return render(
        request,
        "pages/about.html",
        {
            "texts": catalogue.site_texts,
            "disclosure": catalogue.disclosure,
            "sourcing": sourcing,
            "sourcing_overall": overall_checked_share(sourcing),
            "above_rule": ratings_above_rule(catalogue),
            "study_retention_days": settings.STUDY_RETENTION_DAYS,
        },
    )


@require_safe
def faq(request: HttpRequest) -> HttpResponse:
    catalogue = catalogue_for(request)
    return render(request, "pages/faq.html", {"entries": catalogue.faq, **page_references(catalogue, catalogue.faq)})


@require_safe
def glossary(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/glossary.html", {"terms": catalogue_for(request).glossary})


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
