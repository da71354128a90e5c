/* Accessibility fixes for the admin's select2 autocomplete boxes (Django's vendored select2 4.0.13).
 *
 * A static file, so the Content-Security-Policy's script-src 'self' allows it (no inline script). It watches the
 * page, because select2 builds its boxes after load, again for each inline added, and its dropdown on opening:
 * - each search field gets the name of its field ("References", announced as a search box), from the <label> of
 *   the <select> it serves;
 * - the "remove all items" cross, a mouse-only <span> that select2 puts inside the list of chosen items, is
 *   hidden from assistive technology (a keyboard user removes items with Backspace), so that list holds only
 *   list items;
 * - an open box's combobox names its list of results with aria-controls, as ARIA 1.2 requires (select2 sets
 *   only the older aria-owns).
 */
(function () {
    "use strict";

    function fieldName(select) {
        const label = select && select.labels && select.labels[0];
        return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
    }

    function selectFor(searchField) {
        // The search box inside a multiple-choice box: select2 puts its container right after the <select>.
        const container = searchField.closest(".select2-container");
        const before = container && container.previousElementSibling;
        if (before && before.tagName === "SELECT") {
            return before;
        }
        // The search box of an open dropdown: its results list is named "select2-<id of the select>-results".
        const results = searchField.closest(".select2-dropdown");
        const list = results && results.querySelector(".select2-results__options[id]");
        const match = list && /^select2-(.+)-results$/.exec(list.id);
        return match ? document.getElementById(match[1]) : null;
    }

    function labelSearchFields() {
        document.querySelectorAll(".select2-search__field:not([aria-label])").forEach(function (field) {
            const name = fieldName(selectFor(field));
            field.setAttribute("aria-label", name || "Search");
        });
        document.querySelectorAll(".select2-selection__clear:not([aria-hidden])").forEach(function (cross) {
            cross.setAttribute("aria-hidden", "true");
        });
    }

    function mirrorOwnsToControls(combobox) {
        const owned = combobox.getAttribute("aria-owns");
        if (owned) {
            combobox.setAttribute("aria-controls", owned);
        } else {
            combobox.removeAttribute("aria-controls");
        }
    }

    new MutationObserver(function (mutations) {
        let added = false;
        mutations.forEach(function (mutation) {
            if (mutation.type === "attributes") {
                if (mutation.target.matches(".select2-selection[role=combobox]")) {
                    mirrorOwnsToControls(mutation.target);
                }
            } else if (mutation.addedNodes.length) {
                added = true;
            }
        });
        if (added) {
            labelSearchFields();
        }
    }).observe(document.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ["aria-owns"],
    });
    document.addEventListener("DOMContentLoaded", labelSearchFields);
})();
