<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/pages/admin.py" line="137" />
        <source>Station code</source>
        <translation>Mã đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="137" />
        <source>Station name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="138" />
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="138" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="151" />
        <source>Large font for the counter screen</source>
        <translation>Chữ lớn cho màn hình quầy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="156" />
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="158" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="160" />
        <source>Lock after idle</source>
        <translation>Khoá khi không thao tác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="161" />
        <source>Save settings</source>
        <translation>Lưu cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="119" />
        <source>Station</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="123" />
        <source>Thresholds</source>
        <translation>Ngưỡng chất lượng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="124" />
        <source>Holidays</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="125" />
        <source>Fees</source>
        <translation>Lệ phí</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="133" />
        <source>Station and counter</source>
        <translation>Đơn vị và quầy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="171" />
        <source>Staff accounts</source>
        <translation>Tài khoản cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="172" />
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="172" />
        <source>Full name</source>
        <translation>Họ, chữ đệm và tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="172" />
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="173" />
        <location filename="../../ui/pages/admin.py" line="203" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="181" />
        <source>user name</source>
        <translation>tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="183" />
        <source>full name</source>
        <translation>họ tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="185" />
        <source>Reception</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="185" />
        <source>Capture</source>
        <translation>Thu nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="186" />
        <source>Clerk</source>
        <translation>Văn thư</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="186" />
        <source>Leader</source>
        <translation>Lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="187" />
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="192" />
        <source>temporary password</source>
        <translation>mật khẩu tạm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="194" />
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="120" />
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="121" />
        <location filename="../../ui/pages/admin.py" line="202" />
        <source>Devices</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="203" />
        <source>Device</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="203" />
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="207" />
        <source>Camera</source>
        <translation>Máy ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="207" />
        <source>Scanner</source>
        <translation>Máy vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="208" />
        <source>Card reader</source>
        <translation>Đầu đọc thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="122" />
        <location filename="../../ui/pages/admin.py" line="208" />
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="173" />
        <source>Approval card</source>
        <translation>Thẻ phê duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="176" />
        <source>Register the leader's card…</source>
        <translation>Đăng ký thẻ của lãnh đạo…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="178" />
        <source>Remove the registered card</source>
        <translation>Xóa thẻ đã đăng ký</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="213" />
        <source>The self-test checks the camera, the fingerprint scanner and the card reader, and prints one test page on the chosen printer.</source>
        <translation>Tự kiểm tra thử máy ảnh, máy quét vân tay, đầu đọc thẻ và in một trang thử trên máy in đã chọn.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="226" />
        <source>Start-of-day self-test</source>
        <translation>Tự kiểm tra đầu ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="238" />
        <source>Printer for forms, slips and receipts</source>
        <translation>Máy in biểu mẫu, giấy hẹn và biên lai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="244" />
        <source>PDF files in a folder</source>
        <translation>Tệp PDF trong một thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="245" />
        <location filename="../../ui/pages/admin.py" line="265" />
        <source>CUPS printer</source>
        <translation>Máy in CUPS</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="251" />
        <source>Print to</source>
        <translation>In ra</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="259" />
        <source>name of the CUPS queue</source>
        <translation>tên hàng đợi in CUPS</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="260" />
        <source>Find printers</source>
        <translation>Tìm máy in</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="274" />
        <source>empty: the program's data folder / printed</source>
        <translation>để trống: thư mục dữ liệu / printed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="275" />
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="279" />
        <location filename="../../ui/pages/admin.py" line="552" />
        <source>PDF folder</source>
        <translation>Thư mục PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="286" />
        <source>Paper for forms</source>
        <translation>Khổ giấy in biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="289" />
        <source>80 mm receipt roll</source>
        <translation>Cuộn giấy in hoá đơn 80 mm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="293" />
        <source>Paper for slips and receipts</source>
        <translation>Khổ giấy in giấy hẹn và biên lai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="298" />
        <source>usb:VID:PID, tcp:HOST:PORT or serial:DEVICE; empty: none</source>
        <translation>usb:VID:PID, tcp:MÁY:CỔNG hoặc serial:THIẾT_BỊ; để trống: không có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="299" />
        <source>Receipt printer (ESC/POS)</source>
        <translation>Máy in hoá đơn (ESC/POS)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="310" />
        <source>Print test page</source>
        <translation>In trang thử</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="312" />
        <source>Save printer settings</source>
        <translation>Lưu cài đặt máy in</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="325" />
        <source>Good frames in a row before the photo</source>
        <translation>Số khung hình đạt liên tiếp trước khi chụp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="326" />
        <source>Least sharpness of the face</source>
        <translation>Độ nét khuôn mặt tối thiểu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="327" />
        <source>Largest head tilt</source>
        <translation>Độ nghiêng đầu lớn nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="328" />
        <source>Largest head turn</source>
        <translation>Độ quay đầu lớn nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="329" />
        <source>Largest offset from the guide centre</source>
        <translation>Độ lệch lớn nhất so với tâm khung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="330" />
        <source>Smallest head height (share of the frame)</source>
        <translation>Chiều cao đầu nhỏ nhất (tỉ lệ khung hình)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="331" />
        <source>Largest head height (share of the frame)</source>
        <translation>Chiều cao đầu lớn nhất (tỉ lệ khung hình)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="332" />
        <source>Darkest face (grey level)</source>
        <translation>Khuôn mặt tối nhất (mức xám)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="333" />
        <source>Brightest face (grey level)</source>
        <translation>Khuôn mặt sáng nhất (mức xám)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="334" />
        <source>Largest share of clipped pixels</source>
        <translation>Tỉ lệ điểm ảnh cháy sáng/tối lớn nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="335" />
        <source>Least contrast of the face</source>
        <translation>Độ tương phản khuôn mặt nhỏ nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="336" />
        <source>Most uneven background</source>
        <translation>Độ không đều của phông nền lớn nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="337" />
        <source>Least quality per finger (0–100)</source>
        <translation>Chất lượng tối thiểu mỗi ngón (0–100)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="338" />
        <source>Attempts per finger before an exception</source>
        <translation>Số lần thử mỗi ngón trước khi xin ngoại lệ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="339" />
        <source>Time allowed for one capture</source>
        <translation>Thời gian tối đa cho một lần quét</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="342" />
        <source> s</source>
        <translation> giây</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="350" />
        <source>Face photo (camera)</source>
        <translation>Ảnh chân dung (máy ảnh)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="351" />
        <source>Fingerprints (scanner)</source>
        <translation>Vân tay (máy quét)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="378" />
        <source>Save thresholds</source>
        <translation>Lưu ngưỡng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="380" />
        <source>Restore the defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="390" />
        <source>The station's own days (local holidays, make-up working days)</source>
        <translation>Lịch riêng của đơn vị (ngày nghỉ địa phương, ngày làm bù)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="391" />
        <location filename="../../ui/pages/admin.py" line="413" />
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="391" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="391" />
        <location filename="../../ui/pages/admin.py" line="413" />
        <source>Day type</source>
        <translation>Loại ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="400" />
        <location filename="../../ui/pages/admin.py" line="718" />
        <location filename="../../ui/pages/admin.py" line="771" />
        <source>Closed</source>
        <translation>Nghỉ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="401" />
        <location filename="../../ui/pages/admin.py" line="717" />
        <location filename="../../ui/pages/admin.py" line="770" />
        <source>Open (make-up day)</source>
        <translation>Làm việc (làm bù)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="404" />
        <source>reason</source>
        <translation>lý do</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="407" />
        <source>Save the day</source>
        <translation>Lưu ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="409" />
        <source>Remove</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="413" />
        <source>Holiday</source>
        <translation>Ngày lễ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="426" />
        <location filename="../../ui/pages/admin.py" line="436" />
        <source>Fee case</source>
        <translation>Trường hợp thu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="426" />
        <source>Rate or reduction</source>
        <translation>Mức thu hoặc mức giảm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="427" />
        <location filename="../../ui/pages/admin.py" line="437" />
        <source>First day</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="427" />
        <location filename="../../ui/pages/admin.py" line="438" />
        <source>Last day</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="433" />
        <source>Rates entered by the station</source>
        <translation>Mức thu do đơn vị nhập</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="434" />
        <source>A new circular's rate, entered before the program is updated; it wins over the shipped rate on its days.</source>
        <translation>Mức thu theo thông tư mới, nhập khi chương trình chưa cập nhật; trong thời gian hiệu lực, mức này thay mức thu theo chương trình.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="436" />
        <source>Rate no.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="465" />
        <source>legal source, e.g. Circular 12/2027/TT-BTC</source>
        <translation>căn cứ, vd. Thông tư 12/2027/TT-BTC</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="473" />
        <source>last day of the selected rate</source>
        <translation>ngày cuối của mức đã chọn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="539" />
        <source>Settings saved.</source>
        <translation>Đã lưu cài đặt.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="708" />
        <source>Thresholds saved. The capture uses them from the next applicant on.</source>
        <translation>Đã lưu ngưỡng. Việc thu nhận dùng ngưỡng mới từ người đề nghị tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="776" />
        <source>at the counter</source>
        <translation>tại quầy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="877" />
        <source>Registered</source>
        <translation>Đã đăng ký</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="884" />
        <source>Choose an account in the table first.</source>
        <translation>Hãy chọn một tài khoản trong bảng trước.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="910" />
        <source>The card is registered: %1 can approve exceptions with it.</source>
        <translation>Đã đăng ký thẻ: %1 có thể dùng thẻ này để phê duyệt ngoại lệ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="928" />
        <source>The registered card was removed.</source>
        <translation>Đã xóa thẻ đã đăng ký.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="929" />
        <source>This account has no registered card.</source>
        <translation>Tài khoản này chưa đăng ký thẻ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="955" />
        <source>Testing…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="960" />
        <source>Queued</source>
        <translation>Đang chờ in</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="968" />
        <source>Working with the simulator (no real device).</source>
        <translation>Đang dùng thiết bị mô phỏng (không có thiết bị thật).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="978" />
        <source>The devices are not started in this window.</source>
        <translation>Cửa sổ này chưa khởi động thiết bị.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="1000" />
        <source>Testing: %1</source>
        <translation>Đang kiểm tra: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="1035" />
        <source>Self-test finished: check %1.</source>
        <translation>Đã tự kiểm tra xong: cần xem lại %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="1038" />
        <source>Self-test finished: every device answered.</source>
        <translation>Đã tự kiểm tra xong: mọi thiết bị đều trả lời.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="490" />
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="727" />
        <source>Type the dates as dd/mm/yyyy.</source>
        <translation>Nhập ngày theo dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="739" />
        <source>Saved. New return dates follow it.</source>
        <translation>Đã lưu. Ngày hẹn trả của hồ sơ mới tính theo lịch này.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="870" />
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="870" />
        <source>Disabled</source>
        <translation>Đã vô hiệu hoá</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="871" />
        <source>Locked (too many failed sign-ins)</source>
        <translation>Tạm khoá (đăng nhập sai nhiều lần)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="872" />
        <source>Must change the password</source>
        <translation>Phải đổi mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="948" />
        <source>Account created; the password must be changed at first sign-in.</source>
        <translation>Đã tạo tài khoản; mật khẩu phải đổi khi đăng nhập lần đầu.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="412" />
        <source>Public holidays shipped with the program</source>
        <translation>Ngày nghỉ lễ theo chương trình</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="373" />
        <source>The capture uses the saved values from the next applicant on. The idle lock is set in the Station tab.</source>
        <translation>Việc thu nhận dùng giá trị đã lưu từ người đề nghị tiếp theo. Thời gian khoá màn hình đặt ở thẻ Đơn vị.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="424" />
        <source>Fee rates shipped with the program (base rate per card and temporary reductions)</source>
        <translation>Mức thu lệ phí theo chương trình (mức thu mỗi thẻ và các đợt giảm tạm thời)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="428" />
        <location filename="../../ui/pages/admin.py" line="439" />
        <source>Legal source</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="437" />
        <source>Base rate</source>
        <translation>Mức thu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="438" />
        <source>Entered by</source>
        <translation>Người nhập</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="450" />
        <source>base rate, đồng</source>
        <translation>mức thu, đồng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="455" />
        <source>from dd/mm/yyyy</source>
        <translation>từ dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="460" />
        <source>to (optional)</source>
        <translation>đến (nếu có)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="469" />
        <source>Add rate</source>
        <translation>Thêm mức thu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="480" />
        <source>End on this day</source>
        <translation>Kết thúc vào ngày này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="482" />
        <source>Remove (entered by mistake)</source>
        <translation>Xoá (nhập nhầm)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="565" />
        <source>Printers found: %1</source>
        <translation>Máy in tìm thấy: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="566" />
        <source>No CUPS printer found: CUPS is not installed or not running here. You can still type the queue name, or print to the PDF folder.</source>
        <translation>Không tìm thấy máy in CUPS: máy này chưa cài hoặc chưa chạy CUPS. Vẫn có thể gõ tên hàng đợi in, hoặc in ra thư mục PDF.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="580" />
        <source>Choose a CUPS printer, or print to a PDF folder.</source>
        <translation>Hãy chọn máy in CUPS, hoặc in ra thư mục PDF.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="583" />
        <source>A CUPS printer name has no spaces, slashes or # signs: %1</source>
        <translation>Tên máy in CUPS không có dấu cách, dấu gạch chéo hay dấu #: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="587" />
        <source>CUPS has no printer named “%1”: choose one of the listed printers.</source>
        <translation>CUPS không có máy in tên “%1”: hãy chọn một máy in trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="591" />
        <source>Give the PDF folder as a full path, e.g. /home/station/printed.</source>
        <translation>Hãy ghi đường dẫn đầy đủ của thư mục PDF, ví dụ /home/station/printed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="595" />
        <source>The receipt printer address is usb:VID:PID, tcp:HOST:PORT or serial:DEVICE: %1</source>
        <translation>Địa chỉ máy in hoá đơn có dạng usb:VID:PID, tcp:MÁY:CỔNG hoặc serial:THIẾT_BỊ: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="599" />
        <source>Slips on the 80 mm roll need a receipt printer address.</source>
        <translation>In giấy hẹn trên cuộn 80 mm cần địa chỉ máy in hoá đơn.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="634" />
        <source>Printer settings saved.</source>
        <translation>Đã lưu cài đặt máy in.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="656" />
        <source>Printing the test page…</source>
        <translation>Đang in trang thử…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="665" />
        <source>Test page printed.</source>
        <translation>Đã in trang thử.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="690" />
        <source>Default values shown; save them to use them.</source>
        <translation>Đang hiện giá trị mặc định; bấm lưu để áp dụng.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="701" />
        <source>“%1” must be smaller than “%2”.</source>
        <translation>“%1” phải nhỏ hơn “%2”.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="776" />
        <source>online</source>
        <translation>trực tuyến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="778" />
        <source>Reduction %1 % (%2)</source>
        <translation>Giảm %1 % (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="828" />
        <source>Select a rate entered by the station first.</source>
        <translation>Hãy chọn trước một mức thu do đơn vị nhập.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="953" />
        <source>Working</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="953" />
        <source>Simulator</source>
        <translation>Mô phỏng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="954" />
        <source>Not answering</source>
        <translation>Không phản hồi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="954" />
        <source>Not installed</source>
        <translation>Chưa cài đặt</translation>
    </message>
</context>
<context>
    <name>ApplicationForm</name>
    <message>
        <location filename="../../ui/pages/application_form.py" line="50" />
        <source>Applicant</source>
        <translation>Người đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="51" />
        <source>Personal ID number</source>
        <translation>Số định danh cá nhân</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="52" />
        <location filename="../../ui/pages/application_form.py" line="103" />
        <source>Full name</source>
        <translation>Họ, chữ đệm và tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="53" />
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="54" />
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="54" />
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="55" />
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="56" />
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="57" />
        <source>Residence</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="59" />
        <source>Request</source>
        <translation>Nội dung đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="60" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="63" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="64" />
        <source>(none: first issue)</source>
        <translation>(không: cấp lần đầu)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="65" />
        <source>Converting a CCCD</source>
        <translation>Chuyển đổi từ CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="66" />
        <source>Age milestone (14, 25, 40, 60)</source>
        <translation>Đủ tuổi đổi thẻ (14, 25, 40, 60)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="67" />
        <source>Name or date of birth changed</source>
        <translation>Thay đổi họ tên, ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="68" />
        <source>Identity features changed</source>
        <translation>Thay đổi đặc điểm nhân dạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="69" />
        <source>Error printed on the card</source>
        <translation>Thông tin in trên thẻ bị sai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="70" />
        <source>Error made by the agency</source>
        <translation>Sai sót do cơ quan cấp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="71" />
        <source>Administrative units reorganised</source>
        <translation>Sắp xếp đơn vị hành chính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="72" />
        <source>ID number re-established</source>
        <translation>Xác lập lại số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="73" />
        <source>Holder's request</source>
        <translation>Theo yêu cầu của công dân</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="74" />
        <source>Lost or damaged</source>
        <translation>Bị mất, hư hỏng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="75" />
        <source>Nationality regained</source>
        <translation>Được trở lại quốc tịch Việt Nam</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="76" />
        <source>Document held</source>
        <translation>Giấy tờ đang dùng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="77" />
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="78" />
        <source>Căn cước card</source>
        <translation>Thẻ căn cước</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="79" />
        <source>Its number</source>
        <translation>Số giấy tờ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="80" />
        <source>Issued on</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="81" />
        <source>Valid until</source>
        <translation>Có giá trị đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="82" />
        <source>Disability</source>
        <translation>Người khuyết tật</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="83" />
        <source>Meritorious service</source>
        <translation>Người có công với cách mạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="84" />
        <source>Ethnic minority, hardship commune</source>
        <translation>Dân tộc thiểu số ở xã đặc biệt khó khăn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="85" />
        <source>Border or island resident</source>
        <translation>Cư trú ở xã biên giới, hải đảo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="86" />
        <source>Poor household</source>
        <translation>Hộ nghèo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="98" />
        <source>Fee exemption</source>
        <translation>Miễn lệ phí</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="100" />
        <source>Legal representative</source>
        <translation>Người đại diện hợp pháp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="102" />
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="104" />
        <source>Relationship</source>
        <translation>Quan hệ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="105" />
        <source>Father</source>
        <translation>Cha</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="105" />
        <source>Mother</source>
        <translation>Mẹ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="106" />
        <source>Guardian</source>
        <translation>Người giám hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="106" />
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="107" />
        <source>Proof of representation</source>
        <translation>Giấy tờ chứng minh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="113" />
        <source>Contact and return</source>
        <translation>Liên hệ và nhận thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="114" />
        <source>Mobile phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="115" />
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="120" />
        <source>Level-2 electronic ID account too</source>
        <translation>Đăng ký tài khoản định danh điện tử mức 2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="121" />
        <source>Card returned</source>
        <translation>Nơi trả thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="122" />
        <source>At the counter</source>
        <translation>Tại bộ phận một cửa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="122" />
        <source>By post (citizen pays)</source>
        <translation>Qua bưu chính (công dân trả phí)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="123" />
        <source>Postal address</source>
        <translation>Địa chỉ nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="216" />
        <source>Verified by reading the representative's card.</source>
        <translation>Đã xác minh bằng chip thẻ người đại diện.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="217" />
        <source>Linked to the applicant in the population records.</source>
        <translation>Có quan hệ với người đề nghị trong cơ sở dữ liệu dân cư.</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <location filename="../../ui/itemmodels.py" line="34" />
        <source>Number</source>
        <translation>Số hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="35" />
        <source>Applicant</source>
        <translation>Người đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="36" />
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="37" />
        <source>Age group</source>
        <translation>Nhóm tuổi</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="38" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="39" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="40" />
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="41" />
        <source>Return date</source>
        <translation>Ngày hẹn trả</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="135" />
        <source>Leader's approval</source>
        <translation>Lãnh đạo phê duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="158" />
        <source>Leader's user name</source>
        <translation>Tài khoản lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="159" />
        <location filename="../../ui/dialogs.py" line="160" />
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="164" />
        <source>The leader places their own identity card (registered at this station) on the card reader.</source>
        <translation>Lãnh đạo đặt thẻ căn cước của mình (đã đăng ký tại trạm) lên đầu đọc thẻ.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="171" />
        <source>Any registered leader</source>
        <translation>Bất kỳ lãnh đạo đã đăng ký thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="174" />
        <source>Leader</source>
        <translation>Lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="176" />
        <source>Read card</source>
        <translation>Đọc thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="185" />
        <source>Reading the card… keep it on the reader.</source>
        <translation>Đang đọc thẻ… giữ thẻ trên đầu đọc.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="192" />
        <source>Leader's card</source>
        <translation>Thẻ của lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="202" />
        <source>Approve</source>
        <translation>Phê duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="203" />
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="224" />
        <source>Type the leader's user name and password.</source>
        <translation>Nhập tài khoản và mật khẩu của lãnh đạo.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="227" />
        <source>Approval by password is not available.</source>
        <translation>Không thể phê duyệt bằng mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="274" />
        <source>The approval failed: %1</source>
        <translation>Phê duyệt không thành công: %1</translation>
    </message>
</context>
<context>
    <name>CapturePage</name>
    <message>
        <location filename="../../ui/pages/capture.py" line="60" />
        <source>Open a checked application from the worklist.</source>
        <extracomment>Why something cannot be captured: the fingerprint panel's kinds (``ExceptionKind``).</extracomment>
        <translation>Mở một hồ sơ đã kiểm tra từ danh sách hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="74" />
        <source>Face photo</source>
        <translation>Ảnh khuôn mặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="75" />
        <source>Fingerprints</source>
        <translation>Vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="85" />
        <source>Required for this applicant</source>
        <translation>Cần thu nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="91" />
        <location filename="../../ui/pages/capture.py" line="168" />
        <source>Iris: no iris camera at this counter — not available.</source>
        <translation>Mống mắt: quầy này chưa có máy chụp mống mắt — chưa thu nhận được.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="96" />
        <source>Exception (needs a leader)…</source>
        <translation>Ngoại lệ (lãnh đạo duyệt)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="226" />
        <source>Everything required is captured: press F10.</source>
        <translation>Đã thu nhận đủ: bấm F10.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="266" />
        <source>Ten prints done. The face photo is still missing.</source>
        <translation>Đã lấy xong mười vân tay. Còn thiếu ảnh khuôn mặt.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="268" />
        <source>Ten prints done.</source>
        <translation>Đã lấy xong mười vân tay.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="307" />
        <source>A leader approves the exception: %1 (%2).</source>
        <translation>Lãnh đạo phê duyệt ngoại lệ: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="311" />
        <source>Reason: %1</source>
        <translation>Lý do: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="328" />
        <source>Not approved: the finger is to be captured.</source>
        <translation>Không được phê duyệt: cần lấy vân ngón này.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="379" />
        <source>Exception approved by %1.</source>
        <translation>Ngoại lệ đã được %1 phê duyệt.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="426" />
        <source>missing from birth</source>
        <translation>không có từ khi sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="427" />
        <source>amputated</source>
        <translation>bị cụt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="428" />
        <source>bandaged or injured</source>
        <translation>bị thương hoặc đang băng bó</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="429" />
        <source>cannot be captured after retries</source>
        <translation>không lấy được sau nhiều lần thử</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="175" />
        <location filename="../../ui/pages/capture.py" line="292" />
        <source>Face</source>
        <translation>Khuôn mặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="104" />
        <source>Capture complete → review (F10)</source>
        <translation>Thu nhận xong → kiểm tra (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="116" />
        <source>Capture</source>
        <translation>Thu nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="167" />
        <source>Iris: with the fingerprint panel's iris camera.</source>
        <translation>Mống mắt: chụp bằng máy mống mắt trong khung vân tay.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="169" />
        <location filename="../../ui/pages/capture.py" line="294" />
        <source>Right eye</source>
        <translation>Mắt phải</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="169" />
        <location filename="../../ui/pages/capture.py" line="294" />
        <source>Left eye</source>
        <translation>Mắt trái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="181" />
        <source>Nothing to capture at this age.</source>
        <translation>Độ tuổi này không phải thu nhận sinh trắc.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="19" />
        <source>Right thumb</source>
        <translation>Ngón cái phải</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="21" />
        <source>Right index</source>
        <translation>Ngón trỏ phải</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="23" />
        <source>Right middle</source>
        <translation>Ngón giữa phải</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="25" />
        <source>Right ring</source>
        <translation>Ngón áp út phải</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="27" />
        <source>Right little</source>
        <translation>Ngón út phải</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="29" />
        <source>Left thumb</source>
        <translation>Ngón cái trái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="31" />
        <source>Left index</source>
        <translation>Ngón trỏ trái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="33" />
        <source>Left middle</source>
        <translation>Ngón giữa trái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="35" />
        <source>Left ring</source>
        <translation>Ngón áp út trái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="37" />
        <source>Left little</source>
        <translation>Ngón út trái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="149" />
        <source>The camera widget is not installed on this station.</source>
        <translation>Chức năng chụp ảnh chưa được cài trên máy này.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="174" />
        <source>The fingerprint panel is not installed on this station.</source>
        <translation>Chức năng thu vân tay chưa được cài trên máy này.</translation>
    </message>
</context>
<context>
    <name>ChipKeyDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="310" />
        <source>Place the card on the reader and type what is printed on it.</source>
        <translation>Đặt thẻ lên đầu đọc và nhập các thông tin in trên thẻ.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="319" />
        <source>dd/mm/yyyy, empty if no expiry</source>
        <translation>dd/mm/yyyy, để trống nếu không thời hạn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="320" />
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="321" />
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="322" />
        <source>Valid until</source>
        <translation>Có giá trị đến</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="342" />
        <source>The ID number has 12 digits.</source>
        <translation>Số định danh gồm 12 chữ số.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="344" />
        <source>Type the dates as dd/mm/yyyy.</source>
        <translation>Nhập ngày theo dạng dd/mm/yyyy.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="55" />
        <source>Something went wrong</source>
        <translation>Đã xảy ra lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="58" />
        <source>The program met an unexpected problem. Your saved work is safe: drafts are saved as you type. You can carry on, or copy the details for the station's IT person.</source>
        <translation>Chương trình gặp sự cố ngoài dự kiến. Dữ liệu đã nhập vẫn an toàn vì hồ sơ nháp được lưu ngay khi nhập. Bạn có thể tiếp tục, hoặc sao chép chi tiết gửi cán bộ kỹ thuật.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="68" />
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="70" />
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../ui/pages/application_form.py" line="266" />
        <source>The law's decision</source>
        <translation>Kết quả theo quy định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="269" />
        <source>Age group</source>
        <translation>Nhóm tuổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="269" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="270" />
        <source>Representative</source>
        <translation>Người đại diện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="271" />
        <source>To capture</source>
        <translation>Cần thu nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="271" />
        <source>Fee</source>
        <translation>Lệ phí</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="272" />
        <source>Card valid until</source>
        <translation>Thẻ có giá trị đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="273" />
        <source>Return date</source>
        <translation>Ngày hẹn trả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="290" />
        <source>face</source>
        <translation>khuôn mặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="291" />
        <source>10 fingerprints</source>
        <translation>10 vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="292" />
        <source>iris</source>
        <translation>mống mắt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="295" />
        <source>Required (signs for the child)</source>
        <translation>Bắt buộc (ký thay cho trẻ)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="296" />
        <source>Not required</source>
        <translation>Không cần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="297" />
        <source>Nothing (no capture)</source>
        <translation>Không thu nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="299" />
        <source>Free</source>
        <translation>Miễn phí</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="302" />
        <source>No expiry</source>
        <translation>Không thời hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="310" />
        <source>Everything needed is there: the application can be checked and saved.</source>
        <translation>Đã đủ thông tin: có thể kiểm tra và lưu hồ sơ.</translation>
    </message>
</context>
<context>
    <name>DeviceHub</name>
    <message>
        <location filename="../../ui/devicehub.py" line="51" />
        <source>PDF folder %1</source>
        <translation>Thư mục PDF %1</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="61" />
        <source>CUPS is not installed on this computer: install the cups and cups-client packages, or choose the PDF folder.</source>
        <translation>Máy này chưa cài CUPS: hãy cài gói cups và cups-client, hoặc chọn in ra thư mục PDF.</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="65" />
        <source>The CUPS print service is not running: start it (systemctl start cups), then test again.</source>
        <translation>Dịch vụ in CUPS không chạy: hãy khởi động (systemctl start cups) rồi kiểm tra lại.</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="69" />
        <source>CUPS has no printer named “%1”: choose one of the listed printers.</source>
        <translation>CUPS không có máy in tên “%1”: hãy chọn một máy in trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="73" />
        <source>No printer is chosen: choose one in the Printer tab.</source>
        <translation>Chưa chọn máy in: hãy chọn trong thẻ Máy in.</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="76" />
        <source>The printer “%1” is off, stopped or not accepting jobs: switch it on, check the cable and the paper, then test again.</source>
        <translation>Máy in “%1” đang tắt, đang dừng hoặc không nhận lệnh in: hãy bật máy, kiểm tra cáp và giấy rồi kiểm tra lại.</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="80" />
        <source>Cannot write to the PDF folder %1: choose a folder this account can write to.</source>
        <translation>Không ghi được vào thư mục PDF %1: hãy chọn thư mục mà tài khoản này ghi được.</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="84" />
        <source>The test page was not printed: %1</source>
        <translation>Chưa in được trang thử: %1</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="157" />
        <source>Test page printed: %1</source>
        <translation>Đã in trang thử: %1</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="160" />
        <source>Test page printed on %1 (job %2)</source>
        <translation>Đã in trang thử trên %1 (lệnh in %2)</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="164" />
        <source>The test page waits in the CUPS queue (job %1): check that the printer is on and has paper.</source>
        <translation>Trang thử còn chờ trong hàng đợi CUPS (lệnh in %1): hãy kiểm tra máy in đã bật và còn giấy.</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <location filename="../../ui/pages/capture.py" line="439" />
        <source>Exception (needs a leader)</source>
        <translation>Ngoại lệ (lãnh đạo duyệt)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="444" />
        <source>Face</source>
        <translation>Khuôn mặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="458" />
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="462" />
        <source>Next: leader's approval</source>
        <translation>Tiếp: lãnh đạo phê duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="463" />
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="456" />
        <source>What</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="457" />
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>Căn cước Workstation</source>
        <translation>Trạm cấp thẻ căn cước</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120" />
        <source>The session was locked. Sign in again to continue; nothing you typed is lost.</source>
        <translation>Phiên làm việc đã khoá. Đăng nhập lại để tiếp tục; dữ liệu đã nhập không bị mất.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122" />
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124" />
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>Repeat it</source>
        <translation>Nhập lại</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <location filename="../../ui/main_window.py" line="145" />
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <location filename="../../ui/main_window.py" line="145" />
        <source>Change password and sign in</source>
        <translation>Đổi mật khẩu và đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162" />
        <source>Type your user name and password.</source>
        <translation>Nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171" />
        <source>This is your first sign-in: choose a new password.</source>
        <translation>Đây là lần đăng nhập đầu tiên: hãy đặt mật khẩu mới.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181" />
        <location filename="../../ui/main_window.py" line="201" />
        <source>Sign-in failed.</source>
        <translation>Đăng nhập không thành công.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>The two new passwords differ.</source>
        <translation>Hai mật khẩu mới không giống nhau.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="379" />
        <source>Căn cước Workstation</source>
        <extracomment>The language and the pages were switched (``apply_language``): the new language.</extracomment>
        <translation>Trạm cấp thẻ căn cước</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="381" />
        <source>CĂN CƯỚC</source>
        <translation>CĂN CƯỚC</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383" />
        <source>Lock (Ctrl+L)</source>
        <translation>Khoá màn hình (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="385" />
        <source>Large font</source>
        <translation>Chữ lớn</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386" />
        <source>Camera</source>
        <translation>Máy ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386" />
        <source>Scanner</source>
        <translation>Máy vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387" />
        <source>Card reader</source>
        <translation>Đầu đọc thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387" />
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="481" />
        <source>Interface language changed.</source>
        <translation>Đã đổi ngôn ngữ giao diện.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="480" />
        <source>Settings saved; the interface language is changed.</source>
        <translation>Đã lưu cài đặt; đã đổi ngôn ngữ giao diện.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="384" />
        <source>Language, font size…</source>
        <translation>Ngôn ngữ, cỡ chữ…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="627" />
        <source>Connected and working.</source>
        <translation>Đã kết nối và hoạt động.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="628" />
        <source>Working with the simulator (no real device).</source>
        <translation>Đang dùng thiết bị mô phỏng (không có thiết bị thật).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="629" />
        <source>Not answering: check the cable and the power, then press Refresh in Administration → Devices.</source>
        <translation>Không phản hồi: kiểm tra cáp và nguồn điện, rồi chạy tự kiểm tra trong Quản trị → Thiết bị.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="631" />
        <source>This device's software is not installed on this station.</source>
        <translation>Phần mềm của thiết bị này chưa được cài trên máy.</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../ui/pages/reception.py" line="56" />
        <source>Find a person</source>
        <translation>Tìm công dân</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="59" />
        <source>ID number, name, or scan the card's QR code</source>
        <translation>Số định danh, họ tên, mã QR</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="64" />
        <source>Born (yyyy)</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="69" />
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="70" />
        <source>Read chip card</source>
        <translation>Đọc chip thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="82" />
        <source>Person in the records</source>
        <translation>Thông tin trong cơ sở dữ liệu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="83" />
        <source>Search, then pick a person.</source>
        <translation>Tìm kiếm rồi chọn một người.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="100" />
        <location filename="../../ui/pages/reception.py" line="289" />
        <source>New application for this person</source>
        <translation>Lập hồ sơ cho người này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="117" />
        <source>No application open.</source>
        <translation>Chưa mở hồ sơ nào.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="123" />
        <source>Check and continue (F9)</source>
        <translation>Kiểm tra và tiếp tục (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="126" />
        <location filename="../../ui/pages/reception.py" line="473" />
        <source>Read the representative's card</source>
        <translation>Đọc thẻ người đại diện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="129" />
        <source>New (Ctrl+N)</source>
        <translation>Hồ sơ mới (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="131" />
        <location filename="../../ui/pages/reception.py" line="440" />
        <source>Cancel application</source>
        <translation>Huỷ hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="141" />
        <source>Reception</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="179" />
        <source>Application %1 · %2</source>
        <translation>Hồ sơ %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="198" />
        <source>Your unfinished draft %1 was restored.</source>
        <translation>Đã mở lại hồ sơ nháp %1 chưa hoàn thành.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="205" />
        <source>Type an ID number or a name to search.</source>
        <translation>Nhập số định danh hoặc họ tên để tìm.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="230" />
        <source>Nobody found. Check the spelling, or type the ID number.</source>
        <translation>Không tìm thấy. Kiểm tra lại chính tả hoặc nhập số định danh.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="249" />
        <source>Not in the population records.</source>
        <translation>Không có trong cơ sở dữ liệu dân cư.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="252" />
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="252" />
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="255" />
        <source>%1 years old</source>
        <translation>%1 tuổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="256" />
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="262" />
        <source>Household %1</source>
        <translation>Hộ %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="267" />
        <source>Open application %1</source>
        <translation>Hồ sơ đang xử lý %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="271" />
        <source>Father</source>
        <translation>Cha</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="271" />
        <source>Mother</source>
        <translation>Mẹ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="272" />
        <source>Guardian</source>
        <translation>Người giám hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="274" />
        <source>Choose the representative:</source>
        <translation>Chọn người đại diện:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="283" />
        <source>Make %1 the legal representative.</source>
        <translation>Chọn %1 làm người đại diện hợp pháp.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="284" />
        <source>Not in the records as an adult.</source>
        <translation>Không có trong hồ sơ dân cư là người thành niên.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="288" />
        <source>Open the application</source>
        <translation>Mở hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="322" />
        <source>New application: it is saved as you type.</source>
        <translation>Hồ sơ mới: được lưu ngay khi nhập.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="339" />
        <source>Application %1 · %2 · saved at %3</source>
        <translation>Hồ sơ %1 · %2 · đã lưu lúc %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="431" />
        <source>Application %1 checked.</source>
        <translation>Hồ sơ %1 đã được kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="441" />
        <source>Why is the application cancelled?</source>
        <translation>Lý do huỷ hồ sơ?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="448" />
        <source>Application %1 cancelled.</source>
        <translation>Đã huỷ hồ sơ %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="457" />
        <source>Read the applicant's card</source>
        <translation>Đọc thẻ của người đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="467" />
        <source>Card read: the form is filled from the chip.</source>
        <translation>Đã đọc thẻ: phiếu được điền từ chip.</translation>
    </message>
</context>
<context>
    <name>RegisterCardDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="360" />
        <source>Register the leader's card: %1</source>
        <translation>Đăng ký thẻ của lãnh đạo: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="371" />
        <source>Reading the card… keep it on the reader.</source>
        <translation>Đang đọc thẻ… giữ thẻ trên đầu đọc.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="384" />
        <source>The approval failed: %1</source>
        <translation>Phê duyệt không thành công: %1</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="52" />
        <source>Find the application</source>
        <translation>Tìm hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="56" />
        <source>Application number, or scan the slip's QR code</source>
        <translation>Số hồ sơ, hoặc quét mã QR trên giấy hẹn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="58" />
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="61" />
        <source>Application</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="63" />
        <source>Number</source>
        <translation>Số hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="63" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="64" />
        <source>Applicant</source>
        <translation>Người đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="64" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="65" />
        <source>Representative</source>
        <translation>Người đại diện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="66" />
        <source>Old document</source>
        <translation>Giấy tờ cũ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="66" />
        <source>Return date</source>
        <translation>Ngày hẹn trả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="67" />
        <source>New card</source>
        <translation>Thẻ mới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="71" />
        <source>Handover</source>
        <translation>Trả thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="72" />
        <source>The new card has arrived</source>
        <translation>Đã nhận thẻ mới về</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="74" />
        <source>Verify the new card by its chip</source>
        <translation>Kiểm tra thẻ mới bằng chip</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="79" />
        <source>Old document collected</source>
        <translation>Đã thu lại giấy tờ cũ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="83" />
        <source>Handed to the holder</source>
        <translation>Trả cho người được cấp thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="84" />
        <source>Handed to the representative</source>
        <translation>Trả cho người đại diện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="85" />
        <source>Print the handover record</source>
        <translation>In biên bản giao nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="87" />
        <source>Hand over the card</source>
        <translation>Trả thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="100" />
        <source>Printed document</source>
        <translation>Giấy tờ đã in</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="107" />
        <source>Return counter</source>
        <translation>Trả thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="142" />
        <source>Type or scan the application number.</source>
        <translation>Nhập hoặc quét số hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="148" />
        <source>No application %1.</source>
        <translation>Không có hồ sơ %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="171" />
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="173" />
        <source>None (first card)</source>
        <translation>Không có (cấp lần đầu)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="203" />
        <source>Read the new card</source>
        <translation>Đọc thẻ mới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="228" />
        <source>Sent to the printer.</source>
        <translation>Đã gửi tới máy in.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="229" />
        <source>The printer did not take the document; it waits in the queue. %1</source>
        <translation>Máy in chưa nhận lệnh in; giấy tờ được giữ trong hàng đợi. %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="241" />
        <source>Card of application %1 handed over.</source>
        <translation>Đã trả thẻ của hồ sơ %1.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/pages/review.py" line="40" />
        <source>Open an application from the worklist.</source>
        <translation>Mở một hồ sơ từ danh sách hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="44" />
        <source>Applicant</source>
        <translation>Người đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="46" />
        <source>Full name</source>
        <translation>Họ, chữ đệm và tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="47" />
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="48" />
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="49" />
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="49" />
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="50" />
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="51" />
        <source>Home town</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="52" />
        <source>Residence</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="56" />
        <source>Request and decision</source>
        <translation>Đề nghị và kết quả kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="58" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="58" />
        <source>Age group</source>
        <translation>Nhóm tuổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="59" />
        <source>Document held</source>
        <translation>Giấy tờ đang dùng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="60" />
        <source>Representative</source>
        <translation>Người đại diện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="61" />
        <source>Captured</source>
        <translation>Đã thu nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="61" />
        <source>Fee</source>
        <translation>Lệ phí</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="62" />
        <source>Card valid until</source>
        <translation>Thẻ có giá trị đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="63" />
        <source>Return date</source>
        <translation>Ngày hẹn trả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="64" />
        <source>Contact</source>
        <translation>Liên hệ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="64" />
        <source>Card returned</source>
        <translation>Nơi trả thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="65" />
        <source>Notes</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="77" />
        <source>Steps</source>
        <translation>Các bước</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="78" />
        <source>1. Print the CC01 sheet to sign</source>
        <translation>1. In phiếu CC01 để ký</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="82" />
        <source>Signed by the applicant</source>
        <translation>Người đề nghị ký</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="83" />
        <source>Signed by the representative</source>
        <translation>Người đại diện ký</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="84" />
        <source>2. Confirm: CC01 signed</source>
        <translation>2. Xác nhận: đã ký phiếu CC01</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="88" />
        <source>3. Take the fee and print the receipt</source>
        <translation>3. Thu lệ phí và in biên lai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="90" />
        <source>4. Submit and print the appointment slip (CC02)</source>
        <translation>4. Chuyển xử lý và in giấy hẹn (CC02)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="92" />
        <source>Reject…</source>
        <translation>Từ chối…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="98" />
        <source>Printed document</source>
        <translation>Giấy tờ đã in</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="108" />
        <source>Review and confirm</source>
        <translation>Kiểm tra và xác nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="133" />
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="133" />
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="142" />
        <source>records: %1</source>
        <translation>hồ sơ dân cư: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="146" />
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="149" />
        <source>Not required</source>
        <translation>Không cần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="150" />
        <source>face</source>
        <translation>khuôn mặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="151" />
        <source>fingerprints</source>
        <translation>vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="152" />
        <source>iris</source>
        <translation>mống mắt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="153" />
        <source>Free</source>
        <translation>Miễn phí</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="155" />
        <source>paid, receipt %1</source>
        <translation>đã nộp, biên lai %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="161" />
        <source>Nothing (not required at this age)</source>
        <translation>Không (độ tuổi này không thu nhận)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="164" />
        <source>No expiry</source>
        <translation>Không thời hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="167" />
        <source>By post: %1</source>
        <translation>Qua bưu chính: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="168" />
        <source>At the counter</source>
        <translation>Tại bộ phận một cửa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="175" />
        <source>Fee: %1</source>
        <translation>Lệ phí: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="179" />
        <source>verified in the records</source>
        <translation>đã xác minh trong hồ sơ dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="180" />
        <source>verified by chip</source>
        <translation>đã xác minh bằng chip</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="181" />
        <source>checked on documents</source>
        <translation>đã kiểm tra giấy tờ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="182" />
        <source>not verified</source>
        <translation>chưa xác minh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="217" />
        <source>Sent to the printer.</source>
        <translation>Đã gửi tới máy in.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="219" />
        <source>The printer did not take the document; it waits in the queue and is printed when the printer is back. %1</source>
        <translation>Máy in chưa nhận lệnh in; giấy tờ được giữ trong hàng đợi và sẽ in khi máy in hoạt động lại. %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="228" />
        <source>Application %1 confirmed.</source>
        <translation>Hồ sơ %1 đã được xác nhận.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="258" />
        <source>Reject the application</source>
        <translation>Từ chối hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="259" />
        <source>Why is the application rejected?</source>
        <translation>Lý do từ chối hồ sơ?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="263" />
        <source>Application %1 rejected.</source>
        <translation>Đã từ chối hồ sơ %1.</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <location filename="../../ui/pages/worklist.py" line="40" />
        <source>Find and open an application</source>
        <extracomment>Which page continues an application in each state.</extracomment>
        <translation>Tìm và mở hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="43" />
        <source>All open applications</source>
        <translation>Hồ sơ đang xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="44" />
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="48" />
        <source>Received today</source>
        <translation>Tiếp nhận hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="53" />
        <source>Application number or ID number</source>
        <translation>Số hồ sơ hoặc số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="60" />
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="80" />
        <source>Open (Enter)</source>
        <translation>Mở (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="85" />
        <source>Worklist</source>
        <translation>Danh sách hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="100" />
        <location filename="../../ui/pages/worklist.py" line="117" />
        <source>Applications: %1</source>
        <translation>Số hồ sơ: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="101" />
        <source>Type part of an application number or an ID number: letters, digits and - only.</source>
        <translation>Nhập một phần số hồ sơ hoặc số định danh: chỉ gồm chữ cái, chữ số và dấu -.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/dialogs.py" line="87" />
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
</context>
</TS>
