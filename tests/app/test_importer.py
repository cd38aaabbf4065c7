import pytest

from app.context import CLI_ACTOR as ADMIN
from app.importer import ImportRejected, import_lines
from app.services.pbx import PbxInput


@pytest.fixture
def pbx(ctx):
    return ctx.pbx.create(ADMIN, PbxInput(name="Acme", sip_domain="sip.acme.example", registrar_host="sip.acme.example"))


def write(tmp_path, text):
    path = tmp_path / "lines.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_lines_with_several_devices_are_imported(ctx, pbx, tmp_path):
    path = write(tmp_path, "number,display_name,password,device_type,mac\n"
                           "100,Anna Weiß,pw100,yealink-t46u,80:5e:c0:00:00:01\n"
                           "100,Anna Weiß,pw100,yealink-t33g,\n"
                           "101,Bernd,pw101,,\n")
    result = import_lines(ctx, ADMIN, pbx.id, path)
    assert (result.lines_created, result.devices_created) == (2, 2)
    lines = ctx.lines.list(ADMIN, pbx.id)
    assert [(entry.number, entry.device_count) for entry in lines] == [("100", 2), ("101", 0)]
    assert ctx.devices.list(ADMIN, pbx.id)[0].mac == "805ec0000001"


@pytest.mark.parametrize("body, message", [
    ("number,password\n100,pw\n10x,pw\n", "row 3: number"),
    ("number,password,device_type\n100,pw,acme-9000\n", "row 2: Telephone"),
    ("number,password,mac,device_type\n100,pw,zz,yealink-t46u\n", "row 2: MAC"),
    ("number,password\n100,pw\n100,pw\n", None),  # the same line twice without a device is fine
    ("number,pass\n100,pw\n", "row 1 (header): missing columns ['password']"),
    ("number,password,blocked_public\n100,pw,maybe\n", "row 2: blocked_public"),
])
def test_a_bad_row_rejects_the_whole_file(ctx, pbx, tmp_path, body, message):
    path = write(tmp_path, body)
    if message is None:
        assert import_lines(ctx, ADMIN, pbx.id, path).lines_created == 1
        return
    with pytest.raises(ImportRejected) as err:
        import_lines(ctx, ADMIN, pbx.id, path)
    assert message in str(err.value)
    assert ctx.lines.list(ADMIN, pbx.id) == []  # nothing half-saved


def test_an_existing_number_rejects_the_file(ctx, pbx, tmp_path):
    import_lines(ctx, ADMIN, pbx.id, write(tmp_path, "number,password\n100,pw\n"))
    with pytest.raises(ImportRejected, match="row 3: number 100 exists already"):
        import_lines(ctx, ADMIN, pbx.id, write(tmp_path, "number,password\n102,pw\n100,pw\n"))
    assert [entry.number for entry in ctx.lines.list(ADMIN, pbx.id)] == ["100"]


@pytest.mark.parametrize("body, message", [
    ("number,password\n100,pw-long-enough1\n101,pw-long-enough2,extra\n", "row 3: 1 more field(s)"),
    ("number,password,display_name\n100,pw-long-enough1," + "x" * (129 * 1024) + "\n", "KiB"),
])
def test_extra_fields_and_huge_fields_reject_the_file(ctx, pbx, tmp_path, body, message):
    with pytest.raises(ImportRejected, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_lines(ctx, ADMIN, pbx.id, write(tmp_path, body))
    assert ctx.lines.list(ADMIN, pbx.id) == []


def test_a_mac_twice_in_the_file_rejects_it(ctx, pbx, tmp_path):
    body = ("number,password,device_type,mac\n100,pw-long-enough1,yealink-t46u,805ec0000001\n"
            "101,pw-long-enough2,yealink-t46u,80:5e:c0:00:00:01\n")
    with pytest.raises(ImportRejected, match="row 3: MAC 805EC0000001 is in row 2"):
        import_lines(ctx, ADMIN, pbx.id, write(tmp_path, body))
    assert ctx.lines.list(ADMIN, pbx.id) == []
