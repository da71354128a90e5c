"""The "Sources" list is rendered once per distinct list and reused, but never shows an edited reference stale."""
from decisionaid.content.models import Reference
from decisionaid.content.references import sources_list_html


def reference(**fields) -> Reference:
    return Reference(**{"key": "smith-2020", "authors": "Smith A", "title": "A trial of peels", "year": 2020,
                        "kind": Reference.Kind.values[0], "verification": Reference.Verification.values[0],
                        **fields})


def test_the_list_numbers_the_references_in_order_with_their_kind():
    html = sources_list_html([reference(), reference(key="jones-2021", title="Lasers compared", year=2021)])
    assert html.index('id="ref-1"') < html.index("A trial of peels") < html.index('id="ref-2"') < html.index("Lasers")
    assert str(Reference.Kind.choices[0][1]) in html


def test_an_edited_reference_is_shown_as_edited():
    assert "A trial of peels" in sources_list_html([reference()])
    edited = sources_list_html([reference(title="A randomised trial of peels", note="Corrected title")])
    assert "A randomised trial of peels" in edited and "Corrected title" in edited
    assert "A trial of peels" in sources_list_html([reference()])  # the earlier list still renders as it was


def test_no_references_means_no_section():
    assert sources_list_html([]).strip() == ""
