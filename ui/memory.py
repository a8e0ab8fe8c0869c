"""Keeping a counter session's memory flat over a day of applicants (Linux/glibc only).

Camera frames, fingerprint images and PDFs are large short-lived buffers made on several
threads; glibc gives each thread its own malloc arena and keeps freed pages, so a long session
grows without leaking. The app limits the arenas at start and hands freed memory back to the
system after each applicant. Elsewhere (Windows, macOS, musl) both calls do nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)
M_ARENA_MAX = -8


@lru_cache(maxsize=1)
def _glibc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None
    except OSError:
        return None


def limit_arenas(count: int = 2) -> bool:
    """Call before worker threads start."""
    libc = _glibc()
    return bool(libc is not None and libc.mallopt(M_ARENA_MAX, count) == 1)


def release() -> None:
    """Give freed memory back to the system (after an applicant is done)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
