"""Shared page layout for the documents: papers, styles, the Decree 30 header, fields,
signature boxes, QR code and barcode flowables, and the one function that builds the PDF.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Table,
    TableStyle,
)

from printing.data import Field, Header, Signature
from printing.errors import DocumentError
from printing.fonts import Fonts, register_fonts

PAPERS = ("A4", "A5", "80mm")


@dataclass(frozen=True)
class Paper:
    """A paper size with its margins and type sizes (points)."""

    name: str
    width: float
    height: float | None  # None: a roll, as long as the content
    left: float
    right: float
    top: float
    bottom: float
    body: float
    leading: float
    small: float
    title: float
    header: float
    sans: bool = False

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def roll(self) -> bool:
        return self.height is None


# Decree 30/2020 margins for A4: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
A4 = Paper("A4", 210 * mm, 297 * mm, 30 * mm, 15 * mm, 18 * mm, 15 * mm,
           body=13, leading=14.8, small=11, title=14, header=12)
A5 = Paper("A5", 148 * mm, 210 * mm, 16 * mm, 10 * mm, 10 * mm, 10 * mm,
           body=10, leading=12.4, small=8.5, title=11, header=9.5)
ROLL_80 = Paper("80mm", 80 * mm, None, 4 * mm, 4 * mm, 3 * mm, 6 * mm,
                body=8.5, leading=10.4, small=7.3, title=9.5, header=7.6, sans=True)

BY_NAME = {p.name: p for p in (A4, A5, ROLL_80)}


def landscape(p: Paper) -> Paper:
    """The same paper turned sideways (for wide tables such as the daily register)."""
    from dataclasses import replace

    assert p.height is not None
    return replace(p, width=p.height, height=p.width, left=p.top + 5 * mm, right=p.bottom,
                   top=p.right, bottom=p.right)


def paper(name: str, kind: str, allowed: Sequence[str] = ("A4", "A5")) -> Paper:
    """The paper called ``name`` if ``kind`` can be printed on it."""
    if name not in allowed or name not in BY_NAME:
        raise DocumentError("printing.unknown_paper", paper=name, kind=kind,
                            papers=", ".join(allowed))
    return BY_NAME[name]


class Styles:
    """Paragraph styles for one paper."""

    def __init__(self, p: Paper, fonts: Fonts) -> None:
        fam = fonts.sans if p.sans else fonts.serif
        self.paper = p
        self.fonts = fonts
        self.regular = fam.regular
        self.bold = fam.bold
        self.italic = fam.italic
        self.bolditalic = fam.bolditalic
        self.body = ParagraphStyle("body", fontName=fam.regular, fontSize=p.body,
                                   leading=p.leading, alignment=TA_LEFT)
        self.justify = ParagraphStyle("justify", parent=self.body, alignment=TA_JUSTIFY,
                                      firstLineIndent=0)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=p.small,
                                    leading=p.small * 1.22)
        self.small_center = ParagraphStyle("small_center", parent=self.small,
                                           alignment=TA_CENTER)
        self.center = ParagraphStyle("center", parent=self.body, alignment=TA_CENTER)
        self.title = ParagraphStyle("title", parent=self.body, fontName=fam.bold,
                                    fontSize=p.title, leading=p.title * 1.25,
                                    alignment=TA_CENTER, spaceBefore=p.leading * 0.4,
                                    spaceAfter=p.leading * 0.2)
        self.subtitle = ParagraphStyle("subtitle", parent=self.center, fontName=fam.italic)
        self.section = ParagraphStyle("section", parent=self.body, fontName=fam.bold,
                                      spaceBefore=p.leading * 0.15, spaceAfter=0)
        self.section_plain = ParagraphStyle("section_plain", parent=self.section,
                                            fontName=fam.regular)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=p.small,
                                   leading=p.small * 1.2)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=fam.bold)
        self.cell_center = ParagraphStyle("cell_center", parent=self.cell, alignment=TA_CENTER)
        self.cell_head = ParagraphStyle("cell_head", parent=self.cell_center,
                                        fontName=fam.bold)


@lru_cache(maxsize=16)
def _styles(pap: Paper, fonts: Fonts) -> Styles:
    """The styles of one paper, made once (nothing changes them after)."""
    return Styles(pap, fonts)


class TextBlock(Flowable):  # type: ignore[misc]
    """Plain text in one font, wrapped at spaces and aligned like ``style`` (left, centre,
    right, justified). Drawn directly: cheaper than a Paragraph, which parses markup."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style  # also gives spaceBefore/spaceAfter to the frame
        self._lines: list[str] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        st = self.style
        self._lines = _split(self.text, st.fontName, st.fontSize, availWidth) if self.text \
            else []
        self.height = max(1, len(self._lines)) * st.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(self._lines):
            return []
        first = TextBlock(" ".join(self._lines[:fit]), self.style)
        rest = TextBlock(" ".join(self._lines[fit:]), self.style)
        return [first, rest]

    def draw(self) -> None:
        st = self.style
        c = self.canv
        c.setFont(st.fontName, st.fontSize)
        y = self.height - st.fontSize
        last = len(self._lines) - 1
        for i, line in enumerate(self._lines):
            if st.alignment == TA_CENTER:
                c.drawCentredString(self.width / 2, y, line)
            elif st.alignment == TA_RIGHT:
                c.drawRightString(self.width, y, line)
            elif st.alignment == TA_JUSTIFY and i < last and " " in line:
                words = line.split(" ")
                widths = [stringWidth(word, st.fontName, st.fontSize) for word in words]
                gap = (self.width - sum(widths)) / (len(words) - 1)
                x = 0.0
                for word, ww in zip(words, widths, strict=True):
                    c.drawString(x, y, word)
                    x += ww + gap
            else:
                c.drawString(0, y, line)
            y -= st.leading


def para(text: str, style: ParagraphStyle) -> Flowable:
    """A block of plain text (no markup: names may contain '&' or '<')."""
    return TextBlock(text, style)


def markup(text: str) -> str:
    return escape(text)


def table_style(st: Styles, cmds: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A table style whose plain-string cells use our font (reportlab's default, Helvetica,
    is not embedded and has no Vietnamese letters)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), st.regular), *cmds])


class FieldLine(Flowable):  # type: ignore[misc]
    """ "Label: value" wrapping under itself, or "Label: ......" dotted to the line's end when
    the value is missing (a blank line the officer can fill by hand). Words are laid out
    directly (label in the style's font, value in bold when the field asks)."""

    def __init__(self, field: Field, st: Styles, style: ParagraphStyle | None = None) -> None:
        super().__init__()
        self.field = field
        self.st = st
        self.style = style or st.body
        self._lines: list[list[tuple[str, str]]] = []

    def _layout(self, width: float) -> None:
        size = self.style.fontSize
        label_font = self.style.fontName
        value_font = self.st.bold if self.field.bold else label_font
        tokens = [(w, label_font) for w in f"{self.field.label}:".split()]
        tokens += [(w, value_font) for w in self.field.value.split()]
        lines: list[list[tuple[str, str]]] = []
        current: list[tuple[str, str]] = []
        used = 0.0
        for word, font in tokens:
            for piece in _split(word, font, size, width):
                w = stringWidth(piece, font, size)
                gap = stringWidth(" ", font, size) if current else 0.0
                if current and used + gap + w > width:
                    lines.append(current)
                    current, used, gap = [], 0.0, 0.0
                current.append((piece, font))
                used += gap + w
        lines.append(current)
        self._lines = lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        if self.field.value:
            self._layout(availWidth)
            self.height = len(self._lines) * self.style.leading
        else:
            self._lines = []
            self.height = self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        size = self.style.fontSize
        y = self.height - size
        if not self._lines:
            label = f"{self.field.label}: "
            c.setFont(self.style.fontName, size)
            c.drawString(0, y, label)
            x = stringWidth(label, self.style.fontName, size)
            dot_w = stringWidth(".", self.style.fontName, size)
            c.drawString(x, y, "." * max(0, int((self.width - x) / dot_w) - 1))
            return
        for line in self._lines:
            runs: list[tuple[str, str]] = []  # consecutive words in one font, joined
            for word, font in line:
                if runs and runs[-1][1] == font:
                    runs[-1] = (runs[-1][0] + " " + word, font)
                else:
                    runs.append((word, font))
            widths = [stringWidth(t, f, size) for t, f in runs]
            spaces = [stringWidth(" ", f, size) for _t, f in runs[:-1]]
            total = sum(widths) + sum(spaces)
            x = (self.width - total) / 2 if self.style.alignment == TA_CENTER else 0.0
            for i, (text, font) in enumerate(runs):
                c.setFont(font, size)
                c.drawString(x, y, text)
                x += widths[i] + (spaces[i] if i < len(spaces) else 0.0)
            y -= self.style.leading


def field_rows(fields: Sequence[Field], st: Styles, pairs: Sequence[tuple[int, int]] = (),
               style: ParagraphStyle | None = None) -> list[Flowable]:
    """Field lines; the indexes in ``pairs`` are printed side by side on one row."""
    paired = {a: b for a, b in pairs}
    skip = set(paired.values())
    out: list[Flowable] = []
    for i, f in enumerate(fields):
        if i in skip:
            continue
        if i in paired:
            t = Table([[FieldLine(f, st, style), FieldLine(fields[paired[i]], st, style)]],
                      colWidths=["55%", "45%"])
            t.setStyle(table_style(st, [("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            out.append(t)
        else:
            out.append(FieldLine(f, st, style))
    return out


class FieldBox(Flowable):  # type: ignore[misc]
    """Fields in a framed two-column grid (label | value); values wrap inside their cells.
    Drawn directly rather than as a Table of Paragraphs: the slip must be quick to print."""

    PAD_X = 3.0
    PAD_TOP = 1.5
    PAD_BOTTOM = 2.5

    def __init__(self, fields: Sequence[Field], st: Styles, label_ratio: float) -> None:
        super().__init__()
        self.fields = list(fields)
        self.st = st
        self.label_ratio = label_ratio
        self._rows: list[tuple[list[str], list[str], str, float]] = []

    def _layout(self, width: float) -> None:
        st = self.st
        size, lead = st.cell.fontSize, st.cell.leading
        label_w = width * self.label_ratio - 2 * self.PAD_X
        value_w = width * (1 - self.label_ratio) - 2 * self.PAD_X
        self._rows = []
        for f in self.fields:
            font = st.bold if f.bold else st.regular
            labels = _split(f.label, st.regular, size, label_w)
            values = _split(f.value, font, size, value_w) if f.value else []
            lines = max(len(labels), len(values), 1)
            self._rows.append((labels, values, font, lines * lead + self.PAD_TOP +
                               self.PAD_BOTTOM))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self._layout(availWidth)
        self.height = sum(r[3] for r in self._rows)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        used, k = 0.0, 0
        while k < len(self._rows) and used + self._rows[k][3] <= availHeight:
            used += self._rows[k][3]
            k += 1
        if k == 0 or k == len(self._rows):
            return []
        return [FieldBox(self.fields[:k], self.st, self.label_ratio),
                FieldBox(self.fields[k:], self.st, self.label_ratio)]

    def draw(self) -> None:
        c = self.canv
        st = self.st
        size, lead = st.cell.fontSize, st.cell.leading
        split_x = self.width * self.label_ratio
        y = self.height
        c.setLineWidth(0.35)
        for labels, values, font, h in self._rows:
            base = y - self.PAD_TOP - size
            c.setFont(st.regular, size)
            for i, line in enumerate(labels):
                c.drawString(self.PAD_X, base - i * lead, line)
            c.setFont(font, size)
            for i, line in enumerate(values):
                c.drawString(split_x + self.PAD_X, base - i * lead, line)
            y -= h
            if y > 0.01:
                c.line(0, y, self.width, y)
        c.line(split_x, 0, split_x, self.height)
        c.setLineWidth(0.7)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)


def _split(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap at spaces (reportlab's simpleSplit: words joined by single spaces, greedy); a
    word wider than the cell is cut (a name with no spaces stays inside)."""
    lines: list[str] = []
    for part in text.split("\n"):
        words = part.split()
        if not words:
            continue
        joined = " ".join(words)
        # most texts fit on one line: one measurement instead of one per word (the margin
        # keeps the answer the same as summing the words' widths would give)
        if stringWidth(joined, font, size) <= width - 1e-6:
            lines.append(joined)
            continue
        for line in _greedy(words, font, size, width):
            while stringWidth(line, font, size) > width and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and stringWidth(line[:cut], font, size) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
            lines.append(line)
    return lines or [""]


def _greedy(words: list[str], font: str, size: float, width: float) -> list[str]:
    """Words filled into lines as reportlab's simpleSplit fills them (same sums, same
    order, so the same breaks)."""
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    current: list[str] = []
    used = -space
    for word in words:
        w = stringWidth(word, font, size)
        if used + space + w <= width or not current:
            current.append(word)
            used = used + space + w
        else:
            lines.append(" ".join(current))
            current = [word]
            used = w
    lines.append(" ".join(current))
    return lines


def boxed_fields(fields: Sequence[Field], st: Styles, label_ratio: float = 0.36) -> Flowable:
    """Fields in a framed two-column grid (see FieldBox)."""
    return FieldBox(fields, st, label_ratio)


@lru_cache(maxsize=512)
def balanced_split(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """Wrap ``text`` into as few lines as greedy wrapping needs, but with lines of similar
    length ("CÔNG AN THÀNH PHỐ / SÔNG CÔNG", not "CÔNG AN THÀNH PHỐ SÔNG / CÔNG").
    Cached: the same headers and signature titles come back on every document."""
    from reportlab.lib.utils import simpleSplit

    lines = simpleSplit(text, font, size, width) or [""]
    if len(lines) < 2:
        return tuple(lines)
    lo, hi = 0.0, width
    best = lines
    for _ in range(8):
        mid = (lo + hi) / 2
        trial = simpleSplit(text, font, size, mid)
        if len(trial) == len(lines) and all(stringWidth(t, font, size) <= mid for t in trial):
            best, hi = trial, mid
        else:
            lo = mid
    return tuple(best)


class MottoHeader(Flowable):  # type: ignore[misc]
    """Decree 30/2020 header: agency names (left) and the national motto (right), each
    centred in its column and underlined; then the number (left) and place and date (right).
    On a narrow roll the two blocks are stacked."""

    MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"

    def __init__(self, header: Header, st: Styles, stacked: bool = False) -> None:
        super().__init__()
        self.h = header
        self.st = st
        self.stacked = stacked
        self._ops: list[tuple[str, float, float, str, str, float]] = []  # text ops
        self._lines: list[tuple[float, float, float]] = []  # underline x1, x2, y (from top)

    def _layout(self, width: float) -> float:
        st = self.st
        size = st.paper.header
        lead = size * 1.2
        ops: list[tuple[str, float, float, str, str, float]] = []
        lines: list[tuple[float, float, float]] = []

        def block(x0: float, w: float, y: float,
                  items: Sequence[tuple[str, str, float]], underline: float) -> float:
            """Centred lines in [x0, x0+w], from y (distance from top); returns new y.
            ``underline``: length of the rule under the block, as a share of the widest line
            of its last item (Decree 30: the whole motto; a third to a half of the agency)."""
            widest = 0.0
            for text, font, fsize in items:
                widest = 0.0
                for line in balanced_split(text, font, fsize, w):
                    y += fsize * 1.2
                    widest = max(widest, stringWidth(line, font, fsize))
                    ops.append(("c", x0 + w / 2, y, line, font, fsize))
            if underline:
                uw = widest * underline
                y += 2.5
                lines.append((x0 + (w - uw) / 2, x0 + (w + uw) / 2, y))
            return y

        y = 0.0
        if self.h.form_code:
            # "Mẫu CC01 (Ban hành kèm theo …)" on one line at the top right
            y += st.paper.small * 1.1
            note = self.h.form_note if not st.paper.roll else ""
            note_size = st.paper.small * 0.9
            note_w = stringWidth(" " + note, st.italic, note_size) if note else 0.0
            if note:
                ops.append(("r", width, y, note, st.italic, note_size))
            ops.append(("r", width - note_w, y, self.h.form_code, st.bold, st.paper.small))
            y += lead * 0.3
        agency_items = [(self.h.parent_agency, st.regular, size), (self.h.agency, st.bold, size)]
        motto_items = [(self.MOTTO_1, st.bold, size), (self.MOTTO_2, st.bold, size + 0.5)]
        if self.stacked:
            y = block(0, width, y, motto_items, 1.0)
            y += lead * 0.3
            y = block(0, width, y, agency_items, 0.4)
            if self.h.number_line:
                y = block(0, width, y, [(self.h.number_line, st.regular, size)], 0)
            y = block(0, width, y, [(self.h.place_date, st.italic, size)], 0)
        else:
            left_w = width * 0.42
            right_w = width - left_w
            y_left = block(0, left_w, y, agency_items, 0.4)
            y_right = block(left_w, right_w, y, motto_items, 1.0)
            y = max(y_left, y_right) + lead * 0.35
            y_l = y
            if self.h.number_line:
                y_l = block(0, left_w, y, [(self.h.number_line, st.regular, size)], 0)
            y_r = block(left_w, right_w, y, [(self.h.place_date, st.italic, size + 0.5)], 0)
            y = max(y_l, y_r)
        self._ops = ops
        self._lines = lines
        return y + lead * 0.15

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = self._layout(availWidth)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        top = self.height
        for how, x, y, text, font, size in self._ops:
            c.setFont(font, size)
            if how == "c":
                c.drawCentredString(x, top - y, text)
            else:
                c.drawRightString(x, top - y, text)
        c.setLineWidth(0.6)
        for x1, x2, y in self._lines:
            c.line(x1, top - y, x2, top - y)


class SignatureBlock(Flowable):  # type: ignore[misc]
    """Signature boxes side by side: title, hint, room to sign, printed name (each centred in
    its column; long names wrap). Drawn directly: it is on every document."""

    def __init__(self, signatures: Sequence[Signature], st: Styles, space: float,
                 width: float | None = None) -> None:
        super().__init__()
        self.signatures = list(signatures)
        self.st = st
        self.space = space
        self.fixed_width = width
        self._cols: list[list[tuple[str, str, float, float]]] = []  # text, font, size, y

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        st = self.st
        self.width = self.fixed_width or availWidth
        col_w = self.width / max(1, len(self.signatures)) - 4
        body, small = st.paper.body, st.paper.small
        self._cols = []
        height = 0.0
        for sig in self.signatures:
            ops: list[tuple[str, str, float, float]] = []
            y = 0.0
            for text, font, size, gap in ((sig.title, st.bold, body, 0.0),
                                          (sig.hint, st.italic, small, 0.0),
                                          (sig.name, st.bold, body, self.space)):
                y += gap
                for line in balanced_split(text, font, size, col_w) if text else []:
                    y += size * 1.22
                    ops.append((line, font, size, y))
            self._cols.append(ops)
            height = max(height, y)
        self.height = height + 4
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        col = self.width / max(1, len(self.signatures))
        for i, ops in enumerate(self._cols):
            x = col * i + col / 2
            for text, font, size, y in ops:
                c.setFont(font, size)
                c.drawCentredString(x, self.height - y, text)


class SideBySide(Flowable):  # type: ignore[misc]
    """Two flowables next to each other, tops aligned (a note beside a signature box)."""

    def __init__(self, left: Flowable, right: Flowable, left_share: float) -> None:
        super().__init__()
        self.left, self.right, self.left_share = left, right, left_share

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        lw = availWidth * self.left_share
        _w, lh = self.left.wrapOn(self.canv, lw - 6, availHeight)
        _w, rh = self.right.wrapOn(self.canv, availWidth - lw, availHeight)
        self.width, self.height = availWidth, max(lh, rh)
        self._lh, self._rh = lh, rh
        return self.width, self.height

    def draw(self) -> None:
        self.left.drawOn(self.canv, 0, self.height - self._lh)
        self.right.drawOn(self.canv, self.width * self.left_share, self.height - self._rh)


def signature_table(signatures: Sequence[Signature], st: Styles, space: float,
                    width: float | None = None) -> Flowable:
    """Signature boxes side by side (see SignatureBlock)."""
    return SignatureBlock(signatures, st, space, width)


def qr_matrix(payload: str, level: str = "M") -> list[list[bool]]:
    """The modules of a QR code for ``payload`` (see printing.qr)."""
    from printing.qr import qr_modules

    return [[bool(x) for x in row] for row in qr_modules(payload, level).tolist()]


def _qr_rects(modules: Any) -> list[tuple[int, int, int, int]]:
    """Rectangles covering the dark modules: the dark runs of each row, a run merged with
    the same run (same column and width) in the rows just below. (row, column, width,
    height), sorted."""
    import numpy as np

    n = modules.shape[0]
    edges = np.zeros((n, n + 2), dtype=np.int8)
    edges[:, 1:-1] = modules
    steps = np.diff(edges, axis=1)
    starts = np.argwhere(steps == 1)  # row-major: the k-th start and end belong together
    ends = np.argwhere(steps == -1)[:, 1]
    by_row: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]  # row n: none
    for (row, col), end in zip(starts.tolist(), ends.tolist(), strict=True):
        by_row[row].append((col, end - col))
    rects: list[tuple[int, int, int, int]] = []
    open_runs: dict[tuple[int, int], int] = {}  # (column, width) -> first row
    for r, runs in enumerate(by_row):
        still = {key: open_runs.pop(key, r) for key in runs}
        rects += [(first, col, w, r - first) for (col, w), first in open_runs.items()]
        open_runs = still
    rects.sort()
    return rects


class QRFlowable(Flowable):  # type: ignore[misc]
    """A QR code drawn as one vector path of rectangles (dark runs merged across rows), in
    module units under one scaling, so the page stream holds small integers."""

    def __init__(self, payload: str, size: float, level: str = "M") -> None:
        super().__init__()
        from printing.qr import qr_modules

        modules = qr_modules(payload, level)
        self.rects = _qr_rects(modules)  # row, column, width, height
        self.modules = modules.shape[0]
        self.quiet = 2
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        total = self.modules + 2 * self.quiet
        m = self.width / total
        c = self.canv
        c.saveState()
        c.setFillColor(colors.black)
        # module units, origin at the bottom left module: (column, n - row - height)
        c.transform(m, 0, 0, m, self.quiet * m, self.quiet * m)
        n = self.modules
        c.addLiteral("n " + " ".join(f"{col} {n - r - h} {w} {h} re"
                                     for r, col, w, h in self.rects) + " f")
        c.restoreState()


def code128(value: str, st: Styles, bar_height: float, bar_width: float) -> Flowable:
    """A Code128 barcode (reportlab's own). The value itself is printed next to it by the
    document, in the document's font, so the bars carry no text of their own. (Each bar is
    its own filled rectangle: viewers snap those to whole pixels, one path of all the bars
    renders grey on screen.)"""
    cls = _code128_class()
    return cls(value, barHeight=bar_height, barWidth=bar_width, humanReadable=False,
               fontName=st.regular, fontSize=st.paper.small, quiet=False)


@lru_cache(maxsize=1)
def _code128_class() -> type:
    from reportlab.graphics.barcode.code128 import Code128

    class Code128Once(Code128):  # type: ignore[misc]
        """reportlab's Code128, encoded once: its width, height and draw each encode the
        value again otherwise (the value never changes after construction)."""

        _calculated = False

        def _calculate(self) -> None:
            if not self._calculated:
                super()._calculate()
                self._calculated = True

    return Code128Once


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    pass


def render(story_builder: Callable[[Styles], list[Flowable]], pap: Paper, *, title: str,
           subject: str = "", invariant: bool = False,
           on_page: Callable[[Canvas, Any], None] | None = None, footer: str = "",
           one_page: bool = False) -> bytes:
    """Build the PDF: fixed pages for A4/A5, a page as long as the content on a roll.

    ``one_page``: the story is a plain column of flowables (no page breaks, no containers
    that need the page machinery), so when it fits on one page it is laid out and drawn
    straight onto one canvas, exactly as platypus's frame would place it, without the
    document template; if it does not fit, the document template builds it as usual."""
    st = _styles(pap, register_fonts())
    story = story_builder(st)
    height = pap.height
    if height is None:
        used = 0.0
        scratch = Canvas(io.BytesIO())
        for f in story:
            _w, h = f.wrapOn(scratch, pap.frame_width, 10_000)
            used += h + f.getSpaceBefore() + f.getSpaceAfter()
        height = used + pap.top + pap.bottom + 2
    meta: dict[str, Any] = dict(title=title, subject=subject, author="Căn cước Workstation",
                                creator="Căn cước Workstation")
    canvas_args: dict[str, Any] = dict(pagesize=(pap.width, height),
                                       invariant=1 if invariant else 0, lang="vi-VN",
                                       initialFontName=st.regular, initialFontSize=pap.body)
    if one_page and on_page is None:
        pdf = _one_page(story, pap, height, canvas_args, meta)
        if pdf is not None:
            return pdf
        story = story_builder(st)  # fresh flowables for the document template
    buf = io.BytesIO()
    doc = _Doc(buf, leftMargin=pap.left, rightMargin=pap.right, topMargin=pap.top,
               bottomMargin=pap.bottom, **meta, **canvas_args)
    frame = Frame(pap.left, pap.bottom, pap.frame_width, height - pap.top - pap.bottom,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page or _no_op)])
    if footer and not pap.roll:
        doc.build(story, canvasmaker=_footer_canvas(footer, st))
    else:
        doc.build(story)
    return buf.getvalue()


def _one_page(story: list[Flowable], pap: Paper, height: float, canvas_args: dict[str, Any],
              meta: dict[str, str]) -> bytes | None:
    """The story drawn on one page, placed as platypus's Frame places it (space after one
    flowable and space before the next overlap; none before the first), or None when it
    does not fit on the page."""
    from reportlab.rl_config import _FUZZ

    buf = io.BytesIO()
    c = Canvas(buf, **canvas_args)
    c.setAuthor(meta["author"])
    c.setTitle(meta["title"])
    c.setSubject(meta["subject"])
    c.setCreator(meta["creator"])
    width, bottom = pap.frame_width, pap.bottom
    y = height - pap.top
    at_top, after = True, 0.0
    placed: list[tuple[Flowable, float, float]] = []  # flowable, y, width left over
    for f in story:
        space = 0.0
        if not at_top:
            space = f.getSpaceBefore()
            if getattr(f, "_SPACETRANSFER", False) or getattr(f, "_ZEROSIZE", False):
                space = after
            space = max(space - after, 0.0)
        room = y - bottom - space
        if room <= 0:
            return None
        w, h = f.wrapOn(c, width, room)
        top = y
        y -= h + space
        if y < bottom - _FUZZ:
            return None
        placed.append((f, y, width - w))
        sa = f.getSpaceAfter()
        y -= sa
        after = after if getattr(f, "_SPACETRANSFER", False) else sa
        if y != top:
            at_top = False
    for f, fy, left_over in placed:
        f.drawOn(c, pap.left, fy, _sW=left_over)
    c.showPage()
    c.save()
    return buf.getvalue()


def _footer_canvas(footer: str, st: Styles) -> type[Canvas]:
    """A canvas that writes "footer · Trang n/N" at the bottom of every page of a multi-page
    document (the total is known only at the end, so pages are kept until then)."""

    class FooterCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if total > 1:
                    pap = st.paper
                    self.setFont(st.italic, pap.small * 0.85)
                    self.drawRightString(pap.width - pap.right, pap.bottom * 0.5,
                                         f"{footer} · Trang {self._pageNumber}/{total}")
                Canvas.showPage(self)
            Canvas.save(self)

    return FooterCanvas


def _no_op(canvas: Canvas, doc: Any) -> None:
    return None
