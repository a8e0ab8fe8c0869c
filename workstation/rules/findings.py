"""Findings: what the rules say about a request, each with a stable code and a translated text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from resources.messages import DEFAULT_LANG, message

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One observation on a request: ``severity`` error|warning|info, the ``field`` it concerns
    (dotted path in the request, e.g. ``applicant.pid``), a stable ``code`` and the ``message``
    already translated."""

    severity: Severity
    field: str
    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"severity": self.severity, "field": self.field, "code": self.code,
                "message": self.message}

    def relocated(self, field: str) -> Finding:
        """The same finding about another field (e.g. ``pid`` → ``representative.pid``)."""
        return Finding(self.severity, field, self.code, self.message)

    def with_severity(self, severity: Severity) -> Finding:
        return Finding(severity, self.field, self.code, self.message)


def finding(severity: Severity, field: str, code: str, lang: str = DEFAULT_LANG,
            /, **params: Any) -> Finding:
    """A finding whose message is the catalog text of ``code`` in ``lang``."""
    return Finding(severity, field, code, message(code, lang, **params))


def error(field: str, code: str, lang: str = DEFAULT_LANG, /, **params: Any) -> Finding:
    return finding("error", field, code, lang, **params)


def warning(field: str, code: str, lang: str = DEFAULT_LANG, /, **params: Any) -> Finding:
    return finding("warning", field, code, lang, **params)


def info(field: str, code: str, lang: str = DEFAULT_LANG, /, **params: Any) -> Finding:
    return finding("info", field, code, lang, **params)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then information; stable within a severity."""
    return sorted(findings, key=lambda f: _RANK[f.severity])


def codes(findings: Iterable[Finding]) -> list[str]:
    return [f.code for f in findings]
