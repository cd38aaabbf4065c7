"""The Keys tab: a device drawn from the catalog with its keys and expansion modules, edited by drag and drop.

Entry point: `ui.keys.keys_tab.KeysTab`. The pure editing rules live in `operations` (no Qt), so they
can be read and tested apart from the widgets.
"""
