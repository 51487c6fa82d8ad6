<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>CaseEntryScreen</name>
        <message>
            <location filename="../../console/ui/intake/form.py" line="67" />
            <source>C&amp;hannel</source>
            <translation>来源渠道(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="69" />
            <source>C&amp;onsultation</source>
            <translation>咨询(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="70" />
            <source>De&amp;mand</source>
            <translation>诉求(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="82" />
            <source>Type</source>
            <translation>工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="86" />
            <source>C&amp;lass</source>
            <translation>业务大类(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="93" />
            <source>Type any part of a category name</source>
            <translation>输入事项分类名称中的任意文字</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="100" />
            <source>Matter ca&amp;tegory</source>
            <translation>事项分类(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="109" />
            <source>&amp;District / town</source>
            <translation>区/镇街(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="111" />
            <source>Street, number, landmark</source>
            <translation>街道、门牌号、标志性建筑</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="112" />
            <source>&amp;Address</source>
            <translation>地址(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="115" />
            <source>Anon&amp;ymous</source>
            <translation>匿名(&amp;Y)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="121" />
            <source>Caller &amp;name</source>
            <translation>来电人姓名(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="123" />
            <source>Mobile or landline, e.g. 0757-83381234</source>
            <translation>手机或固定电话，如 0757-83381234</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="124" />
            <source>Confidential caller (unit never sees who called)</source>
            <translation>来电人信息保密（承办单位看不到来电人身份）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="130" />
            <source>&amp;Phone</source>
            <translation>联系电话(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="135" />
            <source>18-character unified social credit code</source>
            <translation>18 位统一社会信用代码</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="137" />
            <source>&amp;Enterprise</source>
            <translation>企业(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="138" />
            <source>Credit code</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="143" />
            <source>What the caller asks or reports</source>
            <translation>来电人咨询或反映的内容</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="145" />
            <source>Descr&amp;iption</source>
            <translation>来电内容(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="149" />
            <source>&amp;Urgent matter (contact 1 h, on scene 2 h, feedback 1 working day, result 3 working days)</source>
            <translation>紧急事项(&amp;U)（1小时内联系、2小时内到场、1个工作日内初步反馈、3个工作日内办结反馈）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="153" />
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="157" />
            <source>The answer given on the call</source>
            <translation>通话中给出的答复</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="159" />
            <source>Ans&amp;wer</source>
            <translation>答复内容(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="162" />
            <source>Handli&amp;ng unit</source>
            <translation>承办单位(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="164" />
            <source>Save (Ctrl+S)</source>
            <translation>保存 (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="165" />
            <source>Answer and close (Ctrl+Enter)</source>
            <translation>答复并办结 (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="166" />
            <source>Save and dispatch (Ctrl+D)</source>
            <translation>保存并派单 (Ctrl+D)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="167" />
            <source>New case (Ctrl+N)</source>
            <translation>新建工单 (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="182" />
            <source>Case number to read to the caller</source>
            <translation>需告知来电人的工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="190" />
            <source>Copy number</source>
            <translation>复制编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="197" />
            <source>Saved in this session</source>
            <translation>本次登录已保存的工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="263" />
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="275" />
            <source>— district —</source>
            <translation>— 区 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="279" />
            <source>— choose a unit —</source>
            <translation>— 请选择承办单位 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="321" />
            <source>— town / street —</source>
            <translation>— 镇街 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="388" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="397" />
            <source>{0} — saved. Read the number to the caller.</source>
            <translation>{0} — 已保存，请向来电人告知工单编号。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="412" />
            <source>Not saved: please correct the marked fields.</source>
            <translation>未保存：请更正标出的字段。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="415" />
            <source>Not saved. Everything you typed is still here.</source>
            <translation>未保存。已填写的内容均已保留。</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../console/ui/crash.py" line="27" />
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <location filename="../../console/ui/crash.py" line="31" />
            <source>Something went wrong inside the console. Your saved cases are safe in the database. Please send the text below to support.

{0}</source>
            <translation>工作台内部出现错误。已保存的工单仍安全存放在数据库中。请将以下内容发送给技术支持。

{0}</translation>
        </message>
    </context>
    <context>
        <name>FirstStartDialog</name>
        <message>
            <location filename="../../console/ui/dialogs.py" line="113" />
            <source>Welcome</source>
            <translation>欢迎</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="117" />
            <source>This is the first start of the hotline console on this computer.

• Demo: a separate, clearly labelled database with a realistic week of cases, so you can see queues and countdowns at work.
• Empty: the console's own database on this computer, ready for real cases. To use the central database, open File → Settings.</source>
            <translation>这是热线工作台在本计算机上的首次启动。

• 演示：使用一个单独且有明确标识的数据库，内含一周的仿真工单，可直观查看工单队列和倒计时的运行效果。
• 空库：使用本计算机上的工作台自带数据库，可直接受理真实工单。如需使用中心数据库，请打开“文件 → 设置”。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="125" />
            <source>Open the &amp;demo</source>
            <translation>打开演示(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="126" />
            <source>Start &amp;empty</source>
            <translation>从空库开始(&amp;E)</translation>
        </message>
    </context>
    <context>
        <name>HandoverScreen</name>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="49" />
            <source>Current shift</source>
            <translation>当前班次</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="52" />
            <source>Refresh (F5)</source>
            <translation>刷新 (F5)</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="60" />
            <source>Received this shift</source>
            <translation>本班受理</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="61" />
            <source>Consultations closed on the call</source>
            <translation>咨询直接答复办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="62" />
            <source>Demands dispatched</source>
            <translation>诉求已派单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="63" />
            <source>Cases closed</source>
            <translation>已办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="64" />
            <source>Open now (all shifts)</source>
            <translation>当前未办结（全部班次）</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="65" />
            <source>Open and overdue</source>
            <translation>未办结且已超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="66" />
            <source>Falling due next shift</source>
            <translation>下一班次到期</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="73" />
            <source>Channel</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="73" />
            <location filename="../../console/ui/handover/screen.py" line="78" />
            <source>Received</source>
            <translation>受理量</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="78" />
            <source>Type</source>
            <translation>工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="83" />
            <source>By channel</source>
            <translation>按来源渠道</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="85" />
            <source>By type</source>
            <translation>按工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="121" />
            <source>Not up to date</source>
            <translation>数据未更新</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="129" />
            <source>{0} shift, {1} {2}–{3}</source>
            <translation>{0}，{1} {2}–{3}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="159" />
            <source>Updated {0}</source>
            <translation>更新于 {0}</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../console/ui/main_window.py" line="52" />
            <source>Connecting to the database…</source>
            <translation>正在连接数据库…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="58" />
            <source>DEMO MODE — sample data in a separate demo database; nothing here is real</source>
            <translation>演示模式 — 示例数据存放在单独的演示数据库中，此处内容均非真实工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="82" />
            <source>Not signed in</source>
            <translation>未登录</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="89" />
            <source>Working…</source>
            <translation>正在处理…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="100" />
            <source>Citizen Hotline Console</source>
            <translation>市民热线工作台</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="101" />
            <location filename="../../console/ui/main_window.py" line="141" />
            <source>DEMO</source>
            <translation>演示</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="105" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="106" />
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="110" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="114" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="115" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="116" />
            <source>Show &amp;log</source>
            <translation>显示日志(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="119" />
            <source>&amp;About</source>
            <translation>关于(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="128" />
            <source>Database: {0} (connecting…)</source>
            <translation>数据库：{0}（正在连接…）</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="129" />
            <source>Connecting to {0}…</source>
            <translation>正在连接 {0}…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="140" />
            <source>Database: {0}</source>
            <translation>数据库：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="143" />
            <source>Station {0}</source>
            <translation>工位 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="150" />
            <source>Case entry</source>
            <translation>工单录入</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="156" />
            <source>Queue</source>
            <translation>工单队列</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="162" />
            <source>Shift handover</source>
            <translation>交接班</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="194" />
            <source>Console log</source>
            <translation>运行日志</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="204" />
            <source>About</source>
            <translation>关于</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="205" />
            <source>Citizen Hotline Console 0.1
Operator console of the 12345 city hotline.</source>
            <translation>市民热线工作台 0.1
12345 市民服务热线话务员工作台。</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <location filename="../../console/ui/messages.py" line="37" />
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>QueueScreen</name>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="37" />
            <source>My cases</source>
            <translation>我的工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="38" />
            <source>Team queue (unassigned)</source>
            <translation>班组队列（未分配）</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="39" />
            <source>Dispatched, awaiting unit</source>
            <translation>已派单，待单位签收</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="40" />
            <source>Breached</source>
            <translation>已超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="41" />
            <source>All open cases</source>
            <translation>全部未办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="46" />
            <source>Time left</source>
            <translation>剩余时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="47" />
            <source>Newest first</source>
            <translation>最新优先</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="48" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="49" />
            <source>Refresh now (F5)</source>
            <translation>立即刷新 (F5)</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="55" />
            <source>&amp;View:</source>
            <translation>视图(&amp;V)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="57" />
            <source>&amp;Sort:</source>
            <translation>排序(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="144" />
            <source>{0} cases</source>
            <translation>共 {0} 条工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="164" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="167" />
            <source>Not up to date: the database is not answering</source>
            <translation>数据未更新：数据库无响应</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../console/ui/dialogs.py" line="149" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="158" />
            <source>&amp;Test connection</source>
            <translation>测试连接(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="162" />
            <source>Central &amp;database:</source>
            <translation>中心数据库(&amp;D)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="163" />
            <source>Empty: the embedded database of this computer.</source>
            <translation>留空：使用本计算机的内置数据库。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="165" />
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="166" />
            <source>Changes take effect when the console is restarted.</source>
            <translation>更改将在工作台重新启动后生效。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="186" />
            <source>Not a database URL: {0}</source>
            <translation>不是有效的数据库地址：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="195" />
            <source>The embedded database needs no test.</source>
            <translation>内置数据库无需测试。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="197" />
            <source>Connecting to {0}…</source>
            <translation>正在连接 {0}…</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="212" />
            <source>Connected.</source>
            <translation>连接成功。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="218" />
            <source>Could not connect: {0}</source>
            <translation>无法连接：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="231" />
            <source>No keyring on this computer: the password will be asked at each start.</source>
            <translation>本计算机没有可用的密钥环：每次启动时都需要输入密码。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="240" />
            <source>Could not save the settings: {0}</source>
            <translation>无法保存设置：{0}</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <location filename="../../console/ui/dialogs.py" line="42" />
            <location filename="../../console/ui/dialogs.py" line="58" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="51" />
            <source>&amp;User name:</source>
            <translation>用户名(&amp;U)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="52" />
            <source>Database: {0}</source>
            <translation>数据库：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="89" />
            <source>Type your user name.</source>
            <translation>请输入用户名。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="103" />
            <source>No active agent with this user name.</source>
            <translation>该用户名没有对应的在用话务员账号。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="105" />
            <source>Could not sign in: {0}</source>
            <translation>无法登录：{0}</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <location filename="../../console/ui/launch.py" line="100" />
            <source>The database could not be opened.</source>
            <translation>无法打开数据库。</translation>
        </message>
        <message>
            <location filename="../../console/ui/launch.py" line="101" />
            <source>Retry</source>
            <translation>重试</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <location filename="../../console/ui/errors.py" line="35" />
            <source>The database needs an upgrade by an administrator: {0}</source>
            <translation>数据库需要由管理员升级：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="39" />
            <source>The database is not answering. Your work is kept on screen; try again in a moment. ({0})</source>
            <translation>数据库无响应。已填写的内容仍保留在界面上，请稍后重试。（{0}）</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="45" />
            <source>A file could not be read or written: {0}</source>
            <translation>无法读取或写入文件：{0}</translation>
        </message>
    </context>
    <context>
        <name>labels</name>
        <message>
            <location filename="../../console/ui/labels.py" line="13" />
            <source>Received</source>
            <translation>已受理</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="14" />
            <source>Dispatched</source>
            <translation>已派单</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="15" />
            <source>Accepted by unit</source>
            <translation>已签收</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="16" />
            <source>In progress</source>
            <translation>办理中</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="17" />
            <source>Unit replied</source>
            <translation>已反馈</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="18" />
            <source>Returned by unit</source>
            <translation>已退单</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="19" />
            <source>Closed</source>
            <translation>已办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="20" />
            <source>Callback done</source>
            <translation>已回访</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="27" />
            <source>Consultation</source>
            <translation>咨询</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="28" />
            <source>Demand</source>
            <translation>诉求</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="34" />
            <source>Policy question</source>
            <translation>政策咨询</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="35" />
            <source>How-to question</source>
            <translation>办事咨询</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="36" />
            <source>Complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="37" />
            <source>Request for help</source>
            <translation>求助</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="38" />
            <source>Report</source>
            <translation>举报</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="39" />
            <source>Suggestion</source>
            <translation>建议</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="40" />
            <source>Thanks</source>
            <translation>表扬</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="47" />
            <source>Normal</source>
            <translation>一般</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="48" />
            <source>Urgent (1-2-1-3)</source>
            <translation>紧急（1-2-1-3）</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="54" />
            <source>contact citizen</source>
            <translation>联系市民</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="55" />
            <source>on scene</source>
            <translation>到达现场</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="56" />
            <source>initial feedback</source>
            <translation>初步反馈</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="57" />
            <source>final result</source>
            <translation>办结反馈</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="58" />
            <source>unit acknowledges</source>
            <translation>单位签收</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="59" />
            <source>answer</source>
            <translation>答复</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="66" />
            <source>Required.</source>
            <translation>必填项。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="67" />
            <source>This sub-type does not belong to the case type.</source>
            <translation>该子类不属于所选工单类型。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="70" />
            <source>Too short: at least {min} characters.</source>
            <translation>内容过短：至少需要 {min} 个字。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="71" />
            <source>Too long: at most {max} characters.</source>
            <translation>内容过长：最多 {max} 个字。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="72" />
            <source>Not a mainland number: an 11-digit mobile (1xx…) or a landline such as 0757-83381234.</source>
            <translation>不是有效的内地号码：应为 11 位手机号码（1xx…）或固定电话，如 0757-83381234。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="76" />
            <source>A demand needs a callback number, or tick “anonymous”.</source>
            <translation>诉求类工单须留回访电话，或勾选“匿名”。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="79" />
            <source>A unified social credit code has 18 characters.</source>
            <translation>统一社会信用代码应为 18 位。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="82" />
            <source>The check character does not match: a typing error?</source>
            <translation>校验码不符，是否输入有误？</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="85" />
            <source>Only a consultation can be closed on the call.</source>
            <translation>只有咨询类工单可以直接答复办结。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="88" />
            <source>Only a demand is dispatched to a unit.</source>
            <translation>只有诉求类工单才能派单至承办单位。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="91" />
            <source>Unknown value.</source>
            <translation>未知的值。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="102" />
            <source>{d}d {h}h</source>
            <translation>{d}天{h}小时</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="104" />
            <source>{h}h {m}m</source>
            <translation>{h}小时{m}分</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="106" />
            <source>{m}m {s}s</source>
            <translation>{m}分{s}秒</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="110" />
            <source>overdue {0}</source>
            <translation>超时 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="111" />
            <source>{0} left</source>
            <translation>剩余 {0}</translation>
        </message>
    </context>
    <context>
        <name>queue</name>
        <message>
            <location filename="../../console/ui/queue/model.py" line="58" />
            <source>Time left</source>
            <translation>剩余时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="59" />
            <source>Case number</source>
            <translation>工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="60" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="61" />
            <source>Type</source>
            <translation>工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="62" />
            <source>Class</source>
            <translation>业务大类</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="63" />
            <source>Matter category</source>
            <translation>事项分类</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="64" />
            <source>District</source>
            <translation>所属区</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="65" />
            <source>Caller</source>
            <translation>来电人</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="66" />
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="67" />
            <source>Agent</source>
            <translation>话务员</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="68" />
            <source>Handling unit</source>
            <translation>承办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="69" />
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
    </context>
</TS>
