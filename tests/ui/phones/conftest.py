from tests.ui.phones.fixtures import make_phones_tab  # noqa: F401  (a fixture)
