"""Simulated visitors for `make bench` (scripts/bench.py runs locust headless with one of these classes).

- Patient: the whole journey, home → the questionnaire → options → compare → decision → questions → saved
  summary → PDF, pausing to read between pages (BENCH_THINK_SECONDS, default 1–3 s).
- OptionsReader and HealthCheck: the options page, or /healthz, as fast as they answer — the capacity runs
  whose throughputs are compared.

The site runs with production settings behind an (imagined) TLS proxy: every request says
X-Forwarded-Proto: https and names its Origin, and the Secure cookies are sent back over plain HTTP.
Each visitor takes one of the varied answer sets in BENCH_ANSWERS, a JSON file that scripts/bench_answers.py
draws from the real questionnaire.
"""

from __future__ import annotations

import json
import os
import random
import re

from locust import HttpUser, between, constant, task

HIDDEN_FIELD = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')  # the CSRF token, the save key
CHOSEN_BOX = re.compile(r'<input[^>]*name="chosen"[^>]*>')
THINK = [float(seconds) for seconds in os.environ.get("BENCH_THINK_SECONDS", "1,3").split(",")]


def answers() -> dict:
    """One patient's answers, picked at random from the file's answer sets."""
    with open(os.environ["BENCH_ANSWERS"], encoding="utf-8") as file:
        return random.choice(json.load(file))


class Visitor(HttpUser):
    abstract = True

    def on_start(self) -> None:
        self.client.headers.update({"X-Forwarded-Proto": "https", "Origin": "https://" + self.host.split("://")[1]})
        self.answers = answers()

    def send_secure_cookies_over_plain_http(self) -> None:
        """The TLS proxy is imagined, so the Secure session and CSRF cookies must go back over plain HTTP
        (requests copies the cookie jar for each request, so a cookie policy would not survive)."""
        for cookie in self.client.cookies:
            cookie.secure = False

    def page(self, path: str, name: str, **params) -> str:
        self.send_secure_cookies_over_plain_http()
        with self.client.get(path, params=params, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
            return response.text

    def send(self, path: str, form_page: str, fields: dict, name: str) -> None:
        """POSTs a form as a browser would (with the page's hidden fields); a valid answer is redirected."""
        self.send_secure_cookies_over_plain_http()
        data = {**dict(HIDDEN_FIELD.findall(form_page)), **fields}
        with self.client.post(path, data=data, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"{response.status_code}: the answer was not accepted")
            self.redirected_to = response.headers.get("Location", "")

    def answer_every_step(self, pause) -> None:
        for slug, fields in self.answers["steps"].items():
            path = f"/start/step/{slug}/"
            form = self.page(path, "step (form)")
            pause()
            self.send(path, form, fields, "step (answer)")


class Patient(Visitor):
    wait_time = between(*THINK)

    @task
    def whole_journey(self) -> None:
        self.page("/", "home")
        self.wait()
        self.page("/start/", "start")
        self.wait()
        self.answer_every_step(self.wait)
        self.page("/start/review/", "review")
        self.wait()
        self.page("/start/options/", "options")
        self.wait()
        self.page("/start/compare/", "compare", options=self.answers["compared"])
        self.wait()
        form = self.page("/start/decision/", "decision (form)")
        self.wait()
        self.send("/start/decision/", form, self.answers["decision"], "decision (answer)")
        form = self.page("/start/questions/", "questions (form)")
        self.wait()
        chosen = [re.search(r'value="([^"]+)"', box).group(1) for box in CHOSEN_BOX.findall(form) if " checked" in box]
        self.send(
            "/start/questions/", form, {"chosen": chosen, "own_1": "How many of these have you done?"}, "save summary"
        )
        summary = self.redirected_to
        self.page(summary, "summary")
        self.wait()
        self.page(summary + "summary.pdf", "PDF")


class OptionsReader(Visitor):
    wait_time = constant(0)

    def on_start(self) -> None:
        super().on_start()
        self.answer_every_step(lambda: None)

    @task
    def options(self) -> None:
        self.page("/start/options/", "options")


class HealthCheck(HttpUser):
    wait_time = constant(0)

    @task
    def healthz(self) -> None:
        self.client.get("/healthz", name="healthz")
