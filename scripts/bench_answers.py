"""Varied answers for `make bench`'s simulated patients, drawn from the real questionnaire's own choices.

Usage: .venv/bin/python scripts/bench_answers.py OUT.json [COUNT]   (needs DATABASE_URL with the content loaded)
Each answer set is one adult patient: a random concern, country, skin type, goals, limits and values, mostly
"no" to the health questions with some "yes" and "not sure", 2 or 3 of their options compared and a leaning.
Varied answers keep the benchmark honest: the options page keeps the parts of its cards that are the same for
everyone with the same concern and country, and identical patients would make that look better than it is.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decisionaid.settings")

import django  # noqa: E402

django.setup()

from decisionaid.content.catalogue import current_catalogue  # noqa: E402
from decisionaid.questionnaire.sample_answers import answer_set  # noqa: E402


def main() -> None:
    out, count = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rng, catalogue = random.Random(2026), current_catalogue()
    out.write_text(json.dumps([answer_set(rng, catalogue) for _ in range(count)]), encoding="utf-8")


if __name__ == "__main__":
    main()
