"""Embedded HTTPS provisioning server: devices fetch their rendered configuration by access key.

Modules: snapshot (what is served), server (lifecycle, settings), connection (one client), routing (path allow-list),
httpwire (HTTP/1.x subset), throttle (per-IP blocking), certificates (local CA, import), tls (context), events.
"""
