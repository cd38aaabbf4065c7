"""Regenerate the golden files in tests/data/render/ — run explicitly, then review the diff.

    .venv/bin/python tests/app/render/update_golden.py

The tests never write golden files; they only compare against them.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[3]), str(Path(__file__).resolve().parent)]

from render_scenario import GOLDEN_ROOT, MANIFEST, golden_name, scenario_input

from app.catalog import load_catalog
from app.render import render


def write_golden(root: Path) -> list[str]:
    """Render the scenario for every catalog model into `root` (replaced); returns the model ids."""
    catalog = load_catalog()
    if root.exists():
        shutil.rmtree(root)
    written = []
    for device_type in catalog.device_types():
        folder = root / device_type.id
        folder.mkdir(parents=True)
        files = render(catalog, scenario_input(catalog, device_type.id))
        for rendered in files:
            (folder / golden_name(rendered.name)).write_bytes(rendered.body)
        manifest = "".join(f"{golden_name(f.name)}\t{f.content_type}\n" for f in files)
        (folder / MANIFEST).write_text(manifest, encoding="utf-8")
        written.append(device_type.id)
    return written


def main() -> int:
    for type_id in write_golden(GOLDEN_ROOT):
        print(f"wrote {GOLDEN_ROOT / type_id}")
    print("Review the changes (git diff tests/data/render) before committing them.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
