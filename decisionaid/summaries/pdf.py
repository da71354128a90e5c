"""PDFs of printable pages, made on the server with WeasyPrint from the same HTML and print stylesheet."""

from __future__ import annotations

from functools import cache

from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

PAPER_SIZES = {"a4": "A4", "letter": "letter"}


def _no_fetching(url: str, *args, **kwargs):
    """Printable pages are self-contained: nothing is fetched, from this server or any other."""
    raise ValueError(f"Refusing to fetch {url!r} while making a PDF")


@cache
def _fonts() -> FontConfiguration:
    return FontConfiguration()  # loading the system fonts is the slow part, so do it once per process


@cache
def _stylesheets(paper: str) -> tuple[CSS, CSS]:
    return (
        CSS(filename=finders.find("css/print.css"), font_config=_fonts()),
        CSS(string=f"@page {{ size: {PAPER_SIZES[paper]}; }}", font_config=_fonts()),
    )


def render_document(html: str, *, paper: str = "a4"):
    """The laid-out document (its `.pages` can be counted), for A4 or US Letter paper."""
    return HTML(string=html, url_fetcher=_no_fetching).render(
        stylesheets=list(_stylesheets(paper)), font_config=_fonts()
    )


def render_pdf(html: str, *, paper: str = "a4") -> bytes:
    return render_document(html, paper=paper).write_pdf()
