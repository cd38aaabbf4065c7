"""Prints the test requirements without Qt, for the core-only run (read from pyproject.toml)."""
import tomllib
from pathlib import Path

QT = ("pyside6", "pytest-qt", "zxing-cpp")
project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]
wanted = project["dependencies"] + project["optional-dependencies"]["test"]
print("\n".join(r for r in wanted if not r.lower().startswith(QT)))
