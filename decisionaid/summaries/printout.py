"""What the clinician's printout (and its PDF) shows, built from a saved summary's record.

The printout must fit on two pages whatever the patient answered, so the personal flags are laid out as one
table: a row per health answer that matters, a column per option considered, the flag's level in each cell.
The full reasons stay on the patient's summary page and on each treatment's page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from decisionaid.content.catalogue import Catalogue
from decisionaid.questionnaire import choices
from decisionaid.questionnaire.matching import SKIN_TYPE_ITEM
from decisionaid.summaries.models import SavedSummary
from decisionaid.summaries.record import Drawn, draw, label

FLAG_CELL_LABELS = {
    "avoid": gettext_lazy("Put off"),
    "caution": gettext_lazy("Assess"),
    "check": gettext_lazy("Check"),
}


DISCLAIMER_SHORT = gettext_lazy("General facts only. It does not choose a treatment for you or replace a visit.")

LIMIT_LABELS = {"downtime": gettext_lazy("downtime"), "budget": gettext_lazy("budget")}

# The SURE test's four items by their published short names (Légaré 2010), for clinicians.
SURE_SHORT_LABELS = {
    "sure": gettext_lazy("Sure of myself"),
    "understand": gettext_lazy("Understand information"),
    "risk_benefit": gettext_lazy("Risk-benefit ratio"),
    "encouragement": gettext_lazy("Encouragement"),
}


@dataclass(frozen=True)
class FlagCell:
    level: str | None  # avoid / caution / check, or None when this answer does not matter for the option
    refs: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return str(FLAG_CELL_LABELS.get(self.level, "—"))


@dataclass(frozen=True)
class FlagRow:
    label: str
    answer: str
    cells: tuple[FlagCell, ...]  # one per option considered, in the same order

    @property
    def matters(self) -> bool:
        return any(cell.level for cell in self.cells)


def page_footer(catalogue: Catalogue, *, code: str | None = None) -> str:
    """The line every printed page carries: the summary's code (if any), the content release and its clinical
    review, and the disclaimer."""
    facts = {"code": code, "release": catalogue.release, "published": _date(catalogue.published_on)}
    line = _("Content release %(release)s of %(published)s") % facts if catalogue.release else _("No content release")
    if code:
        line = _("Summary %(code)s") % facts + " · " + line
    if catalogue.sign_off:
        reviewed = _("clinically reviewed on %(date)s") % {"date": _date(catalogue.sign_off.signed_off_on)}
    else:
        reviewed = _("not yet reviewed by an independent clinician")
    return f"{line} · {reviewed}. {DISCLAIMER_SHORT}"


def _date(day) -> str:
    return date_format(day, "j F Y") if day else ""


def numbers(references: list[dict]) -> dict[str, int]:
    """Citation numbers for a saved summary's references (stored as {"key", "text"}), from 1."""
    return {reference["key"]: number for number, reference in enumerate(references, start=1)}


def numbered_once(references: list[dict]) -> tuple[list[str], dict[str, int]]:
    """Each distinct citation text once, and every key's number: keys with the same text share a number."""
    texts: dict[str, int] = {}
    numbers_by_key = {}
    for reference in references:
        numbers_by_key[reference["key"]] = texts.setdefault(reference["text"], len(texts) + 1)
    return list(texts), numbers_by_key


def flag_rows(shown: dict, options: list[dict]) -> list[FlagRow]:
    """Every health answer of "yes" or "not sure" (and the skin type, if it raised a flag), with each considered
    option's flag for it."""
    by_option = [
        {flag["item"]: FlagCell(flag["level"], tuple(flag["refs"])) for flag in option["flags"]} for option in options
    ]
    answers = [(row["item"], row["label"], row["answer"]) for row in shown["health"]]
    if any(SKIN_TYPE_ITEM in cells for cells in by_option):
        answers.append((SKIN_TYPE_ITEM, _("Skin type"), shown["skin_type"]))
    return [
        FlagRow(label, answer, tuple(cells.get(item, FlagCell(None)) for cells in by_option))
        for item, label, answer in answers
    ]


def split_rows(rows: list[FlagRow]) -> tuple[list[FlagRow], list[FlagRow]]:
    """The answers that flag at least one option considered, and those that flag none (printed in one line)."""
    return [row for row in rows if row.matters], [row for row in rows if not row.matters]


def past_limits(options: list[dict]) -> list[str]:
    """For each option considered, the patient's limits it can go past, in a few words ("" for none)."""
    return [", ".join(str(LIMIT_LABELS.get(limit, limit)) for limit in option["exceeds_limits"]) for option in options]


def cited_references(shown: dict, options: list[dict]) -> list[dict]:
    """Only the sources the printout cites, in the order first cited, in their short form."""
    cited: dict[str, None] = {}
    for option in options:
        cited.update(dict.fromkeys(option["evidence_refs"]))
        cited.update(dict.fromkeys(option["regulatory"]["refs"]))
        for flag in option["flags"]:
            cited.update(dict.fromkeys(flag["refs"]))
    if shown.get("country_help"):
        cited.update(dict.fromkeys(shown["country_help"]["refs"]))
    texts = {reference["key"]: reference["short"] for reference in shown["references"]}
    return [{"key": key, "text": texts[key]} for key in cited if key in texts]


def print_context(summary: SavedSummary, drawn: Drawn | None = None) -> dict:
    """Everything the printout shows: the options the patient considered, and only the sources they cite.

    `drawn`: the summary already drawn from its release (the summary page prints the same layout)."""
    drawn = drawn or draw(summary)
    shown, export, catalogue = drawn.shown, drawn.export, drawn.catalogue
    considered = shown["considered"]
    options = [option for option in shown["options"] if option["slug"] in considered]
    reference_texts, reference_numbers = numbered_once(cited_references(shown, options))
    site_texts = {text.slug: text.body for text in catalogue.site_texts}
    flagged, unflagged = split_rows(flag_rows(shown, options))
    limits = past_limits(options)
    return {
        "summary": summary,
        "shown": shown,
        "export": export,
        "options": options,
        "flag_rows": flagged,
        "unflagged_rows": unflagged,
        "sure_answers": [
            (str(SURE_SHORT_LABELS[key]), label(choices.YES_NO, answer))
            for key, answer in export["sure"]["answers"].items()
            if key in SURE_SHORT_LABELS
        ],
        "past_limits": limits,
        "any_past_limits": any(limits),
        "other_options": [option["name"] for option in shown["options"] if option["slug"] not in considered],
        "references": reference_texts,
        "reference_numbers": reference_numbers,
        "disclaimer": site_texts.get("disclaimer", ""),
        "funding": site_texts.get("funding", ""),
        "catalogue": catalogue,
        "footer_text": page_footer(catalogue, code=summary.display_code),
    }
