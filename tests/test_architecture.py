"""app/ and models/ never import PySide6 (or shiboken6), not even lazily inside a function."""
import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FORBIDDEN = ("PySide6", "shiboken6", "ui")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, node.lineno
        elif (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "__import__" and node.args
              and isinstance(node.args[0], ast.Constant)):
                yield str(node.args[0].value), node.lineno


def test_core_packages_do_not_import_qt_or_ui():
    offenders = []
    for package in ("app", "models"):
        for path in sorted((REPO / package).rglob("*.py")):
            for module, line in _imports(path):
                if module.split(".")[0] in FORBIDDEN:
                    offenders.append(f"{path.relative_to(REPO)}:{line} imports {module}")
    assert offenders == []


def test_models_do_not_import_app():
    offenders = [f"{p.relative_to(REPO)}:{line}" for p in (REPO / "models").rglob("*.py")
                 for module, line in _imports(p) if module.split(".")[0] == "app"]
    assert offenders == []


def test_the_checker_recognises_an_offending_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6 import QtCore\n")
    assert [m for m, _ in _imports(bad)] == ["PySide6"]
