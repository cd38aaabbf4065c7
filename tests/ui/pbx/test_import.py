"""[Import CSV ...] on the Lines page: in the task pool with progress; a bad row imports nothing."""
from __future__ import annotations

import threading

from app.importer import ImportCancelled, import_lines


def test_a_csv_file_is_imported_off_the_gui_thread(qtbot, ctx, provider, pbx, make_pbx_tab, tmp_path):
    path = tmp_path / "lines.csv"
    path.write_text("number,password,display_name,device_type,mac\n"
                    "200,pw-200-secret,Anna,yealink-t46u,00:15:65:12:34:56\n"
                    "201,pw-201-secret,Bernd,,\n", encoding="utf-8")
    tab = make_pbx_tab(provider)
    tab.pages.setCurrentWidget(tab.lines)
    page = tab.lines
    threads: list[threading.Thread] = []
    ctx.bus.subscribe(lambda event: threads.append(threading.current_thread()))
    run = page.start_import(path)
    assert run is not None and not page.import_button.isEnabled()
    qtbot.waitUntil(lambda: page.import_run is None, timeout=10000)
    assert page.import_label.text() == "Imported 2 lines and 1 devices."
    assert page.import_button.isEnabled() and not page.message.isVisible()
    assert [line.number for line in ctx.lines.list(provider, pbx.id)] == ["200", "201"]
    assert page.table.rowCount() == 2
    assert threading.main_thread() not in threads  # progress and changes came from the pool


def test_a_bad_row_rejects_the_whole_file_with_its_row_number(qtbot, ctx, provider, pbx, make_pbx_tab, tmp_path):
    path = tmp_path / "lines.csv"
    path.write_text("number,password,device_type\n200,pw-200-secret,yealink-t46u\n20x,pw-201-secret,\n",
                    encoding="utf-8")
    tab = make_pbx_tab(provider)
    tab.pages.setCurrentWidget(tab.lines)
    page = tab.lines
    page.start_import(path)
    qtbot.waitUntil(lambda: page.import_run is None, timeout=10000)
    assert page.message.isVisible() and page.message.text().startswith("Row 3:")
    assert ctx.lines.list(provider, pbx.id) == [] and ctx.devices.list(provider) == []


def test_a_cancelled_import_leaves_nothing(ctx, provider, pbx, tmp_path):
    path = tmp_path / "lines.csv"
    path.write_text("number,password\n" + "".join(f"{n},pw-{n}-secret\n" for n in range(300, 320)),
                    encoding="utf-8")
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))

    try:
        import_lines(ctx, provider, pbx.id, path, progress=progress, cancelled=lambda: len(seen) >= 5)
    except ImportCancelled as exc:
        assert "nothing was imported" in str(exc)
    else:
        raise AssertionError("the import was not cancelled")
    assert seen[:2] == [(1, 20), (2, 20)]
    assert ctx.lines.list(provider, pbx.id) == []
