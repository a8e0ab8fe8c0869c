"""Reusable widgets: camera view, fingerprint panel, card reader status, PDF preview."""
