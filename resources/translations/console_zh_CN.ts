<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AccountsDialog</name>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="37" />
            <source>People and accounts</source>
            <translation>人员与账号</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="41" />
            <location filename="../../console/ui/admin/accounts.py" line="63" />
            <source>Username</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="42" />
            <location filename="../../console/ui/admin/accounts.py" line="64" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="43" />
            <location filename="../../console/ui/admin/accounts.py" line="65" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="44" />
            <location filename="../../console/ui/admin/accounts.py" line="66" />
            <source>Unit</source>
            <translation>承办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="45" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="59" />
            <source>— none —</source>
            <translation>— 无 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="68" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="69" />
            <source>Add or update</source>
            <translation>添加或更新</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="70" />
            <source>Disable the selected</source>
            <translation>停用所选账号</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="95" />
            <source>Agent</source>
            <translation>话务员</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="96" />
            <source>Supervisor</source>
            <translation>值班主管</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="97" />
            <source>Administrator</source>
            <translation>系统管理员</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="98" />
            <source>Handling unit</source>
            <translation>承办单位用户</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="118" />
            <source>active</source>
            <translation>启用</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="118" />
            <source>disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="133" />
            <source>Give a username.</source>
            <translation>请填写用户名。</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="152" />
            <source>{0} ({1}) can sign in.</source>
            <translation>{0}（{1}）现在可以登录。</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="159" />
            <source>Not done: {0}</source>
            <translation>未完成：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="172" />
            <source>You cannot disable your own account.</source>
            <translation>不能停用自己的账号。</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="177" />
            <source>Disable an account</source>
            <translation>停用账号</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="178" />
            <source>Disable {0} ({1})? They can no longer sign in.</source>
            <translation>停用 {0}（{1}）？停用后将无法登录。</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/accounts.py" line="194" />
            <source>{0} is disabled.</source>
            <translation>{0} 已停用。</translation>
        </message>
    </context>
    <context>
        <name>ActionBar</name>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="218" />
            <source>Archived: the case is read-only.</source>
            <extracomment>action buttons on one row of the bar the unit a dispatch dialog starts on (the suggestion taken for the case) asks what an action needs; tests replace it. None: cancelled</extracomment>
            <translation>已归档：工单只读。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="220" />
            <source>Nothing for you to do on this case now.</source>
            <translation>当前没有您可以对此工单执行的操作。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="264" />
            <source>Case {0}: {1}.</source>
            <translation>工单 {0}：{1}。</translation>
        </message>
    </context>
    <context>
        <name>ActionDialog</name>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="78" />
            <source>Unit:</source>
            <extracomment>actions that take an optional note besides what they need</extracomment>
            <translation>单位：</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="88" />
            <source>Co-handling units:</source>
            <translation>协办单位：</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="91" />
            <source>the number of the case it repeats</source>
            <translation>所重复的工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="92" />
            <source>Merge into:</source>
            <translation>合并到：</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="97" />
            <source>Until (end of day):</source>
            <translation>延至（当日结束）：</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="101" />
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="102" />
            <source>Basically satisfied</source>
            <translation>基本满意</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="103" />
            <source>Unsatisfied</source>
            <translation>不满意</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="106" />
            <source>Solved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="108" />
            <source>The unit is at fault (reopens the case)</source>
            <translation>承办单位责任（重办）</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="109" />
            <source>Citizen:</source>
            <translation>市民评价：</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="116" />
            <source>Required: the reason, answer or result</source>
            <translation>必填：理由、答复或办理结果</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="118" />
            <source>Note (optional)</source>
            <translation>备注（可选）</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/action_bar.py" line="120" />
            <source>Text:</source>
            <translation>内容：</translation>
        </message>
    </context>
    <context>
        <name>ArticleModel</name>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="65" />
            <source>(expired)</source>
            <translation>（已过期）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="67" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="67" />
            <source>withdrawn</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="75" />
            <source>Question</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="76" />
            <source>Department</source>
            <translation>来源部门</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="77" />
            <source>Valid until</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="78" />
            <source>Active</source>
            <translation>启用</translation>
        </message>
    </context>
    <context>
        <name>AssessmentPanel</name>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="89" />
            <location filename="../../console/ui/reports/screen.py" line="100" />
            <source>Day</source>
            <translation>日</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="90" />
            <source>Month</source>
            <translation>月</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="99" />
            <source>Handling unit</source>
            <translation>承办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="99" />
            <source>District</source>
            <translation>区</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="99" />
            <source>Business class</source>
            <translation>业务大类</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="100" />
            <source>Channel</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="100" />
            <source>Whole city</source>
            <translation>全市</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="110" />
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="111" />
            <source>Export &amp;Excel…</source>
            <translation>导出 &amp;Excel…</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="112" />
            <source>Export &amp;PDF…</source>
            <translation>导出 &amp;PDF…</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="113" />
            <source>&amp;Formulas</source>
            <translation>指标口径(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="123" />
            <source>Period:</source>
            <translation>统计周期：</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="124" />
            <source>By:</source>
            <translation>按：</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="124" />
            <source>Chart:</source>
            <translation>图表：</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="177" />
            <source>(headline)</source>
            <translation>（主指标）</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="182" />
            <source>Figures count the cases received in the period (local time), as their history stands now, against the lead handling unit. Double-click a figure for the cases it counts; right-click for the cases it is measured against.</source>
            <translation>统计口径：本期（北京时间）受理的工单，按其截至目前的办理记录，计入主办单位。双击数字查看计入的工单；右键查看考核范围内的全部工单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="207" />
            <source>Loading {0}…</source>
            <translation>正在加载 {0}…</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="220" />
            <source>{0}: {1} cases received; on-time closure {2}, satisfaction {3}, response {4}</source>
            <translation>{0}：受理 {1} 件；按时办结率 {2}，满意率 {3}，响应率 {4}</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="228" />
            <source>{0}: no cases</source>
            <translation>{0}：无工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="297" />
            <source>Cases counted (numerator)</source>
            <translation>计入的工单（分子）</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="299" />
            <source>Cases measured (denominator)</source>
            <translation>考核的工单（分母）</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="316" />
            <source>counted</source>
            <translation>计入</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="316" />
            <source>measured</source>
            <translation>考核范围</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="336" />
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="338" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="340" />
            <source>Export the report</source>
            <translation>导出报表</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="370" />
            <source>Exporting {0}…</source>
            <translation>正在导出 {0}…</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="375" />
            <source>Report saved to {0}</source>
            <translation>报表已保存到 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="382" />
            <source>Not exported: {0}</source>
            <translation>未能导出：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="394" />
            <source>Could not load the figures: {0}</source>
            <translation>无法加载统计数据：{0}</translation>
        </message>
    </context>
    <context>
        <name>CalendarDialog</name>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="38" />
            <source>Working-day calendar: local overrides</source>
            <translation>工作日历：本地调整</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="41" />
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="41" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="41" />
            <source>Note</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="48" />
            <source>Working day</source>
            <translation>工作日</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="51" />
            <source>Reason, e.g. typhoon closure or State Council notice</source>
            <translation>原因，如台风停工或国务院通知</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="53" />
            <source>&amp;Save day</source>
            <translation>保存该日(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="54" />
            <source>&amp;Remove selected</source>
            <translation>删除所选(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="55" />
            <source>Recompute open cases</source>
            <translation>重算未办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="71" />
            <source>Days listed here override the official calendar (chinesecalendar). Deadlines of open cases change only when you recompute them.</source>
            <translation>此处所列日期覆盖官方日历（chinesecalendar）。未办结工单的时限在重算后才会改变。</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="95" />
            <source>working day</source>
            <translation>工作日</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="95" />
            <source>closed</source>
            <translation>休息日</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="122" />
            <source>Saved. Recompute open cases to apply it.</source>
            <translation>已保存。重算未办结工单后生效。</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="139" />
            <source>Recomputing…</source>
            <translation>正在重算…</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="148" />
            <source>{0} open cases recomputed.</source>
            <translation>已重算 {0} 件未办结工单。</translation>
        </message>
    </context>
    <context>
        <name>CallTabs</name>
        <message>
            <location filename="../../console/ui/telephony/pop.py" line="41" />
            <source>Calls</source>
            <translation>来电</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/pop.py" line="56" />
            <source>Call</source>
            <translation>来电</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/pop.py" line="68" />
            <source>This call's case is not saved: save it or clear it (Ctrl+N) first.</source>
            <translation>此来电的工单尚未保存：请先保存或清空（Ctrl+N）。</translation>
        </message>
    </context>
    <context>
        <name>CallbackScreen</name>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="46" />
            <source>Also show calls to retry later</source>
            <translation>同时显示稍后再拨的工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="50" />
            <source>Case number</source>
            <translation>工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="51" />
            <source>Closed</source>
            <translation>办结时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="52" />
            <source>Callback due</source>
            <translation>回访期限</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="54" />
            <source>Attempts</source>
            <translation>未接通</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="57" />
            <source>Unit</source>
            <translation>承办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="58" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="77" />
            <source>1. Are you satisfied with how your demand was handled?</source>
            <translation>一、您对诉求的办理结果是否满意？</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="82" />
            <source>Satisfied (Alt+1)</source>
            <translation>满意 (Alt+1)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="83" />
            <source>Basically satisfied (Alt+2)</source>
            <translation>基本满意 (Alt+2)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="84" />
            <source>Unsatisfied (Alt+3)</source>
            <translation>不满意 (Alt+3)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="90" />
            <source>2. Has your problem been solved?</source>
            <translation>二、您反映的问题是否已经解决？</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="92" />
            <source>Solved (Alt+Y)</source>
            <translation>已解决 (Alt+Y)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="93" />
            <source>Not solved (Alt+N)</source>
            <translation>未解决 (Alt+N)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="99" />
            <source>The reason is the unit's handling: reopen the case (Alt+F)</source>
            <translation>不满意原因属承办单位办理问题，退回重办 (Alt+F)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="103" />
            <source>The citizen's words (required to reopen)</source>
            <translation>记录市民原话（重办时必填）</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="105" />
            <source>Save callback (Ctrl+Enter)</source>
            <translation>保存回访结果 (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="107" />
            <source>Not reached (Ctrl+U)</source>
            <translation>未接通 (Ctrl+U)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="118" />
            <source>Citizen:</source>
            <translation>市民：</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="125" />
            <source>3. Anything else you would like to tell us? (Alt+C)</source>
            <translation>三、您还有其他意见或建议吗？(Alt+C)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="213" />
            <source>No callback due. Select a case on the left.</source>
            <translation>暂无待回访工单。请在左侧选择工单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="221" />
            <source>Hello, this is the 12345 citizen hotline calling back about your demand “{title}”. {unit} reported on {date}: “{reply}”. May I ask you two short questions?</source>
            <translation>您好，这里是12345市民服务热线，就您反映的“{title}”进行回访。{unit}已于{date}答复：“{reply}”。耽误您一点时间，想请您回答两个问题，可以吗？</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="226" />
            <source>Attempt {0} of {1}.</source>
            <translation>第 {0} 次拨打（共 {1} 次）。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="288" />
            <source>Case {0} reopened (round {1}) and sent back to its unit.</source>
            <translation>工单 {0} 已退回承办单位重办（第 {1} 轮）。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="292" />
            <source>Case {0}: citizen not reached {1} times, callback closed.</source>
            <translation>工单 {0}：{1} 次均未联系上市民，回访结束。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="297" />
            <source>Case {0}: not reached (attempt {1}) at {2}; try again later.</source>
            <translation>工单 {0}：{2} 第 {1} 次拨打未接通，请稍后再拨。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/callbacks.py" line="300" />
            <source>Case {0}: callback recorded.</source>
            <translation>工单 {0}：回访结果已保存。</translation>
        </message>
    </context>
    <context>
        <name>CallerHistoryPanel</name>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="40" />
            <source>Looking up {0}…</source>
            <translation>正在查询 {0}…</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="51" />
            <source>Type the caller's number to see their cases.</source>
            <translation>输入来电号码即可查看其历史工单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="55" />
            <source>First call from this number.</source>
            <translation>该号码首次来电。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="59" />
            <source>{0} earlier cases, {1} open. Newest first.</source>
            <translation>历史工单 {0} 件，未办结 {1} 件，按时间倒序。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="122" />
            <source>Call added to case {0} ({1}). Read its number to the caller.</source>
            <translation>本次来电已追加到工单 {0}（{1}），请向来电人告知该编号。</translation>
        </message>
    </context>
    <context>
        <name>CaseEditDialog</name>
        <message>
            <location filename="../../console/ui/case/edit.py" line="112" />
            <source>Edit case {0}</source>
            <translation>修改工单 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="122" />
            <source>&amp;Save changes</source>
            <translation>保存修改(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="266" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="275" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="284" />
            <source>Not saved: {0} changed this case since you opened it. Compare the changes, then merge or reload.</source>
            <translation>未保存：在您打开之后，{0} 修改了这张工单。请对照改动，然后合并或重新载入。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="286" />
            <location filename="../../console/ui/case/edit.py" line="347" />
            <source>someone else</source>
            <translation>其他人</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="291" />
            <source>Not saved: please correct the marked fields.</source>
            <translation>未保存：请修改标出的栏目。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="297" />
            <source>Not saved: you may not edit this case (it is closed or held by another agent).</source>
            <translation>未保存：您不能修改这张工单（已办结或由其他坐席处理中）。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="302" />
            <source>Not saved: {0}</source>
            <translation>未保存：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="304" />
            <source>Not saved. Your changes are still here.</source>
            <translation>未保存。您的修改仍保留在此。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="346" />
            <source>Reloaded: the case as saved by {0}; your changes were discarded.</source>
            <translation>已重新载入 {0} 保存的工单内容，您的修改已放弃。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="352" />
            <source>Not saved. Your changes are still here; saving again compares them.</source>
            <translation>未保存。您的修改仍保留在此，再次保存时会重新比对。</translation>
        </message>
    </context>
    <context>
        <name>CaseEntryScreen</name>
        <message>
            <location filename="../../console/ui/intake/form.py" line="136" />
            <source>C&amp;hannel</source>
            <translation>来源渠道(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="141" />
            <source>Type</source>
            <translation>工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="153" />
            <source>C&amp;lass</source>
            <translation>业务大类(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="168" />
            <source>Matter ca&amp;tegory</source>
            <translation>事项分类(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="172" />
            <source>&amp;District / town</source>
            <translation>区/镇街(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="174" />
            <source>&amp;Address</source>
            <translation>地址(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="133" />
            <source>Caller &amp;name</source>
            <translation>来电人姓名(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="128" />
            <source>&amp;Phone</source>
            <translation>联系电话(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="146" />
            <source>What the caller asks or reports (the knowledge base searches as you type)</source>
            <translation>来电人咨询或反映的内容（输入时自动检索知识库）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="159" />
            <source>Type any part of a category name, or pinyin initials (e.g. zywr)</source>
            <translation>输入分类名称中的任意文字，或拼音首字母（如 zywr）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="179" />
            <source>&amp;Enterprise</source>
            <translation>企业(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="180" />
            <source>Credit code</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="194" />
            <source>The answer given on the call (Ctrl+I inserts the selected article)</source>
            <translation>通话中给出的答复（Ctrl+I 插入所选知识条目）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="223" />
            <source>Save ({0})</source>
            <translation>保存 ({0})</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="225" />
            <source>Answer and close ({0})</source>
            <translation>答复并办结 ({0})</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="228" />
            <source>Save and dispatch ({0})</source>
            <translation>保存并派单 ({0})</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="230" />
            <source>New case ({0})</source>
            <translation>新建工单 ({0})</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="501" />
            <source>New case</source>
            <translation>新建工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="502" />
            <source>The call being typed has not been saved. Discard it?</source>
            <translation>正在录入的来电尚未保存。确定要放弃吗？</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="503" />
            <source>&amp;Discard it</source>
            <translation>放弃(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="504" />
            <source>&amp;Keep typing</source>
            <translation>继续录入(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="556" />
            <source>Very urgent (特急): {0} — hand it to {1} and record the hand-off.</source>
            <translation>特急：{0}——请转 {1} 并记录转接。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="561" />
            <source>Urgent matter (紧急): {0} — tick Urgent.</source>
            <translation>紧急事项：{0}——请勾选“紧急”。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="148" />
            <source>Descr&amp;iption</source>
            <translation>来电内容(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="184" />
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="197" />
            <source>Ans&amp;wer</source>
            <translation>答复内容(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="207" />
            <source>Co-handling units: Space ticks or unticks</source>
            <translation>协办单位：按空格键勾选或取消</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="210" />
            <source>Dispatch note for the handling unit</source>
            <translation>给承办单位的派单意见</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="216" />
            <source>Co-handling units</source>
            <translation>协办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="220" />
            <source>Handli&amp;ng unit</source>
            <translation>承办单位(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="404" />
            <source>— choose a unit —</source>
            <translation>— 请选择承办单位 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="424" />
            <source>Restored the unsaved call from {0}.</source>
            <translation>已恢复 {0} 未保存的来电记录。</translation>
        </message>
    </context>
    <context>
        <name>CaseViewDialog</name>
        <message>
            <location filename="../../console/ui/case/view.py" line="53" />
            <source>Case</source>
            <extracomment>the fields shown in the right-hand column</extracomment>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="62" />
            <source>Case number</source>
            <translation>工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="63" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="64" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="65" />
            <location filename="../../console/ui/case/view.py" line="128" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="66" />
            <source>Class</source>
            <translation>业务大类</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="67" />
            <source>Matter category</source>
            <translation>事项分类</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="68" />
            <source>District</source>
            <translation>区</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="69" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="70" />
            <source>Caller</source>
            <translation>来电人</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="71" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="72" />
            <source>Agent</source>
            <translation>坐席</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="73" />
            <source>Handling unit</source>
            <translation>承办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="74" />
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="75" />
            <source>Next deadline</source>
            <translation>下一时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="76" />
            <source>Also open at</source>
            <translation>同时打开</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="89" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="89" />
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="89" />
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="97" />
            <source>&amp;Edit…</source>
            <translation>修改(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="113" />
            <source>Description:</source>
            <translation>诉求内容：</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="119" />
            <source>Deadlines</source>
            <translation>办理时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="120" />
            <source>History</source>
            <translation>办理记录</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="124" />
            <source>Calls</source>
            <translation>通话</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="128" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="128" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="128" />
            <source>From</source>
            <translation>来自</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="133" />
            <source>Double-click to save a copy</source>
            <translation>双击保存副本</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="136" />
            <source>Attachments</source>
            <translation>附件</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="198" />
            <source>Attachments ({0})</source>
            <translation>附件（{0}）</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="211" />
            <source>Save attachment</source>
            <translation>保存附件</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="236" />
            <source>Case {0}</source>
            <translation>工单 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="248" />
            <source>(nobody)</source>
            <translation>（无人）</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="278" />
            <source>This case is closed: only a supervisor can edit it.</source>
            <translation>该工单已办结，只有值班长可以修改。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="280" />
            <source>Another agent holds this case: only they or a supervisor can edit it.</source>
            <translation>该工单由其他坐席处理中，只有该坐席或值班长可以修改。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="283" />
            <source>The caller is confidential: claim the case first to edit it.</source>
            <translation>来电人信息保密：请先领取该工单再修改。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/view.py" line="285" />
            <source>This case is archived: it is read-only.</source>
            <translation>此工单已归档，只读。</translation>
        </message>
    </context>
    <context>
        <name>CasesDialog</name>
        <message>
            <location filename="../../console/ui/reports/widgets.py" line="55" />
            <source>{0} cases</source>
            <translation>共 {0} 件</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/widgets.py" line="57" />
            <source>{0} cases, the first {1} shown</source>
            <translation>共 {0} 件，显示前 {1} 件</translation>
        </message>
    </context>
    <context>
        <name>CasesModel</name>
        <message>
            <location filename="../../console/ui/reports/models.py" line="120" />
            <source>Case number</source>
            <translation>工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="120" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="120" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="120" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="121" />
            <source>Handling unit</source>
            <translation>承办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="121" />
            <source>District</source>
            <translation>区</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="121" />
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
    </context>
    <context>
        <name>CentralSignInDialog</name>
        <message>
            <location filename="../../console/ui/signin.py" line="79" />
            <location filename="../../console/ui/signin.py" line="98" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../../console/ui/signin.py" line="84" />
            <source>&amp;Remember my password on this computer</source>
            <translation>在本机记住密码(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../console/ui/signin.py" line="89" />
            <source>&amp;User name:</source>
            <translation>用户名(&amp;U)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/signin.py" line="90" />
            <source>&amp;Password:</source>
            <translation>密码(&amp;P)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/signin.py" line="92" />
            <source>Database: {0}</source>
            <translation>数据库：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/signin.py" line="99" />
            <source>Se&amp;ttings…</source>
            <translation>设置(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/signin.py" line="131" />
            <source>Type your user name.</source>
            <translation>请输入用户名。</translation>
        </message>
        <message>
            <location filename="../../console/ui/signin.py" line="135" />
            <source>Type your password.</source>
            <translation>请输入密码。</translation>
        </message>
        <message>
            <location filename="../../console/ui/signin.py" line="139" />
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
    </context>
    <context>
        <name>CentreScreen</name>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="48" />
            <location filename="../../console/ui/loop/centre.py" line="96" />
            <location filename="../../console/ui/loop/centre.py" line="124" />
            <location filename="../../console/ui/loop/centre.py" line="136" />
            <source>Case number</source>
            <translation>工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="49" />
            <location filename="../../console/ui/loop/centre.py" line="129" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="50" />
            <location filename="../../console/ui/loop/centre.py" line="126" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="51" />
            <location filename="../../console/ui/loop/centre.py" line="128" />
            <source>Due</source>
            <translation>截止时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="53" />
            <source>Time left</source>
            <translation>剩余时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="63" />
            <source>&amp;Accept result and close</source>
            <translation>审核通过并办结(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="65" />
            <source>&amp;Send back…</source>
            <translation>退回重办(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="69" />
            <source>&amp;Re-dispatch to</source>
            <translation>重新派单至(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="72" />
            <source>Accept re&amp;turn</source>
            <translation>同意退单(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="74" />
            <source>Refuse return (&amp;improper)…</source>
            <translation>驳回退单（不当退单）(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="76" />
            <source>&amp;Escalate…</source>
            <translation>提交值班长(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="78" />
            <source>&amp;Open case…</source>
            <translation>查看工单(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="97" />
            <source>Time limit</source>
            <translation>办理时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="98" />
            <source>Requested deadline</source>
            <translation>申请延至</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="99" />
            <source>Asked at</source>
            <translation>申请时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="100" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="104" />
            <source>A&amp;pprove</source>
            <translation>同意延期(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="106" />
            <source>Re&amp;fuse…</source>
            <translation>不同意(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="118" />
            <source>To review</source>
            <translation>待审核</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="119" />
            <source>Extension requests</source>
            <translation>延期申请</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="125" />
            <source>Unit</source>
            <translation>承办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="127" />
            <source>Next deadline</source>
            <translation>下一时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="135" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="137" />
            <source>From</source>
            <translation>发起人</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="138" />
            <source>Text</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="142" />
            <source>Re&amp;mind unit…</source>
            <translation>催办(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="144" />
            <source>Super&amp;vision order…</source>
            <translation>督办(&amp;V)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="146" />
            <source>&amp;Close escalation</source>
            <translation>处理完毕(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="151" />
            <source>Overdue cases with units</source>
            <translation>承办单位超时工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="158" />
            <source>Escalations</source>
            <translation>提级处理</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="161" />
            <source>Supervision</source>
            <translation>督办</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="190" />
            <source>Level (1: the centre, 2: the city's leadership)</source>
            <translation>督办级别（1：中心督办，2：市领导督办）</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="219" />
            <source>To review ({0})</source>
            <translation>待审核（{0}）</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="220" />
            <source>Extension requests ({0})</source>
            <translation>延期申请（{0}）</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="223" />
            <source>Supervision ({0})</source>
            <translation>督办（{0}）</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="256" />
            <source>Send back</source>
            <translation>退回重办</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="256" />
            <source>What the unit must do again, and why</source>
            <translation>请写明退回原因及需补充办理的内容</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="263" />
            <source>Case {0} closed: due its callback.</source>
            <translation>工单 {0} 已办结，待回访。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="264" />
            <source>Case {0} sent back to the unit.</source>
            <translation>工单 {0} 已退回承办单位重新办理。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="275" />
            <source>Refuse the return</source>
            <translation>驳回退单</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="276" />
            <source>Why the case is the unit's (counted as an improper return)</source>
            <translation>为何属于该单位职责（计为不当退单）</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="284" />
            <source>Case {0}: return accepted, to triage again.</source>
            <translation>工单 {0}：已同意退单，重新分拨。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="285" />
            <source>Case {0} goes back to the unit (improper return).</source>
            <translation>工单 {0} 已退回承办单位（不当退单）。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="297" />
            <source>Case {0} dispatched to {1}.</source>
            <translation>工单 {0} 已派往{1}。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="304" />
            <source>Escalate</source>
            <translation>提交值班长</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="304" />
            <source>Why a supervisor must look</source>
            <translation>需要值班长处理的原因</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="308" />
            <source>Case {0} escalated to the supervisors.</source>
            <translation>工单 {0} 已提交值班长。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="317" />
            <source>Refuse extension</source>
            <translation>不同意延期</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="317" />
            <source>Why it is refused</source>
            <translation>不同意的理由</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="323" />
            <source>Extension of case {0} approved.</source>
            <translation>工单 {0} 的延期申请已同意。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="324" />
            <source>Extension of case {0} refused.</source>
            <translation>工单 {0} 的延期申请未获同意。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="332" />
            <source>Supervision order</source>
            <translation>督办</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="332" />
            <source>Remind unit</source>
            <translation>催办</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="333" />
            <source>Message to {0}</source>
            <translation>发给{0}的内容</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="343" />
            <source>Supervision order sent to {0}.</source>
            <translation>已向{0}发出督办。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="347" />
            <source>Please handle.</source>
            <translation>请尽快办理。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="348" />
            <source>Reminder sent to {0}.</source>
            <translation>已向{0}发出催办。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/centre.py" line="356" />
            <source>Escalation closed.</source>
            <translation>已处理完毕。</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <location filename="../../console/ui/case/edit.py" line="364" />
            <source>Case {0} was changed meanwhile</source>
            <translation>工单 {0} 已被他人修改</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="367" />
            <source>someone else</source>
            <translation>其他人</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="371" />
            <source>{0} saved this case after you opened it. Nothing of yours was saved. Fields only one of you changed are merged; where you both changed a field, choose which value to keep.</source>
            <translation>在您打开之后，{0} 保存了这张工单，您的修改尚未保存。只有一方改动的栏目会自动合并；双方都改动的栏目，请逐项选择保留哪一个。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="381" />
            <source>Field</source>
            <translation>栏目</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="382" />
            <source>Original</source>
            <translation>原值</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="383" />
            <source>Theirs ({0})</source>
            <translation>对方（{0}）</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="384" />
            <location filename="../../console/ui/case/edit.py" line="434" />
            <location filename="../../console/ui/case/edit.py" line="439" />
            <source>Yours</source>
            <translation>我的</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="385" />
            <source>Keep</source>
            <translation>保留</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="401" />
            <source>&amp;Merge and save</source>
            <translation>合并并保存(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="402" />
            <source>&amp;Reload theirs (discard mine)</source>
            <translation>重新载入对方版本，放弃我的(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="403" />
            <source>&amp;Back to editing</source>
            <translation>返回修改(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="432" />
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="433" />
            <location filename="../../console/ui/case/edit.py" line="439" />
            <source>Theirs</source>
            <translation>对方的</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="441" />
            <source>Same</source>
            <translation>相同</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../console/ui/crash.py" line="29" />
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <location filename="../../console/ui/crash.py" line="33" />
            <source>Something went wrong inside the console. Your saved cases are safe in the database. Please send the text below to support.

{0}</source>
            <translation>工作台内部出现错误。已保存的工单仍安全存放在数据库中。请将以下内容发送给技术支持。

{0}</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesPanel</name>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="237" />
            <source>Same issue as {0}: saving (Ctrl+S) records this call there; it is not dispatched again.</source>
            <translation>与 {0} 为同一问题：保存（Ctrl+S）后记入该工单，不再重复派单。</translation>
        </message>
    </context>
    <context>
        <name>ExtensionDialog</name>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="58" />
            <source>Milestone:</source>
            <translation>节点：</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/dialogs.py" line="66" />
            <source>Request an extension</source>
            <translation>申请延期</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/dialogs.py" line="66" />
            <source>Why more time is needed</source>
            <translation>需要延期的原因</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/dialogs.py" line="77" />
            <source>Time limit:</source>
            <translation>办理时限：</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/dialogs.py" line="78" />
            <location filename="../../console/ui/sla_panel.py" line="59" />
            <source>New deadline:</source>
            <translation>新时限：</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="60" />
            <source>Reason:</source>
            <translation>理由：</translation>
        </message>
    </context>
    <context>
        <name>FileDialog</name>
        <message>
            <location filename="../../console/ui/files.py" line="24" />
            <source>Look in:</source>
            <translation>查找范围：</translation>
        </message>
        <message>
            <location filename="../../console/ui/files.py" line="25" />
            <source>File &amp;name:</source>
            <translation>文件名(&amp;N)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/files.py" line="26" />
            <source>Files of type:</source>
            <translation>文件类型：</translation>
        </message>
        <message>
            <location filename="../../console/ui/files.py" line="29" />
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../console/ui/files.py" line="31" />
            <source>&amp;Open</source>
            <translation>打开(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../console/ui/files.py" line="33" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>FilterDialog</name>
        <message>
            <location filename="../../console/ui/queue/filters.py" line="29" />
            <source>Filter the queue</source>
            <translation>筛选工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/filters.py" line="35" />
            <source>(any)</source>
            <translation>（不限）</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/filters.py" line="56" />
            <source>&amp;Class:</source>
            <translation>业务大类(&amp;C)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/filters.py" line="57" />
            <source>Matter c&amp;ategory:</source>
            <translation>事项分类(&amp;A)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/filters.py" line="58" />
            <source>&amp;District:</source>
            <translation>区(&amp;D)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/filters.py" line="59" />
            <source>Handling &amp;unit:</source>
            <translation>承办单位(&amp;U)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/filters.py" line="60" />
            <source>C&amp;hannel:</source>
            <translation>来源渠道(&amp;H)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/filters.py" line="61" />
            <source>&amp;Status:</source>
            <translation>状态(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/filters.py" line="62" />
            <source>&amp;Urgency:</source>
            <translation>紧急程度(&amp;U)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/filters.py" line="64" />
            <source>case number, caller or words of the description</source>
            <translation>工单编号、来电人或诉求内容中的文字</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/filters.py" line="65" />
            <source>&amp;Text:</source>
            <translation>文字(&amp;T)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/filters.py" line="80" />
            <source>Clear</source>
            <translation>清除</translation>
        </message>
    </context>
    <context>
        <name>FirstStartDialog</name>
        <message>
            <location filename="../../console/ui/dialogs.py" line="133" />
            <source>Welcome</source>
            <translation>欢迎</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="137" />
            <source>This is the first start of the hotline console on this computer.

• Demo: a separate, clearly labelled database with a realistic week of cases, so you can see queues and countdowns at work.
• Empty: the console's own database on this computer, ready for real cases. To use the central database, open File → Settings.</source>
            <translation>这是热线工作台在本计算机上的首次启动。

• 演示：使用一个单独且有明确标识的数据库，内含一周的仿真工单，可直观查看工单队列和倒计时的运行效果。
• 空库：使用本计算机上的工作台自带数据库，可直接受理真实工单。如需使用中心数据库，请打开“文件 → 设置”。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="145" />
            <source>Open the &amp;demo</source>
            <translation>打开演示(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="146" />
            <source>Start &amp;empty</source>
            <translation>从空库开始(&amp;E)</translation>
        </message>
    </context>
    <context>
        <name>FormSaving</name>
        <message>
            <location filename="../../console/ui/intake/form_saving.py" line="61" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form_saving.py" line="75" />
            <source>Saved on this workstation: the central database is unreachable, the case will be sent automatically. Read the number to the caller.</source>
            <translation>已保存在本机：暂时连不上中心数据库，恢复后将自动补传。请向来电人读出工单编号。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form_saving.py" line="80" />
            <source>Recorded as the same issue as {0}. Read the number to the caller.</source>
            <translation>已作为与 {0} 相同的问题记录，请向来电人告知编号。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form_saving.py" line="84" />
            <source>{0} — saved. Read the number to the caller.</source>
            <translation>{0} — 已保存，请向来电人告知工单编号。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form_saving.py" line="94" />
            <source>Not saved: please correct the marked fields.</source>
            <translation>未保存：请更正标出的字段。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form_saving.py" line="98" />
            <source>Not saved: {0}</source>
            <translation>未保存：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form_saving.py" line="100" />
            <source>Not saved. Everything you typed is still here.</source>
            <translation>未保存。已填写的内容均已保留。</translation>
        </message>
    </context>
    <context>
        <name>HandoverPanel</name>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="63" />
            <location filename="../../console/ui/handover/panel.py" line="249" />
            <source>No handover open</source>
            <translation>未打开交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="67" />
            <source>Open this shift's handover</source>
            <translation>打开本班交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="68" />
            <source>Prepare the previous shift's (late)</source>
            <translation>补做上一班交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="70" />
            <source>Rebuild from the database</source>
            <translation>从数据库重新生成</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="71" />
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="72" />
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="101" />
            <source>Assign selected</source>
            <translation>指派所选</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="103" />
            <source>Double-click a note to edit it. Assign to:</source>
            <translation>双击备注可编辑。指派给：</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="106" />
            <source>Open cases listed one by one</source>
            <translation>逐条列出的未办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="113" />
            <source>Open cases counted in groups (tick to accept)</source>
            <translation>按组计数的未办结工单（勾选表示确认接收）</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="116" />
            <source>Log an incident…</source>
            <translation>登记异常事件…</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="117" />
            <source>Incidents during the shift</source>
            <translation>本班异常事件</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="122" />
            <source>Notes for the whole shift</source>
            <translation>整班交接说明</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="123" />
            <source>Save notes</source>
            <translation>保存说明</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="124" />
            <source>Notes for the incoming shift</source>
            <translation>给接班的说明</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="145" />
            <location filename="../../console/ui/handover/panel.py" line="521" />
            <source>Submit the handover</source>
            <translation>提交交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="148" />
            <source>Acknowledgement note (optional)</source>
            <translation>接班确认意见（可选）</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="149" />
            <source>Acknowledge</source>
            <translation>确认接班</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="224" />
            <source>Not submitted: {0} group(s) of open cases still need your acceptance.</source>
            <translation>未提交：还有 {0} 组未办结工单需要您确认。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="252" />
            <source>Near the end of your shift, open its handover: it is built from the database and lists every case still open that needs the next shift.</source>
            <translation>临近下班时请打开本班交接单：交接单由数据库自动生成，列出所有需要下一班跟进的未办结工单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="266" />
            <source>Handover: {0}</source>
            <translation>交接单：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="269" />
            <source>as of {0}</source>
            <translation>截至 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="272" />
            <source>submitted by {0} at {1}</source>
            <translation>{0} 于 {1} 提交</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="278" />
            <source>acknowledged by {0} at {1} — read-only</source>
            <translation>{0} 于 {1} 确认接班 — 只读</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="286" />
            <source>Carried from {0} to {1}: {2} received, {3} closed, {4} listed.</source>
            <translation>并入 {0} 至 {1}：受理 {2}，办结 {3}，列出 {4}。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="300" />
            <source>{0} — {1}: {2}</source>
            <translation>{0} — {1}：{2}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="334" />
            <source>{0} open case(s) are counted in {1} group(s) you have not accepted: tick each group to accept it, or nothing can be submitted.</source>
            <translation>有 {0} 件未办结工单计入 {1} 个尚未确认的分组：请逐组勾选确认，否则无法提交。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="343" />
            <source>Nothing lost: {0} open cases, {1} listed, {2} in accepted groups.</source>
            <translation>无遗漏：未办结 {0} 件，逐条列出 {1} 件，已确认分组 {2} 件。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="348" />
            <source>Waiting for the incoming supervisor.</source>
            <translation>等待接班主管确认。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="363" />
            <source>&lt;b&gt;Received&lt;/b&gt; {0} ({1}; {2}) · &lt;b&gt;closed on the call&lt;/b&gt; {3} · &lt;b&gt;dispatched&lt;/b&gt; {4} · &lt;b&gt;closed&lt;/b&gt; {5} · &lt;b&gt;breached&lt;/b&gt; {6} · &lt;b&gt;callbacks promised&lt;/b&gt; {7} · &lt;b&gt;escalations&lt;/b&gt; {8} · &lt;b&gt;incidents&lt;/b&gt; {9} · &lt;b&gt;open&lt;/b&gt; {10} = {11} listed + {12} grouped</source>
            <translation>&lt;b&gt;受理&lt;/b&gt; {0}（{1}；{2}）· &lt;b&gt;直接答复办结&lt;/b&gt; {3} · &lt;b&gt;派单&lt;/b&gt; {4} · &lt;b&gt;办结&lt;/b&gt; {5} · &lt;b&gt;超时&lt;/b&gt; {6} · &lt;b&gt;承诺回电&lt;/b&gt; {7} · &lt;b&gt;升级/紧急&lt;/b&gt; {8} · &lt;b&gt;异常事件&lt;/b&gt; {9} · &lt;b&gt;未办结&lt;/b&gt; {10} = 列出 {11} + 分组 {12}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="388" />
            <source>(nobody)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="486" />
            <source>Agent incident</source>
            <translation>坐席异常</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="486" />
            <source>System incident</source>
            <translation>系统异常</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="488" />
            <location filename="../../console/ui/handover/panel.py" line="493" />
            <source>Log an incident</source>
            <translation>登记异常事件</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="488" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="493" />
            <source>What happened, since when, what was done</source>
            <translation>发生了什么、从何时开始、已采取什么措施</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="511" />
            <source>Incident logged.</source>
            <translation>异常事件已登记。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="524" />
            <source>Submit the handover of {0}? {1} cases listed, {2} flagged. It can no longer be changed afterwards.</source>
            <translation>提交 {0} 的交接单？共列出 {1} 件工单，其中 {2} 件已标记。提交后不能再修改。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="528" />
            <source>&amp;Submit</source>
            <translation>提交(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="529" />
            <source>&amp;Not yet</source>
            <translation>暂不提交(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="552" />
            <source>Handover of {0} submitted.</source>
            <translation>{0} 交接单已提交。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="571" />
            <source>Handover of {0} acknowledged.</source>
            <translation>{0} 交接单已确认接班。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="585" />
            <source>Export the handover to PDF</source>
            <translation>导出交接单为 PDF</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="585" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/panel.py" line="589" />
            <source>Saved {0}</source>
            <translation>已保存 {0}</translation>
        </message>
    </context>
    <context>
        <name>HandoverScreen</name>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="45" />
            <source>Current shift</source>
            <translation>当前班次</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="48" />
            <source>Refresh (F5)</source>
            <translation>刷新 (F5)</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="49" />
            <source>Shifts and roster…</source>
            <translation>班次与排班…</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="72" />
            <source>Received this shift</source>
            <translation>本班受理</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="73" />
            <source>Consultations closed on the call</source>
            <translation>咨询直接答复办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="74" />
            <source>Demands dispatched</source>
            <translation>诉求已派单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="75" />
            <source>Cases closed</source>
            <translation>已办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="76" />
            <source>Open now (all shifts)</source>
            <translation>当前未办结（全部班次）</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="77" />
            <source>Open and overdue</source>
            <translation>未办结且已超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="78" />
            <source>Falling due next shift</source>
            <translation>下一班次到期</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="82" />
            <source>Click to list these cases</source>
            <translation>点击列出这些工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="87" />
            <source>Channel</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="87" />
            <location filename="../../console/ui/handover/screen.py" line="88" />
            <source>Received</source>
            <translation>受理量</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="88" />
            <source>Type</source>
            <translation>工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="90" />
            <source>By channel</source>
            <translation>按来源渠道</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="92" />
            <source>By type</source>
            <translation>按工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="105" />
            <source>This shift</source>
            <translation>本班概况</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="106" />
            <source>Handover</source>
            <translation>交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="107" />
            <source>Flagged for this shift</source>
            <translation>上一班标记事项</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="108" />
            <source>History</source>
            <translation>历史交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="191" />
            <source>Not up to date</source>
            <translation>数据未更新</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="210" />
            <source>Now: {0}</source>
            <translation>当前：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="212" />
            <source>supervisors: {0}</source>
            <translation>值班主管：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="215" />
            <source>{0} signed in: {1}</source>
            <translation>{0} 人已签到：{1}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="218" />
            <source>{0} flagged item(s) not done</source>
            <translation>{0} 项标记事项未完成</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="223" />
            <source>Warning: {0} ended without a submitted handover. Its work is carried into this shift's handover; its supervisor can still prepare it late.</source>
            <translation>注意：{0} 结束时未提交交接单。其工作已并入本班交接单；该班主管仍可补做交接单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="232" />
            <source>The handover of {0} (by {1}) is waiting for the incoming supervisor's acknowledgement.</source>
            <translation>{0} 的交接单（{1} 提交）等待接班主管确认。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="248" />
            <source>Review</source>
            <translation>查看</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="261" />
            <source>{0} shift, {1} {2}–{3}</source>
            <translation>{0}，{1} {2}–{3}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="291" />
            <source>Updated {0}</source>
            <translation>更新于 {0}</translation>
        </message>
    </context>
    <context>
        <name>HistoryPanel</name>
        <message>
            <location filename="../../console/ui/handover/lists.py" line="75" />
            <source>Search: a date (2026-11-27), a shift, a supervisor, a case number, a note</source>
            <translation>搜索：日期（2026-11-27）、班次、主管、工单编号、备注</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/lists.py" line="80" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
    </context>
    <context>
        <name>HotspotsModel</name>
        <message>
            <location filename="../../console/ui/reports/models.py" line="158" />
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="158" />
            <source>Issue</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="158" />
            <source>Cases</source>
            <translation>件数</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="158" />
            <source>Previous</source>
            <translation>上期</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="159" />
            <source>Change</source>
            <translation>变化</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="159" />
            <source>Keywords</source>
            <translation>关键词</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="159" />
            <source>Kind</source>
            <translation>性质</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="159" />
            <source>Review</source>
            <translation>研判</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="163" />
            <source>common</source>
            <translation>普遍</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="165" />
            <source>strongly felt</source>
            <translation>反映强烈</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="167" />
            <source>repeated</source>
            <translation>反复出现</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="172" />
            <source>Confirmed by {0}</source>
            <translation>{0} 已确认</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="174" />
            <source>Dismissed by {0}</source>
            <translation>{0} 已排除</translation>
        </message>
    </context>
    <context>
        <name>HotspotsPanel</name>
        <message>
            <location filename="../../console/ui/reports/hotspots.py" line="43" />
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/hotspots.py" line="47" />
            <source>Show dismissed</source>
            <translation>显示已排除</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/hotspots.py" line="48" />
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/hotspots.py" line="49" />
            <source>&amp;Confirm</source>
            <translation>确认(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/hotspots.py" line="50" />
            <source>&amp;Dismiss</source>
            <translation>排除(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/hotspots.py" line="51" />
            <source>Clear verdict</source>
            <translation>撤销研判</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/hotspots.py" line="58" />
            <source>Window:</source>
            <translation>统计窗口：</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/hotspots.py" line="60" />
            <source>At least:</source>
            <translation>最少件数：</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/hotspots.py" line="86" />
            <source>Grouping the recent cases…</source>
            <translation>正在归集近期工单…</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/hotspots.py" line="97" />
            <source>{0} groups among {1} cases from {2} to {3}, against the {4} days before</source>
            <translation>{2} 至 {3} 的 {1} 件工单中归集出 {0} 组热点，与前 {4} 天比较</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/hotspots.py" line="148" />
            <source>Could not build the hotspots: {0}</source>
            <translation>无法生成热点：{0}</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="45" />
            <source>Import web messages</source>
            <translation>导入网络渠道留言</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="48" />
            <source>An .xlsx or .csv export of a web channel</source>
            <translation>网络渠道导出的 .xlsx 或 .csv 文件</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="49" />
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="58" />
            <source>&amp;Import</source>
            <translation>导入(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="59" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="64" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="67" />
            <source>&amp;Channel</source>
            <translation>渠道(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="97" />
            <source>Web-channel export</source>
            <translation>网络渠道导出文件</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="97" />
            <source>Exports (*.xlsx *.csv)</source>
            <translation>导出文件 (*.xlsx *.csv)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="109" />
            <source>Reading {0}…</source>
            <translation>正在读取 {0}…</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="123" />
            <source>{0} of {1} messages</source>
            <translation>已处理 {0} / {1} 条留言</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="130" />
            <source>{0} new cases, {1} already imported, {2} rejected, {3} blank rows.</source>
            <translation>新建工单 {0} 件，已导入过 {1} 条，拒收 {2} 条，空行 {3} 行。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="147" />
            <source>{0}: {1} rows read, channel {2}</source>
            <translation>{0}：读取 {1} 行，渠道：{2}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="150" />
            <source>  new cases: {0}</source>
            <translation>  新建工单：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="151" />
            <source>  already imported: {0}</source>
            <translation>  此前已导入：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="152" />
            <source>  blank rows ignored: {0}</source>
            <translation>  忽略空行：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="153" />
            <source>  rejected: {0}</source>
            <translation>  未导入：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="157" />
            <source>    row {0} (message {1}): {2}</source>
            <translation>    第 {0} 行（留言编号 {1}）：{2}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="161" />
            <source>  note: {0}</source>
            <translation>  提示：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="170" />
            <source>message number</source>
            <translation>留言编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="171" />
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="172" />
            <source>text</source>
            <translation>留言内容</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="173" />
            <source>answer</source>
            <translation>答复内容</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="174" />
            <source>user</source>
            <translation>留言人</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="175" />
            <source>category</source>
            <translation>分类</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="178" />
            <source>no message number</source>
            <translation>缺少留言编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="180" />
            <source>the message number is longer than 64 characters</source>
            <translation>留言编号超过 64 个字符</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="182" />
            <source>the same message number appears earlier in the file</source>
            <translation>同一留言编号在文件中已出现过</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="184" />
            <source>no message time</source>
            <translation>缺少留言时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="186" />
            <source>the message time cannot be read: {0}</source>
            <translation>留言时间无法识别：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="188" />
            <source>no title and no text</source>
            <translation>既无标题也无内容</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="191" />
            <source>unreadable characters in the {0}</source>
            <translation>{0}中含有无法识别的字符</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="192" />
            <source>not imported ({0})</source>
            <translation>未导入（{0}）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="198" />
            <source>{0} answered rows without a readable answer time: closed at the message time</source>
            <translation>{0} 条已答复留言缺少可识别的答复时间：按留言时间办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="203" />
            <source>categories not in the taxonomy (the cases are kept without a category): {0}</source>
            <translation>以下分类不在事项分类表中（工单已保留，未设分类）：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="212" />
            <source>Not imported: {0}</source>
            <translation>未导入：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="214" />
            <source>Not imported.</source>
            <translation>未导入。</translation>
        </message>
    </context>
    <context>
        <name>KeyMapDialog</name>
        <message>
            <location filename="../../console/ui/keymap.py" line="44" />
            <source>Keyboard map</source>
            <translation>快捷键表</translation>
        </message>
        <message>
            <location filename="../../console/ui/keymap.py" line="47" />
            <source>Where</source>
            <translation>界面</translation>
        </message>
        <message>
            <location filename="../../console/ui/keymap.py" line="47" />
            <source>Key</source>
            <translation>按键</translation>
        </message>
        <message>
            <location filename="../../console/ui/keymap.py" line="47" />
            <source>Does</source>
            <translation>作用</translation>
        </message>
    </context>
    <context>
        <name>Keys</name>
        <message>
            <location filename="../../console/ui/keys.py" line="157" />
            <source>Everywhere</source>
            <translation>所有界面</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="158" />
            <source>Case entry</source>
            <translation>工单录入</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="159" />
            <source>Queue</source>
            <translation>工单队列</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="160" />
            <source>Case window</source>
            <translation>工单窗口</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="161" />
            <source>Shift handover</source>
            <translation>交接班</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="162" />
            <source>Unit inbox</source>
            <translation>单位收件箱</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="163" />
            <source>Callbacks</source>
            <translation>回访</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="164" />
            <source>Shift monitor</source>
            <translation>班组监控</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="171" />
            <source>Show this keyboard map</source>
            <translation>显示本快捷键表</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="172" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="173" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="174" />
            <source>Go to screen 1–9 (in the list)</source>
            <translation>转到左侧列表中的第 1–9 个界面</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="175" />
            <source>Shift monitor (wall display)</source>
            <translation>班组监控（大屏）</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="176" />
            <source>Save the case</source>
            <translation>保存工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="177" />
            <source>Answer and close</source>
            <translation>答复并办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="178" />
            <source>Save and dispatch</source>
            <translation>保存并派单</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="179" />
            <source>New case (asks before discarding what was typed)</source>
            <translation>新建工单（放弃已录入内容前先确认）</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="182" />
            <source>Caller history</source>
            <translation>来电历史</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="183" />
            <source>Knowledge base</source>
            <translation>知识库</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="184" />
            <source>Possible duplicates</source>
            <translation>疑似重复工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="185" />
            <source>Insert the selected answer</source>
            <translation>插入选中的答复</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="186" />
            <source>Add this call to the selected open case</source>
            <translation>将本次来电追加到选中的未办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="189" />
            <source>Take the highlighted suggestion</source>
            <translation>采用突出显示的建议</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="192" />
            <location filename="../../console/ui/keys.py" line="213" />
            <source>Highlight the next suggestion</source>
            <translation>突出显示下一条建议</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="195" />
            <source>In the caller history: add this call to the selected case</source>
            <translation>来电历史中：将本次来电追加到所选工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="198" />
            <location filename="../../console/ui/keys.py" line="214" />
            <location filename="../../console/ui/keys.py" line="215" />
            <location filename="../../console/ui/keys.py" line="225" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="199" />
            <source>Take the most urgent case</source>
            <translation>认领最紧急的工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="200" />
            <source>Take the selected case</source>
            <translation>认领选中的工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="201" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="202" />
            <source>Open the selected case</source>
            <translation>打开选中的工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="203" />
            <source>To triage: save the highlighted suggestion into the selected case</source>
            <translation>待分拣：将突出显示的建议存入所选工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="206" />
            <source>To triage: highlight the next suggestion</source>
            <translation>待分拣：突出显示下一条建议</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="209" />
            <source>Save changes</source>
            <translation>保存修改</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="210" />
            <source>Save the highlighted suggestion into the case</source>
            <translation>将突出显示的建议存入工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="216" />
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="217" />
            <source>Basically satisfied</source>
            <translation>基本满意</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="218" />
            <source>Unsatisfied</source>
            <translation>不满意</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="219" />
            <source>Solved: yes</source>
            <translation>已解决：是</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="220" />
            <source>Solved: no</source>
            <translation>已解决：否</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="221" />
            <source>The unit's fault</source>
            <translation>属承办单位责任</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="222" />
            <source>Go to the comment</source>
            <translation>转到回访意见</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="223" />
            <source>Record the callback</source>
            <translation>记录回访结果</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="224" />
            <source>No answer</source>
            <translation>无人接听</translation>
        </message>
        <message>
            <location filename="../../console/ui/keys.py" line="226" />
            <source>Large type on / off</source>
            <translation>大字模式 开/关</translation>
        </message>
    </context>
    <context>
        <name>KnowledgeAdminDialog</name>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="87" />
            <source>Knowledge base</source>
            <translation>知识库</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="102" />
            <source>Comma-separated words callers use</source>
            <translation>来电人常用的说法，用逗号分隔</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="104" />
            <source>Valid until</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="110" />
            <source>Offered to agents</source>
            <translation>向坐席提供</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="118" />
            <source>&amp;Question</source>
            <translation>问题(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="119" />
            <source>&amp;Answer</source>
            <translation>答复(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="120" />
            <source>&amp;Keywords</source>
            <translation>关键词(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="121" />
            <source>&amp;Department</source>
            <translation>来源部门(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="128" />
            <source>&amp;New article</source>
            <translation>新建条目(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="129" />
            <source>&amp;Save article</source>
            <translation>保存条目(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="130" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="217" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="223" />
            <source>Question</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="224" />
            <source>Answer</source>
            <translation>答复</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="225" />
            <source>Keywords</source>
            <translation>关键词</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="226" />
            <source>Department</source>
            <translation>来源部门</translation>
        </message>
    </context>
    <context>
        <name>LinkIndicator</name>
        <message>
            <location filename="../../console/ui/offline/status.py" line="33" />
            <source>Central database link and this workstation's outbox</source>
            <translation>与中心数据库的连接及本机待发送箱（点击查看）</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/status.py" line="48" />
            <source>● Checking the link…</source>
            <translation>● 正在检查连接…</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/status.py" line="54" />
            <source>● Offline — {0} waiting</source>
            <translation>● 离线 — {0} 件待发送</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/status.py" line="56" />
            <source>● Sending — {0} waiting</source>
            <translation>● 正在补传 — 剩 {0} 件</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/status.py" line="58" />
            <source>● Online — {0} need attention</source>
            <translation>● 在线 — {0} 件需人工处理</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/status.py" line="60" />
            <source>● Online</source>
            <translation>● 在线</translation>
        </message>
    </context>
    <context>
        <name>LoopScreens</name>
        <message>
            <location filename="../../console/ui/loop/screens.py" line="39" />
            <source>Unit inbox</source>
            <translation>承办单位待办</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/screens.py" line="48" />
            <source>Review and supervision</source>
            <translation>审核与督办</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/screens.py" line="54" />
            <source>Callbacks</source>
            <translation>回访</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../console/ui/main_window.py" line="97" />
            <source>Connecting to the database…</source>
            <translation>正在连接数据库…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="103" />
            <source>DEMO MODE — sample data in a separate demo database; nothing here is real</source>
            <translation>演示模式 — 示例数据存放在单独的演示数据库中，此处内容均非真实工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="127" />
            <location filename="../../console/ui/main_window.py" line="354" />
            <source>Not signed in</source>
            <translation>未登录</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="134" />
            <source>Working…</source>
            <translation>正在处理…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="145" />
            <source>Citizen Hotline Console</source>
            <translation>市民热线工作台</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="146" />
            <location filename="../../console/ui/main_window.py" line="204" />
            <source>DEMO</source>
            <translation>演示</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="150" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="151" />
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="154" />
            <source>&amp;Import web messages…</source>
            <translation>导入网络渠道留言(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="158" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="162" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="163" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="164" />
            <source>&amp;Keyboard map</source>
            <translation>快捷键表(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="168" />
            <source>Show &amp;log</source>
            <translation>显示日志(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="171" />
            <source>&amp;About</source>
            <translation>关于(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="191" />
            <source>Database: {0} (connecting…)</source>
            <translation>数据库：{0}（正在连接…）</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="192" />
            <source>Connecting to {0}…</source>
            <translation>正在连接 {0}…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="203" />
            <source>Database: {0}</source>
            <translation>数据库：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="206" />
            <source>Station {0}</source>
            <translation>工位 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="242" />
            <source>Case entry</source>
            <translation>工单录入</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="246" />
            <source>Queue</source>
            <translation>工单队列</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="249" />
            <source>Shift handover</source>
            <translation>交接班</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="270" />
            <source>Reports</source>
            <translation>报表与考核</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="302" />
            <source>Shift &amp;monitor (wall display)…</source>
            <translation>班次监控(大屏)(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="309" />
            <source>Suggestion &amp;quality…</source>
            <translation>智能建议质量(&amp;Q)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="401" />
            <source>Shift monitor</source>
            <translation>班次监控</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="415" />
            <source>&amp;Administration</source>
            <translation>系统管理(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="417" />
            <source>Working-day &amp;calendar…</source>
            <translation>工作日历(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="420" />
            <source>SLA &amp;policies…</source>
            <translation>时限规则(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="423" />
            <source>People and &amp;accounts…</source>
            <translation>人员与账号(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="466" />
            <source>Console log</source>
            <translation>运行日志</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="476" />
            <source>About</source>
            <translation>关于</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="477" />
            <source>Citizen Hotline Console 0.1
Operator console of the 12345 city hotline.</source>
            <translation>市民热线工作台 0.1
12345 市民服务热线话务员工作台。</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <location filename="../../console/ui/messages.py" line="40" />
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>MonitorScreen</name>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="149" />
            <source>&amp;Wall display (large type)</source>
            <translation>大屏显示(大字)(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="150" />
            <source>Large type for a wall screen (F11)</source>
            <translation>大屏用大字显示 (F11)</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="160" />
            <source>Open</source>
            <translation>未办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="161" />
            <source>Unassigned</source>
            <translation>待认领</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="162" />
            <source>Awaiting unit</source>
            <translation>待签收</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="163" />
            <location filename="../../console/ui/monitor/screen.py" line="182" />
            <location filename="../../console/ui/monitor/screen.py" line="185" />
            <source>Due soon</source>
            <translation>即将超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="164" />
            <location filename="../../console/ui/monitor/screen.py" line="182" />
            <location filename="../../console/ui/monitor/screen.py" line="185" />
            <source>Breached</source>
            <translation>已超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="165" />
            <source>Callbacks due</source>
            <translation>待回访</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="181" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="181" />
            <source>Cases</source>
            <translation>工单数</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="182" />
            <source>Class</source>
            <translation>业务大类</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="185" />
            <source>Handling unit</source>
            <translation>承办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="189" />
            <source>Agent</source>
            <translation>坐席</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="189" />
            <source>Station</source>
            <translation>工位</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="189" />
            <source>Open cases</source>
            <translation>在办工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="189" />
            <source>Has open</source>
            <translation>正在查看</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="200" />
            <source>Open cases by status</source>
            <translation>在办工单（按状态）</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="201" />
            <source>Due soon and breached by class</source>
            <translation>即将超时与已超时（按业务大类）</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="202" />
            <source>Due soon and breached by unit</source>
            <translation>即将超时与已超时（按承办单位）</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="205" />
            <source>Agents signed in</source>
            <translation>在岗坐席</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="206" />
            <source>Arrivals per hour (last 24 h)</source>
            <translation>每小时来件（近24小时）</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="317" />
            <source>Not up to date: the database is not answering</source>
            <translation>数据未更新：数据库无响应</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="327" />
            <source>{0} {1}–{2} · as of {3}</source>
            <translation>{0} {1}–{2} · 截至 {3}</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="335" />
            <source>As of {0}</source>
            <translation>截至 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="344" />
            <source>(not dispatched)</source>
            <translation>（未派单）</translation>
        </message>
    </context>
    <context>
        <name>OutboxDialog</name>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="98" />
            <source>Outbox of this workstation</source>
            <translation>本机待发送箱</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="108" />
            <source>&amp;Retry</source>
            <translation>重试(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="109" />
            <source>&amp;Export…</source>
            <translation>导出(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="110" />
            <source>&amp;Discard…</source>
            <translation>丢弃(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="111" />
            <source>Re&amp;fresh</source>
            <translation>刷新(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="112" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="139" />
            <source>Export outbox items</source>
            <translation>导出待发送项</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="139" />
            <source>JSON files (*.json)</source>
            <translation>JSON 文件 (*.json)</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="157" />
            <source>{0} waiting to be sent, {1} refused by the server.</source>
            <translation>{0} 件等待发送，{1} 件被服务器拒收。</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="194" />
            <source>Discard {0} item(s) ({1})? They will never be sent to the central database. Export them first if they must be keyed in again.</source>
            <translation>确定丢弃这 {0} 项（{1}）吗？丢弃后不会再发送到中心数据库。如需重新录入，请先导出。</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="216" />
            <source>{0} item(s) exported to {1}</source>
            <translation>已导出 {0} 项到 {1}</translation>
        </message>
    </context>
    <context>
        <name>OutboxModel</name>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="38" />
            <source>Saved at</source>
            <translation>保存时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="39" />
            <source>Item</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="40" />
            <source>Number</source>
            <translation>工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="41" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="42" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="68" />
            <source>Case</source>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="68" />
            <source>Repeat-call note</source>
            <translation>重复来电记录</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="73" />
            <source>Refused — needs a decision</source>
            <translation>被拒收 — 需人工处理</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="74" />
            <source>Waiting to be sent</source>
            <translation>等待发送</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="79" />
            <source>Last attempt: {0}</source>
            <translation>上次尝试：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="82" />
            <source>The number is already used by another case; retry gives it a new number</source>
            <translation>该编号已被其他工单占用；重试时将重新分配编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="85" />
            <source>The server refused the data: {0}</source>
            <translation>服务器拒收了数据：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/offline/dialog.py" line="87" />
            <source>The case is not in the central database: {0}</source>
            <translation>中心数据库中没有该工单：{0}</translation>
        </message>
    </context>
    <context>
        <name>OutstandingPanel</name>
        <message>
            <location filename="../../console/ui/handover/lists.py" line="27" />
            <source>Pick up</source>
            <translation>接手</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/lists.py" line="28" />
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/lists.py" line="30" />
            <source>Flagged for the incoming shift and not yet done; they stay until done.</source>
            <translation>上一班标记给接班、尚未完成的事项；完成前一直保留在此。</translation>
        </message>
    </context>
    <context>
        <name>PhoneStatus</name>
        <message>
            <location filename="../../console/ui/telephony/status.py" line="32" />
            <source>Your state at the phone (the supervisor sees it)</source>
            <translation>您的话务状态（班长可见）</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/status.py" line="81" />
            <source>Phone: softphone</source>
            <translation>电话：软电话</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/status.py" line="82" />
            <source>Calls come from the softphone (main.py pop)</source>
            <translation>来电由软电话传入（main.py pop）</translation>
        </message>
    </context>
    <context>
        <name>PoliciesDialog</name>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="173" />
            <source>SLA policies</source>
            <translation>办理时限规则</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="186" />
            <source>(any)</source>
            <translation>（任意）</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="190" />
            <source>(any channel code)</source>
            <translation>（任意渠道代码）</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="192" />
            <source>(any class code)</source>
            <translation>（任意类别代码）</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="197" />
            <source>Type:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="198" />
            <source>Sub-type:</source>
            <translation>子类：</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="199" />
            <source>Urgency:</source>
            <translation>紧急程度：</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="200" />
            <source>Channel:</source>
            <translation>渠道：</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="201" />
            <source>Class:</source>
            <translation>类别：</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="202" />
            <source>Priority:</source>
            <translation>优先级：</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="209" />
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="210" />
            <source>Milestone</source>
            <translation>节点</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="211" />
            <source>Limit</source>
            <translation>时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="212" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="213" />
            <source>Clock starts at</source>
            <translation>起算事件</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="214" />
            <source>Met by</source>
            <translation>完成事件</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="215" />
            <source>Due soon (min)</source>
            <translation>临期提醒(分钟)</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="216" />
            <source>Critical (min)</source>
            <translation>紧急提醒(分钟)</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="220" />
            <source>&amp;Add milestone</source>
            <translation>添加时限(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="222" />
            <source>&amp;Remove milestone</source>
            <translation>删除时限(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="230" />
            <source>Save as new version</source>
            <translation>另存为新版本</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="235" />
            <source>Policy:</source>
            <translation>规则：</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="249" />
            <source>Saving makes a new version current for new cases; existing cases keep the version they were created under.</source>
            <translation>保存后新版本对新工单生效；已有工单沿用创建时的版本。</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="291" />
            <source>Working days counted {0}; the highest priority among matching policies wins.</source>
            <translation>工作日计算方式 {0}；多个策略匹配时取优先级最高者。</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="337" />
            <source>New time limit</source>
            <translation>新时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="390" />
            <source>Saved as version {0}.</source>
            <translation>已保存为第 {0} 版。</translation>
        </message>
    </context>
    <context>
        <name>QueueClaims</name>
        <message>
            <location filename="../../console/ui/queue/claiming.py" line="49" />
            <source>Case {0} was taken by {1} a moment ago.</source>
            <translation>工单 {0} 刚刚已被 {1} 认领。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/claiming.py" line="53" />
            <source>Case {0} is no longer open.</source>
            <translation>工单 {0} 已不在办理中。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/claiming.py" line="60" />
            <source>Nothing to claim: the team queue is empty.</source>
            <translation>没有可认领的工单：组内队列为空。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/claiming.py" line="63" />
            <source>Case {0} is already yours.</source>
            <translation>工单 {0} 已由您负责。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/claiming.py" line="65" />
            <source>Case {0} is now yours.</source>
            <translation>工单 {0} 已由您认领。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/claiming.py" line="110" />
            <source>Assign</source>
            <translation>分派</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/claiming.py" line="111" />
            <source>Assign {0} case(s) to:</source>
            <translation>将 {0} 件工单分派给：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/claiming.py" line="123" />
            <source>{0} case(s) assigned.</source>
            <translation>已分派 {0} 件工单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/claiming.py" line="125" />
            <source>{0} changed meanwhile and were left alone: {1}</source>
            <translation>{0} 件期间已被他人改动，未作处理：{1}</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/claiming.py" line="146" />
            <source>{0} case(s) shared among {1} agent(s).</source>
            <translation>{0} 件工单已分给 {1} 名坐席。</translation>
        </message>
    </context>
    <context>
        <name>QueueScreen</name>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="262" />
            <source>My cases</source>
            <translation>我的工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="263" />
            <source>Team queue (unassigned)</source>
            <translation>班组队列（未分配）</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="265" />
            <source>Dispatched, awaiting unit</source>
            <translation>已派单，待单位签收</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="268" />
            <source>Breached</source>
            <translation>已超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="269" />
            <source>All open cases</source>
            <translation>全部未办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="65" />
            <source>Time left</source>
            <translation>剩余时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="66" />
            <source>Newest first</source>
            <translation>最新优先</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="68" />
            <source>Search number, caller, text (Ctrl+F)</source>
            <translation>搜索编号、来电人、内容 (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="71" />
            <location filename="../../console/ui/queue/screen.py" line="355" />
            <source>&amp;Filter…</source>
            <translation>筛选(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="79" />
            <source>Save filter…</source>
            <translation>保存筛选…</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="80" />
            <source>Claim &amp;next</source>
            <translation>认领下一件(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="86" />
            <source>&amp;Claim</source>
            <translation>认领(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="82" />
            <source>Take the most urgent unassigned case ({0})</source>
            <translation>认领最紧急的待认领工单 ({0})</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="74" />
            <source>Clear the filter</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="88" />
            <source>Take the selected case ({0})</source>
            <translation>认领选中的工单 ({0})</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="90" />
            <source>&amp;Assign…</source>
            <translation>分派(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="91" />
            <source>Auto-assign</source>
            <translation>自动分派</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="93" />
            <source>Share the team queue round robin among the agents signed in</source>
            <translation>将组内待认领工单轮流分给在岗坐席</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="97" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="98" />
            <source>Refresh now (F5)</source>
            <translation>立即刷新 (F5)</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="104" />
            <source>&amp;View:</source>
            <translation>视图(&amp;V)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="106" />
            <source>&amp;Sort:</source>
            <translation>排序(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="264" />
            <source>To triage (received, returned)</source>
            <translation>待分拨（已受理、已退单）</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="266" />
            <source>Callbacks due</source>
            <translation>待回访</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="267" />
            <source>Due soon</source>
            <translation>即将超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="272" />
            <source>All cases (open and closed)</source>
            <translation>全部工单（含已办结）</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="274" />
            <source>Look up any case (closed ones too)</source>
            <translation>查找工单（含已办结）</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="355" />
            <source>&amp;Filter (on)…</source>
            <translation>筛选(已启用)(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="380" />
            <source>Save filter</source>
            <translation>保存筛选</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="380" />
            <source>Name of this filter:</source>
            <translation>筛选名称：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="387" />
            <source>Filter “{0}” saved.</source>
            <translation>筛选“{0}”已保存。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="452" />
            <source>{0} cases</source>
            <translation>共 {0} 条工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="454" />
            <source>about {0} cases</source>
            <translation>约 {0} 条工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="493" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="502" />
            <source>Not up to date: the database is not answering</source>
            <translation>数据未更新：数据库无响应</translation>
        </message>
    </context>
    <context>
        <name>RatesModel</name>
        <message>
            <location filename="../../console/ui/reports/models.py" line="70" />
            <source>Cases</source>
            <translation>工单数</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="83" />
            <source>(none)</source>
            <translation>（未指定）</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="92" />
            <source>{0:.1f} h over {1} cases; double-click for the cases</source>
            <translation>{1} 件共 {0:.1f} 小时；双击查看工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/models.py" line="95" />
            <source>{0} of {1}; double-click for the cases counted</source>
            <translation>{1} 件中 {0} 件；双击查看计入的工单</translation>
        </message>
    </context>
    <context>
        <name>ReportsScreen</name>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="411" />
            <source>Assessment and reports</source>
            <translation>考核与报表</translation>
        </message>
        <message>
            <location filename="../../console/ui/reports/screen.py" line="412" />
            <source>Hotspots</source>
            <translation>热点问题</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../console/ui/dialogs.py" line="169" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="184" />
            <source>verify-full: encrypted, and the server's certificate and name are checked</source>
            <translation>verify-full：加密连接，并校验服务器证书和主机名</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="192" />
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="193" />
            <source>never</source>
            <translation>从不</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="194" />
            <source>&amp;Test connection</source>
            <translation>测试连接(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="198" />
            <source>Central &amp;database:</source>
            <translation>中心数据库(&amp;D)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="199" />
            <source>Empty: the embedded database of this computer.</source>
            <translation>留空：使用本计算机的内置数据库。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="200" />
            <source>TLS &amp;mode:</source>
            <translation>TLS 模式(&amp;M)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="201" />
            <source>TLS root certificate:</source>
            <translation>TLS 根证书：</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="202" />
            <source>Client certificate:</source>
            <translation>客户端证书：</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="203" />
            <source>Client key:</source>
            <translation>客户端私钥：</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="205" />
            <source>Lock after &amp;idle:</source>
            <translation>空闲自动锁定(&amp;I)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="206" />
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="212" />
            <source>A new database is opened at once; the language and the phone system change at the next start.</source>
            <translation>新的数据库立即打开；界面语言和电话系统设置在下次启动时生效。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="232" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="239" />
            <source>Choose a file</source>
            <translation>选择文件</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="260" />
            <source>Not a database URL: {0}</source>
            <translation>不是有效的数据库地址：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="269" />
            <source>The embedded database needs no test.</source>
            <translation>内置数据库无需测试。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="271" />
            <source>Connecting to {0}…</source>
            <translation>正在连接 {0}…</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="288" />
            <source>Connected.</source>
            <translation>连接成功。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="294" />
            <source>The server answered; sign in with your own account to use it.</source>
            <translation>服务器已响应；请用您本人的账号登录后使用。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="299" />
            <source>Could not connect: {0}</source>
            <translation>无法连接：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="312" />
            <source>No keyring on this computer: the password will be asked at each start.</source>
            <translation>本计算机没有可用的密钥环：每次启动时都需要输入密码。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="326" />
            <source>Could not save the settings: {0}</source>
            <translation>无法保存设置：{0}</translation>
        </message>
    </context>
    <context>
        <name>ShiftConfigDialog</name>
        <message>
            <location filename="../../console/ui/handover/config.py" line="34" />
            <source>Shifts and roster</source>
            <translation>班次与排班</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="39" />
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="39" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="39" />
            <source>Starts</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="39" />
            <source>Ends</source>
            <translation>结束</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="42" />
            <source>Add a shift</source>
            <translation>新增班次</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="43" />
            <source>Remove the selected shift</source>
            <translation>删除所选班次</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="44" />
            <source>Save shifts</source>
            <translation>保存班次</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="50" />
            <source>Shifts (HH:MM; an end at or before the start crosses midnight)</source>
            <translation>班次（HH:MM；结束时间不晚于开始时间表示跨午夜）</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="57" />
            <source>Save roster</source>
            <translation>保存排班</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="58" />
            <source>Roster: who works which shift, and who supervises it</source>
            <translation>排班：谁上哪个班次、谁担任值班主管</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="94" />
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="95" />
            <source>Agent</source>
            <translation>坐席</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="96" />
            <source>Supervisor</source>
            <translation>值班主管</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="133" />
            <source>Shifts saved.</source>
            <translation>班次已保存。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="160" />
            <source>Roster saved.</source>
            <translation>排班已保存。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="170" />
            <source>The shifts leave a gap at {0}.</source>
            <translation>班次在 {0} 处有空档。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="171" />
            <source>Two shifts overlap at {0}.</source>
            <translation>两个班次在 {0} 处重叠。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="172" />
            <source>{0}: times are HH:MM.</source>
            <translation>{0}：时间格式为 HH:MM。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="173" />
            <source>Shift codes must be unique and not empty.</source>
            <translation>班次代码不能为空且不能重复。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="174" />
            <source>{0}: a shift cannot end when it starts.</source>
            <translation>{0}：班次的结束时间不能等于开始时间。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="175" />
            <source>{0} has handovers: it cannot be removed.</source>
            <translation>{0} 已有交接单，不能删除。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="176" />
            <source>At least one shift is needed.</source>
            <translation>至少需要一个班次。</translation>
        </message>
    </context>
    <context>
        <name>SidePanels</name>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="309" />
            <source>Case number to read to the caller</source>
            <translation>需告知来电人的工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="317" />
            <source>Copy number</source>
            <translation>复制编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="324" />
            <source>Caller history (Ctrl+H)</source>
            <translation>来电历史（Ctrl+H）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="326" />
            <source>Type the caller's number to see their cases.</source>
            <translation>输入来电号码即可查看其历史工单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="330" />
            <source>Add this call to the selected open case</source>
            <translation>将本次来电追加到所选未办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="331" />
            <source>Ctrl+Shift+A, or Enter in the list</source>
            <translation>Ctrl+Shift+A，或在列表中按回车</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="333" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="334" />
            <source>Open the selected case (or double-click it)</source>
            <translation>打开所选工单（或双击）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="343" />
            <source>Knowledge base (Ctrl+K)</source>
            <translation>知识库（Ctrl+K）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="350" />
            <source>Insert answer (Ctrl+I)</source>
            <translation>插入答复（Ctrl+I）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="352" />
            <source>Maintain articles…</source>
            <translation>维护知识条目…</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="362" />
            <source>Possible duplicates (Ctrl+L)</source>
            <translation>疑似重复工单（Ctrl+L）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/panels.py" line="368" />
            <source>Same issue: link to the selected case</source>
            <translation>同一问题：关联到所选工单</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <location filename="../../console/ui/signin.py" line="37" />
            <source>Wrong user name or password, or the account is disabled.</source>
            <translation>用户名或密码错误，或账号已停用。</translation>
        </message>
        <message>
            <location filename="../../console/ui/signin.py" line="41" />
            <source>No active agent with this user name.</source>
            <translation>没有使用该用户名的在岗话务员。</translation>
        </message>
        <message>
            <location filename="../../console/ui/signin.py" line="43" />
            <source>The central database needs an update by an administrator.</source>
            <translation>中心数据库需要由管理员升级。</translation>
        </message>
        <message>
            <location filename="../../console/ui/signin.py" line="47" />
            <source>The central database does not answer, and you have not signed in on this computer before: the first sign-in here needs the database. Try again when it answers, or ask a supervisor.</source>
            <translation>中心数据库没有响应，而您此前未在本机登录过：在本机首次登录需要连接中心数据库。请待其恢复后重试，或联系值班长。</translation>
        </message>
        <message>
            <location filename="../../console/ui/signin.py" line="52" />
            <source>The central database does not answer. Try again in a moment.</source>
            <translation>中心数据库没有响应，请稍后重试。</translation>
        </message>
        <message>
            <location filename="../../console/ui/signin.py" line="56" />
            <source>Signing in failed; the console's log (Help → Show log) has the details.</source>
            <translation>登录失败；详细信息见工作台日志（帮助 → 显示日志）。</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <location filename="../../console/ui/dialogs.py" line="62" />
            <location filename="../../console/ui/dialogs.py" line="78" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="71" />
            <source>&amp;User name:</source>
            <translation>用户名(&amp;U)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="72" />
            <source>Database: {0}</source>
            <translation>数据库：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="109" />
            <source>Type your user name.</source>
            <translation>请输入用户名。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="123" />
            <source>No active agent with this user name.</source>
            <translation>该用户名没有对应的在用话务员账号。</translation>
        </message>
        <message>
            <location filename="../../console/ui/dialogs.py" line="125" />
            <source>Could not sign in: {0}</source>
            <translation>无法登录：{0}</translation>
        </message>
    </context>
    <context>
        <name>SlaPanel</name>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="84" />
            <source>Milestone</source>
            <translation>节点</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="84" />
            <source>Clock started</source>
            <translation>起算时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="84" />
            <source>Original deadline</source>
            <translation>原定时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="85" />
            <source>Deadline</source>
            <translation>现行时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="85" />
            <source>Met</source>
            <translation>完成时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="85" />
            <source>Time left</source>
            <translation>剩余时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="93" />
            <source>&amp;Pause clocks…</source>
            <translation>暂停计时(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="94" />
            <source>Res&amp;ume clocks</source>
            <translation>恢复计时(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="95" />
            <source>Request e&amp;xtension…</source>
            <translation>申请延期(&amp;X)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="96" />
            <source>&amp;Approve extension…</source>
            <translation>批准延期(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="153" />
            <source>Unverified: counted Monday to Friday in a year the calendar does not know</source>
            <translation>未核实：该年份不在工作日历中，暂按周一至周五计算</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="169" />
            <source>met late</source>
            <translation>超时完成</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="169" />
            <source>met on time</source>
            <translation>按时完成</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="172" />
            <source>not started</source>
            <translation>未起算</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="196" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="204" />
            <source>Pause clocks</source>
            <translation>暂停计时</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="204" />
            <source>Why (e.g. waiting for the citizen)?</source>
            <translation>暂停原因（如等待市民补充材料）？</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="228" />
            <source>Request an extension</source>
            <translation>申请延期</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="228" />
            <source>Approve an extension</source>
            <translation>批准延期</translation>
        </message>
    </context>
    <context>
        <name>SlaWatcher</name>
        <message>
            <location filename="../../console/ui/sla_watch.py" line="73" />
            <source>The deadline audit put back the deadlines of {0} case(s): {1}. They had been stored by hand, not by the SLA rule; each case's history says what changed.</source>
            <translation>时限核查已将 {0} 件工单的时限改回：{1}。这些时限系人为写入，并非按时限规则计算；改动详情见各工单的处理记录。</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_watch.py" line="80" />
            <source>{0} case(s) breached a deadline: {1}</source>
            <translation>{0} 件工单已超时：{1}</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_watch.py" line="114" />
            <source> and {0} more</source>
            <translation> 等，另有 {0} 件</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_watch.py" line="102" />
            <source>{0} open case(s) have deadlines in a year the working-day calendar does not know; they were counted Monday to Friday. Add the official holidays (python main.py sla override) and recompute.</source>
            <translation>{0} 件未办结工单的时限落在工作日历尚未收录的年份，暂按周一至周五计算。请录入官方节假日（python main.py sla override）后重算。</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <location filename="../../console/ui/launch.py" line="208" />
            <source>No password for {0}: set {1}.</source>
            <extracomment>the environment variable the password of ``--user`` is read from (checks, kiosks) seconds --exit-when-ready waits at most for the work after the form before it exits seconds between two attempts to bring an offline start online (then doubling)</extracomment>
            <translation>没有 {0} 的密码：请设置 {1}。</translation>
        </message>
        <message>
            <location filename="../../console/ui/launch.py" line="242" />
            <source>The central database does not answer: signed in offline. Cases are kept in this workstation's outbox and sent when it answers again.</source>
            <translation>中心数据库没有响应：已离线登录。工单暂存在本机待发箱，恢复连接后自动补传。</translation>
        </message>
        <message>
            <location filename="../../console/ui/launch.py" line="276" />
            <source>Station {0}</source>
            <translation>工作站 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/launch.py" line="277" />
            <source>The central database answers again: online.</source>
            <translation>中心数据库已恢复响应：已在线。</translation>
        </message>
        <message>
            <location filename="../../console/ui/launch.py" line="302" />
            <source>The central database answers but refused your password (changed or account disabled): sign in again. Cases you saved stay in the outbox.</source>
            <translation>中心数据库已恢复，但拒绝了您的密码（密码已更改或账号已停用）：请重新登录。已保存的工单仍在待发箱中。</translation>
        </message>
        <message>
            <location filename="../../console/ui/launch.py" line="328" />
            <source>The database could not be opened.</source>
            <translation>无法打开数据库。</translation>
        </message>
        <message>
            <location filename="../../console/ui/launch.py" line="329" />
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <location filename="../../console/ui/launch.py" line="443" />
            <source>Building the demo week in the background…</source>
            <translation>正在后台生成演示周数据…</translation>
        </message>
        <message>
            <location filename="../../console/ui/launch.py" line="446" />
            <source>The demo week is ready: {0} cases.</source>
            <translation>演示周数据已生成：共 {0} 件工单。</translation>
        </message>
    </context>
    <context>
        <name>StoredSuggestionsBar</name>
        <message>
            <location filename="../../console/ui/case/suggested.py" line="44" />
            <source>Suggested ({0} take, {1} next):</source>
            <translation>智能建议（{0} 采用，{1} 下一项）：</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/suggested.py" line="100" />
            <source>rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/suggested.py" line="100" />
            <source>learned</source>
            <translation>学习</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/suggested.py" line="101" />
            <source> · urgent</source>
            <translation> · 紧急</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/suggested.py" line="102" />
            <source>{0}/{1} {2}  {3:.0%} · {4} · {5} ({6}){7}</source>
            <translation>{0}/{1} {2}  {3:.0%} · {4} · {5}（{6}）{7}</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/suggested.py" line="137" />
            <source>Taken: {0}</source>
            <translation>已采用：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/suggested.py" line="139" />
            <source>Suggestion taken: {0}; unit to dispatch to: {1}</source>
            <translation>已采用建议：{0}；建议派往：{1}</translation>
        </message>
    </context>
    <context>
        <name>SuggestionPanel</name>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="107" />
            <source>Suggested ({0} take, {1} next)</source>
            <extracomment>central: load the centre's model soon after the form is usable (from the cache, once it holds the newest version), so the first suggestion does not wait for it</extracomment>
            <translation>智能建议（{0} 采用，{1} 下一项）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="112" />
            <location filename="../../console/ui/intake/suggestions.py" line="246" />
            <source>Suggestions appear as the description is typed.</source>
            <translation>输入诉求描述时将在此显示建议。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="248" />
            <source>No suggestion for this text.</source>
            <translation>此描述暂无建议。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="253" />
            <source>rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="253" />
            <source>learned</source>
            <translation>学习</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="254" />
            <source> · urgent</source>
            <translation> · 紧急</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="255" />
            <source>{0}. {1}  {2:.0%} · {3} · {4} ({5}){6}</source>
            <translation>{0}. {1}  {2:.0%} · {3} · {4}（{5}）{6}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="265" />
            <source>Model v{0}; units marked 'rule' come from the routing rules.</source>
            <translation>模型 v{0}；标注“规则”的承办单位来自派单规则。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="285" />
            <source>Taken: {0}</source>
            <translation>已采用：{0}</translation>
        </message>
    </context>
    <context>
        <name>SuggestionQualityDialog</name>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="366" />
            <source>Suggestion quality</source>
            <translation>智能建议质量</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="371" />
            <source>Model in use</source>
            <translation>当前模型</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="372" />
            <source>When trained (held-back recent cases)</source>
            <translation>训练时（留出的近期工单）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="373" />
            <source>Cases confirmed since</source>
            <translation>此后确认的工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="374" />
            <source>Taken by agents</source>
            <translation>坐席采用情况</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="387" />
            <source>&amp;Retrain now</source>
            <translation>立即重新训练(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="410" />
            <source>no cases</source>
            <translation>无工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="411" />
            <source>top-1 {0:.1%}, top-3 {1:.1%} of {2} cases</source>
            <translation>首选准确率 {0:.1%}，前三准确率 {1:.1%}（共 {2} 件）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="417" />
            <source>not measured</source>
            <translation>未测量</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="418" />
            <source>category (first level): {0}</source>
            <translation>事项分类（一级）：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="420" />
            <source>unit: {0}</source>
            <translation>承办单位：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="423" />
            <source>confidence of the first: off by {0:.1%} on average</source>
            <translation>首选置信度：平均偏差 {0:.1%}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="432" />
            <source>none yet: train one with 'Retrain now'</source>
            <translation>尚无模型：请点击“立即重新训练”</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="436" />
            <source>version {0}, trained {1} on {2} cases</source>
            <translation>版本 {0}，{1} 基于 {2} 件工单训练</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="444" />
            <source>{0:.0%} of {1} cases saved with suggestions shown (first: {2}); {3} days</source>
            <translation>显示建议后保存的 {1} 件工单中采用 {0:.0%}（首选 {2} 件）；近 {3} 天</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="451" />
            <source>Training in the background…</source>
            <translation>正在后台训练…</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="457" />
            <source>New model in use (version {0}).</source>
            <translation>新模型已启用（版本 {0}）。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="460" />
            <source>The new model was not better on recent cases: kept version {0}.</source>
            <translation>新模型在近期工单上未优于现有模型：继续使用版本 {0}。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/suggestions.py" line="467" />
            <source>Not trained: {0}</source>
            <translation>未能训练：{0}</translation>
        </message>
    </context>
    <context>
        <name>Telephony</name>
        <message>
            <location filename="../../console/ui/telephony/case_calls.py" line="49" />
            <source>Rang</source>
            <translation>振铃</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/case_calls.py" line="50" />
            <source>Answered</source>
            <translation>接听</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/case_calls.py" line="51" />
            <source>Ended</source>
            <translation>挂断</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/case_calls.py" line="52" />
            <source>Caller</source>
            <translation>来电号码</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/case_calls.py" line="53" />
            <location filename="../../console/ui/telephony/wallboard.py" line="57" />
            <source>Extension</source>
            <translation>分机</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/case_calls.py" line="54" />
            <source>Recording</source>
            <translation>录音</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/case_calls.py" line="80" />
            <source>Open recording</source>
            <translation>打开录音</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/phone.py" line="190" />
            <location filename="../../console/ui/telephony/texts.py" line="58" />
            <source>The phone system refused the AMI user name or secret. Check them in the settings.</source>
            <translation>电话系统拒绝了 AMI 用户名或密钥，请在设置中检查。</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="26" />
            <source>Phone system</source>
            <translation>电话系统</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="33" />
            <source>kept in the keyring; empty: unchanged</source>
            <translation>保存在系统密钥环中；留空则不变</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="39" />
            <source>Record every queue call (wallboard)</source>
            <translation>记录队列中的所有来电（用于大屏）</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="45" />
            <source>no limit</source>
            <translation>不限</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="54" />
            <source>{0} is the recording's file name; empty: open it as given</source>
            <translation>{0} 为录音文件名；留空则按原样打开</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="59" />
            <source>AMI address:</source>
            <translation>AMI 地址：</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="60" />
            <source>AMI secret:</source>
            <translation>AMI 密钥：</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="61" />
            <source>My extension:</source>
            <translation>我的分机：</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="62" />
            <source>Pause in queues as:</source>
            <translation>示闲/示忙的队列成员：</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="64" />
            <source>After-call work limit:</source>
            <translation>话后处理时限：</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="67" />
            <source>Service level: answered within</source>
            <translation>服务水平：接听时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="70" />
            <source>Recordings address:</source>
            <translation>录音地址：</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="82" />
            <location filename="../../console/ui/telephony/setup.py" line="87" />
            <source>The phone system's address is not valid: {0}</source>
            <translation>电话系统地址无效：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/settings_box.py" line="87" />
            <source>No keyring on this computer: the AMI secret cannot be kept.</source>
            <translation>本机没有可用的密钥环：无法保存 AMI 密钥。</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/setup.py" line="95" />
            <source>No phone extension is set: calls cannot be followed (settings).</source>
            <translation>未设置分机号：无法跟踪来电（请在设置中填写）。</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/setup.py" line="108" />
            <source>No AMI secret is kept for {0}: set it in the settings.</source>
            <translation>没有保存 {0} 的 AMI 密钥：请在设置中填写。</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="15" />
            <source>Ready</source>
            <translation>示闲</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="16" />
            <source>Not ready</source>
            <translation>示忙</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="17" />
            <source>On a call</source>
            <translation>通话中</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="18" />
            <source>After-call work</source>
            <translation>话后处理</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="19" />
            <source>Signed out</source>
            <translation>已签出</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="26" />
            <source>break</source>
            <translation>小休</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="27" />
            <source>meal</source>
            <translation>就餐</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="28" />
            <source>training</source>
            <translation>培训</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="29" />
            <source>meeting</source>
            <translation>会议</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="36" />
            <source>{0} — {1}</source>
            <translation>{0} — {1}</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="44" />
            <source>Phone: connecting…</source>
            <translation>电话：连接中…</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="45" />
            <source>Phone: connected</source>
            <translation>电话：已连接</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="46" />
            <source>Phone: not answering</source>
            <translation>电话：无响应</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="47" />
            <source>Phone: login refused</source>
            <translation>电话：登录被拒绝</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="48" />
            <source>Phone: off</source>
            <translation>电话：未启用</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/texts.py" line="54" />
            <source>The phone system is not answering; trying again in {0} s.</source>
            <translation>电话系统无响应；{0} 秒后重试。</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/wallboard.py" line="56" />
            <source>Agent</source>
            <translation>坐席</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/wallboard.py" line="58" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/wallboard.py" line="59" />
            <source>Time in state</source>
            <translation>状态时长</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/wallboard.py" line="102" />
            <source>Calls waiting</source>
            <translation>排队来电</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/wallboard.py" line="103" />
            <source>Longest wait</source>
            <translation>最长等待</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/wallboard.py" line="104" />
            <source>Answered within {0} s</source>
            <translation>{0} 秒内接听率</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/wallboard.py" line="107" />
            <source>Abandoned</source>
            <translation>放弃来电</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/wallboard.py" line="108" />
            <source>Average handle time</source>
            <translation>平均处理时长</translation>
        </message>
        <message>
            <location filename="../../console/ui/telephony/wallboard.py" line="136" />
            <source>Calls and agents at the phone</source>
            <translation>话务与坐席状态</translation>
        </message>
    </context>
    <context>
        <name>TileCasesDialog</name>
        <message>
            <location filename="../../console/ui/handover/widgets.py" line="102" />
            <source>Case number</source>
            <translation>工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/widgets.py" line="102" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/widgets.py" line="102" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
    </context>
    <context>
        <name>UnitInboxScreen</name>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="68" />
            <source>&amp;Refresh</source>
            <extracomment>(step, text?, due?) the dialog answered; None: cancelled</extracomment>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="73" />
            <source>Handling unit:</source>
            <translation>承办单位：</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="80" />
            <location filename="../../console/ui/loop/inbox.py" line="113" />
            <source>Case number</source>
            <translation>工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="81" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="82" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="84" />
            <source>Role</source>
            <translation>承办角色</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="94" />
            <source>Next deadline</source>
            <translation>下一时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="95" />
            <source>Due</source>
            <translation>截止时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="97" />
            <source>Time left</source>
            <translation>剩余时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="102" />
            <source>Reminders</source>
            <translation>催督办</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="111" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="112" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="114" />
            <source>From</source>
            <translation>发起人</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="115" />
            <source>Text</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="119" />
            <source>&amp;Acknowledge</source>
            <translation>已阅知(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="127" />
            <source>Cases</source>
            <translation>待办工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="128" />
            <source>Reminders and supervision</source>
            <translation>催办与督办</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="130" />
            <source>Selected case</source>
            <translation>当前工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="131" />
            <location filename="../../console/ui/loop/inbox.py" line="251" />
            <source>Select a case.</source>
            <translation>请选择一张工单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="136" />
            <source>&amp;Open case…</source>
            <translation>查看工单(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="196" />
            <source>Steps you record here are marked as recorded on the unit's behalf.</source>
            <translation>您在此登记的办理环节将标注为“代承办单位录入”。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="224" />
            <source>Cases ({0})</source>
            <translation>待办工单（{0}）</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="225" />
            <source>Reminders and supervision ({0})</source>
            <translation>催办与督办（{0}）</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="255" />
            <source>Lead unit: {0}</source>
            <translation>主办单位：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="263" />
            <source>Assisting: {0}</source>
            <translation>协办单位：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="265" />
            <source>Reopened: round {0}</source>
            <translation>重办：第 {0} 轮</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="267" />
            <source>Returned {0} time(s) so far</source>
            <translation>已退单 {0} 次</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="270" />
            <source>Extension of {0} to {1} awaits the centre's decision</source>
            <translation>“{0}”延期至 {1} 的申请待中心审批</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="335" />
            <source>Case {0}: recorded.</source>
            <translation>工单 {0}：已登记。</translation>
        </message>
        <message>
            <location filename="../../console/ui/loop/inbox.py" line="337" />
            <source>It was returned too often and goes to a supervisor.</source>
            <translation>该工单退单次数过多，已提交值班长处理。</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <location filename="../../console/ui/idle_lock.py" line="83" />
            <source>Console locked</source>
            <translation>工作台已锁定</translation>
        </message>
        <message>
            <location filename="../../console/ui/idle_lock.py" line="88" />
            <source>Locked after a period without activity. Type your user name ({0}) to continue.</source>
            <translation>长时间无操作，工作台已锁定。请输入您的用户名（{0}）继续。</translation>
        </message>
        <message>
            <location filename="../../console/ui/idle_lock.py" line="92" />
            <source>Locked after a period without activity. {0}, type your password to continue.</source>
            <translation>长时间无操作，工作台已锁定。{0}，请输入密码继续。</translation>
        </message>
        <message>
            <location filename="../../console/ui/idle_lock.py" line="102" />
            <source>&amp;Unlock</source>
            <translation>解锁(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../console/ui/idle_lock.py" line="120" />
            <source>Checking…</source>
            <translation>正在验证…</translation>
        </message>
        <message>
            <location filename="../../console/ui/idle_lock.py" line="131" />
            <source>That is not right. Try again.</source>
            <translation>输入不正确，请重试。</translation>
        </message>
        <message>
            <location filename="../../console/ui/idle_lock.py" line="138" />
            <source>Could not check the password: {0}</source>
            <translation>无法验证密码：{0}</translation>
        </message>
    </context>
    <context>
        <name>_Cover</name>
        <message>
            <location filename="../../console/ui/idle_lock.py" line="52" />
            <source>Locked</source>
            <translation>已锁定</translation>
        </message>
    </context>
    <context>
        <name>case_edit</name>
        <message>
            <location filename="../../console/ui/labels.py" line="53" />
            <source>Type</source>
            <translation>工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="54" />
            <source>Sub-type</source>
            <translation>具体类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="55" />
            <source>Class</source>
            <translation>业务大类</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="56" />
            <source>Matter category</source>
            <translation>事项分类</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="57" />
            <source>District</source>
            <translation>区</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="58" />
            <source>Town / street</source>
            <translation>镇街</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="59" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="60" />
            <source>Caller name</source>
            <translation>来电人姓名</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="61" />
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="62" />
            <source>Anonymous</source>
            <translation>匿名</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="63" />
            <source>Confidential caller</source>
            <translation>来电人信息保密</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="64" />
            <source>Enterprise</source>
            <translation>企业</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="65" />
            <source>Credit code</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="66" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="67" />
            <source>Description</source>
            <translation>诉求内容</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="68" />
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="74" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/edit.py" line="76" />
            <source>no</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>case_fields</name>
        <message>
            <location filename="../../console/ui/intake/case_fields.py" line="66" />
            <source>Mobile or landline, e.g. 0757-83381234</source>
            <translation>手机或固定电话，如 0757-83381234</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/case_fields.py" line="73" />
            <source>Confidential caller (unit never sees who called)</source>
            <translation>来电人信息保密（承办单位看不到来电人身份）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/case_fields.py" line="80" />
            <source>Anon&amp;ymous</source>
            <translation>匿名(&amp;Y)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/case_fields.py" line="95" />
            <source>C&amp;onsultation</source>
            <translation>咨询(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/case_fields.py" line="96" />
            <source>De&amp;mand</source>
            <translation>诉求(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/case_fields.py" line="131" />
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/case_fields.py" line="163" />
            <source>— district —</source>
            <translation>— 区 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/case_fields.py" line="172" />
            <source>— town / street —</source>
            <translation>— 镇街 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/case_fields.py" line="183" />
            <source>Street, number, landmark</source>
            <translation>街道、门牌号、标志性建筑</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/case_fields.py" line="192" />
            <source>18-character unified social credit code</source>
            <translation>18 位统一社会信用代码</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/case_fields.py" line="199" />
            <source>&amp;Urgent matter (contact 1 h, on scene 2 h, feedback 1 working day, result 3 working days)</source>
            <translation>紧急事项(&amp;U)（1小时内联系、2小时内到场、1个工作日内初步反馈、3个工作日内办结反馈）</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <location filename="../../console/ui/errors.py" line="41" />
            <source>The database needs an upgrade by an administrator: {0}</source>
            <translation>数据库需要由管理员升级：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="60" />
            <source>The database is not answering. Your work is kept on screen; try again in a moment. ({0})</source>
            <translation>数据库无响应。已填写的内容仍保留在界面上，请稍后重试。（{0}）</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="57" />
            <source>A file could not be read or written: {0}</source>
            <translation>无法读取或写入文件：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="52" />
            <source>The database refused this change: {0}</source>
            <translation>数据库拒绝了此项修改：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="71" />
            <source>The handover entry of case {0}</source>
            <translation>交接单中工单 {0} 的记录</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="72" />
            <source>The knowledge article “{0}”</source>
            <translation>知识条目“{0}”</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="73" />
            <source>Routing rule {0}</source>
            <translation>派单规则 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="74" />
            <source>SLA policy {0}</source>
            <translation>办理时限规则 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="75" />
            <source>The calendar entry of {0}</source>
            <translation>工作日历中 {0} 的调整</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="76" />
            <source>The shift table</source>
            <translation>班次表</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="77" />
            <source>The roster of shift {0}</source>
            <translation>班次 {0} 的排班</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="80" />
            <source>{0} was changed by someone else after you opened it; nothing of yours was saved. Look at it again, then make your change.</source>
            <translation>{0} 在您打开之后已被他人修改，您的改动没有保存。请重新查看后再修改。</translation>
        </message>
        <message>
            <location filename="../../console/ui/errors.py" line="86" />
            <source>Now: {0}</source>
            <translation>现为：{0}</translation>
        </message>
    </context>
    <context>
        <name>handover</name>
        <message>
            <location filename="../../console/ui/handover/models.py" line="38" />
            <source>Flagged earlier, not done</source>
            <translation>此前标记，未完成</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="39" />
            <source>Overdue during the shift</source>
            <translation>本班内超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="40" />
            <source>Due next shift</source>
            <translation>下一班到期</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="41" />
            <source>Callback promised</source>
            <translation>承诺回电</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="42" />
            <source>Worked on this shift</source>
            <translation>本班处理过</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="43" />
            <source>From the previous shift's gap</source>
            <translation>上一班未交接部分</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="50" />
            <source>Overdue since before this shift</source>
            <translation>本班之前已超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="51" />
            <source>Due after the next shift</source>
            <translation>下一班之后到期</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="52" />
            <source>No running deadline</source>
            <translation>无计时时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="59" />
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="60" />
            <source>Submitted, awaiting acknowledgement</source>
            <translation>已提交，待接班确认</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="61" />
            <source>Acknowledged</source>
            <translation>已确认接班</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="62" />
            <source>No handover</source>
            <translation>无交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="63" />
            <source>Not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="93" />
            <location filename="../../console/ui/handover/report.py" line="37" />
            <source>Flag</source>
            <translation>标记</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="94" />
            <location filename="../../console/ui/handover/report.py" line="38" />
            <source>Why listed</source>
            <translation>列出原因</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="95" />
            <location filename="../../console/ui/handover/report.py" line="39" />
            <source>Case number</source>
            <translation>工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="96" />
            <location filename="../../console/ui/handover/report.py" line="40" />
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="97" />
            <location filename="../../console/ui/handover/models.py" line="265" />
            <location filename="../../console/ui/handover/report.py" line="41" />
            <location filename="../../console/ui/handover/report.py" line="67" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="98" />
            <location filename="../../console/ui/handover/report.py" line="42" />
            <source>Time left</source>
            <translation>剩余时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="99" />
            <location filename="../../console/ui/handover/report.py" line="43" />
            <source>Assigned to</source>
            <translation>指派给</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="100" />
            <location filename="../../console/ui/handover/report.py" line="44" />
            <source>Note for the next shift</source>
            <translation>给下一班的备注</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="101" />
            <source>Handed over by</source>
            <translation>交接来源</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="102" />
            <source>Picked up</source>
            <translation>已接手</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="264" />
            <source>Shift</source>
            <translation>班次</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="266" />
            <location filename="../../console/ui/handover/report.py" line="74" />
            <source>Submitted by</source>
            <translation>提交人</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="267" />
            <location filename="../../console/ui/handover/report.py" line="78" />
            <source>Acknowledged by</source>
            <translation>接班确认人</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="268" />
            <source>Listed / open</source>
            <translation>列出 / 未办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="269" />
            <source>Notes</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="29" />
            <source>Figures of the shift</source>
            <translation>本班数据</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="30" />
            <source>By channel</source>
            <translation>按来源渠道</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="31" />
            <source>By type</source>
            <translation>按工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="32" />
            <source>Carried from the previous shift</source>
            <translation>上一班并入</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="35" />
            <source>Notes of the shift</source>
            <translation>本班交接说明</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="36" />
            <source>Open cases listed</source>
            <translation>逐条列出的未办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="45" />
            <source>Open cases counted in accepted groups</source>
            <translation>已确认分组中的未办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="48" />
            <source>Group</source>
            <translation>分组</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="49" />
            <source>Cases</source>
            <translation>件数</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="50" />
            <source>Accepted by</source>
            <translation>确认人</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="51" />
            <source>Incidents</source>
            <translation>异常事件</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="52" />
            <source>Acknowledgement note</source>
            <translation>接班确认意见</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="69" />
            <source>Covers</source>
            <translation>覆盖时段</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="72" />
            <source>Next shift</source>
            <translation>下一班</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="89" />
            <source>Received</source>
            <translation>受理</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="91" />
            <source>Consultations closed on the call</source>
            <translation>咨询直接答复办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="94" />
            <source>Demands dispatched</source>
            <translation>诉求已派单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="95" />
            <source>Cases closed</source>
            <translation>已办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="96" />
            <source>Closed after the deadline</source>
            <translation>超期办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="97" />
            <source>Deadlines breached during the shift</source>
            <translation>本班内超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="98" />
            <source>Callbacks promised</source>
            <translation>承诺回电</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="99" />
            <source>Callbacks made</source>
            <translation>已回电</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="101" />
            <source>Escalations (urgent cases and escalation events)</source>
            <translation>升级（紧急事项及督办）</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="106" />
            <source>Incidents logged</source>
            <translation>登记的异常事件</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="107" />
            <source>Open cases handed over</source>
            <translation>移交的未办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="135" />
            <source>{0} ended without a submitted handover.</source>
            <translation>{0} 结束时未提交交接单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="143" />
            <source>From {0} to {1}: {2} received, {3} closed, {4} open cases listed below.</source>
            <translation>{0} 至 {1}：受理 {2}，办结 {3}，下列 {4} 件未办结工单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/report.py" line="28" />
            <location filename="../../console/ui/handover/report.py" line="220" />
            <source>Shift handover</source>
            <translation>交接班</translation>
        </message>
    </context>
    <context>
        <name>intake</name>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="32" />
            <source>valid until {0}</source>
            <translation>有效期至 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="34" />
            <source>no end date</source>
            <translation>长期有效</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="41" />
            <source>same category</source>
            <translation>同一分类</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="42" />
            <source>same address</source>
            <translation>同一地址</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="43" />
            <source>nearby</source>
            <translation>附近</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="44" />
            <source>similar text</source>
            <translation>内容相似</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="55" />
            <source>No SLA policy applies.</source>
            <translation>没有适用的时限规则。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="59" />
            <source>{0} working days</source>
            <translation>{0} 个工作日</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="61" />
            <source>{0} h</source>
            <translation>{0} 小时</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="65" />
            <source>{0}: {1}, by {2}</source>
            <translation>{0}：{1}，截止 {2}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="69" />
            <source>{0}: {1} once its clock starts</source>
            <translation>{0}：{1}（开始计时后）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="73" />
            <source>SLA {0}: {1}</source>
            <translation>时限（{0}）：{1}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="80" />
            <source>This already exists.</source>
            <translation>已存在。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/texts.py" line="81" />
            <source>Linked as the same issue: it is not dispatched again.</source>
            <translation>已关联为同一问题，不再重复派单。</translation>
        </message>
    </context>
    <context>
        <name>labels</name>
        <message>
            <location filename="../../console/ui/labels.py" line="84" />
            <source>assisting</source>
            <translation>协办</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="86" />
            <source>recorded on the unit's behalf</source>
            <translation>代承办单位录入</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="89" />
            <source>citizen not reached</source>
            <translation>未联系上市民</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="93" />
            <source>solved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="95" />
            <source>not solved</source>
            <translation>未解决</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="98" />
            <source>round {0}</source>
            <translation>第 {0} 轮</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="100" />
            <source>attempt {0}</source>
            <translation>第 {0} 次</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="127" />
            <source>policy {0} → {1}</source>
            <translation>时限规则 {0} → {1}</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="142" />
            <source>Required.</source>
            <translation>必填项。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="143" />
            <source>This sub-type does not belong to the case type.</source>
            <translation>该子类不属于所选工单类型。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="146" />
            <source>Too short: at least {min} characters.</source>
            <translation>内容过短：至少需要 {min} 个字。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="147" />
            <source>Too long: at most {max} characters.</source>
            <translation>内容过长：最多 {max} 个字。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="148" />
            <source>Not a mainland number: an 11-digit mobile (1xx…) or a landline such as 0757-83381234.</source>
            <translation>不是有效的内地号码：应为 11 位手机号码（1xx…）或固定电话，如 0757-83381234。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="152" />
            <source>A demand needs a callback number, or tick “anonymous”.</source>
            <translation>诉求类工单须留回访电话，或勾选“匿名”。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="155" />
            <source>A unified social credit code has 18 characters.</source>
            <translation>统一社会信用代码应为 18 位。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="158" />
            <source>The check character does not match: a typing error?</source>
            <translation>校验码不符，是否输入有误？</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="161" />
            <source>Only a consultation can be closed on the call.</source>
            <translation>只有咨询类工单可以直接答复办结。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="164" />
            <source>Only a demand is dispatched to a unit.</source>
            <translation>只有诉求类工单才能派单至承办单位。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="167" />
            <source>Unknown value.</source>
            <translation>未知的值。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="168" />
            <source>Contains invisible control characters (e.g. from a paste): retype it.</source>
            <translation>含有看不见的控制字符（多为粘贴带入），请重新输入。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="171" />
            <source>Contains a broken character (half an emoji from a paste): retype it.</source>
            <translation>含有残缺字符（多为粘贴时截断的表情符号），请重新输入。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="174" />
            <source>One line only: remove the line break.</source>
            <translation>只能填写一行，请删除换行。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="187" />
            <source>{d}d {h}h</source>
            <translation>{d}天{h}小时</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="189" />
            <source>{h}h {m}m</source>
            <translation>{h}小时{m}分</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="191" />
            <source>{m}m {s}s</source>
            <translation>{m}分{s}秒</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="195" />
            <source>overdue {0}</source>
            <translation>超时 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="198" />
            <source>{n} working day(s)</source>
            <translation>{n}个工作日</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="199" />
            <source>{0} left</source>
            <translation>剩余 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="203" />
            <source>paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>已受理</translation>
        </message>
        <message>
            <source>Dispatched</source>
            <translation>已派单</translation>
        </message>
        <message>
            <source>Accepted by unit</source>
            <translation>已签收</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>办理中</translation>
        </message>
        <message>
            <source>Unit replied</source>
            <translation>已反馈</translation>
        </message>
        <message>
            <source>Returned by unit</source>
            <translation>已退单</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已办结</translation>
        </message>
        <message>
            <source>Callback done</source>
            <translation>已回访</translation>
        </message>
        <message>
            <source>Archived</source>
            <translation>已归档</translation>
        </message>
        <message>
            <source>Invalid</source>
            <translation>无效</translation>
        </message>
        <message>
            <source>Merged</source>
            <translation>已合并</translation>
        </message>
        <message>
            <source>Consultation</source>
            <translation>咨询</translation>
        </message>
        <message>
            <source>Demand</source>
            <translation>诉求</translation>
        </message>
        <message>
            <source>Policy question</source>
            <translation>政策咨询</translation>
        </message>
        <message>
            <source>How-to question</source>
            <translation>办事咨询</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Request for help</source>
            <translation>求助</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>举报</translation>
        </message>
        <message>
            <source>Suggestion</source>
            <translation>建议</translation>
        </message>
        <message>
            <source>Thanks</source>
            <translation>表扬</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>一般</translation>
        </message>
        <message>
            <source>Urgent (1-2-1-3)</source>
            <translation>紧急（1-2-1-3）</translation>
        </message>
        <message>
            <source>contact citizen</source>
            <translation>联系群众</translation>
        </message>
        <message>
            <source>on scene</source>
            <translation>到达现场</translation>
        </message>
        <message>
            <source>initial feedback</source>
            <translation>初步反馈</translation>
        </message>
        <message>
            <source>final result</source>
            <translation>办结反馈</translation>
        </message>
        <message>
            <source>unit acknowledges</source>
            <translation>单位签收</translation>
        </message>
        <message>
            <source>answer</source>
            <translation>答复</translation>
        </message>
        <message>
            <source>Answered and closed</source>
            <translation>直接答复办结</translation>
        </message>
        <message>
            <source>Claimed</source>
            <translation>领取</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>分派</translation>
        </message>
        <message>
            <source>Citizen contacted</source>
            <translation>已联系市民</translation>
        </message>
        <message>
            <source>On scene</source>
            <translation>已到场</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>办理进展</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Deadline breached</source>
            <translation>超时</translation>
        </message>
        <message>
            <source>Clock paused</source>
            <translation>暂停计时</translation>
        </message>
        <message>
            <source>Clock resumed</source>
            <translation>恢复计时</translation>
        </message>
        <message>
            <source>Extension requested</source>
            <translation>申请延期</translation>
        </message>
        <message>
            <source>Extension approved</source>
            <translation>批准延期</translation>
        </message>
        <message>
            <source>Extension refused</source>
            <translation>驳回延期</translation>
        </message>
        <message>
            <source>Sent back to the unit</source>
            <translation>退回承办单位重办</translation>
        </message>
        <message>
            <source>Escalated to supervisors</source>
            <translation>提交值班长</translation>
        </message>
        <message>
            <source>Unit reminded</source>
            <translation>催办</translation>
        </message>
        <message>
            <source>Supervision order</source>
            <translation>督办</translation>
        </message>
        <message>
            <source>Callback: not reached</source>
            <translation>回访未接通</translation>
        </message>
        <message>
            <source>Reopened</source>
            <translation>重办</translation>
        </message>
        <message>
            <source>Case edited</source>
            <translation>修改工单</translation>
        </message>
        <message>
            <source>Forwarded for an answer</source>
            <translation>咨询转办</translation>
        </message>
        <message>
            <source>Merged into another case</source>
            <translation>合并到其他工单</translation>
        </message>
        <message>
            <source>Another case merged into this one</source>
            <translation>其他工单合并到此工单</translation>
        </message>
        <message>
            <source>Marked invalid</source>
            <translation>标记为无效</translation>
        </message>
        <message>
            <source>Thanks recorded for the unit</source>
            <translation>记录对单位的表扬</translation>
        </message>
        <message>
            <source>Handed off to emergency services</source>
            <translation>已转应急部门（110/119/120/122）</translation>
        </message>
        <message>
            <source>Return accepted</source>
            <translation>退单审核通过</translation>
        </message>
        <message>
            <source>Return refused (improper)</source>
            <translation>退单被驳回（不当退单）</translation>
        </message>
        <message>
            <source>Deadlines corrected by the audit</source>
            <translation>时限已由核查更正</translation>
        </message>
        <message>
            <source>on track</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>due soon</source>
            <translation>临期</translation>
        </message>
        <message>
            <source>critical</source>
            <translation>紧急</translation>
        </message>
        <message>
            <source>breached</source>
            <translation>已超时</translation>
        </message>
        <message>
            <source>satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <source>basically satisfied</source>
            <translation>基本满意</translation>
        </message>
        <message>
            <source>unsatisfied</source>
            <translation>不满意</translation>
        </message>
    </context>
    <context>
        <name>loop</name>
        <message>
            <location filename="../../console/ui/case/texts.py" line="15" />
            <location filename="../../console/ui/case/texts.py" line="127" />
            <source>Acknowledge</source>
            <translation>签收</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="16" />
            <location filename="../../console/ui/case/texts.py" line="128" />
            <source>Citizen contacted</source>
            <translation>已联系市民</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="17" />
            <location filename="../../console/ui/case/texts.py" line="129" />
            <source>On scene</source>
            <translation>已到达现场</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="18" />
            <location filename="../../console/ui/case/texts.py" line="130" />
            <source>Progress note</source>
            <translation>办理进展</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="19" />
            <location filename="../../console/ui/case/texts.py" line="131" />
            <source>Report result</source>
            <translation>办结反馈</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="20" />
            <location filename="../../console/ui/case/texts.py" line="132" />
            <source>Return to the centre</source>
            <translation>退单</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="21" />
            <location filename="../../console/ui/case/texts.py" line="133" />
            <source>Request extension</source>
            <translation>申请延期</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="28" />
            <source>How the citizen was contacted (optional)</source>
            <translation>联系市民的情况（选填）</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="29" />
            <source>What was found on scene (optional)</source>
            <translation>现场情况（选填）</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="30" />
            <source>What has been done so far</source>
            <translation>目前的办理情况</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="31" />
            <source>The result, as the citizen will hear it</source>
            <translation>办理结果（将向市民回复）</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="32" />
            <source>Why this case is not for this unit (and who it is for)</source>
            <translation>退单理由（不属本单位职责的原因，及建议的承办单位）</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="35" />
            <source>Why more time is needed</source>
            <translation>需要延期的原因</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="42" />
            <source>Lead</source>
            <translation>主办</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="43" />
            <source>Assisting</source>
            <translation>协办</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="49" />
            <source>not acknowledged</source>
            <translation>未签收</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="50" />
            <source>acknowledged</source>
            <translation>已签收</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="51" />
            <source>working</source>
            <translation>办理中</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="52" />
            <source>done</source>
            <translation>已反馈</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="58" />
            <source>Reminder</source>
            <translation>催办</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="59" />
            <location filename="../../console/ui/case/texts.py" line="147" />
            <source>Supervision order</source>
            <translation>督办</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="60" />
            <source>Escalation</source>
            <translation>提级</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="66" />
            <source>Someone else changed this case meanwhile: the list is reloaded, try again.</source>
            <translation>该工单刚被他人修改，列表已刷新，请重试。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="72" />
            <source>This step is not possible in the case's present status.</source>
            <translation>工单当前状态下不能进行此操作。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="75" />
            <source>Your role does not allow this.</source>
            <translation>您的角色无权进行此操作。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="76" />
            <source>This case is not with this unit.</source>
            <translation>该工单不在本单位办理。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="77" />
            <source>Please give the reason or text.</source>
            <translation>请填写原因或内容。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="78" />
            <source>An extension must be requested before the deadline.</source>
            <translation>延期须在时限届满前申请。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="81" />
            <source>The requested deadline must be later than the present one.</source>
            <translation>申请的期限须晚于当前期限。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="84" />
            <source>This time limit is already met.</source>
            <translation>该时限已完成。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="85" />
            <source>This time limit has not started.</source>
            <translation>该时限尚未开始计时。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="86" />
            <source>An extension of this time limit already awaits a decision.</source>
            <translation>该时限已有延期申请待审批。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="89" />
            <source>No extension request awaits a decision.</source>
            <translation>没有待审批的延期申请。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="92" />
            <source>This case is not due a callback.</source>
            <translation>该工单不需回访。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="93" />
            <source>This case is not with a unit.</source>
            <translation>该工单不在承办单位办理中。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="94" />
            <source>Unit fault applies only to an unsatisfied citizen.</source>
            <translation>只有市民不满意时才能认定承办单位责任。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="97" />
            <source>Only a consultation is forwarded for an answer: dispatch a demand.</source>
            <translation>只有咨询类可转办答复；诉求请派单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="100" />
            <source>Only a demand is dispatched: forward a consultation for an answer.</source>
            <translation>只有诉求类可派单；咨询请转办答复。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="103" />
            <source>The callback is still due: call the citizen before archiving.</source>
            <translation>尚需回访：请先回访市民再归档。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="106" />
            <source>A case cannot be merged into itself.</source>
            <translation>工单不能合并到自身。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="107" />
            <source>That case is merged, invalid or archived: merge into the case it leads to.</source>
            <translation>该工单已合并、无效或已归档：请合并到其指向的工单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="110" />
            <source>This case is archived: it is read-only.</source>
            <translation>此工单已归档，只读。</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="120" />
            <source>Dispatch</source>
            <translation>派单</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="121" />
            <source>Answer and close</source>
            <translation>直接答复办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="122" />
            <source>Forward for an answer</source>
            <translation>咨询转办</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="123" />
            <source>Merge into a case</source>
            <translation>合并工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="124" />
            <source>Mark invalid</source>
            <translation>标记无效</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="125" />
            <source>Record thanks</source>
            <translation>记录表扬</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="126" />
            <source>Emergency hand-off</source>
            <translation>转应急部门</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="134" />
            <source>Approve extension</source>
            <translation>批准延期</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="135" />
            <source>Extend a time limit</source>
            <translation>延长时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="136" />
            <source>Refuse extension</source>
            <translation>不批准延期</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="137" />
            <source>Accept the result</source>
            <translation>审核通过并办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="138" />
            <source>Send back</source>
            <translation>退回重办</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="139" />
            <source>Accept the return</source>
            <translation>同意退单</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="140" />
            <source>Refuse the return</source>
            <translation>驳回退单</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="141" />
            <source>Re-dispatch</source>
            <translation>重新派单</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="142" />
            <source>Callback verdict</source>
            <translation>回访结果</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="143" />
            <source>Citizen not reached</source>
            <translation>回访未接通</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="144" />
            <source>Reopen</source>
            <translation>重办</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="145" />
            <source>Archive</source>
            <translation>归档</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="146" />
            <source>Remind the unit</source>
            <translation>催办</translation>
        </message>
        <message>
            <location filename="../../console/ui/case/texts.py" line="148" />
            <source>Escalate</source>
            <translation>上报</translation>
        </message>
    </context>
    <context>
        <name>queue</name>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="36" />
            <source>Time left</source>
            <translation>剩余时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="37" />
            <source>Case number</source>
            <translation>工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="38" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="39" />
            <source>Type</source>
            <translation>工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="40" />
            <source>Class</source>
            <translation>业务大类</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="41" />
            <source>Matter category</source>
            <translation>事项分类</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="42" />
            <source>District</source>
            <translation>所属区</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="43" />
            <source>Caller</source>
            <translation>来电人</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="44" />
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="45" />
            <source>Agent</source>
            <translation>话务员</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="46" />
            <source>Handling unit</source>
            <translation>承办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="47" />
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="48" />
            <source>Also open at</source>
            <translation>同时打开</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="49" />
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/columns.py" line="50" />
            <source>Channel</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="211" />
            <source>Also open right now at: {0}</source>
            <translation>此刻也在查看：{0}</translation>
        </message>
    </context>
    <context>
        <name>reports</name>
        <message>
            <source>Closure rate</source>
            <translation>办结率</translation>
        </message>
        <message>
            <source>Response rate</source>
            <translation>响应率</translation>
        </message>
        <message>
            <source>On-time closure rate</source>
            <translation>按时办结率</translation>
        </message>
        <message>
            <source>On-time (original deadline)</source>
            <translation>按时办结率（原时限）</translation>
        </message>
        <message>
            <source>Satisfaction rate</source>
            <translation>满意率</translation>
        </message>
        <message>
            <source>Resolution rate</source>
            <translation>解决率</translation>
        </message>
        <message>
            <source>Avg. response (h)</source>
            <translation>平均响应时长（小时）</translation>
        </message>
        <message>
            <source>Return rate</source>
            <translation>退单率</translation>
        </message>
        <message>
            <source>Improper return rate</source>
            <translation>不当退单率</translation>
        </message>
        <message>
            <source>Extension rate</source>
            <translation>延期率</translation>
        </message>
        <message>
            <source>cases closed ÷ cases received in the period</source>
            <translation>已办结工单数 ÷ 本期受理工单数</translation>
        </message>
        <message>
            <source>dispatched demands acknowledged (or, urgent cases, the citizen contacted) by the response deadline ÷ dispatched demands whose response was made or is due</source>
            <translation>在响应时限内签收（紧急事项为联系群众）的派单诉求数 ÷ 已响应或响应时限已到的派单诉求数</translation>
        </message>
        <message>
            <source>headline: dispatched demands with the final result by the deadline in force (approved extensions included) ÷ dispatched demands done or due</source>
            <translation>主指标：在现行时限（含批准的延期）内反馈结果的派单诉求数 ÷ 已办结或时限已到的派单诉求数</translation>
        </message>
        <message>
            <source>dispatched demands with the final result by the original deadline (before any extension) ÷ dispatched demands done or originally due</source>
            <translation>在原时限（不含延期）内反馈结果的派单诉求数 ÷ 已办结或原时限已到的派单诉求数</translation>
        </message>
        <message>
            <source>cases whose latest callback was satisfied or basically satisfied ÷ cases with a callback verdict</source>
            <translation>最近一次回访为满意或基本满意的工单数 ÷ 有回访结果的工单数</translation>
        </message>
        <message>
            <source>cases whose latest callback says the problem was solved ÷ cases with a callback verdict</source>
            <translation>最近一次回访表示问题已解决的工单数 ÷ 有回访结果的工单数</translation>
        </message>
        <message>
            <source>Σ hours from each dispatch to the lead unit's first acknowledgement after it ÷ dispatch rounds acknowledged</source>
            <translation>∑（每轮派单后主办单位首次签收 − 该轮派单，小时）÷ 已签收的派单轮次</translation>
        </message>
        <message>
            <source>dispatched demands returned at least once ÷ dispatched demands</source>
            <translation>至少退单一次的派单诉求数 ÷ 派单诉求数</translation>
        </message>
        <message>
            <source>dispatched demands with a return the centre refused ÷ dispatched demands</source>
            <translation>退单被中心驳回的派单诉求数 ÷ 派单诉求数</translation>
        </message>
        <message>
            <source>dispatched demands with an approved extension ÷ dispatched demands</source>
            <translation>获批延期的派单诉求数 ÷ 派单诉求数</translation>
        </message>
    </context>
    <context>
        <name>refusal</name>
        <message>
            <source>This time limit is already met.</source>
            <translation>该时限已经完成。</translation>
        </message>
        <message>
            <source>This time limit has not started.</source>
            <translation>该时限尚未开始计时。</translation>
        </message>
        <message>
            <source>An extension must be requested before the deadline.</source>
            <translation>延期须在时限届满前申请。</translation>
        </message>
        <message>
            <source>The requested deadline must be later than the present one.</source>
            <translation>申请的新时限须晚于现行时限。</translation>
        </message>
        <message>
            <source>Unit fault applies only to an unsatisfied citizen.</source>
            <translation>只有市民不满意时才能认定为承办单位责任。</translation>
        </message>
        <message>
            <source>Reopening needs the citizen's reason.</source>
            <translation>重办须填写市民的理由。</translation>
        </message>
        <message>
            <source>Only a consultation is forwarded for an answer.</source>
            <translation>只有咨询类工单可以转办答复。</translation>
        </message>
        <message>
            <source>Only a demand is dispatched: forward a consultation.</source>
            <translation>只有诉求类工单可以派单；咨询请转办。</translation>
        </message>
        <message>
            <source>Only thanks or praise is recorded for a unit this way.</source>
            <translation>只有表扬或感谢可以这样登记给承办单位。</translation>
        </message>
        <message>
            <source>This case is not due a callback.</source>
            <translation>该工单无需回访。</translation>
        </message>
        <message>
            <source>The callback is still due: call the citizen first.</source>
            <translation>尚未回访：请先回访市民。</translation>
        </message>
        <message>
            <source>No extension request awaits a decision.</source>
            <translation>没有待审批的延期申请。</translation>
        </message>
        <message>
            <source>This step is not possible for the assisting unit now.</source>
            <translation>协办单位现在不能执行此步骤。</translation>
        </message>
        <message>
            <source>Unknown action {action}.</source>
            <translation>未知操作 {action}。</translation>
        </message>
        <message>
            <source>Your role does not allow {action}.</source>
            <translation>您的角色不允许执行 {action}。</translation>
        </message>
        <message>
            <source>{action} is not allowed while the case is {status}.</source>
            <translation>工单处于 {status} 状态时不能执行 {action}。</translation>
        </message>
        <message>
            <source>{action} needs a reason or text.</source>
            <translation>{action} 须填写理由或内容。</translation>
        </message>
        <message>
            <source>Unknown step {step}.</source>
            <translation>未知办理步骤 {step}。</translation>
        </message>
        <message>
            <source>{action} needs --{name}.</source>
            <translation>{action} 须提供 --{name}。</translation>
        </message>
        <message>
            <source>case {number} has a confidential caller: only the agent holding it edits it</source>
            <translation>工单 {number} 的来电人信息保密：只有持有该工单的话务员可以修改</translation>
        </message>
        <message>
            <source>case {number} is closed: it is no longer edited</source>
            <translation>工单 {number} 已办结，不能再修改</translation>
        </message>
        <message>
            <source>case {number} is held by another agent</source>
            <translation>工单 {number} 正由其他话务员处理</translation>
        </message>
        <message>
            <source>case {number}: only a supervisor changes a confidential caller</source>
            <translation>工单 {number}：只有值班长可以修改保密来电人信息。</translation>
        </message>
        <message>
            <source>only a supervisor assigns cases</source>
            <translation>只有班长可以分配工单</translation>
        </message>
        <message>
            <source>only a supervisor starts auto-assignment</source>
            <translation>只有班长可以启动自动分配</translation>
        </message>
        <message>
            <source>only a shift supervisor or an administrator may do this</source>
            <translation>只有值班班长或管理员可以执行此操作</translation>
        </message>
        <message>
            <source>only an administrator edits the shifts</source>
            <translation>只有管理员可以修改班次</translation>
        </message>
        <message>
            <source>only an administrator edits the roster</source>
            <translation>只有管理员可以修改排班</translation>
        </message>
        <message>
            <source>the incoming supervisor acknowledges, not the one who submitted</source>
            <translation>应由接班班长确认交接，提交人不能自行确认</translation>
        </message>
        <message>
            <source>only supervisors and administrators maintain the knowledge base</source>
            <translation>只有班长和管理员可以维护知识库</translation>
        </message>
        <message>
            <source>Name the new deadline.</source>
            <translation>请填写新的时限。</translation>
        </message>
        <message>
            <source>No time limit {milestone} on this case.</source>
            <translation>该工单没有时限 {milestone}。</translation>
        </message>
        <message>
            <source>An extension of this time limit already awaits a decision.</source>
            <translation>该时限已有延期申请待审批。</translation>
        </message>
        <message>
            <source>A case cannot be merged into itself.</source>
            <translation>工单不能合并到自身。</translation>
        </message>
        <message>
            <source>Case {number} is {status}: merge into the case it leads to.</source>
            <translation>工单 {number} 已{status}：请合并到它所指向的工单。</translation>
        </message>
        <message>
            <source>A unit records its own steps only.</source>
            <translation>承办单位只能登记本单位的办理步骤。</translation>
        </message>
        <message>
            <source>Case {number} is not with this unit.</source>
            <translation>工单 {number} 不在本单位办理。</translation>
        </message>
        <message>
            <source>Name the service the case was handed to: 110, 119, 120 or 122.</source>
            <translation>请注明移交的应急部门：110、119、120 或 122。</translation>
        </message>
        <message>
            <source>only supervisors and administrators edit routing rules</source>
            <translation>只有班长和管理员可以修改派单规则</translation>
        </message>
        <message>
            <source>Not a notice to your unit.</source>
            <translation>这不是发给本单位的通知。</translation>
        </message>
        <message>
            <source>A supervisor closes an escalation.</source>
            <translation>升级事项须由值班长关闭。</translation>
        </message>
    </context>
</TS>
