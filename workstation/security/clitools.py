"""Helpers shared by the security subcommands: passwords from a file or a prompt, sessions
whose database errors become clear messages, and the CLI's actor."""

from __future__ import annotations

import getpass
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from resources.messages import message
from workstation.errors import OperatorCancelled, UsageError, UserFacingError, ValidationFailed
from workstation.security import Actor


def interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def read_password_file(path: str) -> str:
    """The first line of ``path`` (``-``: standard input), without its line ending."""
    try:
        if path == "-":
            text = sys.stdin.readline()
        else:
            text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError("security.password_file_unreadable", path=path, detail=str(exc)) from exc
    line = text.splitlines()[0] if text.splitlines() else ""
    return unicodedata.normalize("NFC", line)


def ask_password(lang: str, path: str | None, *, confirm: bool = True) -> str:
    """From ``--password-file``, else a hidden prompt (twice) when interactive."""
    if path:
        return read_password_file(path)
    if not interactive():
        raise UsageError("security.password_needed")
    try:
        first = getpass.getpass(message("security.prompt_password", lang) + " ")
        if confirm:
            second = getpass.getpass(message("security.prompt_password_again", lang) + " ")
            if first != second:
                raise ValidationFailed("security.password_mismatch")
    except (EOFError, KeyboardInterrupt) as exc:
        raise OperatorCancelled() from exc
    return unicodedata.normalize("NFC", first)


@contextmanager
def session_of(ctx: Any) -> Iterator[Session]:
    """``ctx.database().session()`` with database errors as translated messages."""
    from models.db import DatabaseError

    try:
        with ctx.database().session() as session:
            yield session
    except DatabaseError as exc:
        raise UserFacingError(exc.code, detail=exc.detail) from exc


def cli_actor(ctx: Any) -> Actor:
    return Actor.system("cli", station=str(ctx.settings["station.code"]))
