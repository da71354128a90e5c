"""A source as one line of text: in full for the summary's export and page, short for the two-page printout."""

from __future__ import annotations

from unittest import TestCase

from decisionaid.content.catalogue import ReferenceFacts
from decisionaid.summaries.citations import citation_text


def reference(**fields) -> ReferenceFacts:
    base = dict(
        key="S-x",
        authors="",
        title="",
        publisher="",
        year=None,
        doi="",
        pmid="",
        url="",
        kind="review",
        verification="partly-verified",
        checked_on=None,
    )
    return ReferenceFacts(**{**base, **fields})


class CitationTests(TestCase):
    def test_a_journal_article_in_print_gives_first_author_year_and_pmid_only(self):
        article = reference(
            authors="Trivedi MK, Yang FC, Cho BK",
            title="A review of laser and light therapy in melasma",
            publisher="International Journal of Women's Dermatology 2017;3(1):11-20 (author copy on ResearchGate)",
            year=2017,
            doi="10.1016/j.ijwd.2017.01.004",
            pmid="28492049",
        )
        self.assertEqual(
            citation_text(article, short=True),
            "Trivedi MK, et al. 2017. PMID 28492049",
        )
        full = citation_text(article)
        self.assertIn("A review of laser and light therapy in melasma", full)
        self.assertIn("(author copy on ResearchGate)", full)
        self.assertTrue(full.endswith("doi:10.1016/j.ijwd.2017.01.004"))

    def test_a_long_title_without_an_identifier_is_cut_at_a_word_in_print_and_kept_whole_on_the_page(self):
        page = reference(
            authors="US Food and Drug Administration",
            title="Consumer Alert on Regenerative Medicine Products Including Stem Cells and Exosomes for patients",
            publisher="US Food and Drug Administration",
            year=2020,
            url="https://www.fda.gov/alert",
        )
        self.assertEqual(
            citation_text(page, short=True),
            "US Food and Drug Administration. Consumer Alert on Regenerative Medicine Products Including Stem Cells… 2020.",
        )
        self.assertEqual(
            citation_text(page),
            "US Food and Drug Administration. Consumer Alert on Regenerative Medicine Products Including Stem Cells "
            "and Exosomes for patients. 2020. https://www.fda.gov/alert",
        )

    def test_a_title_ending_in_a_question_mark_gets_no_extra_full_stop(self):
        page = reference(authors="American Board of Dermatology", title="What does it mean to be board certified?")
        self.assertEqual(
            citation_text(page, short=True), "American Board of Dermatology. What does it mean to be board certified?"
        )

    def test_a_source_with_only_a_doi_and_no_author_is_named_by_its_journal(self):
        article = reference(publisher="Lasers in Surgery and Medicine 2011", year=2011, doi="10.1002/lsm.21092")
        self.assertEqual(
            citation_text(article, short=True), "Lasers in Surgery and Medicine 2011. doi:10.1002/lsm.21092"
        )

    def test_a_japanese_title_prints_as_its_english_translation(self):
        # The PDF's fonts have no Japanese or Korean letters; the summary page shows the title as written.
        page = reference(
            authors="Consumer Affairs Agency",
            title="美容医療を受ける前に確認したい事項と相談窓口について (before cosmetic medical care, and where to get advice)",
            publisher="消費者庁 (Consumer Affairs Agency)",
            year=2023,
        )
        self.assertEqual(
            citation_text(page, short=True),
            "Consumer Affairs Agency. [before cosmetic medical care, and where to get advice]. 2023.",
        )
        self.assertIn("美容医療を受ける前に", citation_text(page))

    def test_a_trial_registration_prints_as_its_id(self):
        record = reference(
            key="S-nct00509977-ipl-vs-qs-melasma",
            title="A Randomized, Rater-blinded, Split-face Comparison of IPL and Q-switched Laser for Melasma",
            publisher="ClinicalTrials.gov record, read on a mirror",
            kind="trial-registry",
            url="https://trial.medpath.com/clinical-trial/x/nct00509977-ipl",
        )
        self.assertEqual(citation_text(record, short=True), "Trial registration NCT00509977.")
        self.assertIn("Split-face Comparison of IPL", citation_text(record))
