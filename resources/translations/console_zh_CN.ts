<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ArticleModel</name>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="64" />
            <source>(expired)</source>
            <translation>（已过期）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="66" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="66" />
            <source>withdrawn</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="74" />
            <source>Question</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="75" />
            <source>Department</source>
            <translation>来源部门</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="76" />
            <source>Valid until</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="77" />
            <source>Active</source>
            <translation>启用</translation>
        </message>
    </context>
    <context>
        <name>CalendarDialog</name>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="36" />
            <source>Working-day calendar: local overrides</source>
            <translation>工作日历：本地调整</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="39" />
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="39" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="39" />
            <source>Note</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="46" />
            <source>Working day</source>
            <translation>工作日</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="49" />
            <source>Reason, e.g. typhoon closure or State Council notice</source>
            <translation>原因，如台风停工或国务院通知</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="51" />
            <source>&amp;Save day</source>
            <translation>保存该日(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="52" />
            <source>&amp;Remove selected</source>
            <translation>删除所选(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="53" />
            <source>Recompute open cases</source>
            <translation>重算未办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="69" />
            <source>Days listed here override the official calendar (chinesecalendar). Deadlines of open cases change only when you recompute them.</source>
            <translation>此处所列日期覆盖官方日历（chinesecalendar）。未办结工单的时限在重算后才会改变。</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="93" />
            <source>working day</source>
            <translation>工作日</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="93" />
            <source>closed</source>
            <translation>休息日</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="112" />
            <source>Saved. Recompute open cases to apply it.</source>
            <translation>已保存。重算未办结工单后生效。</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="129" />
            <source>Recomputing…</source>
            <translation>正在重算…</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="138" />
            <source>{0} open cases recomputed.</source>
            <translation>已重算 {0} 件未办结工单。</translation>
        </message>
    </context>
    <context>
        <name>CaseEntryScreen</name>
        <message>
            <location filename="../../console/ui/intake/form.py" line="163" />
            <source>C&amp;hannel</source>
            <translation>来源渠道(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="165" />
            <source>C&amp;onsultation</source>
            <translation>咨询(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="166" />
            <source>De&amp;mand</source>
            <translation>诉求(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="178" />
            <source>Type</source>
            <translation>工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="190" />
            <source>C&amp;lass</source>
            <translation>业务大类(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="207" />
            <source>Matter ca&amp;tegory</source>
            <translation>事项分类(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="216" />
            <source>&amp;District / town</source>
            <translation>区/镇街(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="218" />
            <source>Street, number, landmark</source>
            <translation>街道、门牌号、标志性建筑</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="219" />
            <source>&amp;Address</source>
            <translation>地址(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="154" />
            <source>Anon&amp;ymous</source>
            <translation>匿名(&amp;Y)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="160" />
            <source>Caller &amp;name</source>
            <translation>来电人姓名(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="144" />
            <source>Mobile or landline, e.g. 0757-83381234</source>
            <translation>手机或固定电话，如 0757-83381234</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="145" />
            <source>Confidential caller (unit never sees who called)</source>
            <translation>来电人信息保密（承办单位看不到来电人身份）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="151" />
            <source>&amp;Phone</source>
            <translation>联系电话(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="184" />
            <source>What the caller asks or reports (the knowledge base searches as you type)</source>
            <translation>来电人咨询或反映的内容（输入时自动检索知识库）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="198" />
            <source>Type any part of a category name, or pinyin initials (e.g. zywr)</source>
            <translation>输入分类名称中的任意文字，或拼音首字母（如 zywr）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="224" />
            <source>18-character unified social credit code</source>
            <translation>18 位统一社会信用代码</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="226" />
            <source>&amp;Enterprise</source>
            <translation>企业(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="227" />
            <source>Credit code</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="241" />
            <source>The answer given on the call (Ctrl+I inserts the selected article)</source>
            <translation>通话中给出的答复（Ctrl+I 插入所选知识条目）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="187" />
            <source>Descr&amp;iption</source>
            <translation>来电内容(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="232" />
            <source>&amp;Urgent matter (contact 1 h, on scene 2 h, feedback 1 working day, result 3 working days)</source>
            <translation>紧急事项(&amp;U)（1小时内联系、2小时内到场、1个工作日内初步反馈、3个工作日内办结反馈）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="236" />
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="244" />
            <source>Ans&amp;wer</source>
            <translation>答复内容(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="254" />
            <source>Co-handling units: Space ticks or unticks</source>
            <translation>协办单位：按空格键勾选或取消</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="257" />
            <source>Dispatch note for the handling unit</source>
            <translation>给承办单位的派单意见</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="263" />
            <source>Co-handling units</source>
            <translation>协办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="267" />
            <source>Handli&amp;ng unit</source>
            <translation>承办单位(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="270" />
            <source>Save (Ctrl+S)</source>
            <translation>保存 (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="271" />
            <source>Answer and close (Ctrl+Enter)</source>
            <translation>答复并办结 (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="272" />
            <source>Save and dispatch (Ctrl+D)</source>
            <translation>保存并派单 (Ctrl+D)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="273" />
            <source>New case (Ctrl+N)</source>
            <translation>新建工单 (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="288" />
            <source>Case number to read to the caller</source>
            <translation>需告知来电人的工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="296" />
            <source>Copy number</source>
            <translation>复制编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="303" />
            <source>Caller history (Ctrl+H)</source>
            <translation>来电历史（Ctrl+H）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="305" />
            <location filename="../../console/ui/intake/form.py" line="684" />
            <source>Type the caller's number to see their cases.</source>
            <translation>输入来电号码即可查看其历史工单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="309" />
            <source>Add this call to the selected open case</source>
            <translation>将本次来电追加到所选未办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="310" />
            <source>Ctrl+Shift+A, or Enter in the list</source>
            <translation>Ctrl+Shift+A，或在列表中按回车</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="316" />
            <source>Knowledge base (Ctrl+K)</source>
            <translation>知识库（Ctrl+K）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="323" />
            <source>Insert answer (Ctrl+I)</source>
            <translation>插入答复（Ctrl+I）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="325" />
            <source>Maintain articles…</source>
            <translation>维护知识条目…</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="335" />
            <source>Possible duplicates (Ctrl+L)</source>
            <translation>疑似重复工单（Ctrl+L）</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="341" />
            <source>Same issue: link to the selected case</source>
            <translation>同一问题：关联到所选工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="513" />
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="524" />
            <source>— district —</source>
            <translation>— 区 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="528" />
            <source>— choose a unit —</source>
            <translation>— 请选择承办单位 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="548" />
            <source>Restored the unsaved call from {0}.</source>
            <translation>已恢复 {0} 未保存的来电记录。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="605" />
            <source>— town / street —</source>
            <translation>— 镇街 —</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="667" />
            <source>Looking up {0}…</source>
            <translation>正在查询 {0}…</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="688" />
            <source>First call from this number.</source>
            <translation>该号码首次来电。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="692" />
            <source>{0} earlier cases, {1} open. Newest first.</source>
            <translation>历史工单 {0} 件，未办结 {1} 件，按时间倒序。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="742" />
            <source>Call added to case {0} ({1}). Read its number to the caller.</source>
            <translation>本次来电已追加到工单 {0}（{1}），请向来电人告知该编号。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="864" />
            <source>Same issue as {0}: saving (Ctrl+S) records this call there; it is not dispatched again.</source>
            <translation>与 {0} 为同一问题：保存（Ctrl+S）后记入该工单，不再重复派单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="1113" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="1125" />
            <source>Recorded as the same issue as {0}. Read the number to the caller.</source>
            <translation>已作为与 {0} 相同的问题记录，请向来电人告知编号。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="1129" />
            <source>{0} — saved. Read the number to the caller.</source>
            <translation>{0} — 已保存，请向来电人告知工单编号。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="1139" />
            <source>Not saved: please correct the marked fields.</source>
            <translation>未保存：请更正标出的字段。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="1143" />
            <source>Not saved: {0}</source>
            <translation>未保存：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/form.py" line="1145" />
            <source>Not saved. Everything you typed is still here.</source>
            <translation>未保存。已填写的内容均已保留。</translation>
        </message>
    </context>
    <context>
        <name>CaseViewDialog</name>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="42" />
            <source>Case</source>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="48" />
            <source>Case number</source>
            <translation>工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="49" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="50" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="51" />
            <source>Class</source>
            <translation>业务大类</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="52" />
            <source>Matter category</source>
            <translation>事项分类</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="53" />
            <source>District</source>
            <translation>区</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="54" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="55" />
            <source>Caller</source>
            <translation>来电人</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="56" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="57" />
            <source>Agent</source>
            <translation>坐席</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="58" />
            <source>Handling unit</source>
            <translation>承办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="59" />
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="60" />
            <source>Next deadline</source>
            <translation>下一时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="61" />
            <source>Also open at</source>
            <translation>同时打开</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="72" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="72" />
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="72" />
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="80" />
            <source>Description:</source>
            <translation>诉求内容：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="85" />
            <source>Deadlines</source>
            <translation>办理时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="86" />
            <source>History</source>
            <translation>办理记录</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="122" />
            <source>Case {0}</source>
            <translation>工单 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/case_view.py" line="133" />
            <source>(nobody)</source>
            <translation>（无人）</translation>
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
        <name>ExtensionDialog</name>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="58" />
            <source>Milestone:</source>
            <translation>节点：</translation>
        </message>
        <message>
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
        <name>HandoverPanel</name>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="117" />
            <location filename="../../console/ui/handover/screen.py" line="315" />
            <source>No handover open</source>
            <translation>未打开交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="121" />
            <source>Open this shift's handover</source>
            <translation>打开本班交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="122" />
            <source>Prepare the previous shift's (late)</source>
            <translation>补做上一班交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="124" />
            <source>Rebuild from the database</source>
            <translation>从数据库重新生成</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="125" />
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="126" />
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="162" />
            <source>Assign selected</source>
            <translation>指派所选</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="164" />
            <source>Double-click a note to edit it. Assign to:</source>
            <translation>双击备注可编辑。指派给：</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="167" />
            <source>Open cases listed one by one</source>
            <translation>逐条列出的未办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="174" />
            <source>Open cases counted in groups (tick to accept)</source>
            <translation>按组计数的未办结工单（勾选表示确认接收）</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="177" />
            <source>Log an incident…</source>
            <translation>登记异常事件…</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="178" />
            <source>Incidents during the shift</source>
            <translation>本班异常事件</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="183" />
            <source>Notes for the whole shift</source>
            <translation>整班交接说明</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="184" />
            <source>Save notes</source>
            <translation>保存说明</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="185" />
            <source>Notes for the incoming shift</source>
            <translation>给接班的说明</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="206" />
            <source>Submit the handover</source>
            <translation>提交交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="209" />
            <source>Acknowledgement note (optional)</source>
            <translation>接班确认意见（可选）</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="210" />
            <source>Acknowledge</source>
            <translation>确认接班</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="287" />
            <source>Not submitted: {0} group(s) of open cases still need your acceptance.</source>
            <translation>未提交：还有 {0} 组未办结工单需要您确认。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="318" />
            <source>Near the end of your shift, open its handover: it is built from the database and lists every case still open that needs the next shift.</source>
            <translation>临近下班时请打开本班交接单：交接单由数据库自动生成，列出所有需要下一班跟进的未办结工单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="332" />
            <source>Handover: {0}</source>
            <translation>交接单：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="335" />
            <source>as of {0}</source>
            <translation>截至 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="338" />
            <source>submitted by {0} at {1}</source>
            <translation>{0} 于 {1} 提交</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="344" />
            <source>acknowledged by {0} at {1} — read-only</source>
            <translation>{0} 于 {1} 确认接班 — 只读</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="352" />
            <source>Carried from {0} to {1}: {2} received, {3} closed, {4} listed.</source>
            <translation>并入 {0} 至 {1}：受理 {2}，办结 {3}，列出 {4}。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="357" />
            <source>{0} ended without a submitted handover.</source>
            <translation>{0} 结束时未提交交接单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="370" />
            <source>{0} — {1}: {2}</source>
            <translation>{0} — {1}：{2}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="404" />
            <source>{0} open case(s) are counted in {1} group(s) you have not accepted: tick each group to accept it, or nothing can be submitted.</source>
            <translation>有 {0} 件未办结工单计入 {1} 个尚未确认的分组：请逐组勾选确认，否则无法提交。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="413" />
            <source>Nothing lost: {0} open cases, {1} listed, {2} in accepted groups.</source>
            <translation>无遗漏：未办结 {0} 件，逐条列出 {1} 件，已确认分组 {2} 件。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="418" />
            <source>Waiting for the incoming supervisor.</source>
            <translation>等待接班主管确认。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="433" />
            <source>&lt;b&gt;Received&lt;/b&gt; {0} ({1}; {2}) · &lt;b&gt;closed on the call&lt;/b&gt; {3} · &lt;b&gt;dispatched&lt;/b&gt; {4} · &lt;b&gt;closed&lt;/b&gt; {5} · &lt;b&gt;breached&lt;/b&gt; {6} · &lt;b&gt;callbacks promised&lt;/b&gt; {7} · &lt;b&gt;escalations&lt;/b&gt; {8} · &lt;b&gt;incidents&lt;/b&gt; {9} · &lt;b&gt;open&lt;/b&gt; {10} = {11} listed + {12} grouped</source>
            <translation>&lt;b&gt;受理&lt;/b&gt; {0}（{1}；{2}）· &lt;b&gt;直接答复办结&lt;/b&gt; {3} · &lt;b&gt;派单&lt;/b&gt; {4} · &lt;b&gt;办结&lt;/b&gt; {5} · &lt;b&gt;超时&lt;/b&gt; {6} · &lt;b&gt;承诺回电&lt;/b&gt; {7} · &lt;b&gt;升级/紧急&lt;/b&gt; {8} · &lt;b&gt;异常事件&lt;/b&gt; {9} · &lt;b&gt;未办结&lt;/b&gt; {10} = 列出 {11} + 分组 {12}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="458" />
            <source>(nobody)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="529" />
            <source>Agent incident</source>
            <translation>坐席异常</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="529" />
            <source>System incident</source>
            <translation>系统异常</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="531" />
            <location filename="../../console/ui/handover/screen.py" line="536" />
            <source>Log an incident</source>
            <translation>登记异常事件</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="531" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="536" />
            <source>What happened, since when, what was done</source>
            <translation>发生了什么、从何时开始、已采取什么措施</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="554" />
            <source>Incident logged.</source>
            <translation>异常事件已登记。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="576" />
            <source>Handover of {0} submitted.</source>
            <translation>{0} 交接单已提交。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="595" />
            <source>Handover of {0} acknowledged.</source>
            <translation>{0} 交接单已确认接班。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="609" />
            <source>Export the handover to PDF</source>
            <translation>导出交接单为 PDF</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="609" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="613" />
            <source>Saved {0}</source>
            <translation>已保存 {0}</translation>
        </message>
    </context>
    <context>
        <name>HandoverScreen</name>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="741" />
            <source>Current shift</source>
            <translation>当前班次</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="744" />
            <source>Refresh (F5)</source>
            <translation>刷新 (F5)</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="745" />
            <source>Shifts and roster…</source>
            <translation>班次与排班…</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="767" />
            <source>Received this shift</source>
            <translation>本班受理</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="768" />
            <source>Consultations closed on the call</source>
            <translation>咨询直接答复办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="769" />
            <source>Demands dispatched</source>
            <translation>诉求已派单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="770" />
            <source>Cases closed</source>
            <translation>已办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="771" />
            <source>Open now (all shifts)</source>
            <translation>当前未办结（全部班次）</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="772" />
            <source>Open and overdue</source>
            <translation>未办结且已超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="773" />
            <source>Falling due next shift</source>
            <translation>下一班次到期</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="778" />
            <source>Channel</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="778" />
            <location filename="../../console/ui/handover/screen.py" line="779" />
            <source>Received</source>
            <translation>受理量</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="779" />
            <source>Type</source>
            <translation>工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="781" />
            <source>By channel</source>
            <translation>按来源渠道</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="783" />
            <source>By type</source>
            <translation>按工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="796" />
            <source>This shift</source>
            <translation>本班概况</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="797" />
            <source>Handover</source>
            <translation>交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="798" />
            <source>Flagged for this shift</source>
            <translation>上一班标记事项</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="799" />
            <source>History</source>
            <translation>历史交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="872" />
            <source>Not up to date</source>
            <translation>数据未更新</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="877" />
            <source>Now: {0}</source>
            <translation>当前：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="879" />
            <source>supervisors: {0}</source>
            <translation>值班主管：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="882" />
            <source>{0} signed in: {1}</source>
            <translation>{0} 人已签到：{1}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="885" />
            <source>{0} flagged item(s) not done</source>
            <translation>{0} 项标记事项未完成</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="890" />
            <source>Warning: {0} ended without a submitted handover. Its work is carried into this shift's handover; its supervisor can still prepare it late.</source>
            <translation>注意：{0} 结束时未提交交接单。其工作已并入本班交接单；该班主管仍可补做交接单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="899" />
            <source>The handover of {0} (by {1}) is waiting for the incoming supervisor's acknowledgement.</source>
            <translation>{0} 的交接单（{1} 提交）等待接班主管确认。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="913" />
            <source>Review</source>
            <translation>查看</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="923" />
            <source>{0} shift, {1} {2}–{3}</source>
            <translation>{0}，{1} {2}–{3}</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="953" />
            <source>Updated {0}</source>
            <translation>更新于 {0}</translation>
        </message>
    </context>
    <context>
        <name>HistoryPanel</name>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="692" />
            <source>Search: a date (2026-11-27), a shift, a supervisor, a case number, a note</source>
            <translation>搜索：日期（2026-11-27）、班次、主管、工单编号、备注</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="706" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="41" />
            <source>Import web messages</source>
            <translation>导入网络渠道留言</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="44" />
            <source>An .xlsx or .csv export of a web channel</source>
            <translation>网络渠道导出的 .xlsx 或 .csv 文件</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="45" />
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="54" />
            <source>&amp;Import</source>
            <translation>导入(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="55" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="60" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="61" />
            <source>&amp;Channel</source>
            <translation>渠道(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="91" />
            <source>Web-channel export</source>
            <translation>网络渠道导出文件</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="91" />
            <source>Exports (*.xlsx *.csv)</source>
            <translation>导出文件 (*.xlsx *.csv)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="103" />
            <source>Reading {0}…</source>
            <translation>正在读取 {0}…</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="117" />
            <source>{0} of {1} messages</source>
            <translation>已处理 {0} / {1} 条留言</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="124" />
            <source>{0} new cases, {1} already imported, {2} rejected, {3} blank rows.</source>
            <translation>新建工单 {0} 件，已导入过 {1} 条，拒收 {2} 条，空行 {3} 行。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="136" />
            <source>Not imported: {0}</source>
            <translation>未导入：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/import_dialog.py" line="138" />
            <source>Not imported.</source>
            <translation>未导入。</translation>
        </message>
    </context>
    <context>
        <name>KnowledgeAdminDialog</name>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="86" />
            <source>Knowledge base</source>
            <translation>知识库</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="100" />
            <source>Comma-separated words callers use</source>
            <translation>来电人常用的说法，用逗号分隔</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="102" />
            <source>Valid until</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="108" />
            <source>Offered to agents</source>
            <translation>向坐席提供</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="115" />
            <source>&amp;Question</source>
            <translation>问题(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="116" />
            <source>&amp;Answer</source>
            <translation>答复(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="117" />
            <source>&amp;Keywords</source>
            <translation>关键词(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="118" />
            <source>&amp;Department</source>
            <translation>来源部门(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="125" />
            <source>&amp;New article</source>
            <translation>新建条目(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="126" />
            <source>&amp;Save article</source>
            <translation>保存条目(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="127" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="210" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="216" />
            <source>Question</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="217" />
            <source>Answer</source>
            <translation>答复</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="218" />
            <source>Keywords</source>
            <translation>关键词</translation>
        </message>
        <message>
            <location filename="../../console/ui/intake/kb_admin.py" line="219" />
            <source>Department</source>
            <translation>来源部门</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../console/ui/main_window.py" line="53" />
            <source>Connecting to the database…</source>
            <translation>正在连接数据库…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="59" />
            <source>DEMO MODE — sample data in a separate demo database; nothing here is real</source>
            <translation>演示模式 — 示例数据存放在单独的演示数据库中，此处内容均非真实工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="83" />
            <source>Not signed in</source>
            <translation>未登录</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="90" />
            <source>Working…</source>
            <translation>正在处理…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="101" />
            <source>Citizen Hotline Console</source>
            <translation>市民热线工作台</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="102" />
            <location filename="../../console/ui/main_window.py" line="155" />
            <source>DEMO</source>
            <translation>演示</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="106" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="107" />
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="110" />
            <source>&amp;Import web messages…</source>
            <translation>导入网络渠道留言(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="114" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="118" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="119" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="120" />
            <source>Show &amp;log</source>
            <translation>显示日志(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="123" />
            <source>&amp;About</source>
            <translation>关于(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="142" />
            <source>Database: {0} (connecting…)</source>
            <translation>数据库：{0}（正在连接…）</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="143" />
            <source>Connecting to {0}…</source>
            <translation>正在连接 {0}…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="154" />
            <source>Database: {0}</source>
            <translation>数据库：{0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="157" />
            <source>Station {0}</source>
            <translation>工位 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="169" />
            <source>Case entry</source>
            <translation>工单录入</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="175" />
            <source>Queue</source>
            <translation>工单队列</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="181" />
            <source>Shift handover</source>
            <translation>交接班</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="205" />
            <source>Shift &amp;monitor (wall display)…</source>
            <translation>班次监控(大屏)(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="220" />
            <source>Shift monitor</source>
            <translation>班次监控</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="230" />
            <source>&amp;Administration</source>
            <translation>系统管理(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="231" />
            <source>Working-day &amp;calendar…</source>
            <translation>工作日历(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="234" />
            <source>SLA &amp;policies…</source>
            <translation>时限规则(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="249" />
            <source>Console log</source>
            <translation>运行日志</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="259" />
            <source>About</source>
            <translation>关于</translation>
        </message>
        <message>
            <location filename="../../console/ui/main_window.py" line="260" />
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
        <name>MonitorScreen</name>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="165" />
            <source>&amp;Wall display (large type)</source>
            <translation>大屏显示(大字)(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="166" />
            <source>Large type for a wall screen (F11)</source>
            <translation>大屏用大字显示 (F11)</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="176" />
            <source>Open</source>
            <translation>未办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="177" />
            <source>Unassigned</source>
            <translation>待认领</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="178" />
            <source>Awaiting unit</source>
            <translation>待签收</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="179" />
            <location filename="../../console/ui/monitor/screen.py" line="198" />
            <location filename="../../console/ui/monitor/screen.py" line="201" />
            <source>Due soon</source>
            <translation>即将超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="180" />
            <location filename="../../console/ui/monitor/screen.py" line="198" />
            <location filename="../../console/ui/monitor/screen.py" line="201" />
            <source>Breached</source>
            <translation>已超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="181" />
            <source>Callbacks due</source>
            <translation>待回访</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="197" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="197" />
            <source>Cases</source>
            <translation>工单数</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="198" />
            <source>Class</source>
            <translation>业务大类</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="201" />
            <source>Handling unit</source>
            <translation>承办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="205" />
            <source>Agent</source>
            <translation>坐席</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="205" />
            <source>Station</source>
            <translation>工位</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="205" />
            <source>Open cases</source>
            <translation>在办工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="205" />
            <source>Has open</source>
            <translation>正在查看</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="216" />
            <source>Open cases by status</source>
            <translation>在办工单（按状态）</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="217" />
            <source>Due soon and breached by class</source>
            <translation>即将超时与已超时（按业务大类）</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="218" />
            <source>Due soon and breached by unit</source>
            <translation>即将超时与已超时（按承办单位）</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="221" />
            <source>Agents signed in</source>
            <translation>在岗坐席</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="222" />
            <source>Arrivals per hour (last 24 h)</source>
            <translation>每小时来件（近24小时）</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="296" />
            <source>Not up to date: the database is not answering</source>
            <translation>数据未更新：数据库无响应</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="306" />
            <source>{0} {1}–{2} · as of {3}</source>
            <translation>{0} {1}–{2} · 截至 {3}</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="314" />
            <source>As of {0}</source>
            <translation>截至 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/monitor/screen.py" line="329" />
            <source>(not dispatched)</source>
            <translation>（未派单）</translation>
        </message>
    </context>
    <context>
        <name>OutstandingPanel</name>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="640" />
            <source>Pick up</source>
            <translation>接手</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="641" />
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/screen.py" line="643" />
            <source>Flagged for the incoming shift and not yet done; they stay until done.</source>
            <translation>上一班标记给接班、尚未完成的事项；完成前一直保留在此。</translation>
        </message>
    </context>
    <context>
        <name>PoliciesDialog</name>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="161" />
            <source>SLA policies</source>
            <translation>办理时限规则</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="168" />
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="169" />
            <source>Milestone</source>
            <translation>节点</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="170" />
            <source>Limit</source>
            <translation>时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="171" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="172" />
            <source>Clock starts at</source>
            <translation>起算事件</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="173" />
            <source>Met by</source>
            <translation>完成事件</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="174" />
            <source>Due soon (min)</source>
            <translation>临期提醒(分钟)</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="175" />
            <source>Critical (min)</source>
            <translation>紧急提醒(分钟)</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="185" />
            <source>Save as new version</source>
            <translation>另存为新版本</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="190" />
            <source>Policy:</source>
            <translation>规则：</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="198" />
            <source>Saving makes a new version current for new cases; existing cases keep the version they were created under.</source>
            <translation>保存后新版本对新工单生效；已有工单沿用创建时的版本。</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="235" />
            <source>Applies to: type {0}, urgency {1}, channel {2}, class {3}; priority {4}; working days counted {5}</source>
            <translation>适用：类型 {0}，紧急程度 {1}，渠道 {2}，大类 {3}；优先级 {4}；工作日计算方式 {5}</translation>
        </message>
        <message>
            <location filename="../../console/ui/admin/sla_dialogs.py" line="306" />
            <source>Saved as version {0}.</source>
            <translation>已保存为第 {0} 版。</translation>
        </message>
    </context>
    <context>
        <name>QueueScreen</name>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="279" />
            <source>My cases</source>
            <translation>我的工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="280" />
            <source>Team queue (unassigned)</source>
            <translation>班组队列（未分配）</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="281" />
            <source>Dispatched, awaiting unit</source>
            <translation>已派单，待单位签收</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="284" />
            <source>Breached</source>
            <translation>已超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="285" />
            <source>All open cases</source>
            <translation>全部未办结工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="86" />
            <source>Time left</source>
            <translation>剩余时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="87" />
            <source>Newest first</source>
            <translation>最新优先</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="89" />
            <source>Search number, caller, text (Ctrl+F)</source>
            <translation>搜索编号、来电人、内容 (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="92" />
            <location filename="../../console/ui/queue/screen.py" line="362" />
            <source>&amp;Filter…</source>
            <translation>筛选(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="93" />
            <source>Save filter…</source>
            <translation>保存筛选…</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="94" />
            <source>Claim &amp;next</source>
            <translation>认领下一件(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="95" />
            <source>Take the most urgent unassigned case (Ctrl+N)</source>
            <translation>认领最紧急的待认领工单 (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="96" />
            <source>&amp;Claim</source>
            <translation>认领(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="97" />
            <source>Take the selected case (Ctrl+M)</source>
            <translation>认领选中的工单 (Ctrl+M)</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="98" />
            <source>&amp;Assign…</source>
            <translation>分派(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="99" />
            <source>Auto-assign</source>
            <translation>自动分派</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="101" />
            <source>Share the team queue round robin among the agents signed in</source>
            <translation>将组内待认领工单轮流分给在岗坐席</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="105" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="106" />
            <source>Refresh now (F5)</source>
            <translation>立即刷新 (F5)</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="112" />
            <source>&amp;View:</source>
            <translation>视图(&amp;V)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="114" />
            <source>&amp;Sort:</source>
            <translation>排序(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="282" />
            <source>Callbacks due</source>
            <translation>待回访</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="283" />
            <source>Due soon</source>
            <translation>即将超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="288" />
            <source>All cases (open and closed)</source>
            <translation>全部工单（含已办结）</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="362" />
            <source>&amp;Filter (on)…</source>
            <translation>筛选(已启用)(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="386" />
            <source>Save filter</source>
            <translation>保存筛选</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="386" />
            <source>Name of this filter:</source>
            <translation>筛选名称：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="393" />
            <source>Filter “{0}” saved.</source>
            <translation>筛选“{0}”已保存。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="510" />
            <source>{0} cases</source>
            <translation>共 {0} 条工单</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="549" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="558" />
            <source>Not up to date: the database is not answering</source>
            <translation>数据未更新：数据库无响应</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="593" />
            <source>Case {0} was taken by {1} a moment ago.</source>
            <translation>工单 {0} 刚刚已被 {1} 认领。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="597" />
            <source>Case {0} is no longer open.</source>
            <translation>工单 {0} 已不在办理中。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="606" />
            <source>Nothing to claim: the team queue is empty.</source>
            <translation>没有可认领的工单：组内队列为空。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="609" />
            <source>Case {0} is already yours.</source>
            <translation>工单 {0} 已由您负责。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="611" />
            <source>Case {0} is now yours.</source>
            <translation>工单 {0} 已由您认领。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="657" />
            <source>Assign</source>
            <translation>分派</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="658" />
            <source>Assign {0} case(s) to:</source>
            <translation>将 {0} 件工单分派给：</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="670" />
            <source>{0} case(s) assigned.</source>
            <translation>已分派 {0} 件工单。</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="672" />
            <source>{0} changed meanwhile and were left alone: {1}</source>
            <translation>{0} 件期间已被他人改动，未作处理：{1}</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/screen.py" line="693" />
            <source>{0} case(s) shared among {1} agent(s).</source>
            <translation>{0} 件工单已分给 {1} 名坐席。</translation>
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
        <name>ShiftConfigDialog</name>
        <message>
            <location filename="../../console/ui/handover/config.py" line="33" />
            <source>Shifts and roster</source>
            <translation>班次与排班</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="38" />
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="38" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="38" />
            <source>Starts</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="38" />
            <source>Ends</source>
            <translation>结束</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="41" />
            <source>Add a shift</source>
            <translation>新增班次</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="42" />
            <source>Remove the selected shift</source>
            <translation>删除所选班次</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="43" />
            <source>Save shifts</source>
            <translation>保存班次</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="49" />
            <source>Shifts (HH:MM; an end at or before the start crosses midnight)</source>
            <translation>班次（HH:MM；结束时间不晚于开始时间表示跨午夜）</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="56" />
            <source>Save roster</source>
            <translation>保存排班</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="57" />
            <source>Roster: who works which shift, and who supervises it</source>
            <translation>排班：谁上哪个班次、谁担任值班主管</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="93" />
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="94" />
            <source>Agent</source>
            <translation>坐席</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="95" />
            <source>Supervisor</source>
            <translation>值班主管</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="131" />
            <source>Shifts saved.</source>
            <translation>班次已保存。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="153" />
            <source>Roster saved.</source>
            <translation>排班已保存。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="163" />
            <source>The shifts leave a gap at {0}.</source>
            <translation>班次在 {0} 处有空档。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="164" />
            <source>Two shifts overlap at {0}.</source>
            <translation>两个班次在 {0} 处重叠。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="165" />
            <source>{0}: times are HH:MM.</source>
            <translation>{0}：时间格式为 HH:MM。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="166" />
            <source>Shift codes must be unique and not empty.</source>
            <translation>班次代码不能为空且不能重复。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="167" />
            <source>{0}: a shift cannot end when it starts.</source>
            <translation>{0}：班次的结束时间不能等于开始时间。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="168" />
            <source>{0} has handovers: it cannot be removed.</source>
            <translation>{0} 已有交接单，不能删除。</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/config.py" line="169" />
            <source>At least one shift is needed.</source>
            <translation>至少需要一个班次。</translation>
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
            <location filename="../../console/ui/sla_panel.py" line="149" />
            <source>Unverified: counted Monday to Friday in a year the calendar does not know</source>
            <translation>未核实：该年份不在工作日历中，暂按周一至周五计算</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="165" />
            <source>met late</source>
            <translation>超时完成</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="165" />
            <source>met on time</source>
            <translation>按时完成</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="168" />
            <source>not started</source>
            <translation>未起算</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="192" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="200" />
            <source>Pause clocks</source>
            <translation>暂停计时</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="200" />
            <source>Why (e.g. waiting for the citizen)?</source>
            <translation>暂停原因（如等待市民补充材料）？</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="224" />
            <source>Request an extension</source>
            <translation>申请延期</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_panel.py" line="224" />
            <source>Approve an extension</source>
            <translation>批准延期</translation>
        </message>
    </context>
    <context>
        <name>SlaWatcher</name>
        <message>
            <location filename="../../console/ui/sla_watch.py" line="61" />
            <source>{0} case(s) breached a deadline: {1}</source>
            <translation>{0} 件工单已超时：{1}</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_watch.py" line="63" />
            <source> and {0} more</source>
            <translation> 等，另有 {0} 件</translation>
        </message>
        <message>
            <location filename="../../console/ui/sla_watch.py" line="77" />
            <source>{0} open case(s) have deadlines in a year the working-day calendar does not know; they were counted Monday to Friday. Add the official holidays (python main.py sla override) and recompute.</source>
            <translation>{0} 件未办结工单的时限落在工作日历尚未收录的年份，暂按周一至周五计算。请录入官方节假日（python main.py sla override）后重算。</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <location filename="../../console/ui/launch.py" line="101" />
            <source>The database could not be opened.</source>
            <translation>无法打开数据库。</translation>
        </message>
        <message>
            <location filename="../../console/ui/launch.py" line="102" />
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
        <name>handover</name>
        <message>
            <location filename="../../console/ui/handover/models.py" line="36" />
            <source>Flagged earlier, not done</source>
            <translation>此前标记，未完成</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="37" />
            <source>Overdue during the shift</source>
            <translation>本班内超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="38" />
            <source>Due next shift</source>
            <translation>下一班到期</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="39" />
            <source>Callback promised</source>
            <translation>承诺回电</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="40" />
            <source>Worked on this shift</source>
            <translation>本班处理过</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="41" />
            <source>From the previous shift's gap</source>
            <translation>上一班未交接部分</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="48" />
            <source>Overdue since before this shift</source>
            <translation>本班之前已超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="49" />
            <source>Due after the next shift</source>
            <translation>下一班之后到期</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="50" />
            <source>No running deadline</source>
            <translation>无计时时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="57" />
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="58" />
            <source>Submitted, awaiting acknowledgement</source>
            <translation>已提交，待接班确认</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="59" />
            <source>Acknowledged</source>
            <translation>已确认接班</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="60" />
            <source>No handover</source>
            <translation>无交接单</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="61" />
            <source>Not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="91" />
            <location filename="../../console/ui/handover/report.py" line="37" />
            <source>Flag</source>
            <translation>标记</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="92" />
            <location filename="../../console/ui/handover/report.py" line="38" />
            <source>Why listed</source>
            <translation>列出原因</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="93" />
            <location filename="../../console/ui/handover/report.py" line="39" />
            <source>Case number</source>
            <translation>工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="94" />
            <location filename="../../console/ui/handover/report.py" line="40" />
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="95" />
            <location filename="../../console/ui/handover/models.py" line="263" />
            <location filename="../../console/ui/handover/report.py" line="41" />
            <location filename="../../console/ui/handover/report.py" line="67" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="96" />
            <location filename="../../console/ui/handover/report.py" line="42" />
            <source>Time left</source>
            <translation>剩余时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="97" />
            <location filename="../../console/ui/handover/report.py" line="43" />
            <source>Assigned to</source>
            <translation>指派给</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="98" />
            <location filename="../../console/ui/handover/report.py" line="44" />
            <source>Note for the next shift</source>
            <translation>给下一班的备注</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="99" />
            <source>Handed over by</source>
            <translation>交接来源</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="100" />
            <source>Picked up</source>
            <translation>已接手</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="262" />
            <source>Shift</source>
            <translation>班次</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="264" />
            <location filename="../../console/ui/handover/report.py" line="74" />
            <source>Submitted by</source>
            <translation>提交人</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="265" />
            <location filename="../../console/ui/handover/report.py" line="78" />
            <source>Acknowledged by</source>
            <translation>接班确认人</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="266" />
            <source>Listed / open</source>
            <translation>列出 / 未办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/handover/models.py" line="267" />
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
            <location filename="../../console/ui/labels.py" line="13" />
            <location filename="../../console/ui/labels.py" line="66" />
            <source>Received</source>
            <translation>已受理</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="14" />
            <location filename="../../console/ui/labels.py" line="68" />
            <source>Dispatched</source>
            <translation>已派单</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="15" />
            <location filename="../../console/ui/labels.py" line="71" />
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
            <location filename="../../console/ui/labels.py" line="75" />
            <source>Unit replied</source>
            <translation>已反馈</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="18" />
            <location filename="../../console/ui/labels.py" line="76" />
            <source>Returned by unit</source>
            <translation>已退单</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="19" />
            <location filename="../../console/ui/labels.py" line="77" />
            <source>Closed</source>
            <translation>已办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="20" />
            <location filename="../../console/ui/labels.py" line="78" />
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
            <location filename="../../console/ui/labels.py" line="67" />
            <source>Answered and closed</source>
            <translation>直接答复办结</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="69" />
            <source>Claimed</source>
            <translation>领取</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="70" />
            <source>Assigned</source>
            <translation>分派</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="72" />
            <source>Citizen contacted</source>
            <translation>已联系市民</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="73" />
            <source>On scene</source>
            <translation>已到场</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="74" />
            <source>Progress</source>
            <translation>办理进展</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="79" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="80" />
            <source>Deadline breached</source>
            <translation>超时</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="81" />
            <source>Clock paused</source>
            <translation>暂停计时</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="82" />
            <source>Clock resumed</source>
            <translation>恢复计时</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="83" />
            <source>Extension requested</source>
            <translation>申请延期</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="84" />
            <source>Extension approved</source>
            <translation>批准延期</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="85" />
            <source>Extension refused</source>
            <translation>驳回延期</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="92" />
            <source>Required.</source>
            <translation>必填项。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="93" />
            <source>This sub-type does not belong to the case type.</source>
            <translation>该子类不属于所选工单类型。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="96" />
            <source>Too short: at least {min} characters.</source>
            <translation>内容过短：至少需要 {min} 个字。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="97" />
            <source>Too long: at most {max} characters.</source>
            <translation>内容过长：最多 {max} 个字。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="98" />
            <source>Not a mainland number: an 11-digit mobile (1xx…) or a landline such as 0757-83381234.</source>
            <translation>不是有效的内地号码：应为 11 位手机号码（1xx…）或固定电话，如 0757-83381234。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="102" />
            <source>A demand needs a callback number, or tick “anonymous”.</source>
            <translation>诉求类工单须留回访电话，或勾选“匿名”。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="105" />
            <source>A unified social credit code has 18 characters.</source>
            <translation>统一社会信用代码应为 18 位。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="108" />
            <source>The check character does not match: a typing error?</source>
            <translation>校验码不符，是否输入有误？</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="111" />
            <source>Only a consultation can be closed on the call.</source>
            <translation>只有咨询类工单可以直接答复办结。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="114" />
            <source>Only a demand is dispatched to a unit.</source>
            <translation>只有诉求类工单才能派单至承办单位。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="117" />
            <source>Unknown value.</source>
            <translation>未知的值。</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="128" />
            <source>{d}d {h}h</source>
            <translation>{d}天{h}小时</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="130" />
            <source>{h}h {m}m</source>
            <translation>{h}小时{m}分</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="132" />
            <source>{m}m {s}s</source>
            <translation>{m}分{s}秒</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="136" />
            <source>overdue {0}</source>
            <translation>超时 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="139" />
            <source>{n} working day(s)</source>
            <translation>{n}个工作日</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="140" />
            <source>{0} left</source>
            <translation>剩余 {0}</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="144" />
            <location filename="../../console/ui/labels.py" line="153" />
            <source>paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="149" />
            <source>on track</source>
            <translation>正常</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="150" />
            <source>due soon</source>
            <translation>临期</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="151" />
            <source>critical</source>
            <translation>紧急</translation>
        </message>
        <message>
            <location filename="../../console/ui/labels.py" line="152" />
            <source>breached</source>
            <translation>已超时</translation>
        </message>
    </context>
    <context>
        <name>queue</name>
        <message>
            <location filename="../../console/ui/queue/model.py" line="130" />
            <source>Time left</source>
            <translation>剩余时限</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="131" />
            <source>Case number</source>
            <translation>工单编号</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="132" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="133" />
            <source>Type</source>
            <translation>工单类型</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="134" />
            <source>Class</source>
            <translation>业务大类</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="135" />
            <source>Matter category</source>
            <translation>事项分类</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="136" />
            <source>District</source>
            <translation>所属区</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="137" />
            <source>Caller</source>
            <translation>来电人</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="138" />
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="139" />
            <source>Agent</source>
            <translation>话务员</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="140" />
            <source>Handling unit</source>
            <translation>承办单位</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="141" />
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="142" />
            <source>Also open at</source>
            <translation>同时打开</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="143" />
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="144" />
            <source>Channel</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <location filename="../../console/ui/queue/model.py" line="256" />
            <source>Also open right now at: {0}</source>
            <translation>此刻也在查看：{0}</translation>
        </message>
    </context>
</TS>
