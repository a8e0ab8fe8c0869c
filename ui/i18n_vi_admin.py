"""Vietnamese for the Administration page's texts (printer, thresholds, holidays, fees,
self-test) and the device hub's test-page messages. Folded into ``ui.i18n_vi.VI``."""

from __future__ import annotations

VI: dict[str, str] = {
    " s": " giây",
    "80 mm receipt roll": "Cuộn giấy in hoá đơn 80 mm",
    "A CUPS printer name has no spaces, slashes or # signs: %1":
        "Tên máy in CUPS không có dấu cách, dấu gạch chéo hay dấu #: %1",
    "Add rate": "Thêm mức thu",
    "A new circular's rate, entered before the program is updated; it wins over the shipped "
    "rate on its days.":
        "Mức thu theo thông tư mới, nhập khi chương trình chưa cập nhật; trong thời gian hiệu "
        "lực, mức này thay mức thu theo chương trình.",
    "Attempts per finger before an exception": "Số lần thử mỗi ngón trước khi xin ngoại lệ",
    "Base rate": "Mức thu",
    "Brightest face (grey level)": "Khuôn mặt sáng nhất (mức xám)",
    "CUPS has no printer named “%1”: choose one of the listed printers.":
        "CUPS không có máy in tên “%1”: hãy chọn một máy in trong danh sách.",
    "CUPS is not installed on this computer: install the cups and cups-client packages, or "
    "choose the PDF folder.":
        "Máy này chưa cài CUPS: hãy cài gói cups và cups-client, hoặc chọn in ra thư mục PDF.",
    "CUPS printer": "Máy in CUPS",
    "Cannot write to the PDF folder %1: choose a folder this account can write to.":
        "Không ghi được vào thư mục PDF %1: hãy chọn thư mục mà tài khoản này ghi được.",
    "Choose a CUPS printer, or print to a PDF folder.":
        "Hãy chọn máy in CUPS, hoặc in ra thư mục PDF.",
    "Choose…": "Chọn…",
    "Darkest face (grey level)": "Khuôn mặt tối nhất (mức xám)",
    "Day type": "Loại ngày",
    "Default values shown; save them to use them.":
        "Đang hiện giá trị mặc định; bấm lưu để áp dụng.",
    "End on this day": "Kết thúc vào ngày này",
    "Entered by": "Người nhập",
    "Face photo (camera)": "Ảnh chân dung (máy ảnh)",
    "Fee case": "Trường hợp thu",
    "Fee rates shipped with the program (base rate per card and temporary reductions)":
        "Mức thu lệ phí theo chương trình (mức thu mỗi thẻ và các đợt giảm tạm thời)",
    "Fees": "Lệ phí",
    "Find printers": "Tìm máy in",
    "Fingerprints (scanner)": "Vân tay (máy quét)",
    "First day": "Từ ngày",
    "Give the PDF folder as a full path, e.g. /home/station/printed.":
        "Hãy ghi đường dẫn đầy đủ của thư mục PDF, ví dụ /home/station/printed.",
    "Good frames in a row before the photo": "Số khung hình đạt liên tiếp trước khi chụp",
    "Holiday": "Ngày lễ",
    "Holidays": "Ngày nghỉ",
    "Largest head height (share of the frame)": "Chiều cao đầu lớn nhất (tỉ lệ khung hình)",
    "Largest head tilt": "Độ nghiêng đầu lớn nhất",
    "Largest head turn": "Độ quay đầu lớn nhất",
    "Largest offset from the guide centre": "Độ lệch lớn nhất so với tâm khung",
    "Largest share of clipped pixels": "Tỉ lệ điểm ảnh cháy sáng/tối lớn nhất",
    "Last day": "Đến ngày",
    "Least contrast of the face": "Độ tương phản khuôn mặt nhỏ nhất",
    "Least quality per finger (0–100)": "Chất lượng tối thiểu mỗi ngón (0–100)",
    "Least sharpness of the face": "Độ nét khuôn mặt tối thiểu",
    "Legal source": "Căn cứ pháp lý",
    "Most uneven background": "Độ không đều của phông nền lớn nhất",
    "No CUPS printer found: CUPS is not installed or not running here. You can still type "
    "the queue name, or print to the PDF folder.":
        "Không tìm thấy máy in CUPS: máy này chưa cài hoặc chưa chạy CUPS. Vẫn có thể gõ tên "
        "hàng đợi in, hoặc in ra thư mục PDF.",
    "No printer is chosen: choose one in the Printer tab.":
        "Chưa chọn máy in: hãy chọn trong thẻ Máy in.",
    "PDF files in a folder": "Tệp PDF trong một thư mục",
    "PDF folder": "Thư mục PDF",
    "PDF folder %1": "Thư mục PDF %1",
    "Paper for forms": "Khổ giấy in biểu mẫu",
    "Paper for slips and receipts": "Khổ giấy in giấy hẹn và biên lai",
    "Print test page": "In trang thử",
    "Print to": "In ra",
    "Printer for forms, slips and receipts": "Máy in biểu mẫu, giấy hẹn và biên lai",
    "Printer settings saved.": "Đã lưu cài đặt máy in.",
    "Printers found: %1": "Máy in tìm thấy: %1",
    "Printing the test page…": "Đang in trang thử…",
    "Public holidays shipped with the program": "Ngày nghỉ lễ theo chương trình",
    "Queued": "Đang chờ in",
    "Rate no.": "Số",
    "Rate or reduction": "Mức thu hoặc mức giảm",
    "Rates entered by the station": "Mức thu do đơn vị nhập",
    "Receipt printer (ESC/POS)": "Máy in hoá đơn (ESC/POS)",
    "Reduction %1 % (%2)": "Giảm %1 % (%2)",
    "Remove (entered by mistake)": "Xoá (nhập nhầm)",
    "Restore the defaults": "Khôi phục mặc định",
    "Save printer settings": "Lưu cài đặt máy in",
    "Save thresholds": "Lưu ngưỡng",
    "Select a rate entered by the station first.":
        "Hãy chọn trước một mức thu do đơn vị nhập.",
    "Settings saved.": "Đã lưu cài đặt.",
    "Self-test finished: check %1.": "Đã tự kiểm tra xong: cần xem lại %1.",
    "Self-test finished: every device answered.":
        "Đã tự kiểm tra xong: mọi thiết bị đều trả lời.",
    "Slips on the 80 mm roll need a receipt printer address.":
        "In giấy hẹn trên cuộn 80 mm cần địa chỉ máy in hoá đơn.",
    "Smallest head height (share of the frame)": "Chiều cao đầu nhỏ nhất (tỉ lệ khung hình)",
    "Station and counter": "Đơn vị và quầy",
    "Test page printed.": "Đã in trang thử.",
    "Test page printed on %1 (job %2)": "Đã in trang thử trên %1 (lệnh in %2)",
    "Test page printed: %1": "Đã in trang thử: %1",
    "Testing: %1": "Đang kiểm tra: %1",
    "Testing…": "Đang kiểm tra…",
    "The CUPS print service is not running: start it (systemctl start cups), then test again.":
        "Dịch vụ in CUPS không chạy: hãy khởi động (systemctl start cups) rồi kiểm tra lại.",
    "The capture uses the saved values from the next applicant on. The idle lock is set in "
    "the Station tab.":
        "Việc thu nhận dùng giá trị đã lưu từ người đề nghị tiếp theo. Thời gian khoá màn hình "
        "đặt ở thẻ Đơn vị.",
    "The devices are not started in this window.": "Cửa sổ này chưa khởi động thiết bị.",
    "The printer “%1” is off, stopped or not accepting jobs: switch it on, check the cable "
    "and the paper, then test again.":
        "Máy in “%1” đang tắt, đang dừng hoặc không nhận lệnh in: hãy bật máy, kiểm tra cáp và "
        "giấy rồi kiểm tra lại.",
    "The receipt printer address is usb:VID:PID, tcp:HOST:PORT or serial:DEVICE: %1":
        "Địa chỉ máy in hoá đơn có dạng usb:VID:PID, tcp:MÁY:CỔNG hoặc serial:THIẾT_BỊ: %1",
    "The self-test checks the camera, the fingerprint scanner and the card reader, and prints "
    "one test page on the chosen printer.":
        "Tự kiểm tra thử máy ảnh, máy quét vân tay, đầu đọc thẻ và in một trang thử trên máy "
        "in đã chọn.",
    "The test page waits in the CUPS queue (job %1): check that the printer is on and has "
    "paper.":
        "Trang thử còn chờ trong hàng đợi CUPS (lệnh in %1): hãy kiểm tra máy in đã bật và "
        "còn giấy.",
    "The test page was not printed: %1": "Chưa in được trang thử: %1",
    "Thresholds": "Ngưỡng chất lượng",
    "Thresholds saved. The capture uses them from the next applicant on.":
        "Đã lưu ngưỡng. Việc thu nhận dùng ngưỡng mới từ người đề nghị tiếp theo.",
    "Time allowed for one capture": "Thời gian tối đa cho một lần quét",
    "at the counter": "tại quầy",
    "base rate, đồng": "mức thu, đồng",
    "empty: the program's data folder / printed": "để trống: thư mục dữ liệu / printed",
    "from dd/mm/yyyy": "từ dd/mm/yyyy",
    "last day of the selected rate": "ngày cuối của mức đã chọn",
    "legal source, e.g. Circular 12/2027/TT-BTC": "căn cứ, vd. Thông tư 12/2027/TT-BTC",
    "name of the CUPS queue": "tên hàng đợi in CUPS",
    "online": "trực tuyến",
    "to (optional)": "đến (nếu có)",
    "usb:VID:PID, tcp:HOST:PORT or serial:DEVICE; empty: none":
        "usb:VID:PID, tcp:MÁY:CỔNG hoặc serial:THIẾT_BỊ; để trống: không có",
    "“%1” must be smaller than “%2”.": "“%1” phải nhỏ hơn “%2”.",
    "Approval card": "Thẻ phê duyệt",
    "Register the leader's card…": "Đăng ký thẻ của lãnh đạo…",
    "Remove the registered card": "Xóa thẻ đã đăng ký",
    "Registered": "Đã đăng ký",
    "Choose an account in the table first.": "Hãy chọn một tài khoản trong bảng trước.",
    "The card is registered: %1 can approve exceptions with it.":
        "Đã đăng ký thẻ: %1 có thể dùng thẻ này để phê duyệt ngoại lệ.",
    "The registered card was removed.": "Đã xóa thẻ đã đăng ký.",
    "This account has no registered card.": "Tài khoản này chưa đăng ký thẻ.",
}
