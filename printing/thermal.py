"""Tickets for an ESC/POS thermal printer (80 mm roll): the appointment slip and the receipt as
lines of text drawn into a bitmap (receipt printers have no Vietnamese code page worth trusting),
followed by the printer's own QR code and Code128 barcode commands.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from printing.data import AppointmentSlip, FeeReceipt, nfc

if TYPE_CHECKING:
    from PIL import Image

DOTS = 576  # printable width of an 80 mm head at 203 dpi (72 mm)
STYLES = ("title", "bold", "normal", "small", "center", "rule")


@dataclass(frozen=True)
class TicketLine:
    text: str
    style: str = "normal"  # one of STYLES


@dataclass(frozen=True)
class Ticket:
    """What a receipt printer prints: text lines (rasterised), then a QR code and a barcode."""

    lines: tuple[TicketLine, ...]
    qr: str = ""
    barcode: str = ""

    def to_json(self) -> str:
        return json.dumps({"lines": [[ln.text, ln.style] for ln in self.lines],
                           "qr": self.qr, "barcode": self.barcode}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Ticket:
        raw: dict[str, Any] = json.loads(text)
        return cls(tuple(TicketLine(t, s) for t, s in raw["lines"]), raw.get("qr", ""),
                   raw.get("barcode", ""))


def _kv(label: str, value: str) -> TicketLine:
    return TicketLine(f"{label}: {value}" if value else f"{label}: ..................")


def slip_ticket(doc: AppointmentSlip) -> Ticket:
    """CC02 as a ticket."""
    h = doc.header
    lines = [TicketLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "center"),
             TicketLine("Độc lập - Tự do - Hạnh phúc", "center"),
             TicketLine(h.agency, "center"), TicketLine("", "rule"),
             TicketLine(doc.title, "title"), TicketLine(h.place_date, "center"),
             TicketLine(f"Số hồ sơ: {doc.application_number}", "bold")]
    lines += [_kv(f.label, f.value) for f in doc.fields]
    lines += [TicketLine(f"Ngày hẹn trả: {doc.return_date}", "bold"),
              _kv(doc.delivery.label, doc.delivery.value), _kv(doc.fee.label, doc.fee.value)]
    if not doc.fee.value.startswith("Miễn"):
        lines.append(TicketLine(f"({doc.fee_words})", "small"))
    lines += [TicketLine("", "rule"), TicketLine(doc.note, "small")]
    return Ticket(tuple(lines), qr=doc.qr_payload, barcode=doc.barcode_value)


def receipt_ticket(doc: FeeReceipt) -> Ticket:
    """The fee receipt as a ticket."""
    h = doc.header
    lines = [TicketLine(h.agency, "center"), TicketLine(doc.title, "title"),
             TicketLine(h.place_date, "center")]
    if not doc.exempt:
        lines.append(TicketLine(f"Số biên lai: {doc.serial}", "bold"))
    lines += [_kv(f.label, f.value) for f in doc.fields]
    lines += [TicketLine(f"Số tiền: {doc.amount_figures}", "bold"),
              TicketLine(f"Bằng chữ: {doc.amount_words}")]
    if doc.exempt:
        lines.append(TicketLine(f"Miễn lệ phí: {doc.exemption_ground}", "bold"))
    lines += [TicketLine("", "rule")]
    lines += [TicketLine(f"{s.title}: {s.name}", "small") for s in doc.signatures]
    return Ticket(tuple(lines), barcode=doc.application_number)


def rasterize(ticket: Ticket, width: int = DOTS) -> Image.Image:
    """Draw the ticket's text lines into a 1-bit image ``width`` dots wide (wrapped, NFC)."""
    from PIL import Image, ImageDraw, ImageFont

    from printing.errors import DocumentError
    from printing.fonts import find_font

    regular = find_font("sans", "regular")
    bold = find_font("sans", "bold") or regular
    if regular is None or bold is None:
        raise DocumentError("printing.font_missing", family="sans")
    sizes = {"title": (bold, 30), "bold": (bold, 24), "normal": (regular, 24),
             "small": (regular, 20), "center": (regular, 22), "rule": (regular, 10)}
    fonts = {k: ImageFont.truetype(str(path), size) for k, (path, size) in sizes.items()}
    margin = 8
    ops: list[tuple[str, str, int]] = []  # text, style, y
    y = 4
    probe = ImageDraw.Draw(Image.new("1", (1, 1)))
    for line in ticket.lines:
        font = fonts[line.style]
        height = int(sizes[line.style][1] * 1.3)
        if line.style == "rule":
            ops.append(("", "rule", y + height // 2))
            y += height
            continue
        for part in _wrap(nfc(line.text), font, width - 2 * margin, probe):
            ops.append((part, line.style, y))
            y += height
    img = Image.new("1", (width, y + 8), 1)
    draw = ImageDraw.Draw(img)
    for text, style, yy in ops:
        if style == "rule":
            draw.line((margin, yy, width - margin, yy), fill=0, width=2)
            continue
        font = fonts[style]
        if style in ("title", "center"):
            w = probe.textlength(text, font=font)
            draw.text(((width - w) / 2, yy), text, font=font, fill=0)
        else:
            draw.text((margin, yy), text, font=font, fill=0)
    return img


def _wrap(text: str, font: Any, width: int, probe: Any) -> list[str]:
    words: list[str] = []
    for word in text.split(" "):  # a word wider than the roll is cut into pieces
        while probe.textlength(word, font=font) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and probe.textlength(word[:cut], font=font) > width:
                cut -= 1
            words.append(word[:cut])
            word = word[cut:]
        words.append(word)
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}".strip()
        if probe.textlength(trial, font=font) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines
