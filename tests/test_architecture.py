"""The house keeps its plan: stages import only from earlier stages, and ARCHITECTURE.md is true."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import REPO

CORE = REPO / "hooks" / "timeline_core"
# The stages in the order data flows through them; a module may import only from its own or earlier ones.
STAGES = (
    "problems",
    "memo",
    "gcpause",
    "twocores",
    "model",
    "words",
    "data",
    "pages",
    "exports",
    "settings",
    "site_files",
    "served",
    "build_input",
    "archiving",
    "cli",
)


def _stage(module: str) -> int:
    """The stage of a module path inside timeline_core, such as 'pages.render'."""
    return STAGES.index(module.split(".")[0])


def _imports(path: Path) -> list[str]:
    """The timeline_core modules a file imports, as dotted paths inside the package."""
    package = path.relative_to(CORE).with_suffix("").parts[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                target = [*base, *(node.module.split(".") if node.module else [])]
                found += [".".join(target)] if node.module else [".".join([*base, a.name]) for a in node.names]
            elif node.module and node.module.startswith("timeline_core."):
                found.append(node.module.removeprefix("timeline_core."))
    return [name for name in found if name]


def test_every_stage_imports_only_from_earlier_stages():
    backwards = []
    for path in sorted(CORE.rglob("*.py")):
        here = path.relative_to(CORE).with_suffix("").parts
        if here == ("__init__",):
            continue
        for target in _imports(path):
            if _stage(target) > _stage(".".join(here)):
                backwards.append(f"{'/'.join(here)}.py imports {target}")
    assert backwards == []


def test_the_hooks_file_only_wires_mkdocs_to_the_core():
    text = (REPO / "hooks" / "timeline_hooks.py").read_text(encoding="utf-8")
    assert "site_files(" in text and "render_pages" not in text and "export_files" not in text


def test_every_module_architecture_md_names_exists():
    text = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:[a-z_]+/)*[a-z_]+\.py)`", text))
    assert len(named) > 20
    missing = [
        name
        for name in sorted(named)
        if not (CORE / name).exists() and not (REPO / name).exists() and not (REPO / "hooks" / name).exists()
    ]
    assert missing == []
    folders = set(re.findall(r"`([a-z_]+/)`", text)) - {"timeline_core/"}
    assert all((CORE / folder).is_dir() or (REPO / folder).is_dir() for folder in folders), folders


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph, as the modules along it, or [] when it has none."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node], path[len(path) :] = "open", [node]
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return path[path.index(target) :] + [target]
            if target not in state and (found := visit(target)):
                return found
        state[node] = "done"
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_two_modules_of_a_stage_import_each_other_even_for_types():
    """Within a stage, modules form layers too (records, then corroboration made of records…):
    an import inside a function or under TYPE_CHECKING counts, since it ties the two all the same."""
    graph: dict[str, set[str]] = {}
    for path in sorted(CORE.rglob("*.py")):
        here = ".".join(path.relative_to(CORE).with_suffix("").parts)
        graph[here] = {
            target for target in _imports(path) if target != here and (CORE / f"{target.replace('.', '/')}.py").exists()
        }
    assert _cycle(graph) == []
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]  # the finder finds one


def test_the_readme_is_read_in_five_minutes_and_every_documentation_link_resolves():
    """README: what it is, the two commands, a picture, where to go next; the rest in guide/."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    pages = [REPO / "README.md", REPO / "CONTRIBUTING.md", REPO / "ARCHITECTURE.md", *(REPO / "guide").glob("*.md")]
    broken = []
    for page in pages:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" not in target and "issues/new" not in target and not (page.parent / target).exists():
                broken.append(f"{page.relative_to(REPO)}: {target}")
    assert broken == []


def test_no_test_module_imports_another():
    """Shared fixtures and data live in tests/ helper modules (conftest, events, search_index …), so a
    test module can be read, run and changed on its own."""
    importing = []
    for module in sorted((REPO / "tests").rglob("test_*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if any(name.split(".")[-1].startswith("test_") for name in names):
                importing.append(f"{module.relative_to(REPO)} imports {names}")
    assert importing == []
