"""Translated user-facing messages of the core, keyed by stable codes.

Catalogs live in ``resources/i18n/*.toml``, one file per area, each entry
``"code" = { vi = "…", en = "…" }`` with named ``{placeholders}``. Vietnamese is the default
language. The Qt interface has its own ``.ts`` files; this catalog serves the core, the CLI and
the documents, and is the place the UI maps finding codes to text.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any

from resources import resource_path

DEFAULT_LANG = "vi"
LANGUAGES = ("vi", "en")


@lru_cache(maxsize=1)
def _catalog() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(resource_path("i18n").glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for code, texts in data.items():
            if code in merged:
                raise RuntimeError(f"message code {code!r} defined twice ({path.name})")
            merged[code] = {str(k): str(v) for k, v in texts.items()}
    return merged


def has_message(code: str) -> bool:
    return code in _catalog()


def message(code: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The text for ``code`` in ``lang`` with its placeholders filled.

    An unknown code returns the code itself (with the parameters) rather than failing: a
    missing translation must never hide the error it describes.
    """
    texts = _catalog().get(code)
    if texts is None:
        extra = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{code} ({extra})" if extra else code
    template = texts.get(lang) or texts.get(DEFAULT_LANG) or next(iter(texts.values()))
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


class CodedError(Exception):
    """An error that carries a stable message ``code`` and the ``params`` of its text, so it
    can be shown in the user's language. Base of the core's, devices' and printing's errors."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(message(code, "en", **params))

    def text(self, lang: str = DEFAULT_LANG) -> str:
        return message(self.code, lang, **self.params)
