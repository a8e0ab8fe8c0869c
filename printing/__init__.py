"""Printed documents: data, reportlab renderers and print sinks.

- ``printing.data``: frozen, display-ready dataclasses built from plain ``ApplicationData``
  (``information_sheet``, ``appointment_slip``, ``fee_receipt``, ``handover_record``,
  ``daily_register``); helpers ``long_date``, ``amount_words``, ``amount_figures``, ``upper``.
- One renderer per document, each ``render_…(doc, paper, invariant) -> bytes``:
  ``cc01.render_information_sheet`` (A4, A5), ``cc02.render_appointment_slip`` (A4, A5, 80mm),
  ``receipt.render_fee_receipt`` (A4, A5, 80mm), ``handover.render_handover_record`` (A4, A5),
  ``register.render_daily_register`` (A4, A5, landscape).
- ``printing.fonts``: Liberation Serif/Sans (Times New Roman/Arial on Windows; DejaVu, Noto).
- ``printing.thermal``: tickets for ESC/POS receipt printers (text as a bitmap, native QR).
- ``printing.sinks``: ``FolderSink``, ``CupsSink``, ``EscPosSink`` and the ``Spool``.
- ``printing.errors``: ``PrintingError`` and its kinds, each with a message code
  (``resources/i18n/printing.toml``).
- ``printing.samples``: synthetic applications; ``python -m printing.samples DIR`` writes
  every document as PDF.

This package imports nothing of ours but ``resources`` (ARCHITECTURE.md).
"""
