<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name />
        <message>
            <location filename="../../console/ui/errors.py" line="36" />
            <source>errors</source>
            <comment>The database needs an upgrade by an administrator: {0}</comment>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../console/ui/errors.py" line="39" />
            <source>errors</source>
            <comment>The database is not answering. Your work is kept on screen; try again in a moment. ({0})</comment>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="44" />
            <source>errors</source>
            <comment>A file could not be read or written: {0}</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="60" />
            <source>queue</source>
            <comment>Time left</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="61" />
            <source>queue</source>
            <comment>Case number</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="62" />
            <source>queue</source>
            <comment>Status</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="63" />
            <source>queue</source>
            <comment>Type</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="64" />
            <source>queue</source>
            <comment>Class</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="65" />
            <source>queue</source>
            <comment>Matter category</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="66" />
            <source>queue</source>
            <comment>District</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="67" />
            <source>queue</source>
            <comment>Caller</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="68" />
            <source>queue</source>
            <comment>Summary</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="69" />
            <source>queue</source>
            <comment>Agent</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="70" />
            <source>queue</source>
            <comment>Handling unit</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="71" />
            <source>queue</source>
            <comment>Received</comment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CaseEntryScreen</name>
        <message>
            <location filename="../../console/ui/intake/form.py" line="66" />
            <source>C&amp;hannel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="68" />
            <source>C&amp;onsultation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="69" />
            <source>De&amp;mand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="81" />
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="85" />
            <source>C&amp;lass</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="90" />
            <source>Type any part of a category name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="97" />
            <source>Matter ca&amp;tegory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="106" />
            <source>&amp;District / town</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="108" />
            <source>Street, number, landmark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="109" />
            <source>&amp;Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="112" />
            <source>Anon&amp;ymous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="118" />
            <source>Caller &amp;name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="120" />
            <source>Mobile or landline, e.g. 0757-83381234</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="121" />
            <source>Confidential caller (unit never sees who called)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="127" />
            <source>&amp;Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="132" />
            <source>18-character unified social credit code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="134" />
            <source>&amp;Enterprise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="135" />
            <source>Credit code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="140" />
            <source>What the caller asks or reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="142" />
            <source>Descr&amp;iption</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="146" />
            <source>&amp;Urgent matter (contact 1 h, on scene 2 h, feedback 1 working day, result 3 working days)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="150" />
            <source>Urgency</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="154" />
            <source>The answer given on the call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="156" />
            <source>Ans&amp;wer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="159" />
            <source>Handling u&amp;nit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="161" />
            <source>Save (Ctrl+S)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="162" />
            <source>Answer and close (Ctrl+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="163" />
            <source>Save and dispatch (Ctrl+D)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="164" />
            <source>New case (Ctrl+N)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="179" />
            <source>Case number to read to the caller</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="187" />
            <source>Copy number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="194" />
            <source>Saved in this session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="260" />
            <source>— choose —</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="272" />
            <source>— district —</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="276" />
            <source>— choose a unit —</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="317" />
            <source>— town / street —</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="384" />
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="393" />
            <source>{0} — saved. Read the number to the caller.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="408" />
            <source>Not saved: please correct the marked fields.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="411" />
            <source>Not saved. Everything you typed is still here.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../console/ui/crash.py" line="27" />
            <source>Unexpected error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/crash.py" line="31" />
            <source>Something went wrong inside the console. Your saved cases are safe in the database. Please send the text below to support.

{0}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FirstStartDialog</name>
        <message>
            <location filename="../../console/ui/dialogs.py" line="113" />
            <source>Welcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="117" />
            <source>This is the first start of the hotline console on this computer.

• Demo: a separate, clearly labelled database with a realistic week of cases, so you can see queues and countdowns at work.
• Empty: the console's own database on this computer, ready for real cases. To use the central database, open File → Settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="125" />
            <source>Open the &amp;demo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="126" />
            <source>Start &amp;empty</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HandoverScreen</name>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="49" />
            <source>Current shift</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="52" />
            <source>Refresh (F5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="60" />
            <source>Received this shift</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="61" />
            <source>Consultations closed on the call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="62" />
            <source>Demands dispatched</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="63" />
            <source>Cases closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="64" />
            <source>Open now (all shifts)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="65" />
            <source>Open and overdue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="66" />
            <source>Falling due next shift</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="73" />
            <source>Channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="73" />
            <location filename="../../console/ui/handover/screen.py" line="78" />
            <source>Received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="78" />
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="83" />
            <source>By channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="85" />
            <source>By type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="121" />
            <source>Not up to date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="129" />
            <source>{0} shift, {1} {2}–{3}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="159" />
            <source>Updated {0}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../console/ui/main_window.py" line="52" />
            <source>Connecting to the database…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="58" />
            <source>DEMO MODE — sample data in a separate demo database; nothing here is real</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="82" />
            <source>Not signed in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="89" />
            <source>Working…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="100" />
            <source>Citizen Hotline Console</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="105" />
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="106" />
            <source>&amp;Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="110" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="114" />
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="115" />
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="116" />
            <source>Show &amp;log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="119" />
            <source>&amp;About</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="128" />
            <source>Database: {0} (connecting…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="129" />
            <source>Connecting to {0}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="140" />
            <source>Database: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="143" />
            <source>Station {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="150" />
            <source>Case entry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="156" />
            <source>Queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="162" />
            <source>Shift handover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="194" />
            <source>Console log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="204" />
            <source>About</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="205" />
            <source>Citizen Hotline Console 0.1
Operator console of the 12345 city hotline.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <location filename="../../console/ui/messages.py" line="37" />
            <source>Dismiss</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QueueScreen</name>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="37" />
            <source>My cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="38" />
            <source>Team queue (unassigned)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="39" />
            <source>Dispatched, awaiting unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="40" />
            <source>Breached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="41" />
            <source>All open cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="46" />
            <source>Time left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="47" />
            <source>Newest first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="48" />
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="49" />
            <source>Refresh now (F5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="55" />
            <source>&amp;View:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="57" />
            <source>&amp;Sort:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="144" />
            <source>{0} cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="164" />
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="167" />
            <source>Not up to date: the database is not answering</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../console/ui/dialogs.py" line="149" />
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="158" />
            <source>&amp;Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="162" />
            <source>Central &amp;database:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="163" />
            <source>Empty: the embedded database of this computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="165" />
            <source>&amp;Language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="166" />
            <source>Changes take effect when the console is restarted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="186" />
            <source>Not a database URL: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="195" />
            <source>The embedded database needs no test.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="197" />
            <source>Connecting to {0}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="212" />
            <source>Connected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="218" />
            <source>Could not connect: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="231" />
            <source>No keyring on this computer: the password will be asked at each start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="240" />
            <source>Could not save the settings: {0}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <location filename="../../console/ui/dialogs.py" line="42" />
            <location filename="../../console/ui/dialogs.py" line="58" />
            <source>Sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="51" />
            <source>&amp;User name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="52" />
            <source>Database: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="89" />
            <source>Type your user name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="103" />
            <source>No active agent with this user name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="105" />
            <source>Could not sign in: {0}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <location filename="../../console/ui/launch.py" line="97" />
            <source>The database could not be opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../console/ui/launch.py" line="98" />
            <source>Retry</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
