from tests.ui.pbx.fixtures import make_pbx_tab, make_session  # noqa: F401  (fixtures of this folder)
