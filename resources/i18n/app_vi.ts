<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/pages/admin.py" line="43" />
        <source>Station code</source>
        <translation>Mã đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="43" />
        <source>Station name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="44" />
        <location filename="../../ui/pages/admin.py" line="121" />
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="44" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="56" />
        <source>Large font for the counter screen</source>
        <translation>Chữ lớn cho màn hình quầy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="60" />
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="62" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="64" />
        <source>Lock after idle</source>
        <translation>Khoá khi không thao tác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="65" />
        <source>Save settings</source>
        <translation>Lưu cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="67" />
        <source>Station</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="70" />
        <source>Staff accounts</source>
        <translation>Tài khoản cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="73" />
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="73" />
        <source>Full name</source>
        <translation>Họ, chữ đệm và tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="74" />
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="74" />
        <location filename="../../ui/pages/admin.py" line="101" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="79" />
        <source>user name</source>
        <translation>tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="81" />
        <source>full name</source>
        <translation>họ tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="83" />
        <source>Reception</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="83" />
        <source>Capture</source>
        <translation>Thu nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="84" />
        <source>Clerk</source>
        <translation>Văn thư</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="84" />
        <source>Leader</source>
        <translation>Lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="85" />
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="90" />
        <source>temporary password</source>
        <translation>mật khẩu tạm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="92" />
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="95" />
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="98" />
        <location filename="../../ui/pages/admin.py" line="114" />
        <source>Devices</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="101" />
        <source>Device</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="102" />
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="105" />
        <source>Camera</source>
        <translation>Máy ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="105" />
        <source>Scanner</source>
        <translation>Máy vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="106" />
        <source>Card reader</source>
        <translation>Đầu đọc thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="106" />
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="110" />
        <source>Start-of-day self-test</source>
        <translation>Tự kiểm tra đầu ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="118" />
        <source>The station's own days (local holidays, make-up working days)</source>
        <translation>Lịch riêng của đơn vị (ngày nghỉ địa phương, ngày làm bù)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="121" />
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="122" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="131" />
        <location filename="../../ui/pages/admin.py" line="165" />
        <source>Closed</source>
        <translation>Nghỉ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="132" />
        <location filename="../../ui/pages/admin.py" line="165" />
        <source>Open (make-up day)</source>
        <translation>Làm việc (làm bù)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="135" />
        <source>reason</source>
        <translation>lý do</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="138" />
        <source>Save the day</source>
        <translation>Lưu ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="140" />
        <source>Remove</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="143" />
        <source>Public holidays and fees shipped with the program</source>
        <translation>Ngày lễ và biểu lệ phí theo quy định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="149" />
        <source>Holidays and fees</source>
        <translation>Ngày nghỉ và lệ phí</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="152" />
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="177" />
        <source>Type the dates as dd/mm/yyyy.</source>
        <translation>Nhập ngày theo dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="189" />
        <source>Saved. New return dates follow it.</source>
        <translation>Đã lưu. Ngày hẹn trả của hồ sơ mới tính theo lịch này.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="223" />
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="223" />
        <source>Disabled</source>
        <translation>Đã vô hiệu hoá</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="224" />
        <source>Locked (too many failed sign-ins)</source>
        <translation>Tạm khoá (đăng nhập sai nhiều lần)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="225" />
        <source>Must change the password</source>
        <translation>Phải đổi mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="248" />
        <source>Account created; the password must be changed at first sign-in.</source>
        <translation>Đã tạo tài khoản; mật khẩu phải đổi khi đăng nhập lần đầu.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="276" />
        <source>Settings saved. Language changes apply at the next start.</source>
        <translation>Đã lưu cài đặt. Ngôn ngữ mới áp dụng từ lần mở sau.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="285" />
        <source>Working</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="285" />
        <source>Simulator</source>
        <translation>Mô phỏng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="286" />
        <source>Not answering</source>
        <translation>Không phản hồi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="286" />
        <source>Not installed</source>
        <translation>Chưa cài đặt</translation>
    </message>
</context>
<context>
    <name>ApplicationForm</name>
    <message>
        <location filename="../../ui/pages/application_form.py" line="48" />
        <source>Applicant</source>
        <translation>Người đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="49" />
        <source>Personal ID number</source>
        <translation>Số định danh cá nhân</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="50" />
        <location filename="../../ui/pages/application_form.py" line="101" />
        <source>Full name</source>
        <translation>Họ, chữ đệm và tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="51" />
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="52" />
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="52" />
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="53" />
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="54" />
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="55" />
        <source>Residence</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="57" />
        <source>Request</source>
        <translation>Nội dung đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="58" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="61" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="62" />
        <source>(none: first issue)</source>
        <translation>(không: cấp lần đầu)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="63" />
        <source>Converting a CCCD</source>
        <translation>Chuyển đổi từ CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="64" />
        <source>Age milestone (14, 25, 40, 60)</source>
        <translation>Đủ tuổi đổi thẻ (14, 25, 40, 60)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="65" />
        <source>Name or date of birth changed</source>
        <translation>Thay đổi họ tên, ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="66" />
        <source>Identity features changed</source>
        <translation>Thay đổi đặc điểm nhân dạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="67" />
        <source>Error printed on the card</source>
        <translation>Thông tin in trên thẻ bị sai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="68" />
        <source>Error made by the agency</source>
        <translation>Sai sót do cơ quan cấp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="69" />
        <source>Administrative units reorganised</source>
        <translation>Sắp xếp đơn vị hành chính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="70" />
        <source>ID number re-established</source>
        <translation>Xác lập lại số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="71" />
        <source>Holder's request</source>
        <translation>Theo yêu cầu của công dân</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="72" />
        <source>Lost or damaged</source>
        <translation>Bị mất, hư hỏng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="73" />
        <source>Nationality regained</source>
        <translation>Được trở lại quốc tịch Việt Nam</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="74" />
        <source>Document held</source>
        <translation>Giấy tờ đang dùng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="75" />
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="76" />
        <source>Căn cước card</source>
        <translation>Thẻ căn cước</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="77" />
        <source>Its number</source>
        <translation>Số giấy tờ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="78" />
        <source>Issued on</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="79" />
        <source>Valid until</source>
        <translation>Có giá trị đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="80" />
        <source>Disability</source>
        <translation>Người khuyết tật</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="81" />
        <source>Meritorious service</source>
        <translation>Người có công với cách mạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="82" />
        <source>Ethnic minority, hardship commune</source>
        <translation>Dân tộc thiểu số ở xã đặc biệt khó khăn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="83" />
        <source>Border or island resident</source>
        <translation>Cư trú ở xã biên giới, hải đảo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="84" />
        <source>Poor household</source>
        <translation>Hộ nghèo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="96" />
        <source>Fee exemption</source>
        <translation>Miễn lệ phí</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="98" />
        <source>Legal representative</source>
        <translation>Người đại diện hợp pháp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="100" />
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="102" />
        <source>Relationship</source>
        <translation>Quan hệ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="103" />
        <source>Father</source>
        <translation>Cha</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="103" />
        <source>Mother</source>
        <translation>Mẹ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="104" />
        <source>Guardian</source>
        <translation>Người giám hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="104" />
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="105" />
        <source>Proof of representation</source>
        <translation>Giấy tờ chứng minh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="111" />
        <source>Contact and return</source>
        <translation>Liên hệ và nhận thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="112" />
        <source>Mobile phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="113" />
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="114" />
        <source>Level-2 electronic ID account too</source>
        <translation>Đăng ký tài khoản định danh điện tử mức 2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="119" />
        <source>Card returned</source>
        <translation>Nơi trả thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="120" />
        <source>At the counter</source>
        <translation>Tại bộ phận một cửa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="120" />
        <source>By post (citizen pays)</source>
        <translation>Qua bưu chính (công dân trả phí)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="121" />
        <source>Postal address</source>
        <translation>Địa chỉ nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="213" />
        <source>Verified by reading the representative's card.</source>
        <translation>Đã xác minh bằng chip thẻ người đại diện.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="214" />
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
        <location filename="../../ui/dialogs.py" line="113" />
        <source>Leader's approval</source>
        <translation>Lãnh đạo phê duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="122" />
        <source>Leader's user name</source>
        <translation>Tài khoản lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="123" />
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
</context>
<context>
    <name>CapturePage</name>
    <message>
        <location filename="../../ui/pages/capture.py" line="35" />
        <source>Open a checked application from the worklist.</source>
        <translation>Mở một hồ sơ đã kiểm tra từ danh sách hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="49" />
        <source>Face photo</source>
        <translation>Ảnh khuôn mặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="50" />
        <source>Fingerprints</source>
        <translation>Vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="54" />
        <source>Required for this applicant</source>
        <translation>Cần thu nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="60" />
        <location filename="../../ui/pages/capture.py" line="113" />
        <source>Iris: no iris camera at this counter — not available.</source>
        <translation>Mống mắt: quầy này chưa có máy chụp mống mắt — chưa thu nhận được.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="65" />
        <source>Exception (needs a leader)…</source>
        <translation>Ngoại lệ (lãnh đạo duyệt)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="198" />
        <source>A leader approves the exception: %1</source>
        <translation>Lãnh đạo phê duyệt ngoại lệ: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="120" />
        <source>Face</source>
        <translation>Khuôn mặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="68" />
        <source>Capture complete → review (F10)</source>
        <translation>Thu nhận xong → kiểm tra (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="81" />
        <source>Capture</source>
        <translation>Thu nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="112" />
        <source>Iris: with the fingerprint panel's iris camera.</source>
        <translation>Mống mắt: chụp bằng máy mống mắt trong khung vân tay.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="114" />
        <source>Right eye</source>
        <translation>Mắt phải</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="114" />
        <source>Left eye</source>
        <translation>Mắt trái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="126" />
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
        <location filename="../../ui/pages/capture_slots.py" line="115" />
        <source>The camera widget is not installed on this station.</source>
        <translation>Chức năng chụp ảnh chưa được cài trên máy này.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="140" />
        <source>The fingerprint panel is not installed on this station.</source>
        <translation>Chức năng thu vân tay chưa được cài trên máy này.</translation>
    </message>
</context>
<context>
    <name>ChipKeyDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="160" />
        <source>Place the card on the reader and type what is printed on it.</source>
        <translation>Đặt thẻ lên đầu đọc và nhập các thông tin in trên thẻ.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="169" />
        <source>dd/mm/yyyy, empty if no expiry</source>
        <translation>dd/mm/yyyy, để trống nếu không thời hạn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="170" />
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="171" />
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="172" />
        <source>Valid until</source>
        <translation>Có giá trị đến</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="192" />
        <source>The ID number has 12 digits.</source>
        <translation>Số định danh gồm 12 chữ số.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="194" />
        <source>Type the dates as dd/mm/yyyy.</source>
        <translation>Nhập ngày theo dạng dd/mm/yyyy.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="47" />
        <source>Something went wrong</source>
        <translation>Đã xảy ra lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="50" />
        <source>The program met an unexpected problem. Your saved work is safe: drafts are saved as you type. You can carry on, or copy the details for the station's IT person.</source>
        <translation>Chương trình gặp sự cố ngoài dự kiến. Dữ liệu đã nhập vẫn an toàn vì hồ sơ nháp được lưu ngay khi nhập. Bạn có thể tiếp tục, hoặc sao chép chi tiết gửi cán bộ kỹ thuật.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="60" />
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="62" />
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../ui/pages/application_form.py" line="255" />
        <source>The law's decision</source>
        <translation>Kết quả theo quy định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="258" />
        <source>Age group</source>
        <translation>Nhóm tuổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="258" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="259" />
        <source>Representative</source>
        <translation>Người đại diện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="260" />
        <source>To capture</source>
        <translation>Cần thu nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="260" />
        <source>Fee</source>
        <translation>Lệ phí</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="261" />
        <source>Card valid until</source>
        <translation>Thẻ có giá trị đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="262" />
        <source>Return date</source>
        <translation>Ngày hẹn trả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="279" />
        <source>face</source>
        <translation>khuôn mặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="280" />
        <source>10 fingerprints</source>
        <translation>10 vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="281" />
        <source>iris</source>
        <translation>mống mắt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="284" />
        <source>Required (signs for the child)</source>
        <translation>Bắt buộc (ký thay cho trẻ)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="285" />
        <source>Not required</source>
        <translation>Không cần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="286" />
        <source>Nothing (no capture)</source>
        <translation>Không thu nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="288" />
        <source>Free</source>
        <translation>Miễn phí</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="291" />
        <source>No expiry</source>
        <translation>Không thời hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="299" />
        <source>Everything needed is there: the application can be checked and saved.</source>
        <translation>Đã đủ thông tin: có thể kiểm tra và lưu hồ sơ.</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <location filename="../../ui/pages/capture.py" line="215" />
        <source>Exception (needs a leader)</source>
        <translation>Ngoại lệ (lãnh đạo duyệt)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="220" />
        <source>Face</source>
        <translation>Khuôn mặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="227" />
        <source>Missing (amputated)</source>
        <translation>Mất ngón (bị cụt)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="228" />
        <source>Injured or bandaged</source>
        <translation>Bị thương, băng bó</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="229" />
        <source>Cannot be read after retries</source>
        <translation>Không lấy được sau nhiều lần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="230" />
        <source>Disability</source>
        <translation>Người khuyết tật</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="237" />
        <source>What</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="238" />
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="239" />
        <source>Leader's user name</source>
        <translation>Tài khoản lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="240" />
        <source>Leader's password</source>
        <translation>Mật khẩu lãnh đạo</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <location filename="../../ui/main_window.py" line="53" />
        <source>Căn cước Workstation</source>
        <translation>Trạm cấp thẻ căn cước</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60" />
        <source>The session was locked. Sign in again to continue; nothing you typed is lost.</source>
        <translation>Phiên làm việc đã khoá. Đăng nhập lại để tiếp tục; dữ liệu đã nhập không bị mất.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87" />
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88" />
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90" />
        <source>Repeat it</source>
        <translation>Nhập lại</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99" />
        <location filename="../../ui/main_window.py" line="117" />
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>Change password and sign in</source>
        <translation>Đổi mật khẩu và đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134" />
        <source>Type your user name and password.</source>
        <translation>Nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143" />
        <source>This is your first sign-in: choose a new password.</source>
        <translation>Đây là lần đăng nhập đầu tiên: hãy đặt mật khẩu mới.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <location filename="../../ui/main_window.py" line="173" />
        <source>Sign-in failed.</source>
        <translation>Đăng nhập không thành công.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162" />
        <source>The two new passwords differ.</source>
        <translation>Hai mật khẩu mới không giống nhau.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="236" />
        <source>Căn cước Workstation</source>
        <translation>Trạm cấp thẻ căn cước</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256" />
        <source>CĂN CƯỚC</source>
        <translation>CĂN CƯỚC</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266" />
        <source>Lock (Ctrl+L)</source>
        <translation>Khoá màn hình (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293" />
        <source>Camera</source>
        <translation>Máy ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293" />
        <source>Scanner</source>
        <translation>Máy vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294" />
        <source>Card reader</source>
        <translation>Đầu đọc thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294" />
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403" />
        <source>Connected and working.</source>
        <translation>Đã kết nối và hoạt động.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="404" />
        <source>Working with the simulator (no real device).</source>
        <translation>Đang dùng thiết bị mô phỏng (không có thiết bị thật).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="405" />
        <source>Not answering: check the cable and the power, then press Refresh in Administration → Devices.</source>
        <translation>Không phản hồi: kiểm tra cáp và nguồn điện, rồi chạy tự kiểm tra trong Quản trị → Thiết bị.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="407" />
        <source>This device's software is not installed on this station.</source>
        <translation>Phần mềm của thiết bị này chưa được cài trên máy.</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../ui/pages/reception.py" line="50" />
        <source>Find a person</source>
        <translation>Tìm công dân</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="53" />
        <source>ID number, name, or scan the card's QR code</source>
        <translation>Số định danh, họ tên, mã QR</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="58" />
        <source>Born (yyyy)</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="63" />
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="64" />
        <source>Read chip card</source>
        <translation>Đọc chip thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="74" />
        <source>Person in the records</source>
        <translation>Thông tin trong cơ sở dữ liệu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="75" />
        <source>Search, then pick a person.</source>
        <translation>Tìm kiếm rồi chọn một người.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="84" />
        <location filename="../../ui/pages/reception.py" line="221" />
        <source>New application for this person</source>
        <translation>Lập hồ sơ cho người này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="99" />
        <source>No application open.</source>
        <translation>Chưa mở hồ sơ nào.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="105" />
        <source>Check and continue (F9)</source>
        <translation>Kiểm tra và tiếp tục (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="108" />
        <location filename="../../ui/pages/reception.py" line="390" />
        <source>Read the representative's card</source>
        <translation>Đọc thẻ người đại diện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="111" />
        <source>New (Ctrl+N)</source>
        <translation>Hồ sơ mới (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="113" />
        <location filename="../../ui/pages/reception.py" line="357" />
        <source>Cancel application</source>
        <translation>Huỷ hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="123" />
        <source>Reception</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="138" />
        <source>Your unfinished draft %1 was restored.</source>
        <translation>Đã mở lại hồ sơ nháp %1 chưa hoàn thành.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="145" />
        <source>Type an ID number or a name to search.</source>
        <translation>Nhập số định danh hoặc họ tên để tìm.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="168" />
        <source>Nobody found. Check the spelling, or type the ID number.</source>
        <translation>Không tìm thấy. Kiểm tra lại chính tả hoặc nhập số định danh.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="187" />
        <source>Not in the population records.</source>
        <translation>Không có trong cơ sở dữ liệu dân cư.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="190" />
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="190" />
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="193" />
        <source>%1 years old</source>
        <translation>%1 tuổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="194" />
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="200" />
        <source>Household %1</source>
        <translation>Hộ %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="205" />
        <source>Open application %1</source>
        <translation>Hồ sơ đang xử lý %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="209" />
        <source>Father</source>
        <translation>Cha</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="209" />
        <source>Mother</source>
        <translation>Mẹ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="210" />
        <source>Guardian</source>
        <translation>Người giám hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="213" />
        <source>representative</source>
        <translation>người đại diện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="216" />
        <source>Not in the records as an adult.</source>
        <translation>Không có trong hồ sơ dân cư là người thành niên.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="220" />
        <source>Open the application</source>
        <translation>Mở hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="254" />
        <source>New application: it is saved as you type.</source>
        <translation>Hồ sơ mới: được lưu ngay khi nhập.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="271" />
        <source>Application %1 · %2 · saved at %3</source>
        <translation>Hồ sơ %1 · %2 · đã lưu lúc %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="348" />
        <source>Application %1 checked.</source>
        <translation>Hồ sơ %1 đã được kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="358" />
        <source>Why is the application cancelled?</source>
        <translation>Lý do huỷ hồ sơ?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="365" />
        <source>Application %1 cancelled.</source>
        <translation>Đã huỷ hồ sơ %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="374" />
        <source>Read the applicant's card</source>
        <translation>Đọc thẻ của người đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="384" />
        <source>Card read: the form is filled from the chip.</source>
        <translation>Đã đọc thẻ: phiếu được điền từ chip.</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="39" />
        <source>Find the application</source>
        <translation>Tìm hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="43" />
        <source>Application number, or scan the slip's QR code</source>
        <translation>Số hồ sơ, hoặc quét mã QR trên giấy hẹn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="45" />
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="48" />
        <source>Application</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="50" />
        <source>Number</source>
        <translation>Số hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="50" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="51" />
        <source>Applicant</source>
        <translation>Người đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="51" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="52" />
        <source>Representative</source>
        <translation>Người đại diện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="53" />
        <source>Old document</source>
        <translation>Giấy tờ cũ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="53" />
        <source>Return date</source>
        <translation>Ngày hẹn trả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="54" />
        <source>New card</source>
        <translation>Thẻ mới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="58" />
        <source>Handover</source>
        <translation>Trả thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="59" />
        <source>The new card has arrived</source>
        <translation>Đã nhận thẻ mới về</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="61" />
        <source>Verify the new card by its chip</source>
        <translation>Kiểm tra thẻ mới bằng chip</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="66" />
        <source>Old document collected</source>
        <translation>Đã thu lại giấy tờ cũ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="70" />
        <source>Handed to the holder</source>
        <translation>Trả cho người được cấp thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="71" />
        <source>Handed to the representative</source>
        <translation>Trả cho người đại diện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="72" />
        <source>Print the handover record</source>
        <translation>In biên bản giao nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="74" />
        <source>Hand over the card</source>
        <translation>Trả thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="87" />
        <source>Printed document</source>
        <translation>Giấy tờ đã in</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="94" />
        <source>Return counter</source>
        <translation>Trả thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="105" />
        <source>Type or scan the application number.</source>
        <translation>Nhập hoặc quét số hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="111" />
        <source>No application %1.</source>
        <translation>Không có hồ sơ %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="134" />
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="136" />
        <source>None (first card)</source>
        <translation>Không có (cấp lần đầu)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="163" />
        <source>Read the new card</source>
        <translation>Đọc thẻ mới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="188" />
        <source>Sent to the printer.</source>
        <translation>Đã gửi tới máy in.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="189" />
        <source>The printer did not take the document; it waits in the queue. %1</source>
        <translation>Máy in chưa nhận lệnh in; giấy tờ được giữ trong hàng đợi. %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="201" />
        <source>Card of application %1 handed over.</source>
        <translation>Đã trả thẻ của hồ sơ %1.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/pages/review.py" line="37" />
        <source>Open an application from the worklist.</source>
        <translation>Mở một hồ sơ từ danh sách hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="41" />
        <source>Applicant</source>
        <translation>Người đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="43" />
        <source>Full name</source>
        <translation>Họ, chữ đệm và tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="44" />
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="45" />
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="46" />
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="46" />
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="47" />
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="48" />
        <source>Home town</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="49" />
        <source>Residence</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="53" />
        <source>Request and decision</source>
        <translation>Đề nghị và kết quả kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="55" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="55" />
        <source>Age group</source>
        <translation>Nhóm tuổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="56" />
        <source>Document held</source>
        <translation>Giấy tờ đang dùng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="57" />
        <source>Representative</source>
        <translation>Người đại diện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="58" />
        <source>Captured</source>
        <translation>Đã thu nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="58" />
        <source>Fee</source>
        <translation>Lệ phí</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="59" />
        <source>Card valid until</source>
        <translation>Thẻ có giá trị đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="60" />
        <source>Return date</source>
        <translation>Ngày hẹn trả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="61" />
        <source>Contact</source>
        <translation>Liên hệ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="61" />
        <source>Card returned</source>
        <translation>Nơi trả thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="62" />
        <source>Notes</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="72" />
        <source>Steps</source>
        <translation>Các bước</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="73" />
        <source>1. Print the CC01 sheet to sign</source>
        <translation>1. In phiếu CC01 để ký</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="77" />
        <source>Signed by the applicant</source>
        <translation>Người đề nghị ký</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="78" />
        <source>Signed by the representative</source>
        <translation>Người đại diện ký</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="79" />
        <source>2. Confirm: CC01 signed</source>
        <translation>2. Xác nhận: đã ký phiếu CC01</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="83" />
        <source>3. Take the fee and print the receipt</source>
        <translation>3. Thu lệ phí và in biên lai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="85" />
        <source>4. Submit and print the appointment slip (CC02)</source>
        <translation>4. Chuyển xử lý và in giấy hẹn (CC02)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="87" />
        <source>Reject…</source>
        <translation>Từ chối…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="93" />
        <source>Printed document</source>
        <translation>Giấy tờ đã in</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="103" />
        <source>Review and confirm</source>
        <translation>Kiểm tra và xác nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="116" />
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="116" />
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="125" />
        <source>records: %1</source>
        <translation>hồ sơ dân cư: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="129" />
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="132" />
        <source>Not required</source>
        <translation>Không cần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="133" />
        <source>face</source>
        <translation>khuôn mặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="134" />
        <source>fingerprints</source>
        <translation>vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="135" />
        <source>iris</source>
        <translation>mống mắt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="136" />
        <source>Free</source>
        <translation>Miễn phí</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="138" />
        <source>paid, receipt %1</source>
        <translation>đã nộp, biên lai %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="144" />
        <source>Nothing (not required at this age)</source>
        <translation>Không (độ tuổi này không thu nhận)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="147" />
        <source>No expiry</source>
        <translation>Không thời hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="150" />
        <source>By post: %1</source>
        <translation>Qua bưu chính: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="151" />
        <source>At the counter</source>
        <translation>Tại bộ phận một cửa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="155" />
        <source>Fee: %1</source>
        <translation>Lệ phí: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="159" />
        <source>verified in the records</source>
        <translation>đã xác minh trong hồ sơ dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="160" />
        <source>verified by chip</source>
        <translation>đã xác minh bằng chip</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="161" />
        <source>checked on documents</source>
        <translation>đã kiểm tra giấy tờ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="162" />
        <source>not verified</source>
        <translation>chưa xác minh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="197" />
        <source>Sent to the printer.</source>
        <translation>Đã gửi tới máy in.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="199" />
        <source>The printer did not take the document; it waits in the queue and is printed when the printer is back. %1</source>
        <translation>Máy in chưa nhận lệnh in; giấy tờ được giữ trong hàng đợi và sẽ in khi máy in hoạt động lại. %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="208" />
        <source>Application %1 confirmed.</source>
        <translation>Hồ sơ %1 đã được xác nhận.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="238" />
        <source>Reject the application</source>
        <translation>Từ chối hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="239" />
        <source>Why is the application rejected?</source>
        <translation>Lý do từ chối hồ sơ?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="243" />
        <source>Application %1 rejected.</source>
        <translation>Đã từ chối hồ sơ %1.</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <location filename="../../ui/pages/worklist.py" line="36" />
        <source>Applications</source>
        <extracomment>Which page continues an application in each state.</extracomment>
        <translation>Danh sách hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="39" />
        <source>All open applications</source>
        <translation>Hồ sơ đang xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="40" />
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="44" />
        <source>Received today</source>
        <translation>Tiếp nhận hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="49" />
        <source>Application number or ID number</source>
        <translation>Số hồ sơ hoặc số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="55" />
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="73" />
        <source>Open (Enter)</source>
        <translation>Mở (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="78" />
        <source>Worklist</source>
        <translation>Danh sách hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="101" />
        <source>%1 applications</source>
        <translation>%1 hồ sơ</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/dialogs.py" line="79" />
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
</context>
</TS>
