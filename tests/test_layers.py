"""Dependencies point down: the domain imports no UI and no Word library; the exporter no UI."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from .conftest import ROOT

FORBIDDEN = {
    "policy_model": {"textual", "rich", "docx", "openpyxl", "tui", "exporters"},
    "exporters": {"textual", "rich", "tui"},
}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_module_imports_a_higher_layer(package: str) -> None:
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in FORBIDDEN[package]
                          and not _lazy_allowed(package, n)]
    assert offenders == []


def _lazy_allowed(package: str, name: str) -> bool:
    """The exporter may import python-docx; the domain may read XLSX only inside a function."""
    return package == "policy_model" and name.split(".")[0] == "openpyxl"


@pytest.mark.parametrize("package, absent", [
    ("policy_model", ["textual", "rich", "docx", "openpyxl"]),
    ("exporters", ["textual", "rich"]),
])
def test_importing_a_layer_in_a_fresh_process_loads_nothing_above_it(package: str, absent: list[str]) -> None:
    modules = [p.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
               for p in (ROOT / package).rglob("*.py")]
    modules = [m.removesuffix(".__init__") for m in modules]
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            f"print([a for a in {absent!r} if a in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_headless_commands_do_not_import_textual() -> None:
    code = ("import sys, tui.cli, tui.commands.check, tui.commands.new\n"
            "print('textual' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
