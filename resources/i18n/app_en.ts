<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/pages/admin.py" line="43" />
        <source>Station code</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="43" />
        <source>Station name</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="44" />
        <location filename="../../ui/pages/admin.py" line="121" />
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="44" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="56" />
        <source>Large font for the counter screen</source>
        <translation>Large font for the counter screen</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="60" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="62" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="64" />
        <source>Lock after idle</source>
        <translation>Lock after idle</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="65" />
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="67" />
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="70" />
        <source>Staff accounts</source>
        <translation>Staff accounts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="73" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="73" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="74" />
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="74" />
        <location filename="../../ui/pages/admin.py" line="101" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="79" />
        <source>user name</source>
        <translation>user name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="81" />
        <source>full name</source>
        <translation>full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="83" />
        <source>Reception</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="83" />
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="84" />
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="84" />
        <source>Leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="85" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="90" />
        <source>temporary password</source>
        <translation>temporary password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="92" />
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="95" />
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="98" />
        <location filename="../../ui/pages/admin.py" line="114" />
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="101" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="102" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="105" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="105" />
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="106" />
        <source>Card reader</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="106" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="110" />
        <source>Start-of-day self-test</source>
        <translation>Start-of-day self-test</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="118" />
        <source>The station's own days (local holidays, make-up working days)</source>
        <translation>The station's own days (local holidays, make-up working days)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="121" />
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="122" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="131" />
        <location filename="../../ui/pages/admin.py" line="165" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="132" />
        <location filename="../../ui/pages/admin.py" line="165" />
        <source>Open (make-up day)</source>
        <translation>Open (make-up day)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="135" />
        <source>reason</source>
        <translation>reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="138" />
        <source>Save the day</source>
        <translation>Save the day</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="140" />
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="143" />
        <source>Public holidays and fees shipped with the program</source>
        <translation>Public holidays and fees shipped with the program</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="149" />
        <source>Holidays and fees</source>
        <translation>Holidays and fees</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="152" />
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="177" />
        <source>Type the dates as dd/mm/yyyy.</source>
        <translation>Type the dates as dd/mm/yyyy.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="189" />
        <source>Saved. New return dates follow it.</source>
        <translation>Saved. New return dates follow it.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="223" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="223" />
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="224" />
        <source>Locked (too many failed sign-ins)</source>
        <translation>Locked (too many failed sign-ins)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="225" />
        <source>Must change the password</source>
        <translation>Must change the password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="248" />
        <source>Account created; the password must be changed at first sign-in.</source>
        <translation>Account created; the password must be changed at first sign-in.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="276" />
        <source>Settings saved. Language changes apply at the next start.</source>
        <translation>Settings saved. Language changes apply at the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="285" />
        <source>Working</source>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="285" />
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="286" />
        <source>Not answering</source>
        <translation>Not answering</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="286" />
        <source>Not installed</source>
        <translation>Not installed</translation>
    </message>
</context>
<context>
    <name>ApplicationForm</name>
    <message>
        <location filename="../../ui/pages/application_form.py" line="48" />
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="49" />
        <source>Personal ID number</source>
        <translation>Personal ID number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="50" />
        <location filename="../../ui/pages/application_form.py" line="101" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="51" />
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="52" />
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="52" />
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="53" />
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="54" />
        <source>Ethnicity</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="55" />
        <source>Residence</source>
        <translation>Residence</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="57" />
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="58" />
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="61" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="62" />
        <source>(none: first issue)</source>
        <translation>(none: first issue)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="63" />
        <source>Converting a CCCD</source>
        <translation>Converting a CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="64" />
        <source>Age milestone (14, 25, 40, 60)</source>
        <translation>Age milestone (14, 25, 40, 60)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="65" />
        <source>Name or date of birth changed</source>
        <translation>Name or date of birth changed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="66" />
        <source>Identity features changed</source>
        <translation>Identity features changed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="67" />
        <source>Error printed on the card</source>
        <translation>Error printed on the card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="68" />
        <source>Error made by the agency</source>
        <translation>Error made by the agency</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="69" />
        <source>Administrative units reorganised</source>
        <translation>Administrative units reorganised</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="70" />
        <source>ID number re-established</source>
        <translation>ID number re-established</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="71" />
        <source>Holder's request</source>
        <translation>Holder's request</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="72" />
        <source>Lost or damaged</source>
        <translation>Lost or damaged</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="73" />
        <source>Nationality regained</source>
        <translation>Nationality regained</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="74" />
        <source>Document held</source>
        <translation>Document held</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="75" />
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="76" />
        <source>Căn cước card</source>
        <translation>Căn cước card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="77" />
        <source>Its number</source>
        <translation>Its number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="78" />
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="79" />
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="80" />
        <source>Disability</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="81" />
        <source>Meritorious service</source>
        <translation>Meritorious service</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="82" />
        <source>Ethnic minority, hardship commune</source>
        <translation>Ethnic minority, hardship commune</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="83" />
        <source>Border or island resident</source>
        <translation>Border or island resident</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="84" />
        <source>Poor household</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="96" />
        <source>Fee exemption</source>
        <translation>Fee exemption</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="98" />
        <source>Legal representative</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="100" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="102" />
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="103" />
        <source>Father</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="103" />
        <source>Mother</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="104" />
        <source>Guardian</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="104" />
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="105" />
        <source>Proof of representation</source>
        <translation>Proof of representation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="111" />
        <source>Contact and return</source>
        <translation>Contact and return</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="112" />
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="113" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="114" />
        <source>Level-2 electronic ID account too</source>
        <translation>Level-2 electronic ID account too</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="119" />
        <source>Card returned</source>
        <translation>Card returned</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="120" />
        <source>At the counter</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="120" />
        <source>By post (citizen pays)</source>
        <translation>By post (citizen pays)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="121" />
        <source>Postal address</source>
        <translation>Postal address</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="213" />
        <source>Verified by reading the representative's card.</source>
        <translation>Verified by reading the representative's card.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="214" />
        <source>Linked to the applicant in the population records.</source>
        <translation>Linked to the applicant in the population records.</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <location filename="../../ui/itemmodels.py" line="34" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="35" />
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="36" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="37" />
        <source>Age group</source>
        <translation>Age group</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="38" />
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="39" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="40" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/itemmodels.py" line="41" />
        <source>Return date</source>
        <translation>Return date</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="113" />
        <source>Leader's approval</source>
        <translation>Leader's approval</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="122" />
        <source>Leader's user name</source>
        <translation>Leader's user name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="123" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>CapturePage</name>
    <message>
        <location filename="../../ui/pages/capture.py" line="35" />
        <source>Open a checked application from the worklist.</source>
        <translation>Open a checked application from the worklist.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="49" />
        <source>Face photo</source>
        <translation>Face photo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="50" />
        <source>Fingerprints</source>
        <translation>Fingerprints</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="54" />
        <source>Required for this applicant</source>
        <translation>Required for this applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="60" />
        <location filename="../../ui/pages/capture.py" line="113" />
        <source>Iris: no iris camera at this counter — not available.</source>
        <translation>Iris: no iris camera at this counter — not available.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="65" />
        <source>Exception (needs a leader)…</source>
        <translation>Exception (needs a leader)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="198" />
        <source>A leader approves the exception: %1</source>
        <translation>A leader approves the exception: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="120" />
        <source>Face</source>
        <translation>Face</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="68" />
        <source>Capture complete → review (F10)</source>
        <translation>Capture complete → review (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="81" />
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="112" />
        <source>Iris: with the fingerprint panel's iris camera.</source>
        <translation>Iris: with the fingerprint panel's iris camera.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="114" />
        <source>Right eye</source>
        <translation>Right eye</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="114" />
        <source>Left eye</source>
        <translation>Left eye</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="126" />
        <source>Nothing to capture at this age.</source>
        <translation>Nothing to capture at this age.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="19" />
        <source>Right thumb</source>
        <translation>Right thumb</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="21" />
        <source>Right index</source>
        <translation>Right index</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="23" />
        <source>Right middle</source>
        <translation>Right middle</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="25" />
        <source>Right ring</source>
        <translation>Right ring</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="27" />
        <source>Right little</source>
        <translation>Right little</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="29" />
        <source>Left thumb</source>
        <translation>Left thumb</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="31" />
        <source>Left index</source>
        <translation>Left index</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="33" />
        <source>Left middle</source>
        <translation>Left middle</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="35" />
        <source>Left ring</source>
        <translation>Left ring</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="37" />
        <source>Left little</source>
        <translation>Left little</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="115" />
        <source>The camera widget is not installed on this station.</source>
        <translation>The camera widget is not installed on this station.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="140" />
        <source>The fingerprint panel is not installed on this station.</source>
        <translation>The fingerprint panel is not installed on this station.</translation>
    </message>
</context>
<context>
    <name>ChipKeyDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="160" />
        <source>Place the card on the reader and type what is printed on it.</source>
        <translation>Place the card on the reader and type what is printed on it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="169" />
        <source>dd/mm/yyyy, empty if no expiry</source>
        <translation>dd/mm/yyyy, empty if no expiry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="170" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="171" />
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="172" />
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="192" />
        <source>The ID number has 12 digits.</source>
        <translation>The ID number has 12 digits.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="194" />
        <source>Type the dates as dd/mm/yyyy.</source>
        <translation>Type the dates as dd/mm/yyyy.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="47" />
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="50" />
        <source>The program met an unexpected problem. Your saved work is safe: drafts are saved as you type. You can carry on, or copy the details for the station's IT person.</source>
        <translation>The program met an unexpected problem. Your saved work is safe: drafts are saved as you type. You can carry on, or copy the details for the station's IT person.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="60" />
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="62" />
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../ui/pages/application_form.py" line="255" />
        <source>The law's decision</source>
        <translation>The law's decision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="258" />
        <source>Age group</source>
        <translation>Age group</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="258" />
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="259" />
        <source>Representative</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="260" />
        <source>To capture</source>
        <translation>To capture</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="260" />
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="261" />
        <source>Card valid until</source>
        <translation>Card valid until</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="262" />
        <source>Return date</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="279" />
        <source>face</source>
        <translation>face</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="280" />
        <source>10 fingerprints</source>
        <translation>10 fingerprints</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="281" />
        <source>iris</source>
        <translation>iris</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="284" />
        <source>Required (signs for the child)</source>
        <translation>Required (signs for the child)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="285" />
        <source>Not required</source>
        <translation>Not required</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="286" />
        <source>Nothing (no capture)</source>
        <translation>Nothing (no capture)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="288" />
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="291" />
        <source>No expiry</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="299" />
        <source>Everything needed is there: the application can be checked and saved.</source>
        <translation>Everything needed is there: the application can be checked and saved.</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <location filename="../../ui/pages/capture.py" line="215" />
        <source>Exception (needs a leader)</source>
        <translation>Exception (needs a leader)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="220" />
        <source>Face</source>
        <translation>Face</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="227" />
        <source>Missing (amputated)</source>
        <translation>Missing (amputated)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="228" />
        <source>Injured or bandaged</source>
        <translation>Injured or bandaged</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="229" />
        <source>Cannot be read after retries</source>
        <translation>Cannot be read after retries</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="230" />
        <source>Disability</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="237" />
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="238" />
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="239" />
        <source>Leader's user name</source>
        <translation>Leader's user name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="240" />
        <source>Leader's password</source>
        <translation>Leader's password</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <location filename="../../ui/main_window.py" line="53" />
        <source>Căn cước Workstation</source>
        <translation>Căn cước Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60" />
        <source>The session was locked. Sign in again to continue; nothing you typed is lost.</source>
        <translation>The session was locked. Sign in again to continue; nothing you typed is lost.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90" />
        <source>Repeat it</source>
        <translation>Repeat it</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99" />
        <location filename="../../ui/main_window.py" line="117" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>Change password and sign in</source>
        <translation>Change password and sign in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134" />
        <source>Type your user name and password.</source>
        <translation>Type your user name and password.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143" />
        <source>This is your first sign-in: choose a new password.</source>
        <translation>This is your first sign-in: choose a new password.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <location filename="../../ui/main_window.py" line="173" />
        <source>Sign-in failed.</source>
        <translation>Sign-in failed.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162" />
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="236" />
        <source>Căn cước Workstation</source>
        <translation>Căn cước Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256" />
        <source>CĂN CƯỚC</source>
        <translation>CĂN CƯỚC</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266" />
        <source>Lock (Ctrl+L)</source>
        <translation>Lock (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293" />
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294" />
        <source>Card reader</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403" />
        <source>Connected and working.</source>
        <translation>Connected and working.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="404" />
        <source>Working with the simulator (no real device).</source>
        <translation>Working with the simulator (no real device).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="405" />
        <source>Not answering: check the cable and the power, then press Refresh in Administration → Devices.</source>
        <translation>Not answering: check the cable and the power, then press Refresh in Administration → Devices.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="407" />
        <source>This device's software is not installed on this station.</source>
        <translation>This device's software is not installed on this station.</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../ui/pages/reception.py" line="50" />
        <source>Find a person</source>
        <translation>Find a person</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="53" />
        <source>ID number, name, or scan the card's QR code</source>
        <translation>ID number, name, or scan the card's QR code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="58" />
        <source>Born (yyyy)</source>
        <translation>Born (yyyy)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="63" />
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="64" />
        <source>Read chip card</source>
        <translation>Read chip card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="74" />
        <source>Person in the records</source>
        <translation>Person in the records</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="75" />
        <source>Search, then pick a person.</source>
        <translation>Search, then pick a person.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="84" />
        <location filename="../../ui/pages/reception.py" line="221" />
        <source>New application for this person</source>
        <translation>New application for this person</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="99" />
        <source>No application open.</source>
        <translation>No application open.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="105" />
        <source>Check and continue (F9)</source>
        <translation>Check and continue (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="108" />
        <location filename="../../ui/pages/reception.py" line="390" />
        <source>Read the representative's card</source>
        <translation>Read the representative's card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="111" />
        <source>New (Ctrl+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="113" />
        <location filename="../../ui/pages/reception.py" line="357" />
        <source>Cancel application</source>
        <translation>Cancel application</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="123" />
        <source>Reception</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="138" />
        <source>Your unfinished draft %1 was restored.</source>
        <translation>Your unfinished draft %1 was restored.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="145" />
        <source>Type an ID number or a name to search.</source>
        <translation>Type an ID number or a name to search.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="168" />
        <source>Nobody found. Check the spelling, or type the ID number.</source>
        <translation>Nobody found. Check the spelling, or type the ID number.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="187" />
        <source>Not in the population records.</source>
        <translation>Not in the population records.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="190" />
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="190" />
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="193" />
        <source>%1 years old</source>
        <translation>%1 years old</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="194" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="200" />
        <source>Household %1</source>
        <translation>Household %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="205" />
        <source>Open application %1</source>
        <translation>Open application %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="209" />
        <source>Father</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="209" />
        <source>Mother</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="210" />
        <source>Guardian</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="213" />
        <source>representative</source>
        <translation>representative</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="216" />
        <source>Not in the records as an adult.</source>
        <translation>Not in the records as an adult.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="220" />
        <source>Open the application</source>
        <translation>Open the application</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="254" />
        <source>New application: it is saved as you type.</source>
        <translation>New application: it is saved as you type.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="271" />
        <source>Application %1 · %2 · saved at %3</source>
        <translation>Application %1 · %2 · saved at %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="348" />
        <source>Application %1 checked.</source>
        <translation>Application %1 checked.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="358" />
        <source>Why is the application cancelled?</source>
        <translation>Why is the application cancelled?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="365" />
        <source>Application %1 cancelled.</source>
        <translation>Application %1 cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="374" />
        <source>Read the applicant's card</source>
        <translation>Read the applicant's card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="384" />
        <source>Card read: the form is filled from the chip.</source>
        <translation>Card read: the form is filled from the chip.</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="39" />
        <source>Find the application</source>
        <translation>Find the application</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="43" />
        <source>Application number, or scan the slip's QR code</source>
        <translation>Application number, or scan the slip's QR code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="45" />
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="48" />
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="50" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="50" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="51" />
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="51" />
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="52" />
        <source>Representative</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="53" />
        <source>Old document</source>
        <translation>Old document</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="53" />
        <source>Return date</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="54" />
        <source>New card</source>
        <translation>New card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="58" />
        <source>Handover</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="59" />
        <source>The new card has arrived</source>
        <translation>The new card has arrived</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="61" />
        <source>Verify the new card by its chip</source>
        <translation>Verify the new card by its chip</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="66" />
        <source>Old document collected</source>
        <translation>Old document collected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="70" />
        <source>Handed to the holder</source>
        <translation>Handed to the holder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="71" />
        <source>Handed to the representative</source>
        <translation>Handed to the representative</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="72" />
        <source>Print the handover record</source>
        <translation>Print the handover record</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="74" />
        <source>Hand over the card</source>
        <translation>Hand over the card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="87" />
        <source>Printed document</source>
        <translation>Printed document</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="94" />
        <source>Return counter</source>
        <translation>Return counter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="105" />
        <source>Type or scan the application number.</source>
        <translation>Type or scan the application number.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="111" />
        <source>No application %1.</source>
        <translation>No application %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="134" />
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="136" />
        <source>None (first card)</source>
        <translation>None (first card)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="163" />
        <source>Read the new card</source>
        <translation>Read the new card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="188" />
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="189" />
        <source>The printer did not take the document; it waits in the queue. %1</source>
        <translation>The printer did not take the document; it waits in the queue. %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="201" />
        <source>Card of application %1 handed over.</source>
        <translation>Card of application %1 handed over.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/pages/review.py" line="37" />
        <source>Open an application from the worklist.</source>
        <translation>Open an application from the worklist.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="41" />
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="43" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="44" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="45" />
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="46" />
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="46" />
        <source>Ethnicity</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="47" />
        <source>Religion</source>
        <translation>Religion</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="48" />
        <source>Home town</source>
        <translation>Home town</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="49" />
        <source>Residence</source>
        <translation>Residence</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="53" />
        <source>Request and decision</source>
        <translation>Request and decision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="55" />
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="55" />
        <source>Age group</source>
        <translation>Age group</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="56" />
        <source>Document held</source>
        <translation>Document held</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="57" />
        <source>Representative</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="58" />
        <source>Captured</source>
        <translation>Captured</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="58" />
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="59" />
        <source>Card valid until</source>
        <translation>Card valid until</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="60" />
        <source>Return date</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="61" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="61" />
        <source>Card returned</source>
        <translation>Card returned</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="62" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="72" />
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="73" />
        <source>1. Print the CC01 sheet to sign</source>
        <translation>1. Print the CC01 sheet to sign</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="77" />
        <source>Signed by the applicant</source>
        <translation>Signed by the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="78" />
        <source>Signed by the representative</source>
        <translation>Signed by the representative</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="79" />
        <source>2. Confirm: CC01 signed</source>
        <translation>2. Confirm: CC01 signed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="83" />
        <source>3. Take the fee and print the receipt</source>
        <translation>3. Take the fee and print the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="85" />
        <source>4. Submit and print the appointment slip (CC02)</source>
        <translation>4. Submit and print the appointment slip (CC02)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="87" />
        <source>Reject…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="93" />
        <source>Printed document</source>
        <translation>Printed document</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="103" />
        <source>Review and confirm</source>
        <translation>Review and confirm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="116" />
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="116" />
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="125" />
        <source>records: %1</source>
        <translation>records: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="129" />
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="132" />
        <source>Not required</source>
        <translation>Not required</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="133" />
        <source>face</source>
        <translation>face</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="134" />
        <source>fingerprints</source>
        <translation>fingerprints</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="135" />
        <source>iris</source>
        <translation>iris</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="136" />
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="138" />
        <source>paid, receipt %1</source>
        <translation>paid, receipt %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="144" />
        <source>Nothing (not required at this age)</source>
        <translation>Nothing (not required at this age)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="147" />
        <source>No expiry</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="150" />
        <source>By post: %1</source>
        <translation>By post: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="151" />
        <source>At the counter</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="155" />
        <source>Fee: %1</source>
        <translation>Fee: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="159" />
        <source>verified in the records</source>
        <translation>verified in the records</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="160" />
        <source>verified by chip</source>
        <translation>verified by chip</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="161" />
        <source>checked on documents</source>
        <translation>checked on documents</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="162" />
        <source>not verified</source>
        <translation>not verified</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="197" />
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="199" />
        <source>The printer did not take the document; it waits in the queue and is printed when the printer is back. %1</source>
        <translation>The printer did not take the document; it waits in the queue and is printed when the printer is back. %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="208" />
        <source>Application %1 confirmed.</source>
        <translation>Application %1 confirmed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="238" />
        <source>Reject the application</source>
        <translation>Reject the application</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="239" />
        <source>Why is the application rejected?</source>
        <translation>Why is the application rejected?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="243" />
        <source>Application %1 rejected.</source>
        <translation>Application %1 rejected.</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <location filename="../../ui/pages/worklist.py" line="36" />
        <source>Applications</source>
        <extracomment>Which page continues an application in each state.</extracomment>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="39" />
        <source>All open applications</source>
        <translation>All open applications</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="40" />
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="44" />
        <source>Received today</source>
        <translation>Received today</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="49" />
        <source>Application number or ID number</source>
        <translation>Application number or ID number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="55" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="73" />
        <source>Open (Enter)</source>
        <translation>Open (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="78" />
        <source>Worklist</source>
        <translation>Worklist</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="101" />
        <source>%1 applications</source>
        <translation>%1 applications</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/dialogs.py" line="79" />
        <source>Cannot continue</source>
        <translation>Cannot continue</translation>
    </message>
</context>
</TS>
