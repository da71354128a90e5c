"""A saved summary: view it, download its export, delete it. Unknown or deleted codes get 404, expired 410."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from decisionaid.lib.codes import normalize_code
from decisionaid.questionnaire import throttle
from decisionaid.questionnaire.forms import LookupForm
from decisionaid.questionnaire.models import SavedSummary
from decisionaid.questionnaire.summary import export_body
from decisionaid.questionnaire.views import personal


def too_many_attempts(request: HttpRequest, wait: int) -> HttpResponse:
    response = render(request, "summary/too_many.html", {"wait": wait}, status=429)
    response["Retry-After"] = str(wait)
    return response


def _find(request: HttpRequest, code: str) -> tuple[SavedSummary | None, HttpResponse | None]:
    """The live summary for a typed code, or the page to show instead (failed attempts are rate-limited)."""
    if wait := throttle.seconds_blocked(request):
        return None, too_many_attempts(request, wait)
    stored = normalize_code(code)
    summary = SavedSummary.objects.filter(code=stored).first() if stored else None
    if summary is None:
        throttle.record_failure(request)
        return None, render(request, "summary/not_found.html", {"form": LookupForm()}, status=404)
    if summary.is_expired:
        return None, render(request, "summary/expired.html", {"summary": summary}, status=410)
    return summary, None


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


@require_http_methods(["GET"])
@personal(referrer="no-referrer")
def detail(request: HttpRequest, code: str) -> HttpResponse:
    summary, refusal = _find(request, code)
    if refusal:
        return refusal
    if code != summary.display_code:
        return redirect("summary:detail", code=summary.display_code)
    record = summary.record
    return render(request, "summary/detail.html", {
        "summary": summary, "shown": record["shown"], "export": record["export"],
        "reference_numbers": {ref["key"]: number for number, ref in enumerate(record["shown"]["references"], 1)},
        "just_saved": request.session.get("last_saved_summary") == summary.code,
    })


@require_http_methods(["GET"])
@personal(referrer="no-referrer")
def export(request: HttpRequest, code: str) -> HttpResponse:
    summary, refusal = _find(request, code)
    if refusal:
        return refusal
    response = JsonResponse(export_body(summary), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'inline; filename="summary-{summary.display_code}.json"'
    return response


@require_http_methods(["GET", "POST"])
@personal
def delete(request: HttpRequest, code: str) -> HttpResponse:
    summary, refusal = _find(request, code)
    if refusal:
        return refusal
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            return render(request, "summary/delete.html", {"summary": summary, "missing_confirmation": True},
                          status=400)
        summary.delete()
        if request.session.get("last_saved_summary") == summary.code:
            del request.session["last_saved_summary"]
        return render(request, "summary/deleted.html")
    return render(request, "summary/delete.html", {"summary": summary})
