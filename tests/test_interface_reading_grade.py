"""Every interface string a patient reads (templates' {% translate %} and {% blocktranslate %}, Python's gettext
calls) reads at US grade 8 or lower, as the content does (the publishing gate grades content, this grades the rest).
Strings too short to grade (lib/readability.py) are skipped; admin-only code is left out."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from decisionaid.lib.readability import MAX_GRADE, reading_grade

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = ROOT / "templates"
PYTHON_DIR = ROOT / "decisionaid"
# Staff-facing screens and code: reviewers and editors are not the plain-language audience.
STAFF_ONLY = (
    "admin",
    "management",
    "migrations",
    "release_admin",
    "release_diff",
    "publishing",
    "checks",
    "accounts",
    "models",
)

TRANSLATE = re.compile(r"""{%\s*(?:translate|trans)\s+(["'])(.+?)\1""", re.DOTALL)
BLOCK = re.compile(r"{%\s*blocktrans(?:late)?\b[^%]*%}(.*?){%\s*endblocktrans(?:late)?\s*%}", re.DOTALL)
VARIABLE = re.compile(r"{{\s*[^}]+}}")
GETTEXT = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy"}


def template_strings() -> list[tuple[str, str]]:
    found = []
    for path in sorted(TEMPLATE_DIR.rglob("*.html")):
        if "admin" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        where = str(path.relative_to(ROOT))
        found += [(where, match.group(2)) for match in TRANSLATE.finditer(text)]
        for match in BLOCK.finditer(text):
            for part in re.split(r"{%\s*plural\s*%}", match.group(1)):
                found.append((where, VARIABLE.sub("it", part)))
    return found


def python_strings() -> list[tuple[str, str]]:
    found = []
    for path in sorted(PYTHON_DIR.rglob("*.py")):
        if any(part in STAFF_ONLY or part.startswith(STAFF_ONLY) for part in path.relative_to(PYTHON_DIR).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in GETTEXT:
                for argument in node.args:
                    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                        found.append((str(path.relative_to(ROOT)), re.sub(r"%\(\w+\)[sd]", "it", argument.value)))
    return found


def test_the_extraction_finds_the_sites_strings():
    strings = [text for _, text in template_strings() + python_strings()]
    assert len(strings) > 300
    assert "These are the things you said matter most to you. Nothing is added up: you weigh them yourself." in strings


def test_no_interface_string_reads_above_grade_8():
    too_hard = sorted(
        {
            (where, grade, " ".join(text.split()))
            for where, text in template_strings() + python_strings()
            if (grade := reading_grade(text)) is not None and grade > MAX_GRADE
        }
    )
    assert too_hard == []
