"""The real Kamailio and the sipp phones of the device dialog tests, for the procedure walks."""
from tests.ui.device_dialogs.conftest import kamailio, phone_as, sip_line, sip_pbx  # noqa: F401  (fixtures)
