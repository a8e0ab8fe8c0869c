"""Vietnamese for the shell's texts added with the live language and font switch and the
bad-input messages of the counter pages (folded into ``ui.i18n_vi.VI``)."""

from __future__ import annotations

VI: dict[str, str] = {
    "Language, font size…": "Ngôn ngữ, cỡ chữ…",
    "Large font": "Chữ lớn",
    "Interface language changed.": "Đã đổi ngôn ngữ giao diện.",
    "Settings saved; the interface language is changed.":
        "Đã lưu cài đặt; đã đổi ngôn ngữ giao diện.",
    "Application %1 · %2": "Hồ sơ %1 · %2",
    "Find and open an application": "Tìm và mở hồ sơ",
    "Choose the representative:": "Chọn người đại diện:",
    "Make %1 the legal representative.": "Chọn %1 làm người đại diện hợp pháp.",
    "Type part of an application number or an ID number: letters, digits and - only.":
        "Nhập một phần số hồ sơ hoặc số định danh: chỉ gồm chữ cái, chữ số và dấu -.",
}
