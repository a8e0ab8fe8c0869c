"""Vietnamese wording of the printed forms (official documents are printed in Vietnamese).

Codes follow the application model and CLI.md; an unknown code prints as itself.
"""

from __future__ import annotations

FORM_NOTE = "(Ban hành kèm theo Thông tư số 17/2024/TT-BCA)"

KINDS = {
    "first_issue": "Cấp thẻ căn cước lần đầu",
    "renewal": "Cấp đổi thẻ căn cước",
    "reissue": "Cấp lại thẻ căn cước",
}

# Law on Identification 2023, Art 24(1) (renewal) and 24(2) (re-issue); CLI.md reason codes.
REASONS = {
    "age_milestone": "Đủ tuổi phải cấp đổi (Điều 21 Luật Căn cước)",
    "name_or_dob_changed": "Thay đổi, cải chính họ, chữ đệm, tên hoặc ngày, tháng, năm sinh",
    "identity_features_changed": "Thay đổi đặc điểm nhân dạng; bổ sung ảnh khuôn mặt, vân tay; "
                                 "xác định lại giới tính",
    "printed_error": "Có sai sót về thông tin in trên thẻ",
    "printed_error_by_agency": "Có sai sót về thông tin in trên thẻ do lỗi của cơ quan quản lý",
    "admin_unit_reorganised": "Thay đổi thông tin do sắp xếp đơn vị hành chính",
    "pid_reestablished": "Xác lập lại số định danh cá nhân",
    "holder_request": "Theo yêu cầu của người được cấp thẻ",
    "cccd_conversion": "Chuyển đổi từ thẻ Căn cước công dân sang thẻ căn cước",
    "lost_or_damaged": "Bị mất hoặc hư hỏng không sử dụng được",
    "nationality_regained": "Được trở lại quốc tịch Việt Nam",
}

SEXES = {"male": "Nam", "female": "Nữ"}

CARD_TYPES = {
    "cmnd": "Chứng minh nhân dân",
    "cccd": "Căn cước công dân",
    "can_cuoc": "Thẻ căn cước",
}

RELATIONSHIPS = {
    "father": "Cha",
    "mother": "Mẹ",
    "guardian": "Người giám hộ",
    "grandparent": "Ông/bà",
    "sibling": "Anh/chị",
    "other": "Khác",
}

EXEMPTIONS = {
    "child_under_16": "Trẻ em dưới 16 tuổi (Luật Trẻ em)",
    "elderly": "Người cao tuổi (Luật Người cao tuổi)",
    "disability": "Người khuyết tật",
    "meritorious_service": "Người có công với cách mạng, thân nhân người có công",
    "ethnic_minority_hardship_commune": "Đồng bào dân tộc thiểu số ở xã có điều kiện kinh tế - "
                                        "xã hội đặc biệt khó khăn",
    "border_or_island_resident": "Công dân thường trú tại xã biên giới, huyện đảo",
    "poor_household": "Thành viên hộ nghèo",
}
FREE_FIRST_ISSUE = "Cấp thẻ căn cước lần đầu không thu lệ phí (Điều 38 Luật Căn cước)"
FREE_REASONS = {
    "age_milestone": "Cấp đổi khi đủ tuổi không thu lệ phí (Điều 38 Luật Căn cước)",
    "admin_unit_reorganised": "Cấp đổi do sắp xếp đơn vị hành chính không thu lệ phí "
                              "(Điều 38 Luật Căn cước)",
    "printed_error_by_agency": "Sai sót do cơ quan quản lý không thu lệ phí "
                               "(Điều 38 Luật Căn cước)",
}
FREE_OTHER = "Không thu lệ phí"

FINGERS = {
    "right_thumb": "Ngón cái phải",
    "right_index": "Ngón trỏ phải",
    "right_middle": "Ngón giữa phải",
    "right_ring": "Ngón nhẫn phải",
    "right_little": "Ngón út phải",
    "left_thumb": "Ngón cái trái",
    "left_index": "Ngón trỏ trái",
    "left_middle": "Ngón giữa trái",
    "left_ring": "Ngón nhẫn trái",
    "left_little": "Ngón út trái",
}

EXCEPTION_REASONS = {
    "amputated": "cụt/mất ngón",
    "missing": "cụt/mất ngón",
    "injured": "ngón bị thương",
    "bandaged": "đang băng bó",
    "unreadable": "vân tay mờ, không thu được",
    "poor_quality": "chất lượng không đạt sau nhiều lần thu",
    "disability": "khuyết tật",
    "other": "lý do khác",
}

CAPTURED = "Đã thu nhận"
EXCEPTION = "Ngoại lệ"
NOT_YET_CAPTURED = "Chưa thu nhận"
NOT_COLLECTED = "Không thu nhận"
NOT_COLLECTED_BY_AGE = "Không thu nhận (dưới 6 tuổi)"
PHOTO_PENDING = "Chưa có ảnh"

SIGN_HINT = "(Ký, ghi rõ họ tên)"

DECLARATION = (
    "Tôi xin cam đoan những thông tin trên là đúng sự thật; đã kiểm tra lại thông tin, ảnh "
    "khuôn mặt, vân tay được thu nhận và đồng ý để cơ quan quản lý căn cước xử lý dữ liệu cá "
    "nhân của tôi (hoặc của người được tôi đại diện) theo quy định của pháp luật."
)

SLIP_NOTE = (
    "Khi đến nhận kết quả, mang theo giấy hẹn này và giấy tờ đang sử dụng (nếu có). "
    "Trường hợp nhận qua dịch vụ bưu chính, người đề nghị trả cước theo quy định."
)

OLD_COLLECTED = "Đã thu hồi"
OLD_NOT_COLLECTED = "Chưa thu hồi"
NO_OLD_DOCUMENT = "Không có (cấp lần đầu)"
HANDOVER_CLOSING = (
    "Bên nhận đã kiểm tra thông tin in trên thẻ, xác nhận đúng và nhận đủ thẻ căn cước. "
    "Biên bản được lập thành 02 bản, mỗi bên giữ 01 bản."
)
OFFICER_UNKNOWN = "(Chưa ghi cán bộ)"
