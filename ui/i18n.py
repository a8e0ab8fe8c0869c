"""The interface language, and translated texts for widgets from the shared message catalogs.

Widgets call ``t("camera.move_closer")``; the catalog (``resources/i18n/*.toml``) holds the
Vietnamese default and the English translation. Qt's own ``.ts``/``.qm`` files, loaded by the
app, cover texts written with ``self.tr()``.
"""

from __future__ import annotations

from typing import Any

from resources.messages import DEFAULT_LANG, LANGUAGES, message

_language = DEFAULT_LANG
_large_font = False


def current_language() -> str:
    return _language


def set_language(lang: str) -> None:
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    _language = lang


def is_large_font() -> bool:
    return _large_font


def set_large_font(on: bool) -> None:
    """Remember the font size the app shows (``ui.app.apply_style`` applies it)."""
    global _large_font
    _large_font = bool(on)


def t(code: str, /, **params: Any) -> str:
    """The text for ``code`` in the current interface language."""
    return message(code, _language, **params)
