"""Import every table module so the metadata knows all tables (used by Alembic and tests)."""

from __future__ import annotations

import importlib
import pkgutil

import models

_SKIP = {"all", "base", "db", "migrations"}

for _info in pkgutil.iter_modules(models.__path__):
    if _info.name not in _SKIP:
        importlib.import_module(f"models.{_info.name}")
