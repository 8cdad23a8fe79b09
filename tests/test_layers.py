"""The layers' arrows (README "How it is built") kept by a tool: import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def _cycles(graph, modules: list[str]) -> list[list[str]]:
    """The import graph's strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in modules:
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if not child.startswith("plprofile"):
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_no_module_imports_one_that_imports_it_back():
    """No cycles, at the top of a module or inside a function (grimp reads every import statement): a cycle
    closed by a lazy import hides the graph, and the next top-level import turns it into a crash."""
    import grimp

    graph = grimp.build_graph("plprofile")
    modules = sorted(m for m in graph.modules if m.startswith("plprofile"))
    assert len(modules) > 100  # the graph is the whole package
    assert _cycles(graph, modules) == []


def test_the_cycle_finder_finds_a_cycle():
    class Graph:
        edges = {"plprofile.a": {"plprofile.b"}, "plprofile.b": {"plprofile.c"}, "plprofile.c": {"plprofile.a"},
                 "plprofile.d": {"plprofile.a"}}

        def find_modules_directly_imported_by(self, module: str) -> set[str]:
            return self.edges.get(module, set())

    assert _cycles(Graph(), ["plprofile.a", "plprofile.b", "plprofile.c", "plprofile.d"]) == [
        ["plprofile.a", "plprofile.b", "plprofile.c"]]



def _tables_named(text: str, package: str, label: str) -> list[str]:
    """Every name a module of ``package`` imports from the project (at the top or inside a function), or reads
    as ``module.name`` from a project module it imports, that is one of the store's tables or their module:
    "label:line name"."""
    import ast
    import importlib
    import types

    from sqlmodel import SQLModel

    def is_table(value) -> bool:  # noqa: ANN001
        return (isinstance(value, type) and issubclass(value, SQLModel)) or (
            isinstance(value, types.ModuleType) and value.__name__ == "plprofile.store.models")

    found = []
    tree = ast.parse(text)
    modules: dict[str, types.ModuleType] = {}  # names bound to a module: ``from plprofile.services import storage``
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            parts = package.split(".")
            base = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else [])) \
                if node.level else node.module or ""
            if not base.startswith("plprofile"):
                continue
            source = importlib.import_module(base)
            for alias in node.names:
                value = getattr(source, alias.name, None)
                if value is None:  # a submodule not imported yet
                    value = importlib.import_module(f"{base}.{alias.name}")
                if is_table(value):
                    found.append(f"{label}:{node.lineno} {alias.name}")
                if isinstance(value, types.ModuleType):
                    modules[alias.asname or alias.name] = value
        elif isinstance(node, ast.Import):
            found += [f"{label}:{node.lineno} {a.name}" for a in node.names if a.name.startswith("plprofile.store")]
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
                and is_table(getattr(modules[node.value.id], node.attr, None))):
            found.append(f"{label}:{node.lineno} {node.value.id}.{node.attr}")
    return found


def test_the_ui_holds_no_row_of_the_store():
    """Widgets are handed views (``services.views``), never the store's rows: no module of ``plprofile/ui`` names
    a table, whichever module of the services would hand it on (import-linter sees modules, not names)."""
    files = sorted((ROOT / "plprofile" / "ui").rglob("*.py"))
    assert len(files) > 50
    found = []
    for path in files:
        relative = path.relative_to(ROOT)
        found += _tables_named(path.read_text(encoding="utf-8"), ".".join(relative.parts[:-1]), str(relative))
    assert found == []


def test_the_table_finder_finds_a_table():
    """A module that takes a table from a service module (as the UI once took ``Goal`` from
    ``services.storage``) is found, by name, relatively imported, or as an attribute of a module it imports."""
    sample = ("from plprofile.services.evidence_files import EvidenceFileService\n"
              "from plprofile.services.profiles import Goal\n"
              "from ...services import shown\n"
              "def f():\n"
              "    from plprofile.services.views import EntryView\n"
              "    return shown.ProfileEntry, EntryView\n")
    assert _tables_named(sample, "plprofile.ui.profile", "sample") == ["sample:2 Goal", "sample:6 shown.ProfileEntry"]
