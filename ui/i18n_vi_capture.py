"""Vietnamese for the capture page's texts added with the fingerprint wiring and the leader's
approval by password or by the leader's own chip card (folded into ``ui.i18n_vi.VI``)."""

from __future__ import annotations

VI: dict[str, str] = {
    # the approval dialog (ui/dialogs.py)
    "Password": "Mật khẩu",
    "Leader's card": "Thẻ của lãnh đạo",
    "The leader places their own identity card (registered at this station) on the card "
    "reader.": "Lãnh đạo đặt thẻ căn cước của mình (đã đăng ký tại trạm) lên đầu đọc thẻ.",
    "Any registered leader": "Bất kỳ lãnh đạo đã đăng ký thẻ",
    "Leader": "Lãnh đạo",
    "Read card": "Đọc thẻ",
    "Reading the card… keep it on the reader.": "Đang đọc thẻ… giữ thẻ trên đầu đọc.",
    "Approve": "Phê duyệt",
    "Type the leader's user name and password.": "Nhập tài khoản và mật khẩu của lãnh đạo.",
    "Approval by password is not available.": "Không thể phê duyệt bằng mật khẩu.",
    "The approval failed: %1": "Phê duyệt không thành công: %1",
    # the capture page (ui/pages/capture.py)
    "Everything required is captured: press F10.": "Đã thu nhận đủ: bấm F10.",
    "Ten prints done. The face photo is still missing.":
        "Đã lấy xong mười vân tay. Còn thiếu ảnh khuôn mặt.",
    "Ten prints done.": "Đã lấy xong mười vân tay.",
    "A leader approves the exception: %1 (%2).": "Lãnh đạo phê duyệt ngoại lệ: %1 (%2).",
    "Reason: %1": "Lý do: %1",
    "Not approved: the finger is to be captured.": "Không được phê duyệt: cần lấy vân ngón này.",
    "Exception approved by %1.": "Ngoại lệ đã được %1 phê duyệt.",
    "missing from birth": "không có từ khi sinh",
    "amputated": "bị cụt",
    "bandaged or injured": "bị thương hoặc đang băng bó",
    "cannot be captured after retries": "không lấy được sau nhiều lần thử",
    "Note": "Ghi chú",
    "Cancel": "Huỷ",
    "Register the leader's card: %1": "Đăng ký thẻ của lãnh đạo: %1",
    "Next: leader's approval": "Tiếp: lãnh đạo phê duyệt",
}
