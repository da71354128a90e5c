"""Behind a proxy, each client is counted by its own address (the trusted hop of X-Forwarded-For), not by the
proxy's: one client's wrong codes do not lock out another, and addresses a client writes into the header itself
change nothing."""

from unittest import TestCase

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from decisionaid.lib.client_address import forwarded_client
from decisionaid.summaries.models import SavedSummary

PROXY = "10.0.0.1"  # every request reaches the app from the proxy
ATTACKER, CLINICIAN = "203.0.113.7", "198.51.100.20"
LOOKUP = reverse("summary:lookup")


def via_proxy(forwarded_for: str) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def use_up_wrong_codes(client: Client, attempts: int) -> None:
    for attempt in range(attempts):
        assert client.get(LOOKUP, {"code": f"ZZZZ-ZZZZ-ZZZ{attempt}"}).status_code == 404


@pytest.fixture
def live_code(db):
    later = timezone.now() + timezone.timedelta(days=30)
    return SavedSummary.objects.create(code="7DJFW9D4N79Q", release_id=1, record={}, expires_at=later).display_code


@pytest.fixture
def behind_one_proxy(settings, db):
    settings.TRUSTED_PROXIES = 1
    settings.CODE_ATTEMPTS_PER_MINUTE = 3
    return settings


def seen_as(forwarded_for: str, trusted_proxies: int) -> str:
    return forwarded_client(remote_addr=PROXY, forwarded_for=forwarded_for, trusted_proxies=trusted_proxies)


class ForwardedClientTests(TestCase):
    def test_the_client_is_the_entry_each_trusted_proxy_added_counting_from_the_right(self):
        header = "192.0.2.99, 203.0.113.7, 10.0.0.2"
        self.assertEqual(seen_as(header, 1), "10.0.0.2")
        self.assertEqual(seen_as(header, 2), "203.0.113.7")

    def test_with_no_trusted_proxy_the_header_is_ignored(self):
        self.assertEqual(seen_as(ATTACKER, 0), PROXY)

    def test_a_header_shorter_than_the_proxy_chain_or_not_an_address_falls_back_to_the_connection(self):
        self.assertEqual(seen_as(ATTACKER, 2), PROXY)
        self.assertEqual(seen_as("", 1), PROXY)
        self.assertEqual(seen_as("unknown", 1), PROXY)

    def test_ipv6_addresses_are_written_one_way(self):
        self.assertEqual(seen_as("2001:DB8:0:0::1", 1), "2001:db8::1")


def test_behind_the_proxy_one_clients_wrong_codes_do_not_block_another(behind_one_proxy, live_code):
    attacker = via_proxy(ATTACKER)
    use_up_wrong_codes(attacker, 3)
    assert attacker.get(LOOKUP, {"code": live_code}).status_code == 429
    clinician = via_proxy(CLINICIAN)
    assert clinician.get(LOOKUP, {"code": live_code}).status_code == 302
    assert clinician.get(reverse("summary:detail", args=["ZZZZ-ZZZZ-ZZZZ"])).status_code == 404


def test_a_client_writing_fake_addresses_into_the_header_is_still_counted_as_itself(behind_one_proxy):
    # The proxy appends the address it saw, so whatever the client wrote stays to its left.
    for attempt in range(3):
        spoofed = via_proxy(f"192.0.2.{attempt}, {CLINICIAN}, {ATTACKER}")
        assert spoofed.get(LOOKUP, {"code": f"ZZZZ-ZZZZ-ZZZ{attempt}"}).status_code == 404
    assert via_proxy(f"192.0.2.200, {ATTACKER}").get(LOOKUP, {"code": "ZZZZ-ZZZZ-ZZZY"}).status_code == 429
    # ...and the clinician whose address the attacker wrote in is not blocked.
    assert via_proxy(CLINICIAN).get(LOOKUP, {"code": "ZZZZ-ZZZZ-ZZZY"}).status_code == 404


def test_with_no_trusted_proxy_a_forwarded_address_does_not_make_a_new_client(settings, db):
    settings.TRUSTED_PROXIES = 0
    settings.CODE_ATTEMPTS_PER_MINUTE = 3
    for attempt in range(3):
        forged = Client(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")
        assert forged.get(LOOKUP, {"code": f"ZZZZ-ZZZZ-ZZZ{attempt}"}).status_code == 404
    forged = Client(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=CLINICIAN)
    assert forged.get(LOOKUP, {"code": "ZZZZ-ZZZZ-ZZZY"}).status_code == 429
