"""The "Sources" list, rendered once per distinct list and never stale, and the citation numbers that kept
parts of pages get from each page."""

import datetime

from decisionaid.content.catalogue import ReferenceFacts
from decisionaid.content.models import Reference
from decisionaid.content.references import citation_marker, fill_citations, sources_list_html


def reference(**fields) -> ReferenceFacts:
    values = {
        "key": "smith-2020",
        "authors": "Smith A",
        "title": "A trial of peels",
        "publisher": "",
        "year": 2020,
        "doi": "",
        "pmid": "",
        "url": "",
        "kind": Reference.Kind.values[0],
        "verification": Reference.Verification.values[0],
        "checked_on": datetime.date(2026, 11, 22),
    }
    return ReferenceFacts(**{**values, **fields})


def test_the_list_numbers_the_references_in_order_with_their_kind():
    html = sources_list_html([reference(), reference(key="jones-2021", title="Lasers compared", year=2021)])
    assert html.index('id="ref-1"') < html.index("A trial of peels") < html.index('id="ref-2"') < html.index("Lasers")
    assert str(Reference.Kind.choices[0][1]) in html


def test_an_edited_reference_is_shown_as_edited():
    assert "A trial of peels" in sources_list_html([reference()])
    edited = sources_list_html([reference(title="A randomised trial of peels", checked_on=datetime.date(2026, 12, 2))])
    assert "A randomised trial of peels" in edited and "Checked 2 December 2026." in edited
    assert "A trial of peels" in sources_list_html([reference()])  # the earlier list still renders as it was


def test_readers_see_how_and_when_each_source_was_checked_in_plain_words():
    html = sources_list_html(
        [
            reference(),
            reference(key="b", verification="partly-verified", checked_on=datetime.date(2026, 12, 1)),
            reference(key="c", verification="secondary"),
        ]
    )
    assert "We read it, and it says what we cite it for. Checked 22 November 2026." in html
    assert "We could read only part of it (such as its summary)" in html and "Checked 1 December 2026." in html
    assert "we found it described in another source" in html


def test_no_references_means_no_section():
    assert sources_list_html([]).strip() == ""


def test_a_kept_part_of_a_page_gets_each_pages_own_citation_numbers():
    kept = f"<p>Claim {citation_marker(['FC-R3', 'R42'])}</p><p>Other {citation_marker(['R7'])}</p>"
    first = fill_citations(kept, {"R42": 2, "FC-R3": 5})
    assert first == (
        '<p>Claim <span class="citations"><span class="visually-hidden">Sources: </span>'
        '<a href="#ref-2" class="citation">[2]</a><a href="#ref-5" class="citation">[5]</a></span></p>'
        "<p>Other </p>"
    )  # a source the page does not list gets no link
    assert '<a href="#ref-1" class="citation">[1]</a></span></p><p>Other' in fill_citations(kept, {"FC-R3": 1})
    assert "\ue000" not in first and "\ue001" not in first


def test_authors_ending_in_et_al_get_one_full_stop():
    html = sources_list_html([reference(authors="Smith A, Jones B, Lee C, et al.")])
    assert "Lee C, et al. A trial of peels." in html
    assert "et al.." not in html
