"""The evaluation dashboard (issue 17): the study's figures for reviewers, read-only, with a CSV export.

It replaces the study rows' change list: single rows mean little and the dashboard never shows one. Filters:
month, concern and country; real answers or the synthetic demonstration cohort (never mixed).
"""

from __future__ import annotations

import csv

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path

from decisionaid.content import vocabulary
from decisionaid.study import charts, figures
from decisionaid.study.models import StudyResponse

DATA_SETS = {"real": False, "synthetic": True}


def _filters(request: HttpRequest) -> dict:
    """The dashboard's filters from the query string; an unknown value is ignored, never an error page."""
    data_set = request.GET.get("data", "real")
    synthetic = DATA_SETS.get(data_set, False)
    months = figures.months_with_data(synthetic=synthetic)
    month = request.GET.get("month", "")
    concern = request.GET.get("concern", "")
    country = request.GET.get("country", "")
    return {
        "data": data_set if data_set in DATA_SETS else "real",
        "synthetic": synthetic,
        "months": months,
        "month": month if month in months else "",
        "concern": concern if concern in vocabulary.CONCERN_SLUGS else "",
        "country": country if country in vocabulary.JURISDICTION_SLUGS else "",
    }


def _rows(chosen: dict) -> list[StudyResponse]:
    return figures.study_rows(
        synthetic=chosen["synthetic"], month=chosen["month"], concern=chosen["concern"], country=chosen["country"]
    )


@admin.register(StudyResponse)
class StudyResponseAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_urls(self):
        return [
            path("csv/", self.admin_site.admin_view(self.csv_view), name="study_studyresponse_csv"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        raise PermissionDenied  # one person's answers are never shown, even without anything that names them

    def changelist_view(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        chosen = _filters(request)
        rows = _rows(chosen)
        overall = figures.group_figures("All", rows)
        by_concern = figures.breakdown(rows, "concern")
        funnel = figures.funnel(synthetic=chosen["synthetic"], month=chosen["month"])
        context = {
            **self.admin_site.each_context(request),
            "title": "Evaluation dashboard",
            "opts": self.model._meta,
            "chosen": chosen,
            "concerns": vocabulary.CONCERN_SLUGS,
            "countries": vocabulary.JURISDICTION_SLUGS,
            "overall": overall,
            "breakdowns": [(figures.BREAKDOWNS[by][0], figures.breakdown(rows, by)) for by in figures.BREAKDOWNS],
            "funnel": funnel,
            "min_cell": figures.MIN_CELL,
            "charts": _charts(overall, by_concern, funnel),
            "query": request.GET.urlencode(),
        }
        return TemplateResponse(request, "admin/study/dashboard.html", context)

    def csv_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        chosen = _filters(request)
        rows = _rows(chosen)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="evaluation-{chosen["data"]}.csv"'
        write_csv(response, rows, figures.funnel(synthetic=chosen["synthetic"], month=chosen["month"]))
        return response


CSV_HEADER = [
    "breakdown",
    "group",
    "people",
    "knowledge_before",
    "knowledge_before_low",
    "knowledge_before_high",
    "knowledge_after",
    "knowledge_after_low",
    "knowledge_after_high",
    "knowledge_change",
    "knowledge_change_low",
    "knowledge_change_high",
    "conflict_before_percent",
    "conflict_after_percent",
    "agreement_percent",
    "agreement_people",
]


def write_csv(out, rows, funnel) -> None:
    """Every group's figures (suppressed groups give their label and "fewer than 10", nothing else), then the
    funnel's totals."""
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    groups = [("all", figures.group_figures("all", rows))]
    groups += [(by, group) for by in figures.BREAKDOWNS for group in figures.breakdown(rows, by)]
    for by, group in groups:
        if group.suppressed:
            writer.writerow([by, group.label, f"fewer than {figures.MIN_CELL}"] + [""] * (len(CSV_HEADER) - 3))
            continue
        means = [group.knowledge_before, group.knowledge_after, group.knowledge_change]
        writer.writerow(
            [by, group.label, group.people]
            + [f"{number:.1f}" for mean in means for number in (mean.value, mean.low, mean.high)]
            + [f"{group.conflict_before:.1f}", f"{group.conflict_after:.1f}"]
            + [f"{group.agreement:.1f}" if group.agreement is not None else "", group.agreement_people]
        )
    writer.writerow([])
    writer.writerow(["funnel", "step", "journeys", "percent_of_started"])
    for step in funnel:
        shown = step.count is not None
        percent = f"{step.share_of_started:.1f}" if step.share_of_started is not None else ""
        writer.writerow(["funnel", step.event, step.count if shown else f"fewer than {figures.MIN_CELL}", percent])


def _charts(overall, by_concern, funnel) -> dict:
    concern_labels = [group.label for group in by_concern]
    return {
        "knowledge": charts.bar_chart(
            "Knowledge before and after, out of 100, by concern",
            concern_labels,
            [
                charts.Series("Before", [group.knowledge_before for group in by_concern]),
                charts.Series("After", [group.knowledge_after for group in by_concern]),
            ],
            maximum=100,
            unit="",
        ),
        "conflict": charts.bar_chart(
            "Decisional conflict (SURE 3 or less), % of people",
            ["All", *concern_labels],
            [
                charts.Series("Before", [overall.conflict_before, *(group.conflict_before for group in by_concern)]),
                charts.Series("After", [overall.conflict_after, *(group.conflict_after for group in by_concern)]),
            ],
            maximum=100,
            unit="%",
        ),
        "funnel": charts.bar_chart(
            "Journeys reaching each step",
            [step.label for step in funnel],
            [charts.Series("Journeys", [step.count for step in funnel])],
            maximum=max([step.count or 0 for step in funnel] + [1]),
            unit="",
        ),
    }
