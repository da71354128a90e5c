"""Saving a summary, viewing it, exporting it and deleting it."""

import datetime
import json
import re

import pytest
import redis
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from decisionaid.content.catalogue import current_catalogue
from decisionaid.summaries.models import SavedSummary
from decisionaid.summaries.record import draw
from tests.questionnaire.journey import answer_all_steps, decide, every_option_open, save_summary
from tests.questionnaire.test_steps import JourneyTestCase

EXPORT_KEYS = [
    "code",
    "created_at",
    "expires_at",
    "content_version",
    "answers",
    "options",
    "decision",
    "sure",
    "questions",
]


class SavedSummaryTestCase(JourneyTestCase):
    def save(self, **overrides):
        answer_all_steps(self.client, **{"skin_type": "5", "isotretinoin": "yes", "pregnant": "unsure", **overrides})
        self.client.get(reverse("questionnaire:compare"), {"options": ["no-procedure", "microneedling"]})
        decide(self.client, leaning="microneedling")
        return save_summary(self.client, own_1="Can I see <script>alert(1)</script> photos?")


class SaveTests(SavedSummaryTestCase):
    def test_saving_gives_a_grouped_code_and_a_page_that_shows_it(self):
        url = self.save()
        summary = SavedSummary.objects.get()
        self.assertRegex(summary.display_code, r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
        self.assertEqual(url, reverse("summary:detail", args=[summary.display_code]))
        response = self.client.get(url)
        self.assertContains(response, summary.display_code)
        self.assertContains(response, "Your summary is saved")

    def test_the_summary_holds_what_was_shown_and_chosen_and_no_identity(self):
        self.save()
        summary = SavedSummary.objects.get()
        self.assertEqual(summary.release_number, current_catalogue().release)
        self.assertEqual((summary.expires_at - summary.created_at).days, 90)
        stored = json.dumps(summary.record)
        self.assertNotIn("127.0.0.1", stored)
        self.assertEqual(
            [f.name for f in SavedSummary._meta.get_fields()],
            ["id", "code", "release", "record", "created_at", "expires_at", "save_token"],
        )
        self.assertEqual(draw(summary).export["decision"]["leaning"], "microneedling")

    def test_saving_ends_the_answers_in_the_session(self):
        self.save()
        self.assertNotIn("journey", self.client.session)

    def test_pressing_save_twice_keeps_one_summary(self):
        url = self.save()
        response = self.client.post(reverse("questionnaire:questions"), {"chosen": []})
        self.assertRedirects(response, url, fetch_redirect_response=False)
        self.assertEqual(SavedSummary.objects.count(), 1)

    def test_free_text_is_shown_escaped(self):
        response = self.client.get(self.save())
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")
        self.assertNotContains(response, "<script>alert(1)</script>")

    def test_an_over_long_own_question_is_a_form_error_and_nothing_is_saved(self):
        answer_all_steps(self.client)
        decide(self.client)
        response = self.client.post(reverse("questionnaire:questions"), {"own_1": "x" * 301})
        self.assertContains(response, "at most 300 characters")
        self.assertFalse(SavedSummary.objects.exists())

    def test_the_retention_period_comes_from_settings(self):
        with self.settings(SUMMARY_RETENTION_DAYS=7):
            self.save()
        summary = SavedSummary.objects.get()
        self.assertEqual((summary.expires_at - summary.created_at).days, 7)


class ExportTests(SavedSummaryTestCase):
    def test_the_export_has_the_agreed_shape_and_slugs(self):
        self.save()
        summary = SavedSummary.objects.get()
        response = self.client.get(reverse("summary:export", args=[summary.display_code]))
        self.assertEqual(response["Content-Type"], "application/json")
        body = response.json()
        self.assertEqual(list(body), EXPORT_KEYS)
        self.assertEqual(body["code"], summary.display_code)
        answers = body["answers"]
        self.assertEqual(
            list(answers),
            [
                "concern",
                "other_concerns",
                "goals",
                "skin_type",
                "age_band",
                "jurisdiction",
                "health",
                "limits",
                "values",
            ],
        )
        self.assertEqual((answers["concern"], answers["skin_type"], answers["jurisdiction"]), ("acne-scars", "5", "us"))
        self.assertEqual(answers["health"]["isotretinoin"], "yes")
        self.assertEqual(answers["health"]["pregnant"], "unsure")
        self.assertEqual(len(answers["health"]), 16)
        self.assertEqual(answers["limits"], {"max_downtime_days": 7, "budget": 1000})
        self.assertEqual(set(answers["values"].values()), {2})
        option = body["options"][0]
        self.assertEqual(list(option), ["slug", "name", "certainty", "flags", "regulatory", "exceeds_limits"])
        self.assertEqual(list(option["regulatory"]), ["jurisdiction", "status", "as_of"])
        self.assertEqual(list(body["decision"]), ["leaning", "stage", "role"])
        self.assertEqual(
            body["sure"],
            {
                "answers": {"sure": "no", "understand": "yes", "risk_benefit": "yes", "encouragement": "yes"},
                "score": 3,
                "conflict": True,
            },
        )
        self.assertIn("Can I see <script>alert(1)</script> photos?", body["questions"])

    def test_the_export_matches_what_the_options_page_showed(self):
        answer_all_steps(self.client, skin_type="5", isotretinoin="yes", pregnant="unsure")
        page = self.client.get(reverse("questionnaire:options"), every_option_open()).content.decode()
        shown = re.findall(r'<article class="option-row" id="option-([a-z-]+)"', page)
        decide(self.client)
        save_summary(self.client)
        body = self.client.get(reverse("summary:export", args=[SavedSummary.objects.get().code])).json()
        self.assertEqual([option["slug"] for option in body["options"]], shown)
        peel = next(option for option in body["options"] if option["slug"] == "peel-deep")
        self.assertIn(
            {"level": "avoid", "item": "isotretinoin"}, [{k: f[k] for k in ("level", "item")} for f in peel["flags"]]
        )
        self.assertIn(
            {"level": "avoid", "item": "skin-type"}, [{k: f[k] for k in ("level", "item")} for f in peel["flags"]]
        )
        self.assertIn("check", [flag["level"] for flag in peel["flags"]])
        for flag in peel["flags"]:
            self.assertIn(flag["reason"].split(" ")[-1], page)  # the same reason text the page showed
        self.assertEqual(peel["regulatory"]["jurisdiction"], "us")
        self.assertRegex(peel["regulatory"]["as_of"], r"^\d{4}-\d{2}-\d{2}$")

    def test_a_summary_keeps_what_it_showed_after_the_content_changes(self):
        self.save()
        summary = SavedSummary.objects.get()
        from decisionaid.content.models import Option

        option = Option.objects.get(slug="microneedling")
        option.name = "Renamed later"
        option.save()
        self.assertContains(self.client.get(reverse("summary:detail", args=[summary.display_code])), "Microneedling")


class LookupAndDeleteTests(SavedSummaryTestCase):
    def test_codes_work_in_any_case_and_without_separators(self):
        self.save()
        summary = SavedSummary.objects.get()
        response = self.client.get(reverse("summary:detail", args=[summary.code.lower()]))
        self.assertRedirects(response, reverse("summary:detail", args=[summary.display_code]))
        self.assertEqual(self.client.get(reverse("summary:export", args=[summary.code.lower()])).status_code, 200)

    def test_unknown_and_malformed_codes_get_a_friendly_404(self):
        for code in ("ZZZZ-ZZZZ-ZZZZ", "not-a-code", "x" * 500):
            self.assertContains(self.client.get(f"/summary/{code}/"), "We could not find that summary", status_code=404)

    def test_an_expired_summary_gets_410_and_cannot_be_exported(self):
        self.save()
        summary = SavedSummary.objects.get()
        SavedSummary.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
        self.assertContains(
            self.client.get(reverse("summary:detail", args=[summary.display_code])), "expired", status_code=410
        )
        self.assertEqual(self.client.get(reverse("summary:export", args=[summary.display_code])).status_code, 410)

    def test_deleting_needs_confirmation_then_the_code_stops_working(self):
        self.save()
        code = SavedSummary.objects.get().display_code
        delete = reverse("summary:delete", args=[code])
        self.assertContains(self.client.get(delete), "Delete your summary?")
        self.assertEqual(self.client.post(delete, {}).status_code, 400)
        self.assertTrue(SavedSummary.objects.exists())
        self.assertContains(self.client.post(delete, {"confirm": "yes"}), "Your summary has been deleted")
        self.assertFalse(SavedSummary.objects.exists())
        self.assertEqual(self.client.get(reverse("summary:detail", args=[code])).status_code, 404)
        self.assertEqual(self.client.get(reverse("summary:export", args=[code])).status_code, 404)

    def test_summary_pages_are_private(self):
        self.save()
        response = self.client.get(reverse("summary:detail", args=[SavedSummary.objects.get().display_code]))
        self.assertEqual(response["Cache-Control"], "no-store")
        self.assertEqual(response["Referrer-Policy"], "no-referrer")
        self.assertContains(response, '<meta name="robots" content="noindex, nofollow">')

    def test_a_wrong_method_is_refused(self):
        self.save()
        code = SavedSummary.objects.get().display_code
        self.assertEqual(self.client.post(reverse("summary:detail", args=[code])).status_code, 405)
        self.assertEqual(self.client.delete(reverse("summary:delete", args=[code])).status_code, 405)


class ConsideredOptionsTests(SavedSummaryTestCase):
    def test_the_summary_records_which_options_were_looked_at_closely(self):
        self.save()
        self.assertEqual(draw(SavedSummary.objects.get()).shown["considered"], ["no-procedure", "microneedling"])


class CodeLookupTests(SavedSummaryTestCase):
    LOOKUP = reverse("summary:lookup")

    def test_the_lookup_opens_a_summary_from_a_code_in_any_case_and_with_any_separators(self):
        self.save()
        summary = SavedSummary.objects.get()
        typed = " " + " ".join(summary.code.lower()[i : i + 4] for i in range(0, 12, 4)) + " "
        response = self.client.get(self.LOOKUP, {"code": typed})
        self.assertRedirects(response, reverse("summary:detail", args=[summary.display_code]))

    def test_an_unknown_code_gets_a_friendly_404_with_the_form_again(self):
        response = self.client.get(self.LOOKUP, {"code": "ZZZZ-ZZZZ-ZZZZ"})
        self.assertContains(response, "We could not find that summary", status_code=404)
        self.assertContains(response, 'name="code"', status_code=404)

    def test_an_empty_or_huge_code_is_a_400_not_an_error(self):
        self.assertEqual(self.client.get(self.LOOKUP, {"code": ""}).status_code, 400)
        self.assertEqual(self.client.get(self.LOOKUP, {"code": "x" * 100_000}).status_code, 400)

    def test_failed_attempts_are_limited_then_answered_with_429(self):
        self.save()
        good = SavedSummary.objects.get().display_code
        with self.settings(CODE_ATTEMPTS_PER_MINUTE=3):
            for attempt in range(3):
                self.assertEqual(self.client.get(self.LOOKUP, {"code": f"ZZZZ-ZZZZ-ZZZ{attempt}"}).status_code, 404)
            response = self.client.get(reverse("summary:detail", args=["ZZZZ-ZZZZ-ZZZZ"]))
            self.assertContains(response, "Please try again in", status_code=429)
            self.assertTrue(1 <= int(response["Retry-After"]) <= 61)
            self.assertEqual(self.client.get(reverse("summary:detail", args=[good])).status_code, 429)
            self.assertEqual(self.client.get(reverse("summary:export", args=[good])).status_code, 429)

    def test_pdf_downloads_are_limited_per_client(self):
        self.save()
        pdf = reverse("summary:pdf", args=[SavedSummary.objects.get().display_code])
        with self.settings(PDFS_PER_MINUTE=2):
            for _download in range(2):
                self.assertEqual(self.client.get(pdf).status_code, 200)
            response = self.client.get(pdf)
            self.assertContains(response, "Too many PDF downloads", status_code=429)
            self.assertTrue(1 <= int(response["Retry-After"]) <= 61)
            self.assertEqual(self.client_class(REMOTE_ADDR="10.0.0.2").get(pdf).status_code, 200)

    def test_the_limit_is_per_client(self):
        with self.settings(CODE_ATTEMPTS_PER_MINUTE=1):
            self.client.get(self.LOOKUP, {"code": "ZZZZ-ZZZZ-ZZZZ"})
            self.assertEqual(self.client.get(self.LOOKUP, {"code": "ZZZZ-ZZZZ-ZZZY"}).status_code, 429)
            other = self.client_class(REMOTE_ADDR="10.0.0.2")
            self.assertEqual(other.get(self.LOOKUP, {"code": "ZZZZ-ZZZZ-ZZZY"}).status_code, 404)


class SharedCacheTests(SavedSummaryTestCase):
    def test_with_redis_configured_every_worker_sees_the_same_counts(self):
        if not settings.REDIS_URL:
            pytest.skip("REDIS_URL is not set (CI sets it for the PostgreSQL run)")

        with self.settings(CODE_ATTEMPTS_PER_MINUTE=2):
            for attempt in range(2):
                self.client.get(reverse("summary:detail", args=[f"ZZZZ-ZZZZ-ZZZ{attempt}"]))
        keys = redis.Redis.from_url(settings.CACHES["shared"]["LOCATION"]).keys("*code-failures*count")
        self.assertEqual(len(keys), 1)  # another process, with its own connection, sees the counter
        self.assertEqual(caches["shared"].get(keys[0].decode().split(":", 2)[-1]), 2)

    def test_when_the_shared_cache_is_down_summaries_still_open(self):
        self.save()
        code = SavedSummary.objects.get().display_code
        down = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
        with override_settings(
            CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "shared": down}
        ):
            self.assertEqual(self.client.get(reverse("summary:detail", args=[code])).status_code, 200)
            self.assertEqual(self.client.get(reverse("summary:detail", args=["ZZZZ-ZZZZ-ZZZZ"])).status_code, 404)
