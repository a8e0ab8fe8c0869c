"""Căn cước Workstation: the core (rules of the law, services, settings, CLI). No Qt widgets."""

__version__ = "0.1.0"
