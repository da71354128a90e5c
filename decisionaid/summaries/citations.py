"""A source as one line of plain text: in full for a saved summary's page and export, short for the two-page
printout (and its PDF)."""

from __future__ import annotations

import re

from decisionaid.content.catalogue import ReferenceFacts

SHORT_TITLE = 70  # characters of a title the printout keeps
# Asides in brackets, and an issue number after a volume ("2017;3(1):11" reads "2017;3:11", as short citations do).
ASIDE = re.compile(r"\s+\([^()]*\)|(?<=\d)\(\d+\)")
TRIAL_ID = re.compile(r"\b(?:NCT\d{8}|TCTR\d{11}|ISRCTN\d+|ACTRN\d{14}|IRCT\w+|ChiCTR[-\w]+)\b", re.IGNORECASE)
CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]+")  # Japanese and Korean script


def citation_text(reference: ReferenceFacts, *, short: bool = False) -> str:
    """A reference as one line of plain text, for a saved summary's numbered list (`short`: the printout's form).

    Every point that rests on common knowledge reads the same, so the printout lists those once."""
    if reference.is_commonly_known:
        if short:
            return "No published source found: based on common clinical knowledge; still to be checked."
        return f"No source found: {reference.title}. Based on common clinical knowledge; still to be checked."
    if short:
        return _short_citation(reference)
    publisher = "" if reference.publisher == reference.authors else reference.publisher  # "FDA. Title. FDA." once
    text = _joined([reference.authors, reference.title, _with_year(publisher, reference.year)])
    if reference.doi:
        return f"{text} doi:{reference.doi}"
    if reference.pmid:
        return f"{text} PMID {reference.pmid}"
    return f"{text} {reference.url}" if reference.url else text


def _short_citation(reference: ReferenceFacts) -> str:
    """The two-page printout's form, as short citations are written: a trial registration by its ID; the first
    author (and "et al" after two), the year and the PMID (or DOI) of a source that has one; otherwise who
    published it, its title cut to about 70 characters, and the year. No web address and no asides in brackets: the summary page gives each in full,
    with its link."""
    registration = TRIAL_ID.search(" ".join([reference.key, reference.title, reference.url]))
    if reference.kind == "trial-registry" and registration:  # the ID finds it in any registry's search
        return f"Trial registration {registration.group(0).upper()}."
    names = [name.strip() for name in _printable(reference.authors).split(",") if name.strip()]
    authors = f"{names[0]}, et al." if len(names) > 2 else ", ".join(names)
    publisher = _printable(reference.publisher)
    publisher = "" if publisher == authors else publisher
    if reference.pmid or reference.doi:
        locator = f"PMID {reference.pmid}" if reference.pmid else f"doi:{reference.doi}"
        return f"{_joined([_with_year(authors or publisher, reference.year)])} {locator}"
    title = _printable_title(reference.title)
    if len(title) > SHORT_TITLE:
        title = title[: title.rfind(" ", 0, SHORT_TITLE)].rstrip(" ,:;(") + "…"
    return _joined([authors, title, _with_year(publisher, reference.year)])


def _printable(text: str) -> str:
    """Without asides in brackets or Japanese and Korean script (the PDF's fonts have no such letters)."""
    return CJK.sub("", ASIDE.sub("", text)).strip()


def _printable_title(title: str) -> str:
    """A title without its asides; a Japanese or Korean title as its English translation in square brackets (the
    pack gives one in round brackets), since the PDF's fonts have no Japanese or Korean letters."""
    if not CJK.search(title):
        return ASIDE.sub("", title)
    translations = [aside for aside in re.findall(r"\(([^()]*)\)", title) if not CJK.search(aside)]
    return f"[{translations[-1]}]" if translations else _printable(title).strip(" -:,")


def _with_year(text: str, year: int | None) -> str:
    """`text` and the year, unless it already gives it ("Dermatol Surg 2019;45:192")."""
    return text if not year or str(year) in text else " ".join(filter(None, [text, str(year)]))


def _joined(parts: list[str]) -> str:
    """Parts of a citation, each ending with a full stop (not after "…" or "?")."""
    parts = [part.strip().rstrip(".") for part in parts if part and part.strip()]
    return " ".join(part if part.endswith(("…", "?", "!")) else part + "." for part in parts)
