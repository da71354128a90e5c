"""The options page's values table: each option described on what matters most to the patient."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def values_rows_html(matches, attributes) -> SafeString:
    """The table's rows, one per option. Written out with plain escaping (each heading once), because 14 rows of
    up to 10 cells through the template engine, or through format_html, took half the page's rendering time."""
    # str() first: escape() of a lazy translation stays lazy, and would be translated again in every row.
    headings = [(attribute.slug, escape(str(attribute.heading))) for attribute in attributes]
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{escape(match.option.name)}</th>'
            + "".join(
                f'<td data-label="{heading}">{escape(str(match.ratings[slug]))}</td>' for slug, heading in headings
            )
            + "</tr>"
            for match in matches
        )
    )
