"""PDFs of printable pages, made on the server with WeasyPrint from the same HTML and print stylesheet."""
from __future__ import annotations

from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML

PAPER_SIZES = {"a4": "A4", "letter": "letter"}


def _no_fetching(url: str, *args, **kwargs):
    """Printable pages are self-contained: nothing is fetched, from this server or any other."""
    raise ValueError(f"Refusing to fetch {url!r} while making a PDF")


def render_document(html: str, *, paper: str = "a4"):
    """The laid-out document (its `.pages` can be counted), for A4 or US Letter paper."""
    stylesheets = [CSS(filename=finders.find("css/print.css")), CSS(string=f"@page {{ size: {PAPER_SIZES[paper]}; }}")]
    return HTML(string=html, url_fetcher=_no_fetching).render(stylesheets=stylesheets)


def render_pdf(html: str, *, paper: str = "a4") -> bytes:
    return render_document(html, paper=paper).write_pdf()
