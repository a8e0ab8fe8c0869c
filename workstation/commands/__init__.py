"""Subcommands of the ``workstation`` command, one module each.

Each module defines ``register(subparsers)``: it adds its parser(s) and sets
``func=handler`` where ``handler(ctx: CliContext) -> int``. Modules must import heavy
libraries (Qt, OpenCV, reportlab) inside their handlers, never at module level, so that
``workstation check`` starts fast.
"""
