"""The address of the client a request came from, as the rate limits and django-axes count it.

Behind N trusted proxies (settings.TRUSTED_PROXIES, from DJANGO_TRUSTED_PROXIES) each proxy appends the address
it was connected from to X-Forwarded-For, so the client's address is the Nth entry from the right; anything to
its left was written by the client and is ignored. With no trusted proxy the header is ignored altogether and
the connecting address (REMOTE_ADDR) is the client's. A header too short or an entry that is not an IP address
(the proxy is misconfigured, or was bypassed) falls back to REMOTE_ADDR, which only makes the limits stricter.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def forwarded_client(*, remote_addr: str, forwarded_for: str, trusted_proxies: int) -> str:
    """The Nth address from the right of X-Forwarded-For (N = trusted_proxies), or remote_addr."""
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    if trusted_proxies == 0 or len(hops) < trusted_proxies:
        return remote_addr
    try:
        return str(ipaddress.ip_address(hops[-trusted_proxies]))
    except ValueError:
        return remote_addr


def client_address(request: HttpRequest) -> str:
    """The client's address for this request (also django-axes' AXES_CLIENT_IP_CALLABLE)."""
    return forwarded_client(
        remote_addr=request.META.get("REMOTE_ADDR", ""),
        forwarded_for=request.META.get("HTTP_X_FORWARDED_FOR", ""),
        trusted_proxies=settings.TRUSTED_PROXIES,
    )
