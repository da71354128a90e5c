"""A saved summary: view it, download its export, delete it. Unknown or deleted codes get 404, expired 410."""

from __future__ import annotations

from functools import wraps

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods

from decisionaid.lib.codes import normalize_code
from decisionaid.lib.personal import personal
from decisionaid.study import recording
from decisionaid.summaries import throttle
from decisionaid.summaries.forms import LookupForm
from decisionaid.summaries.models import LAST_SAVED_KEY, SavedSummary
from decisionaid.summaries.pdf import render_pdf
from decisionaid.summaries.printout import numbers, print_context
from decisionaid.summaries.record import draw, export_body


def too_many_attempts(request: HttpRequest, wait: int, reason: str = "codes") -> HttpResponse:
    response = render(request, "summary/too_many.html", {"wait": wait, "reason": reason}, status=429)
    response["Retry-After"] = str(wait)
    return response


def _find(request: HttpRequest, code: str) -> tuple[SavedSummary | None, HttpResponse | None]:
    """The live summary for a typed code, or the page to show instead (failed attempts are rate-limited).

    Every lookup takes a slot first, so simultaneous wrong codes cannot all slip in before one is counted; a
    real code (or a database outage) gives its slot back."""
    if wait := throttle.FAILED_CODES.reserve(request):
        return None, too_many_attempts(request, wait)
    stored = normalize_code(code)
    try:
        summary = SavedSummary.objects.filter(code=stored).first() if stored else None
    except DatabaseError:
        throttle.FAILED_CODES.release(request)
        raise
    if summary is None:
        return None, render(request, "summary/not_found.html", {"form": LookupForm()}, status=404)
    throttle.FAILED_CODES.release(request)
    if summary.is_expired:
        return None, render(request, "summary/expired.html", {"summary": summary}, status=410)
    return summary, None


def with_summary(*, methods=("GET",), referrer="no-referrer"):
    """A view of one live summary, found from the code in its URL (or the page to show instead)."""

    def decorate(view):
        @require_http_methods(list(methods))
        @personal(referrer=referrer)
        @wraps(view)
        def wrapper(request: HttpRequest, code: str) -> HttpResponse:
            summary, refusal = _find(request, code)
            return refusal or view(request, summary, code)

        return wrapper

    return decorate


@require_http_methods(["GET"])
@personal(referrer="no-referrer")
def lookup(request: HttpRequest) -> HttpResponse:
    """Where a clinician types the code a patient gave them."""
    if "code" not in request.GET:
        return render(request, "summary/lookup.html", {"form": LookupForm()})
    form = LookupForm(request.GET)
    if not form.is_valid():
        return render(request, "summary/lookup.html", {"form": form}, status=400)
    summary, refusal = _find(request, form.cleaned_data["code"])
    return refusal or redirect("summary:detail", code=summary.display_code)


@with_summary()
def detail(request: HttpRequest, summary: SavedSummary, code: str) -> HttpResponse:
    if code != summary.display_code:
        return redirect("summary:detail", code=summary.display_code)
    drawn = draw(summary)
    # The page's footer and review notice describe the summary's own release, not today's.
    request._catalogue = drawn.catalogue
    # Printed, the page shows the clinician's layout (hidden on screen), with that layout's own source numbers.
    printout = print_context(summary, drawn)
    return render(
        request,
        "summary/detail.html",
        {
            **printout,
            "print_reference_numbers": printout["reference_numbers"],
            "summary": summary,
            "catalogue": drawn.catalogue,
            "shown": drawn.shown,
            "matches": drawn.matches,
            "jurisdiction": drawn.catalogue.jurisdiction(drawn.export["answers"]["jurisdiction"]),
            "export": drawn.export,
            "reference_numbers": numbers(drawn.shown["references"]),
            "just_saved": request.session.get(LAST_SAVED_KEY) == summary.code,
        },
    )


@with_summary()
def export(request: HttpRequest, summary: SavedSummary, code: str) -> HttpResponse:
    response = JsonResponse(export_body(summary, draw(summary)), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'inline; filename="summary-{summary.display_code}.json"'
    return response


@with_summary(methods=("GET", "POST"), referrer="same-origin")  # a form: see `personal`
def delete(request: HttpRequest, summary: SavedSummary, code: str) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            return render(
                request, "summary/delete.html", {"summary": summary, "missing_confirmation": True}, status=400
            )
        summary.delete()
        recording.count("deleted")
        if request.session.get(LAST_SAVED_KEY) == summary.code:
            del request.session[LAST_SAVED_KEY]
        return render(request, "summary/deleted.html")
    return render(request, "summary/delete.html", {"summary": summary})


@with_summary()
def printable(request: HttpRequest, summary: SavedSummary, code: str) -> HttpResponse:
    recording.count("printed")  # each time: a printout is made per visit, not per journey
    return render(request, "summary/print.html", print_context(summary))


@with_summary()
def pdf(request: HttpRequest, summary: SavedSummary, code: str) -> HttpResponse:
    if wait := throttle.PDFS.reserve(request) or throttle.SITE_PDFS.reserve(request):
        return too_many_attempts(request, wait, reason="pdfs")
    paper = "letter" if request.GET.get("paper") == "letter" else "a4"
    html = render_to_string("summary/print.html", {**print_context(summary), "for_pdf": True}, request=request)
    response = HttpResponse(render_pdf(html, paper=paper), content_type="application/pdf")
    recording.count("downloaded")
    filename = f"summary-{summary.display_code}-{summary.created_at:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
