"""Where enrollment meets the pieces other areas build: rules, audit and biometric encryption.

Each function calls the real service. While a piece has not landed yet the seam says so with a
clear error (``enrollment.unavailable``) instead of pretending: nothing is saved unchecked,
unaudited or unencrypted.
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from workstation.errors import UserFacingError
from workstation.security import Actor
from workstation.settings import Settings


def _load(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise UserFacingError("enrollment.unavailable", part=f"{module}.{name}") from exc


def check(session: Session, request: dict[str, Any], on: date,
          settings: Settings, lang: str = "vi") -> dict[str, Any]:
    """The law's decision on a request (``workstation.checking.check``; CLI.md ``check``)."""
    fn = _load("workstation.checking", "check")
    return dict(fn(session, request, on, settings, lang=lang))


def audit(session: Session, actor: Actor, action: str, object_type: str,
          object_id: str | None = None, details: dict[str, Any] | None = None) -> None:
    """Append the hash-chained audit entry in the caller's transaction."""
    fn = _load("workstation.security.audit", "record")
    fn(session, actor, action, object_type, object_id, details)


def vault(session: Session, settings: Settings) -> Any:
    """The station's biometric vault (``workstation.security.crypto.load_vault``)."""
    fn = _load("workstation.security.crypto", "load_vault")
    return fn(session, settings)


def documents(settings: Settings) -> Any:
    """The printing service (``workstation.documents.DocumentService``)."""
    return _load("workstation.documents", "DocumentService")(settings)


def print_job(kind: str, doc: Any) -> Any:
    job = _load("printing.sinks", "PrintJob")
    return job(kind, doc.title, doc.pdf, doc.paper, 1, getattr(doc, "ticket", None))
