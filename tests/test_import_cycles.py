"""The project's modules import one another without cycles, counting imports inside functions too.

A cycle hidden by a function-level import still ties two modules together: neither can be read, tested or moved
without the other. This reads the source with `ast` (nothing is imported), so it needs no database or settings.
"""

import ast
from pathlib import Path

import decisionaid

ROOT = Path(decisionaid.__file__).parent
PACKAGE = "decisionaid"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(ROOT.rglob("*.py")) if "migrations" not in path.parts}


def imported_names(path: Path, importer: str) -> set[str]:
    """Every dotted name `path` imports, at any depth: `from a.b import c` gives both `a.b` and `a.b.c`."""
    package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports (a name that is not a module counts as its package)."""
    modules = project_modules()
    graph = {}
    for importer, path in modules.items():
        targets = set()
        for name in imported_names(path, importer):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != importer and name != PACKAGE:
                targets.add(name)
        graph[importer] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_checker_finds_a_cycle_of_three():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_imports_inside_functions_and_relative_imports_count(tmp_path):
    module = tmp_path / "x.py"
    module.write_text("from . import gate\n\ndef f():\n    from ..lib.codes import new_code\n", encoding="utf-8")
    assert imported_names(module, "decisionaid.content.x") == {
        "decisionaid.content",
        "decisionaid.content.gate",
        "decisionaid.lib.codes",
        "decisionaid.lib.codes.new_code",
    }


def test_the_graph_sees_the_content_packs_imports():
    graph = import_graph()
    assert {"decisionaid.content.models", "decisionaid.content.serialization"} <= graph["decisionaid.content.pack"]


def test_no_module_of_the_project_imports_itself_in_a_circle():
    assert cycles(import_graph()) == []
