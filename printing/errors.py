"""Errors raised by printing/: each carries a stable message code (resources/i18n/printing.toml)."""

from __future__ import annotations

from resources.messages import CodedError


class PrintingError(CodedError):
    """Printing failed. ``code`` names the message; ``params`` fill its placeholders.

    ``retryable`` tells the spool whether trying again later can help (a printer that is off)
    or whether the operator must change something first (a printer name that does not exist).
    """

    retryable = False


class PrinterOffline(PrintingError):
    """The printer or print service cannot take the job now; the spool keeps it and retries."""

    retryable = True


class SinkUnavailable(PrintingError):
    """The sink cannot work on this machine (CUPS not installed, library missing, bad name)."""


class SpoolError(PrintingError):
    """The spool folder cannot keep the job (disk full, no permission)."""


class DocumentError(PrintingError):
    """A document cannot be rendered from the data given (unknown kind, missing font)."""
