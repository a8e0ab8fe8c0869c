<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/pages/admin.py" line="137" />
        <source>Station code</source>
        <translation>Station code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="137" />
        <source>Station name</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="138" />
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="138" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="151" />
        <source>Large font for the counter screen</source>
        <translation>Large font for the counter screen</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="156" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="158" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="160" />
        <source>Lock after idle</source>
        <translation>Lock after idle</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="161" />
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="119" />
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="123" />
        <source>Thresholds</source>
        <translation>Thresholds</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="124" />
        <source>Holidays</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="125" />
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="133" />
        <source>Station and counter</source>
        <translation>Station and counter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="171" />
        <source>Staff accounts</source>
        <translation>Staff accounts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="172" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="172" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="172" />
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="173" />
        <location filename="../../ui/pages/admin.py" line="203" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="181" />
        <source>user name</source>
        <translation>user name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="183" />
        <source>full name</source>
        <translation>full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="185" />
        <source>Reception</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="185" />
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="186" />
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="186" />
        <source>Leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="187" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="192" />
        <source>temporary password</source>
        <translation>temporary password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="194" />
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="120" />
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="121" />
        <location filename="../../ui/pages/admin.py" line="202" />
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="203" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="203" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="207" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="207" />
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="208" />
        <source>Card reader</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="122" />
        <location filename="../../ui/pages/admin.py" line="208" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="173" />
        <source>Approval card</source>
        <translation>Approval card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="176" />
        <source>Register the leader's card…</source>
        <translation>Register the leader's card…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="178" />
        <source>Remove the registered card</source>
        <translation>Remove the registered card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="213" />
        <source>The self-test checks the camera, the fingerprint scanner and the card reader, and prints one test page on the chosen printer.</source>
        <translation>The self-test checks the camera, the fingerprint scanner and the card reader, and prints one test page on the chosen printer.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="226" />
        <source>Start-of-day self-test</source>
        <translation>Start-of-day self-test</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="238" />
        <source>Printer for forms, slips and receipts</source>
        <translation>Printer for forms, slips and receipts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="244" />
        <source>PDF files in a folder</source>
        <translation>PDF files in a folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="245" />
        <location filename="../../ui/pages/admin.py" line="265" />
        <source>CUPS printer</source>
        <translation>CUPS printer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="251" />
        <source>Print to</source>
        <translation>Print to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="259" />
        <source>name of the CUPS queue</source>
        <translation>name of the CUPS queue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="260" />
        <source>Find printers</source>
        <translation>Find printers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="274" />
        <source>empty: the program's data folder / printed</source>
        <translation>empty: the program's data folder / printed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="275" />
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="279" />
        <location filename="../../ui/pages/admin.py" line="552" />
        <source>PDF folder</source>
        <translation>PDF folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="286" />
        <source>Paper for forms</source>
        <translation>Paper for forms</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="289" />
        <source>80 mm receipt roll</source>
        <translation>80 mm receipt roll</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="293" />
        <source>Paper for slips and receipts</source>
        <translation>Paper for slips and receipts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="298" />
        <source>usb:VID:PID, tcp:HOST:PORT or serial:DEVICE; empty: none</source>
        <translation>usb:VID:PID, tcp:HOST:PORT or serial:DEVICE; empty: none</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="299" />
        <source>Receipt printer (ESC/POS)</source>
        <translation>Receipt printer (ESC/POS)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="310" />
        <source>Print test page</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="312" />
        <source>Save printer settings</source>
        <translation>Save printer settings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="325" />
        <source>Good frames in a row before the photo</source>
        <translation>Good frames in a row before the photo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="326" />
        <source>Least sharpness of the face</source>
        <translation>Least sharpness of the face</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="327" />
        <source>Largest head tilt</source>
        <translation>Largest head tilt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="328" />
        <source>Largest head turn</source>
        <translation>Largest head turn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="329" />
        <source>Largest offset from the guide centre</source>
        <translation>Largest offset from the guide centre</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="330" />
        <source>Smallest head height (share of the frame)</source>
        <translation>Smallest head height (share of the frame)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="331" />
        <source>Largest head height (share of the frame)</source>
        <translation>Largest head height (share of the frame)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="332" />
        <source>Darkest face (grey level)</source>
        <translation>Darkest face (grey level)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="333" />
        <source>Brightest face (grey level)</source>
        <translation>Brightest face (grey level)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="334" />
        <source>Largest share of clipped pixels</source>
        <translation>Largest share of clipped pixels</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="335" />
        <source>Least contrast of the face</source>
        <translation>Least contrast of the face</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="336" />
        <source>Most uneven background</source>
        <translation>Most uneven background</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="337" />
        <source>Least quality per finger (0–100)</source>
        <translation>Least quality per finger (0–100)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="338" />
        <source>Attempts per finger before an exception</source>
        <translation>Attempts per finger before an exception</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="339" />
        <source>Time allowed for one capture</source>
        <translation>Time allowed for one capture</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="342" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="350" />
        <source>Face photo (camera)</source>
        <translation>Face photo (camera)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="351" />
        <source>Fingerprints (scanner)</source>
        <translation>Fingerprints (scanner)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="378" />
        <source>Save thresholds</source>
        <translation>Save thresholds</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="380" />
        <source>Restore the defaults</source>
        <translation>Restore the defaults</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="390" />
        <source>The station's own days (local holidays, make-up working days)</source>
        <translation>The station's own days (local holidays, make-up working days)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="391" />
        <location filename="../../ui/pages/admin.py" line="413" />
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="391" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="391" />
        <location filename="../../ui/pages/admin.py" line="413" />
        <source>Day type</source>
        <translation>Day type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="400" />
        <location filename="../../ui/pages/admin.py" line="718" />
        <location filename="../../ui/pages/admin.py" line="771" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="401" />
        <location filename="../../ui/pages/admin.py" line="717" />
        <location filename="../../ui/pages/admin.py" line="770" />
        <source>Open (make-up day)</source>
        <translation>Open (make-up day)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="404" />
        <source>reason</source>
        <translation>reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="407" />
        <source>Save the day</source>
        <translation>Save the day</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="409" />
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="413" />
        <source>Holiday</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="426" />
        <location filename="../../ui/pages/admin.py" line="436" />
        <source>Fee case</source>
        <translation>Fee case</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="426" />
        <source>Rate or reduction</source>
        <translation>Rate or reduction</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="427" />
        <location filename="../../ui/pages/admin.py" line="437" />
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="427" />
        <location filename="../../ui/pages/admin.py" line="438" />
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="433" />
        <source>Rates entered by the station</source>
        <translation>Rates entered by the station</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="434" />
        <source>A new circular's rate, entered before the program is updated; it wins over the shipped rate on its days.</source>
        <translation>A new circular's rate, entered before the program is updated; it wins over the shipped rate on its days.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="436" />
        <source>Rate no.</source>
        <translation>Rate no.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="465" />
        <source>legal source, e.g. Circular 12/2027/TT-BTC</source>
        <translation>legal source, e.g. Circular 12/2027/TT-BTC</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="473" />
        <source>last day of the selected rate</source>
        <translation>last day of the selected rate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="539" />
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="708" />
        <source>Thresholds saved. The capture uses them from the next applicant on.</source>
        <translation>Thresholds saved. The capture uses them from the next applicant on.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="776" />
        <source>at the counter</source>
        <translation>at the counter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="877" />
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="884" />
        <source>Choose an account in the table first.</source>
        <translation>Choose an account in the table first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="910" />
        <source>The card is registered: %1 can approve exceptions with it.</source>
        <translation>The card is registered: %1 can approve exceptions with it.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="928" />
        <source>The registered card was removed.</source>
        <translation>The registered card was removed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="929" />
        <source>This account has no registered card.</source>
        <translation>This account has no registered card.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="955" />
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="960" />
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="968" />
        <source>Working with the simulator (no real device).</source>
        <translation>Working with the simulator (no real device).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="978" />
        <source>The devices are not started in this window.</source>
        <translation>The devices are not started in this window.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="1000" />
        <source>Testing: %1</source>
        <translation>Testing: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="1035" />
        <source>Self-test finished: check %1.</source>
        <translation>Self-test finished: check %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="1038" />
        <source>Self-test finished: every device answered.</source>
        <translation>Self-test finished: every device answered.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="490" />
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="727" />
        <source>Type the dates as dd/mm/yyyy.</source>
        <translation>Type the dates as dd/mm/yyyy.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="739" />
        <source>Saved. New return dates follow it.</source>
        <translation>Saved. New return dates follow it.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="870" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="870" />
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="871" />
        <source>Locked (too many failed sign-ins)</source>
        <translation>Locked (too many failed sign-ins)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="872" />
        <source>Must change the password</source>
        <translation>Must change the password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="948" />
        <source>Account created; the password must be changed at first sign-in.</source>
        <translation>Account created; the password must be changed at first sign-in.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="412" />
        <source>Public holidays shipped with the program</source>
        <translation>Public holidays shipped with the program</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="373" />
        <source>The capture uses the saved values from the next applicant on. The idle lock is set in the Station tab.</source>
        <translation>The capture uses the saved values from the next applicant on. The idle lock is set in the Station tab.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="424" />
        <source>Fee rates shipped with the program (base rate per card and temporary reductions)</source>
        <translation>Fee rates shipped with the program (base rate per card and temporary reductions)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="428" />
        <location filename="../../ui/pages/admin.py" line="439" />
        <source>Legal source</source>
        <translation>Legal source</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="437" />
        <source>Base rate</source>
        <translation>Base rate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="438" />
        <source>Entered by</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="450" />
        <source>base rate, đồng</source>
        <translation>base rate, đồng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="455" />
        <source>from dd/mm/yyyy</source>
        <translation>from dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="460" />
        <source>to (optional)</source>
        <translation>to (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="469" />
        <source>Add rate</source>
        <translation>Add rate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="480" />
        <source>End on this day</source>
        <translation>End on this day</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="482" />
        <source>Remove (entered by mistake)</source>
        <translation>Remove (entered by mistake)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="565" />
        <source>Printers found: %1</source>
        <translation>Printers found: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="566" />
        <source>No CUPS printer found: CUPS is not installed or not running here. You can still type the queue name, or print to the PDF folder.</source>
        <translation>No CUPS printer found: CUPS is not installed or not running here. You can still type the queue name, or print to the PDF folder.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="580" />
        <source>Choose a CUPS printer, or print to a PDF folder.</source>
        <translation>Choose a CUPS printer, or print to a PDF folder.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="583" />
        <source>A CUPS printer name has no spaces, slashes or # signs: %1</source>
        <translation>A CUPS printer name has no spaces, slashes or # signs: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="587" />
        <source>CUPS has no printer named “%1”: choose one of the listed printers.</source>
        <translation>CUPS has no printer named “%1”: choose one of the listed printers.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="591" />
        <source>Give the PDF folder as a full path, e.g. /home/station/printed.</source>
        <translation>Give the PDF folder as a full path, e.g. /home/station/printed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="595" />
        <source>The receipt printer address is usb:VID:PID, tcp:HOST:PORT or serial:DEVICE: %1</source>
        <translation>The receipt printer address is usb:VID:PID, tcp:HOST:PORT or serial:DEVICE: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="599" />
        <source>Slips on the 80 mm roll need a receipt printer address.</source>
        <translation>Slips on the 80 mm roll need a receipt printer address.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="634" />
        <source>Printer settings saved.</source>
        <translation>Printer settings saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="656" />
        <source>Printing the test page…</source>
        <translation>Printing the test page…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="665" />
        <source>Test page printed.</source>
        <translation>Test page printed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="690" />
        <source>Default values shown; save them to use them.</source>
        <translation>Default values shown; save them to use them.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="701" />
        <source>“%1” must be smaller than “%2”.</source>
        <translation>“%1” must be smaller than “%2”.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="776" />
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="778" />
        <source>Reduction %1 % (%2)</source>
        <translation>Reduction %1 % (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="828" />
        <source>Select a rate entered by the station first.</source>
        <translation>Select a rate entered by the station first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="953" />
        <source>Working</source>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="953" />
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="954" />
        <source>Not answering</source>
        <translation>Not answering</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="954" />
        <source>Not installed</source>
        <translation>Not installed</translation>
    </message>
</context>
<context>
    <name>ApplicationForm</name>
    <message>
        <location filename="../../ui/pages/application_form.py" line="50" />
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="51" />
        <source>Personal ID number</source>
        <translation>Personal ID number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="52" />
        <location filename="../../ui/pages/application_form.py" line="103" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="53" />
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="54" />
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="54" />
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="55" />
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="56" />
        <source>Ethnicity</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="57" />
        <source>Residence</source>
        <translation>Residence</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="59" />
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="60" />
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="63" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="64" />
        <source>(none: first issue)</source>
        <translation>(none: first issue)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="65" />
        <source>Converting a CCCD</source>
        <translation>Converting a CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="66" />
        <source>Age milestone (14, 25, 40, 60)</source>
        <translation>Age milestone (14, 25, 40, 60)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="67" />
        <source>Name or date of birth changed</source>
        <translation>Name or date of birth changed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="68" />
        <source>Identity features changed</source>
        <translation>Identity features changed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="69" />
        <source>Error printed on the card</source>
        <translation>Error printed on the card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="70" />
        <source>Error made by the agency</source>
        <translation>Error made by the agency</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="71" />
        <source>Administrative units reorganised</source>
        <translation>Administrative units reorganised</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="72" />
        <source>ID number re-established</source>
        <translation>ID number re-established</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="73" />
        <source>Holder's request</source>
        <translation>Holder's request</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="74" />
        <source>Lost or damaged</source>
        <translation>Lost or damaged</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="75" />
        <source>Nationality regained</source>
        <translation>Nationality regained</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="76" />
        <source>Document held</source>
        <translation>Document held</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="77" />
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="78" />
        <source>Căn cước card</source>
        <translation>Căn cước card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="79" />
        <source>Its number</source>
        <translation>Its number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="80" />
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="81" />
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="82" />
        <source>Disability</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="83" />
        <source>Meritorious service</source>
        <translation>Meritorious service</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="84" />
        <source>Ethnic minority, hardship commune</source>
        <translation>Ethnic minority, hardship commune</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="85" />
        <source>Border or island resident</source>
        <translation>Border or island resident</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="86" />
        <source>Poor household</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="98" />
        <source>Fee exemption</source>
        <translation>Fee exemption</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="100" />
        <source>Legal representative</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="102" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="104" />
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="105" />
        <source>Father</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="105" />
        <source>Mother</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="106" />
        <source>Guardian</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="106" />
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="107" />
        <source>Proof of representation</source>
        <translation>Proof of representation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="113" />
        <source>Contact and return</source>
        <translation>Contact and return</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="114" />
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="115" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="120" />
        <source>Level-2 electronic ID account too</source>
        <translation>Level-2 electronic ID account too</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="121" />
        <source>Card returned</source>
        <translation>Card returned</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="122" />
        <source>At the counter</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="122" />
        <source>By post (citizen pays)</source>
        <translation>By post (citizen pays)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="123" />
        <source>Postal address</source>
        <translation>Postal address</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="216" />
        <source>Verified by reading the representative's card.</source>
        <translation>Verified by reading the representative's card.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="217" />
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
        <location filename="../../ui/dialogs.py" line="135" />
        <source>Leader's approval</source>
        <translation>Leader's approval</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="158" />
        <source>Leader's user name</source>
        <translation>Leader's user name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="159" />
        <location filename="../../ui/dialogs.py" line="160" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="164" />
        <source>The leader places their own identity card (registered at this station) on the card reader.</source>
        <translation>The leader places their own identity card (registered at this station) on the card reader.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="171" />
        <source>Any registered leader</source>
        <translation>Any registered leader</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="174" />
        <source>Leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="176" />
        <source>Read card</source>
        <translation>Read card</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="185" />
        <source>Reading the card… keep it on the reader.</source>
        <translation>Reading the card… keep it on the reader.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="192" />
        <source>Leader's card</source>
        <translation>Leader's card</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="202" />
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="203" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="224" />
        <source>Type the leader's user name and password.</source>
        <translation>Type the leader's user name and password.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="227" />
        <source>Approval by password is not available.</source>
        <translation>Approval by password is not available.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="274" />
        <source>The approval failed: %1</source>
        <translation>The approval failed: %1</translation>
    </message>
</context>
<context>
    <name>CapturePage</name>
    <message>
        <location filename="../../ui/pages/capture.py" line="60" />
        <source>Open a checked application from the worklist.</source>
        <extracomment>Why something cannot be captured: the fingerprint panel's kinds (``ExceptionKind``).</extracomment>
        <translation>Open a checked application from the worklist.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="74" />
        <source>Face photo</source>
        <translation>Face photo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="75" />
        <source>Fingerprints</source>
        <translation>Fingerprints</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="85" />
        <source>Required for this applicant</source>
        <translation>Required for this applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="91" />
        <location filename="../../ui/pages/capture.py" line="168" />
        <source>Iris: no iris camera at this counter — not available.</source>
        <translation>Iris: no iris camera at this counter — not available.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="96" />
        <source>Exception (needs a leader)…</source>
        <translation>Exception (needs a leader)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="226" />
        <source>Everything required is captured: press F10.</source>
        <translation>Everything required is captured: press F10.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="266" />
        <source>Ten prints done. The face photo is still missing.</source>
        <translation>Ten prints done. The face photo is still missing.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="268" />
        <source>Ten prints done.</source>
        <translation>Ten prints done.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="307" />
        <source>A leader approves the exception: %1 (%2).</source>
        <translation>A leader approves the exception: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="311" />
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="328" />
        <source>Not approved: the finger is to be captured.</source>
        <translation>Not approved: the finger is to be captured.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="379" />
        <source>Exception approved by %1.</source>
        <translation>Exception approved by %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="426" />
        <source>missing from birth</source>
        <translation>missing from birth</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="427" />
        <source>amputated</source>
        <translation>amputated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="428" />
        <source>bandaged or injured</source>
        <translation>bandaged or injured</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="429" />
        <source>cannot be captured after retries</source>
        <translation>cannot be captured after retries</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="175" />
        <location filename="../../ui/pages/capture.py" line="292" />
        <source>Face</source>
        <translation>Face</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="104" />
        <source>Capture complete → review (F10)</source>
        <translation>Capture complete → review (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="116" />
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="167" />
        <source>Iris: with the fingerprint panel's iris camera.</source>
        <translation>Iris: with the fingerprint panel's iris camera.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="169" />
        <location filename="../../ui/pages/capture.py" line="294" />
        <source>Right eye</source>
        <translation>Right eye</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="169" />
        <location filename="../../ui/pages/capture.py" line="294" />
        <source>Left eye</source>
        <translation>Left eye</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="181" />
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
        <location filename="../../ui/pages/capture_slots.py" line="149" />
        <source>The camera widget is not installed on this station.</source>
        <translation>The camera widget is not installed on this station.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture_slots.py" line="174" />
        <source>The fingerprint panel is not installed on this station.</source>
        <translation>The fingerprint panel is not installed on this station.</translation>
    </message>
</context>
<context>
    <name>ChipKeyDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="310" />
        <source>Place the card on the reader and type what is printed on it.</source>
        <translation>Place the card on the reader and type what is printed on it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="319" />
        <source>dd/mm/yyyy, empty if no expiry</source>
        <translation>dd/mm/yyyy, empty if no expiry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="320" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="321" />
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="322" />
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="342" />
        <source>The ID number has 12 digits.</source>
        <translation>The ID number has 12 digits.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="344" />
        <source>Type the dates as dd/mm/yyyy.</source>
        <translation>Type the dates as dd/mm/yyyy.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="55" />
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="58" />
        <source>The program met an unexpected problem. Your saved work is safe: drafts are saved as you type. You can carry on, or copy the details for the station's IT person.</source>
        <translation>The program met an unexpected problem. Your saved work is safe: drafts are saved as you type. You can carry on, or copy the details for the station's IT person.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="68" />
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="70" />
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../ui/pages/application_form.py" line="266" />
        <source>The law's decision</source>
        <translation>The law's decision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="269" />
        <source>Age group</source>
        <translation>Age group</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="269" />
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="270" />
        <source>Representative</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="271" />
        <source>To capture</source>
        <translation>To capture</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="271" />
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="272" />
        <source>Card valid until</source>
        <translation>Card valid until</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="273" />
        <source>Return date</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="290" />
        <source>face</source>
        <translation>face</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="291" />
        <source>10 fingerprints</source>
        <translation>10 fingerprints</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="292" />
        <source>iris</source>
        <translation>iris</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="295" />
        <source>Required (signs for the child)</source>
        <translation>Required (signs for the child)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="296" />
        <source>Not required</source>
        <translation>Not required</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="297" />
        <source>Nothing (no capture)</source>
        <translation>Nothing (no capture)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="299" />
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="302" />
        <source>No expiry</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <location filename="../../ui/pages/application_form.py" line="310" />
        <source>Everything needed is there: the application can be checked and saved.</source>
        <translation>Everything needed is there: the application can be checked and saved.</translation>
    </message>
</context>
<context>
    <name>DeviceHub</name>
    <message>
        <location filename="../../ui/devicehub.py" line="51" />
        <source>PDF folder %1</source>
        <translation>PDF folder %1</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="61" />
        <source>CUPS is not installed on this computer: install the cups and cups-client packages, or choose the PDF folder.</source>
        <translation>CUPS is not installed on this computer: install the cups and cups-client packages, or choose the PDF folder.</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="65" />
        <source>The CUPS print service is not running: start it (systemctl start cups), then test again.</source>
        <translation>The CUPS print service is not running: start it (systemctl start cups), then test again.</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="69" />
        <source>CUPS has no printer named “%1”: choose one of the listed printers.</source>
        <translation>CUPS has no printer named “%1”: choose one of the listed printers.</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="73" />
        <source>No printer is chosen: choose one in the Printer tab.</source>
        <translation>No printer is chosen: choose one in the Printer tab.</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="76" />
        <source>The printer “%1” is off, stopped or not accepting jobs: switch it on, check the cable and the paper, then test again.</source>
        <translation>The printer “%1” is off, stopped or not accepting jobs: switch it on, check the cable and the paper, then test again.</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="80" />
        <source>Cannot write to the PDF folder %1: choose a folder this account can write to.</source>
        <translation>Cannot write to the PDF folder %1: choose a folder this account can write to.</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="84" />
        <source>The test page was not printed: %1</source>
        <translation>The test page was not printed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="157" />
        <source>Test page printed: %1</source>
        <translation>Test page printed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="160" />
        <source>Test page printed on %1 (job %2)</source>
        <translation>Test page printed on %1 (job %2)</translation>
    </message>
    <message>
        <location filename="../../ui/devicehub.py" line="164" />
        <source>The test page waits in the CUPS queue (job %1): check that the printer is on and has paper.</source>
        <translation>The test page waits in the CUPS queue (job %1): check that the printer is on and has paper.</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <location filename="../../ui/pages/capture.py" line="439" />
        <source>Exception (needs a leader)</source>
        <translation>Exception (needs a leader)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="444" />
        <source>Face</source>
        <translation>Face</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="458" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="462" />
        <source>Next: leader's approval</source>
        <translation>Next: leader's approval</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="463" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="456" />
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/pages/capture.py" line="457" />
        <source>Why</source>
        <translation>Why</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>Căn cước Workstation</source>
        <translation>Căn cước Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120" />
        <source>The session was locked. Sign in again to continue; nothing you typed is lost.</source>
        <translation>The session was locked. Sign in again to continue; nothing you typed is lost.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124" />
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>Repeat it</source>
        <translation>Repeat it</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <location filename="../../ui/main_window.py" line="145" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <location filename="../../ui/main_window.py" line="145" />
        <source>Change password and sign in</source>
        <translation>Change password and sign in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162" />
        <source>Type your user name and password.</source>
        <translation>Type your user name and password.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171" />
        <source>This is your first sign-in: choose a new password.</source>
        <translation>This is your first sign-in: choose a new password.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181" />
        <location filename="../../ui/main_window.py" line="201" />
        <source>Sign-in failed.</source>
        <translation>Sign-in failed.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="379" />
        <source>Căn cước Workstation</source>
        <extracomment>The language and the pages were switched (``apply_language``): the new language.</extracomment>
        <translation>Căn cước Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="381" />
        <source>CĂN CƯỚC</source>
        <translation>CĂN CƯỚC</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383" />
        <source>Lock (Ctrl+L)</source>
        <translation>Lock (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="385" />
        <source>Large font</source>
        <translation>Large font</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386" />
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387" />
        <source>Card reader</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387" />
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="481" />
        <source>Interface language changed.</source>
        <translation>Interface language changed.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="480" />
        <source>Settings saved; the interface language is changed.</source>
        <translation>Settings saved; the interface language is changed.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="384" />
        <source>Language, font size…</source>
        <translation>Language, font size…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="627" />
        <source>Connected and working.</source>
        <translation>Connected and working.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="628" />
        <source>Working with the simulator (no real device).</source>
        <translation>Working with the simulator (no real device).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="629" />
        <source>Not answering: check the cable and the power, then press Refresh in Administration → Devices.</source>
        <translation>Not answering: check the cable and the power, then press Refresh in Administration → Devices.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="631" />
        <source>This device's software is not installed on this station.</source>
        <translation>This device's software is not installed on this station.</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../ui/pages/reception.py" line="56" />
        <source>Find a person</source>
        <translation>Find a person</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="59" />
        <source>ID number, name, or scan the card's QR code</source>
        <translation>ID number, name, or scan the card's QR code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="64" />
        <source>Born (yyyy)</source>
        <translation>Born (yyyy)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="69" />
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="70" />
        <source>Read chip card</source>
        <translation>Read chip card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="82" />
        <source>Person in the records</source>
        <translation>Person in the records</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="83" />
        <source>Search, then pick a person.</source>
        <translation>Search, then pick a person.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="100" />
        <location filename="../../ui/pages/reception.py" line="289" />
        <source>New application for this person</source>
        <translation>New application for this person</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="117" />
        <source>No application open.</source>
        <translation>No application open.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="123" />
        <source>Check and continue (F9)</source>
        <translation>Check and continue (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="126" />
        <location filename="../../ui/pages/reception.py" line="473" />
        <source>Read the representative's card</source>
        <translation>Read the representative's card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="129" />
        <source>New (Ctrl+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="131" />
        <location filename="../../ui/pages/reception.py" line="440" />
        <source>Cancel application</source>
        <translation>Cancel application</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="141" />
        <source>Reception</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="179" />
        <source>Application %1 · %2</source>
        <translation>Application %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="198" />
        <source>Your unfinished draft %1 was restored.</source>
        <translation>Your unfinished draft %1 was restored.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="205" />
        <source>Type an ID number or a name to search.</source>
        <translation>Type an ID number or a name to search.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="230" />
        <source>Nobody found. Check the spelling, or type the ID number.</source>
        <translation>Nobody found. Check the spelling, or type the ID number.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="249" />
        <source>Not in the population records.</source>
        <translation>Not in the population records.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="252" />
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="252" />
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="255" />
        <source>%1 years old</source>
        <translation>%1 years old</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="256" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="262" />
        <source>Household %1</source>
        <translation>Household %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="267" />
        <source>Open application %1</source>
        <translation>Open application %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="271" />
        <source>Father</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="271" />
        <source>Mother</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="272" />
        <source>Guardian</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="274" />
        <source>Choose the representative:</source>
        <translation>Choose the representative:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="283" />
        <source>Make %1 the legal representative.</source>
        <translation>Make %1 the legal representative.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="284" />
        <source>Not in the records as an adult.</source>
        <translation>Not in the records as an adult.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="288" />
        <source>Open the application</source>
        <translation>Open the application</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="322" />
        <source>New application: it is saved as you type.</source>
        <translation>New application: it is saved as you type.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="339" />
        <source>Application %1 · %2 · saved at %3</source>
        <translation>Application %1 · %2 · saved at %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="431" />
        <source>Application %1 checked.</source>
        <translation>Application %1 checked.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="441" />
        <source>Why is the application cancelled?</source>
        <translation>Why is the application cancelled?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="448" />
        <source>Application %1 cancelled.</source>
        <translation>Application %1 cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="457" />
        <source>Read the applicant's card</source>
        <translation>Read the applicant's card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reception.py" line="467" />
        <source>Card read: the form is filled from the chip.</source>
        <translation>Card read: the form is filled from the chip.</translation>
    </message>
</context>
<context>
    <name>RegisterCardDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="360" />
        <source>Register the leader's card: %1</source>
        <translation>Register the leader's card: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="371" />
        <source>Reading the card… keep it on the reader.</source>
        <translation>Reading the card… keep it on the reader.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="384" />
        <source>The approval failed: %1</source>
        <translation>The approval failed: %1</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="52" />
        <source>Find the application</source>
        <translation>Find the application</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="56" />
        <source>Application number, or scan the slip's QR code</source>
        <translation>Application number, or scan the slip's QR code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="58" />
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="61" />
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="63" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="63" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="64" />
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="64" />
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="65" />
        <source>Representative</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="66" />
        <source>Old document</source>
        <translation>Old document</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="66" />
        <source>Return date</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="67" />
        <source>New card</source>
        <translation>New card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="71" />
        <source>Handover</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="72" />
        <source>The new card has arrived</source>
        <translation>The new card has arrived</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="74" />
        <source>Verify the new card by its chip</source>
        <translation>Verify the new card by its chip</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="79" />
        <source>Old document collected</source>
        <translation>Old document collected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="83" />
        <source>Handed to the holder</source>
        <translation>Handed to the holder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="84" />
        <source>Handed to the representative</source>
        <translation>Handed to the representative</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="85" />
        <source>Print the handover record</source>
        <translation>Print the handover record</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="87" />
        <source>Hand over the card</source>
        <translation>Hand over the card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="100" />
        <source>Printed document</source>
        <translation>Printed document</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="107" />
        <source>Return counter</source>
        <translation>Return counter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="142" />
        <source>Type or scan the application number.</source>
        <translation>Type or scan the application number.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="148" />
        <source>No application %1.</source>
        <translation>No application %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="171" />
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="173" />
        <source>None (first card)</source>
        <translation>None (first card)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="203" />
        <source>Read the new card</source>
        <translation>Read the new card</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="228" />
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="229" />
        <source>The printer did not take the document; it waits in the queue. %1</source>
        <translation>The printer did not take the document; it waits in the queue. %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/return_counter.py" line="241" />
        <source>Card of application %1 handed over.</source>
        <translation>Card of application %1 handed over.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/pages/review.py" line="40" />
        <source>Open an application from the worklist.</source>
        <translation>Open an application from the worklist.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="44" />
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="46" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="47" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="48" />
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="49" />
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="49" />
        <source>Ethnicity</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="50" />
        <source>Religion</source>
        <translation>Religion</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="51" />
        <source>Home town</source>
        <translation>Home town</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="52" />
        <source>Residence</source>
        <translation>Residence</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="56" />
        <source>Request and decision</source>
        <translation>Request and decision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="58" />
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="58" />
        <source>Age group</source>
        <translation>Age group</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="59" />
        <source>Document held</source>
        <translation>Document held</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="60" />
        <source>Representative</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="61" />
        <source>Captured</source>
        <translation>Captured</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="61" />
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="62" />
        <source>Card valid until</source>
        <translation>Card valid until</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="63" />
        <source>Return date</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="64" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="64" />
        <source>Card returned</source>
        <translation>Card returned</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="65" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="77" />
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="78" />
        <source>1. Print the CC01 sheet to sign</source>
        <translation>1. Print the CC01 sheet to sign</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="82" />
        <source>Signed by the applicant</source>
        <translation>Signed by the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="83" />
        <source>Signed by the representative</source>
        <translation>Signed by the representative</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="84" />
        <source>2. Confirm: CC01 signed</source>
        <translation>2. Confirm: CC01 signed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="88" />
        <source>3. Take the fee and print the receipt</source>
        <translation>3. Take the fee and print the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="90" />
        <source>4. Submit and print the appointment slip (CC02)</source>
        <translation>4. Submit and print the appointment slip (CC02)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="92" />
        <source>Reject…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="98" />
        <source>Printed document</source>
        <translation>Printed document</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="108" />
        <source>Review and confirm</source>
        <translation>Review and confirm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="133" />
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="133" />
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="142" />
        <source>records: %1</source>
        <translation>records: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="146" />
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="149" />
        <source>Not required</source>
        <translation>Not required</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="150" />
        <source>face</source>
        <translation>face</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="151" />
        <source>fingerprints</source>
        <translation>fingerprints</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="152" />
        <source>iris</source>
        <translation>iris</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="153" />
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="155" />
        <source>paid, receipt %1</source>
        <translation>paid, receipt %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="161" />
        <source>Nothing (not required at this age)</source>
        <translation>Nothing (not required at this age)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="164" />
        <source>No expiry</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="167" />
        <source>By post: %1</source>
        <translation>By post: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="168" />
        <source>At the counter</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="175" />
        <source>Fee: %1</source>
        <translation>Fee: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="179" />
        <source>verified in the records</source>
        <translation>verified in the records</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="180" />
        <source>verified by chip</source>
        <translation>verified by chip</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="181" />
        <source>checked on documents</source>
        <translation>checked on documents</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="182" />
        <source>not verified</source>
        <translation>not verified</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="217" />
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="219" />
        <source>The printer did not take the document; it waits in the queue and is printed when the printer is back. %1</source>
        <translation>The printer did not take the document; it waits in the queue and is printed when the printer is back. %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="228" />
        <source>Application %1 confirmed.</source>
        <translation>Application %1 confirmed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="258" />
        <source>Reject the application</source>
        <translation>Reject the application</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="259" />
        <source>Why is the application rejected?</source>
        <translation>Why is the application rejected?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="263" />
        <source>Application %1 rejected.</source>
        <translation>Application %1 rejected.</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <location filename="../../ui/pages/worklist.py" line="40" />
        <source>Find and open an application</source>
        <extracomment>Which page continues an application in each state.</extracomment>
        <translation>Find and open an application</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="43" />
        <source>All open applications</source>
        <translation>All open applications</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="44" />
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="48" />
        <source>Received today</source>
        <translation>Received today</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="53" />
        <source>Application number or ID number</source>
        <translation>Application number or ID number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="60" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="80" />
        <source>Open (Enter)</source>
        <translation>Open (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="85" />
        <source>Worklist</source>
        <translation>Worklist</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="100" />
        <location filename="../../ui/pages/worklist.py" line="117" />
        <source>Applications: %1</source>
        <translation>Applications: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/worklist.py" line="101" />
        <source>Type part of an application number or an ID number: letters, digits and - only.</source>
        <translation>Type part of an application number or an ID number: letters, digits and - only.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/dialogs.py" line="87" />
        <source>Cannot continue</source>
        <translation>Cannot continue</translation>
    </message>
</context>
</TS>
