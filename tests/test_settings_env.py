"""Settings come from environment variables; a malformed value stops start-up with a clear message."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import TestCase

from decisionaid.lib.env import ConfigurationError, env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parent.parent


def start_up(*command: str, **env: str) -> subprocess.CompletedProcess:
    """Run `manage.py check` (or another command) with exactly these settings variables."""
    base = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *(command or ["check"])],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


class EnvParsingTests(TestCase):
    def test_reads_true_and_false_words(self):
        self.assertTrue(env_bool("X", default=False, environ={"X": "yes"}))
        self.assertFalse(env_bool("X", default=True, environ={"X": "0"}))
        self.assertTrue(env_bool("X", default=True, environ={}))

    def test_a_malformed_boolean_names_the_variable(self):
        with self.assertRaises(ConfigurationError) as caught:
            env_bool("DJANGO_DEBUG", default=False, environ={"DJANGO_DEBUG": "ture"})
        self.assertIn("DJANGO_DEBUG", str(caught.exception.code))

    def test_reads_a_list_and_refuses_blanks(self):
        self.assertEqual(env_list("H", default=[], environ={"H": "a.org,b.org"}), ["a.org", "b.org"])
        with self.assertRaises(ConfigurationError):
            env_list("H", default=[], environ={"H": "a.org,,b.org"})

    def test_refuses_a_number_that_is_not_one(self):
        with self.assertRaises(ConfigurationError):
            env_int("N", default=1, environ={"N": "ten"})


class StartUpTests(TestCase):
    def test_a_malformed_debug_value_stops_start_up_naming_the_variable(self):
        result = start_up(DJANGO_DEBUG="maybe")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("Configuration error: DJANGO_DEBUG", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_a_secret_key_is_required_when_debug_is_off(self):
        result = start_up(DJANGO_DEBUG="0")
        self.assertIn("Configuration error: DJANGO_SECRET_KEY is required", result.stderr)

    def test_a_malformed_database_url_names_the_variable(self):
        result = start_up(DJANGO_DEBUG="1", DATABASE_URL="nosuchdb://x")
        self.assertIn("Configuration error: DATABASE_URL", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_it_starts_with_debug_on_and_no_other_settings(self):
        result = start_up(DJANGO_DEBUG="1")
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_behind_a_proxy_one_forwarding_hop_is_trusted_unless_told_otherwise(self):
        read = ["shell", "--no-imports", "-c", "from django.conf import settings; print(settings.TRUSTED_PROXIES)"]
        for env, trusted in [
            ({}, "0"),
            ({"DJANGO_BEHIND_PROXY": "1"}, "1"),
            ({"DJANGO_BEHIND_PROXY": "1", "DJANGO_TRUSTED_PROXIES": "2"}, "2"),
        ]:
            result = start_up(*read, DJANGO_DEBUG="1", **env)
            self.assertEqual(result.stdout.strip(), trusted, result.stderr)

    def test_trusted_proxies_without_a_proxy_stop_start_up_naming_the_variable(self):
        result = start_up(DJANGO_DEBUG="1", DJANGO_TRUSTED_PROXIES="1")
        self.assertIn("Configuration error: DJANGO_TRUSTED_PROXIES needs DJANGO_BEHIND_PROXY=1", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_postgresql_statements_and_lock_waits_time_out_after_database_timeout_seconds(self):
        read = ["shell", "--no-imports", "-c", "from django.conf import settings; print(settings.DATABASES['default'])"]
        url = "postgres://aid@db.example:5432/decisionaid?options=-c%20search_path%3Daid"  # kept, not replaced
        default = start_up(*read, DJANGO_DEBUG="1", DATABASE_URL=url).stdout
        self.assertIn("'options': '-c search_path=aid -c statement_timeout=2000 -c lock_timeout=2000'", default)
        self.assertIn("'connect_timeout': 2", default)
        self.assertIn("'tcp_user_timeout': 2500", default)
        five = start_up(*read, DJANGO_DEBUG="1", DATABASE_URL=url, DATABASE_TIMEOUT_SECONDS="5").stdout
        self.assertIn("-c statement_timeout=5000 -c lock_timeout=5000", five)
        off = start_up(*read, DJANGO_DEBUG="1", DATABASE_URL=url, DATABASE_TIMEOUT_SECONDS="0").stdout
        self.assertIn("'options': '-c search_path=aid'", off)
        self.assertNotIn("tcp_user_timeout", off)

    def test_a_malformed_database_timeout_stops_start_up_naming_the_variable(self):
        result = start_up(DJANGO_DEBUG="1", DATABASE_TIMEOUT_SECONDS="2s")
        self.assertIn("Configuration error: DATABASE_TIMEOUT_SECONDS must be a whole number", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
