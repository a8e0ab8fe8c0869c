"""Sổ theo dõi (daily register): the day's applications grouped by officer, counted by kind,
with the fee total in figures and words; A4 or A5, as many pages as needed."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from printing.data import DailyRegister, amount_figures
from printing.layout import (
    MottoHeader,
    Styles,
    landscape,
    markup,
    paper,
    para,
    render,
    signature_table,
    table_style,
)


def _money(vnd: int) -> str:
    return amount_figures(vnd).replace(" đồng", "")


def _kinds(by_kind: tuple[tuple[str, int], ...]) -> str:
    return "; ".join(f"{kind}: {count}" for kind, count in by_kind)


def _story(doc: DailyRegister, st: Styles) -> list[Flowable]:
    p = st.paper
    w = p.frame_width
    story: list[Flowable] = [MottoHeader(doc.header, st)]
    story.append(para(doc.title, st.title))
    story.append(para(doc.day[:1].upper() + doc.day[1:], st.subtitle))
    story.append(Spacer(1, p.leading * 0.4))

    head = ["STT", "Số hồ sơ", "Họ, chữ đệm và tên", "Số định danh", "Thủ tục",
            "Lệ phí (đồng)", "Hẹn trả"]
    rows: list[list[object]] = [[para(h, st.cell_head) for h in head]]
    style: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
    ]
    right = st.cell.clone("right", alignment=2)
    for group in doc.groups:
        r = len(rows)
        title = (f"Cán bộ tiếp nhận: <b>{markup(group.officer)}</b> — "
                 f"{len(group.rows)} hồ sơ ({markup(_kinds(group.by_kind))})")
        rows.append([Paragraph(title, st.cell), "", "", "", "", "", ""])
        style += [("SPAN", (0, r), (-1, r)),
                  ("BACKGROUND", (0, r), (-1, r), colors.Color(0.96, 0.96, 0.96))]
        for row in group.rows:
            rows.append([para(str(row.index), st.cell_center), para(row.number, st.cell),
                         para(row.full_name, st.cell), para(row.pid, st.cell),
                         para(row.kind, st.cell), para(_money(row.fee), right),
                         para(row.return_date, st.cell_center)])
        r = len(rows)
        rows.append([para("Cộng", st.cell_bold), "", "", "", "",
                     para(_money(group.fee_total), right.clone("rb", fontName=st.bold)), ""])
        style += [("SPAN", (0, r), (4, r))]
    if not doc.groups:
        r = len(rows)
        rows.append([para("Không có hồ sơ nào trong ngày.", st.cell_center)] + [""] * 6)
        style += [("SPAN", (0, r), (-1, r))]
    widths = [0.05, 0.20, 0.25, 0.13, 0.17, 0.10, 0.10]
    table = Table(rows, colWidths=[w * f for f in widths], repeatRows=1)
    table.setStyle(table_style(st, style))
    story.append(table)
    story.append(Spacer(1, p.leading * 0.5))
    summary = [
        para(f"Tổng số hồ sơ: {doc.count}" + (f" ({_kinds(doc.by_kind)})" if doc.by_kind else ""),
             st.body),
        Paragraph(f"Tổng lệ phí đã thu: <b>{markup(doc.fee_total_figures)}</b>", st.body),
        para(f"(Bằng chữ: {doc.fee_total_words})", st.subtitle),
        Spacer(1, p.leading * 0.6),
        signature_table(doc.signatures, st, space=p.leading * 3.2),
    ]
    story.append(KeepTogether(summary))
    return story


def render_daily_register(doc: DailyRegister, paper_name: str = "A4",
                          invariant: bool = False) -> bytes:
    """PDF bytes of the daily register on A4 or A5."""
    pap = landscape(paper(paper_name, "daily-register"))
    return render(lambda st: _story(doc, st), pap, title=doc.title, subject=doc.day,
                  invariant=invariant, footer=f"{doc.title} · {doc.day}")
