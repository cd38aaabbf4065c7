"""Every catalog model rendered for the fixed scenario equals its reviewed golden files, byte for byte.

After an intended change: `.venv/bin/python tests/app/render/update_golden.py`, review the diff.
"""

from __future__ import annotations

import pytest
from render_scenario import GOLDEN_ROOT, MANIFEST, golden_name, scenario_input

from app.catalog import load_catalog
from app.render import render

CATALOG = load_catalog()
REGENERATE = "regenerate with: .venv/bin/python tests/app/render/update_golden.py (then review the diff)"


@pytest.mark.parametrize("type_id", [d.id for d in CATALOG.device_types()])
def test_rendered_files_equal_golden_files(type_id):
    folder = GOLDEN_ROOT / type_id
    assert folder.is_dir(), f"no golden files for {type_id}; {REGENERATE}"
    files = render(CATALOG, scenario_input(CATALOG, type_id))
    manifest = "".join(f"{golden_name(f.name)}\t{f.content_type}\n" for f in files)
    assert manifest == (folder / MANIFEST).read_text(encoding="utf-8"), f"file list changed; {REGENERATE}"
    for rendered in files:
        expected = (folder / golden_name(rendered.name)).read_bytes()
        assert rendered.body == expected, f"{type_id}/{golden_name(rendered.name)} differs; {REGENERATE}"


def test_no_golden_folder_without_catalog_model():
    known = {d.id for d in CATALOG.device_types()}
    stale = sorted(p.name for p in GOLDEN_ROOT.iterdir() if p.is_dir() and p.name not in known)
    assert not stale, f"golden files for models no longer in the catalog: {stale}; {REGENERATE}"


def test_rendering_is_deterministic():
    first = render(CATALOG, scenario_input(CATALOG, "snom-d785"))
    assert render(CATALOG, scenario_input(CATALOG, "snom-d785")) == first


def test_regeneration_script_reproduces_the_golden_files(tmp_path):
    from update_golden import write_golden

    written = write_golden(tmp_path / "render")
    assert written == [d.id for d in CATALOG.device_types()]
    for type_id in written:
        for path in (tmp_path / "render" / type_id).iterdir():
            assert path.read_bytes() == (GOLDEN_ROOT / type_id / path.name).read_bytes(), path
