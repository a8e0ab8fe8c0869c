"""Password hashing (argon2id) and the password policy: length, common and station-derived words.

Parameters of argon2id: 46 MiB, 1 pass, 1 lane — OWASP's first recommended configuration for
argon2id (Password Storage Cheat Sheet). About 50–90 ms per verification on a 2-core station
PC, so a login stays well under 250 ms even while the camera preview and other work share the
CPU (``bench/security.py`` measures it). The lock-out limits online guessing; the memory cost
is what slows an attacker who stole the database.
Hashes made with other parameters are upgraded at the next successful login.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from resources import resource_path
from workstation.errors import ValidationFailed

TIME_COST = 1
MEMORY_COST_KIB = 47104
PARALLELISM = 1

_hasher = PasswordHasher(time_cost=TIME_COST, memory_cost=MEMORY_COST_KIB,
                         parallelism=PARALLELISM)



@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verified against when the user does not exist, so that the answer takes as long."""
    return _hasher.hash("ccws dummy password for unknown users")

# Words too generic to count as "derived from the station" on their own.
_GENERIC = {"cong", "an", "thanh", "pho", "phuong", "xa", "huyen", "tinh", "quan", "thi",
            "tran", "quay", "so"}


def hash_password(password: str) -> str:
    return _hasher.hash(_nfc(password))


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; the cost is the same when there is no user."""
    try:
        return _hasher.verify(stored_hash or _dummy_hash(), _nfc(password)) and bool(stored_hash)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower case, no diacritics (đ → d), letters and digits only."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]", "", stripped.lower())


def _words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return [w for w in re.split(r"[^0-9a-z]+", stripped) if w]


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    path = resource_path("security", "common-passwords.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line) for line in lines if line.strip() and not line.startswith("#"))


def station_words(*texts: str) -> set[str]:
    """Distinctive words of the station: codes, and adjacent word pairs of names/addresses."""
    out: set[str] = set()
    for text in texts:
        words = _words(text)
        joined = "".join(words)
        if len(joined) >= 4 and len(words) <= 2:
            out.add(joined)
        for a, b in zip(words, words[1:], strict=False):
            if not ({a, b} <= _GENERIC):
                pair = a + b
                if len(pair) >= 5:
                    out.add(pair)
    return out


def check_password(
    password: str,
    *,
    min_length: int,
    username: str = "",
    full_name: str = "",
    station_code: str = "",
    station_texts: Iterable[str] = (),
) -> None:
    """Refuse weak passwords with a clear, translated reason (``ValidationFailed``)."""
    password = _nfc(password)
    if len(password) < min_length:
        raise ValidationFailed("security.password_too_short", min=min_length)
    folded = fold(password)
    common = common_passwords()
    stem = folded.strip("0123456789")
    if (
        folded in common
        or (len(stem) >= 4 and stem in common)
        or (folded.isdigit() and len(folded) < 12)
        or len(set(folded)) <= 2
    ):
        raise ValidationFailed("security.password_common")
    personal = {fold(username), fold(full_name)} | set(_words(full_name)[-1:])
    derived = {w for w in personal | station_words(*station_texts) if len(w) >= 4}
    derived |= {fold(username)} if len(fold(username)) >= 3 else set()
    derived |= {fold(station_code)} if len(fold(station_code)) >= 3 else set()
    if any(word and word in folded for word in derived):
        raise ValidationFailed("security.password_station")
