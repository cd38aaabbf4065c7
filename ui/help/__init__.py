"""The manual's procedures inside the console (Help menu, links from banners and dialogs)."""
