import pytest

from app.context import CLI_ACTOR
from app.services.lines import LineInput
from app.services.pbx import PbxInput

ADMIN = CLI_ACTOR


@pytest.fixture
def pbx(ctx):
    return ctx.pbx.create(ADMIN, PbxInput(name="Acme", sip_domain="sip.acme.example",
                                          registrar_host="sip.acme.example", time_zone="Europe/Berlin"))


@pytest.fixture
def line(ctx, pbx):
    return ctx.lines.create(ADMIN, pbx.id, LineInput(number="100", display_name="Anna", password="s3cret-100"))


@pytest.fixture
def other_line(ctx, pbx):
    return ctx.lines.create(ADMIN, pbx.id, LineInput(number="101", display_name="Bernd", password="s3cret-101"))
