"""The Device dialog ([Details ...] of a telephone) and the dialogs it opens."""
