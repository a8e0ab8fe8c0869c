"""The station key: 32 random bytes in a 0600 file outside the database.

The station key never encrypts data itself. Sub-keys are derived from it with HKDF-SHA256 for
each purpose: wrapping the data keys that encrypt biometric blobs (``workstation.security.
crypto``) and signing the audit checkpoint (``workstation.security.audit``). Its file lives in
the config directory (``station.key``) unless ``security.key_file`` names another place.
Losing the file means the biometric blobs still on this station cannot be decrypted any more
and the audit checkpoint cannot be checked (see docs/security.md).
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from workstation.errors import UserFacingError
from workstation.settings import Settings, config_dir

HEADER = "ccws-station-key v1"
KEY_BYTES = 32


class StationKeyError(UserFacingError):
    """The station key is missing, unreadable, malformed or wrong."""


@dataclass(frozen=True)
class StationKey:
    """The loaded station key and where it came from."""

    secret: bytes
    path: Path

    @property
    def key_id(self) -> str:
        """A public fingerprint: names the key without revealing it."""
        return hashlib.sha256(b"ccws station key id\x00" + self.secret).hexdigest()[:16]

    def derive(self, purpose: str) -> bytes:
        """A 32-byte sub-key for one purpose (HKDF-SHA256)."""
        return _derive(self.secret, purpose)

    def __repr__(self) -> str:  # never print the secret
        return f"StationKey(key_id={self.key_id!r}, path={str(self.path)!r})"


@lru_cache(maxsize=64)
def _derive(secret: bytes, purpose: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"ccws/" + purpose.encode()).derive(secret)


def key_path(settings: Settings | None = None) -> Path:
    """Where the station key file is: ``security.key_file`` or config dir/station.key."""
    configured = settings["security.key_file"] if settings is not None else os.environ.get(
        "WORKSTATION_SECURITY_KEY_FILE", "")
    if settings is None and not configured:
        configured = _configured_from_file()
    return Path(configured).expanduser() if configured else config_dir() / "station.key"


def _configured_from_file() -> str:
    from workstation.settings import load_settings

    try:
        return str(load_settings()["security.key_file"])
    except UserFacingError:
        return ""


def _parse(path: Path, text: str) -> bytes:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) != 2 or lines[0] != HEADER:
        raise StationKeyError("security.key_invalid", path=str(path))
    try:
        secret = base64.b64decode(lines[1], validate=True)
    except ValueError as exc:
        raise StationKeyError("security.key_invalid", path=str(path)) from exc
    if len(secret) != KEY_BYTES:
        raise StationKeyError("security.key_invalid", path=str(path))
    return secret


def load_station_key(path: Path) -> StationKey:
    """Read the key file; a missing, unreadable or malformed file is a clear error."""
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise StationKeyError("security.key_missing", path=str(path)) from exc
    except OSError as exc:
        raise StationKeyError("security.key_unreadable", path=str(path), detail=str(exc)) from exc
    return _load_cached(str(path), st.st_mtime_ns, st.st_size, st.st_mode, st.st_ino)


@lru_cache(maxsize=16)
def _load_cached(path_text: str, _mtime_ns: int, _size: int, _mode: int, _ino: int
                 ) -> StationKey:
    path = Path(path_text)
    if sys.platform != "win32":
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            raise StationKeyError("security.key_permissions", path=path_text, mode=oct(mode))
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise StationKeyError("security.key_unreadable", path=path_text, detail=str(exc)) from exc
    return StationKey(_parse(path, text), path)


def create_station_key(path: Path) -> StationKey:
    """Make a new station key file (0600). Never overwrites an existing file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_bytes(KEY_BYTES)
    data = f"{HEADER}\n{base64.b64encode(secret).decode()}\n".encode("ascii")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError as exc:
        raise StationKeyError("security.key_exists", path=str(path)) from exc
    except OSError as exc:
        raise StationKeyError("security.key_unreadable", path=str(path), detail=str(exc)) from exc
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    return load_station_key(path)


def ensure_station_key(path: Path) -> tuple[StationKey, bool]:
    """Load the key, or create it when there is none. Returns (key, created)."""
    if path.exists():
        return load_station_key(path), False
    return create_station_key(path), True


def replace_station_key(path: Path, new_secret: bytes | None = None) -> StationKey:
    """Write a new key to ``path`` atomically, keeping the old one as ``<name>.old``."""
    secret = new_secret or secrets.token_bytes(KEY_BYTES)
    tmp = path.with_name(path.name + ".new")
    if tmp.exists():
        tmp.unlink()
    data = f"{HEADER}\n{base64.b64encode(secret).decode()}\n".encode("ascii")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    if path.exists():
        old = path.with_name(path.name + ".old")
        os.replace(path, old)
    os.replace(tmp, path)
    return load_station_key(path)
