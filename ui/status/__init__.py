"""Widgets that show the state of the console's services: provisioning server, misuse, access log."""
