<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
    <context>
        <name>App</name>
        <message>
            <source>第 {sid} 版团队数据（{at}）已损坏，无法读取</source>
            <extracomment>a message for the user when a saved team version or roster could not be read (None when all was read) the store holds team data but no version of it can be read: the app must not save over the file</extracomment>
            <translation>Team version {sid} (saved {at}) is damaged and cannot be read</translation>
        </message>
        <message>
            <source>已打开较早保存的第 {sid} 版团队数据（{at}）；损坏的版本仍留在数据文件中。</source>
            <translation>Opened the earlier team version {sid} (saved {at}); the damaged version stays in the data file.</translation>
        </message>
        <message>
            <source>数据文件中没有一版团队数据可以读取：现以示例团队打开，本次不会写入该数据文件，它保持原样：{path}</source>
            <translation>No saved team version in the data file can be read: the sample team is open, and nothing is written to that file this session, it stays as it is: {path}</translation>
        </message>
        <message>
            <source>排班“{name}”（{at}）已损坏，无法读取</source>
            <translation>The roster “{name}” (saved {at}) is damaged and cannot be read</translation>
        </message>
        <message>
            <source>已打开较早保存的排班“{name}”（{at}）。</source>
            <translation>Opened the earlier roster “{name}” (saved {at}).</translation>
        </message>
        <message>
            <source>。</source>
            <translation>.</translation>
        </message>
        <message>
            <source>排班</source>
            <translation>Roster</translation>
        </message>
        <message>
            <source>部分保存的数据无法读取</source>
            <translation>Some saved data could not be read</translation>
        </message>
        <message>
            <source>未打开数据文件：本次修改不会自动保存</source>
            <translation>No data file open: changes in this session are not saved automatically</translation>
        </message>
    </context>
    <context>
        <name>AwayMonthModel</name>
        <message>
            <source>00:00–%1（前日起）</source>
            <translation>00:00–%1 (from the day before)</translation>
        </message>
        <message>
            <source>至%1</source>
            <translation>to %1</translation>
        </message>
        <message>
            <source>%1起</source>
            <translation>from %1</translation>
        </message>
        <message>
            <source>周一</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>周二</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>周三</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>周四</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>周五</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>周六</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>周日</source>
            <translation>Sun</translation>
        </message>
        <message>
            <source>%1：无人请假</source>
            <translation>%1: nobody on leave</translation>
        </message>
        <message>
            <source>%1（%2）不可排班 %3</source>
            <translation>%1 (%2) unavailable %3</translation>
        </message>
    </context>
    <context>
        <name>CalendarEditor</name>
        <message>
            <source>合同年 2026-06 至 2027-05</source>
            <translation>Contract year 2026-06 to 2027-05</translation>
        </message>
        <message>
            <source>%1 年</source>
            <translation>%1</translation>
        </message>
        <message>
            <source>范围</source>
            <translation>Range</translation>
        </message>
        <message>
            <source>节 法定节假日（300%）</source>
            <translation>H public holiday (300%)</translation>
        </message>
        <message>
            <source>休 休息日（含调休、补假）</source>
            <translation>R rest day (incl. swapped days off)</translation>
        </message>
        <message>
            <source>班 调休上班</source>
            <translation>W make-up workday</translation>
        </message>
        <message>
            <source>工作日</source>
            <translation>Workday</translation>
        </message>
        <message>
            <source>双击日期循环覆盖：工作日 → 休息日 → 节假日 → 清除；* 表示用户覆盖；紫色标记为周六、周日，黑色标记为周一至周五</source>
            <translation>Double-click a date to cycle its override: workday → rest day → holiday → clear; * marks a user override; purple marks are Saturdays and Sundays, black ones Monday to Friday</translation>
        </message>
        <message>
            <source>%1 年的节假日调休安排尚未公布，当前日期类型为估计值（HD-07）。请在公布后核对并双击日期修改。</source>
            <translation>The holiday arrangement for %1 is not published yet; day types are estimates (HD-07). Check them when it is published and double-click dates to correct them.</translation>
        </message>
        <message>
            <source>尚未核对的估计调休日：%1（估计正确的日期也请双击设为同一类型以确认）</source>
            <translation> Estimated days off not yet confirmed: %1 (where the estimate is right, double-click the date to the same type to confirm it)</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>CalendarMonthsModel</name>
        <message>
            <source>节</source>
            <translation>H</translation>
        </message>
        <message>
            <source>休</source>
            <translation>R</translation>
        </message>
        <message>
            <source>班</source>
            <translation>W</translation>
        </message>
        <message>
            <source>%1年%2月</source>
            <translation>%2/%1</translation>
        </message>
        <message>
            <source>工作日</source>
            <translation>Workday</translation>
        </message>
        <message>
            <source>休息日</source>
            <translation>Rest day</translation>
        </message>
        <message>
            <source>法定节假日（300%）</source>
            <translation>Public holiday (300%)</translation>
        </message>
        <message>
            <source>周一</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>周二</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>周三</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>周四</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>周五</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>周六</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>周日</source>
            <translation>Sun</translation>
        </message>
        <message>
            <source>（用户覆盖）</source>
            <translation> (user override)</translation>
        </message>
        <message>
            <source>日期不存在：%1年%2月%3日</source>
            <translation>No such date: %1-%2-%3</translation>
        </message>
        <message>
            <source>日期类型应为 workday/restday/holiday 或空：%1</source>
            <translation>Day type must be workday/restday/holiday or empty: %1</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <source>休</source>
            <translation>R</translation>
        </message>
        <message>
            <source>修改</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>锁定</source>
            <translation>Lock</translation>
        </message>
        <message>
            <source>解锁</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <source>个单元格</source>
            <translation>cells</translation>
        </message>
    </context>
    <context>
        <name>CompBalanceModel</name>
        <message>
            <source>人员</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>调休获得</source>
            <translation>Earned</translation>
        </message>
        <message>
            <source>调休已用</source>
            <translation>Taken</translation>
        </message>
        <message>
            <source>调休余额</source>
            <translation>Balance</translation>
        </message>
    </context>
    <context>
        <name>ContractMonthModel</name>
        <message>
            <source>月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>排班天数</source>
            <translation>Rostered days</translation>
        </message>
        <message>
            <source>覆盖率</source>
            <translation>Coverage</translation>
        </message>
        <message>
            <source>计薪工时</source>
            <translation>Paid hours</translation>
        </message>
        <message>
            <source>标准工时</source>
            <translation>Standard hours</translation>
        </message>
        <message>
            <source>加班工时</source>
            <translation>Overtime hours</translation>
        </message>
        <message>
            <source>加班预算</source>
            <translation>Overtime budget</translation>
        </message>
        <message>
            <source>预算使用</source>
            <translation>Budget used</translation>
        </message>
        <message>
            <source>人天（计费）</source>
            <translation>Billable days</translation>
        </message>
        <message>
            <source>请假天数</source>
            <translation>Leave days</translation>
        </message>
        <message>
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>未满足的需求：%1 人·小时</source>
            <translation>Unmet demand: %1 person-hours</translation>
        </message>
        <message>
            <source>每月加班上限 × 当月在职人数（OT-03、CH-07）</source>
            <translation>Monthly overtime cap × people employed that month (OT-03, CH-07)</translation>
        </message>
    </context>
    <context>
        <name>ContractView</name>
        <message>
            <source>合同期 2026-06-01 至 2027-05-31：按自然月统计（计费依据合同 5.2 条）</source>
            <translation>Contract term 2026-06-01 to 2027-05-31, per calendar month (billing per contract clause 5.2)</translation>
        </message>
        <message>
            <source>每月覆盖、工时与加班预算</source>
            <translation>Coverage, hours and overtime budget per month</translation>
        </message>
        <message>
            <source>每人调休余额（小时，月末累计）</source>
            <translation>Comp-time balance per person (hours, cumulative at month end)</translation>
        </message>
        <message>
            <source>排班范围 %1 至 %2；“—”表示该月尚无排班。加班预算 = 每月上限 %3 小时 × 在职人数。</source>
            <translation>Roster covers %1 to %2; “—” means no roster for that month yet. Overtime budget = cap of %3 h × people employed.</translation>
        </message>
        <message>
            <source>尚无排班：求解或打开覆盖合同年的排班后，这里显示每月统计。</source>
            <translation>No roster yet: solve or open a roster for the contract year to see the monthly figures here.</translation>
        </message>
    </context>
    <context>
        <name>CoverageHeatmap</name>
        <message>
            <source>暂无排班</source>
            <translation>No roster yet</translation>
        </message>
        <message>
            <source>缺人（已排/需求）</source>
            <translation>Short (scheduled/needed)</translation>
        </message>
        <message>
            <source>刚好满足</source>
            <translation>Exactly met</translation>
        </message>
        <message>
            <source>超出需求</source>
            <translation>Above demand</translation>
        </message>
        <message>
            <source>已排</source>
            <translation>Scheduled</translation>
        </message>
        <message>
            <source>需求</source>
            <translation>Demand</translation>
        </message>
        <message>
            <source>技能缺口</source>
            <translation>Skill gap</translation>
        </message>
    </context>
    <context>
        <name>DemandEditor</name>
        <message>
            <source>需求时段须从整点或半点开始和结束：%1</source>
            <translation>Demand times must be on the hour or half hour: %1</translation>
        </message>
        <message>
            <source>填入所选格</source>
            <translation>Fill selected cells</translation>
        </message>
        <message>
            <source>每半小时需求人数（不限技能）</source>
            <translation>Head-count per half hour (any skill)</translation>
        </message>
        <message>
            <source>人数</source>
            <translation>Head-count</translation>
        </message>
        <message>
            <source>添加技能需求</source>
            <translation>Add skill demand</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>按技能或特定日期的需求（覆盖左侧网格）</source>
            <translation>Demand by skill or for a specific date (overrides the grid)</translation>
        </message>
        <message>
            <source>“从 08:00 到 18:00”包含 08:00、不含 18:00（18:00 起归下一段）；技能需求按持有该技能的人数计算。颜色越深需求越高。</source>
            <translation>"From 08:00 to 18:00" includes 08:00 but not 18:00 (18:00 belongs to the next row); skill demand counts people holding that skill. Darker means more people needed.</translation>
        </message>
        <message>
            <source>请先在网格中选择单元格</source>
            <translation>Select cells in the grid first</translation>
        </message>
    </context>
    <context>
        <name>DemandGridModel</name>
        <message>
            <source>工作日</source>
            <translation>Workday</translation>
        </message>
        <message>
            <source>休息日</source>
            <translation>Rest day</translation>
        </message>
        <message>
            <source>法定节假日</source>
            <translation>Public holiday</translation>
        </message>
        <message>
            <source>需求人数</source>
            <translation>Head-count</translation>
        </message>
        <message>
            <source>需求人数超出范围：%1（允许 0–99）</source>
            <translation>Head-count out of range: %1 (allowed 0–99)</translation>
        </message>
    </context>
    <context>
        <name>DemandRuleTableModel</name>
        <message>
            <source>每天</source>
            <translation>Every day</translation>
        </message>
        <message>
            <source>工作日</source>
            <translation>Workday</translation>
        </message>
        <message>
            <source>休息日</source>
            <translation>Rest day</translation>
        </message>
        <message>
            <source>法定节假日</source>
            <translation>Public holiday</translation>
        </message>
        <message>
            <source>日期类型或日期</source>
            <translation>Day type or date</translation>
        </message>
        <message>
            <source>从</source>
            <translation>From</translation>
        </message>
        <message>
            <source>到</source>
            <translation>To</translation>
        </message>
        <message>
            <source>人数</source>
            <translation>Head-count</translation>
        </message>
        <message>
            <source>技能（空=不限）</source>
            <translation>Skill (empty = any)</translation>
        </message>
        <message>
            <source>日期类型应为 每天/工作日/休息日/法定节假日 或有效日期 YYYY-MM-DD：%1</source>
            <translation>Day type must be Every day/Workday/Rest day/Public holiday or a valid date YYYY-MM-DD: %1</translation>
        </message>
        <message>
            <source>不限技能的按日期类型需求请在左侧网格中编辑</source>
            <translation>Edit any-skill demand by day type in the grid on the left</translation>
        </message>
        <message>
            <source>开始 %1 必须早于结束 %2</source>
            <translation>Start %1 must be before end %2</translation>
        </message>
        <message>
            <source>结束 %1 必须晚于开始 %2</source>
            <translation>End %1 must be after start %2</translation>
        </message>
        <message>
            <source>按日期类型的需求必须指定技能（不限技能的请用左侧网格）</source>
            <translation>Demand by day type needs a skill (use the grid on the left for any skill)</translation>
        </message>
    </context>
    <context>
        <name>Editors</name>
        <message>
            <source>日期不能为空，格式为 YYYY-MM-DD</source>
            <translation>The date is empty; use YYYY-MM-DD</translation>
        </message>
        <message>
            <source>日期无效：%1（格式 YYYY-MM-DD，且须是真实存在的日期）</source>
            <translation>Invalid date: %1 (use YYYY-MM-DD and a date that exists)</translation>
        </message>
        <message>
            <source>时间无效：%1（格式 HH:MM，00:00–24:00）</source>
            <translation>Invalid time: %1 (use HH:MM, 00:00–24:00)</translation>
        </message>
        <message>
            <source>%1 应为数字：%2</source>
            <translation>%1 must be a number: %2</translation>
        </message>
        <message>
            <source>%1 应为整数：%2</source>
            <translation>%1 must be a whole number: %2</translation>
        </message>
        <message>
            <source>%1 超出范围：%2（允许 %3–%4）</source>
            <translation>%1 out of range: %2 (allowed %3–%4)</translation>
        </message>
    </context>
    <context>
        <name>Excel</name>
        <message>
            <source>工时汇总</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>覆盖</source>
            <translation>Coverage</translation>
        </message>
        <message>
            <source>合规</source>
            <translation>Compliance</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>出勤天数</source>
            <translation>Days worked</translation>
        </message>
        <message>
            <source>工作日历日数</source>
            <translation>Working dates</translation>
        </message>
        <message>
            <source>计薪工时</source>
            <translation>Paid hours</translation>
        </message>
        <message>
            <source>标准工时</source>
            <translation>Standard hours</translation>
        </message>
        <message>
            <source>工作日延时 150%</source>
            <translation>Extended hours 150%</translation>
        </message>
        <message>
            <source>休息日加班 200%</source>
            <translation>Rest-day overtime 200%</translation>
        </message>
        <message>
            <source>法定节假日 300%</source>
            <translation>Statutory holiday 300%</translation>
        </message>
        <message>
            <source>夜间工时</source>
            <translation>Night hours</translation>
        </message>
        <message>
            <source>调休获得（小时）</source>
            <translation>Comp time earned (h)</translation>
        </message>
        <message>
            <source>调休使用（小时）</source>
            <translation>Comp time taken (h)</translation>
        </message>
        <message>
            <source>{kind}（天）</source>
            <translation>{kind} (days)</translation>
        </message>
        <message>
            <source>人天（计费）</source>
            <translation>Person-days (billing)</translation>
        </message>
        <message>
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>按自然月计费人天（合同第 5.2 条）</source>
            <translation>Person-days per natural month for billing (contract clause 5.2)</translation>
        </message>
        <message>
            <source>按人员汇总（整个排班期）</source>
            <translation>Per person, whole period</translation>
        </message>
        <message>
            <source>全期</source>
            <translation>All</translation>
        </message>
        <message>
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>在岗人数</source>
            <translation>Staff on duty</translation>
        </message>
        <message>
            <source>加班合计（36 小时上限口径）</source>
            <translation>Overtime for the 36 h cap</translation>
        </message>
        <message>
            <source>另计：本月期前已加班（小时）</source>
            <translation>Plus: overtime earlier this month, before the period (h)</translation>
        </message>
        <message>
            <source>加班合计（含期前已加班，上限口径）</source>
            <translation>Overtime for the cap (incl. earlier this month)</translation>
        </message>
        <message>
            <source>本月调休增减（小时）</source>
            <translation>Comp time change this month (h)</translation>
        </message>
        <message>
            <source>调休累计余额（小时）</source>
            <translation>Comp time balance to date (h)</translation>
        </message>
        <message>
            <source>综合计算工时按{period}结算：延时加班（150%）以下表为准，上方月度 150% 仅为当月预估</source>
            <translation>Comprehensive hours settle by {period}: the 150% hours below are the ones to pay; the monthly 150% above are provisional</translation>
        </message>
        <message>
            <source>结算期</source>
            <translation>Settlement period</translation>
        </message>
        <message>
            <source>加班上限（小时）</source>
            <translation>Overtime cap (h)</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>State</translation>
        </message>
        <message>
            <source>已结算</source>
            <translation>Settled</translation>
        </message>
        <message>
            <source>结算期未完（预估）</source>
            <translation>Settlement period not complete (provisional)</translation>
        </message>
        <message>
            <source>工时单位为小时；标准工时按当月日历工作日计算，请假日（含调休）按出勤扣除。150%/200%/300% 为应付加班费的小时数：休息日加班先计入调休，排班中空出的工作日与调休假都算作抵偿（计入“调休使用”），200% 列为本期尚未抵偿的部分，与调休余额是同一批小时，二者只兑现其一。“加班合计”是 36 小时月上限的计量口径（SPEC §4：有薪工时减标准工时，法定节假日工时全计），不是各列之和。</source>
            <translation>Hours in decimal hours; standard hours from the month's calendar working days, leave days (comp days included) count as attended. 150%/200%/300% are the hours payable at that rate: rest-day work is first banked as comp time, given back by workdays the rota leaves off and by comp days (both counted as comp time taken); the 200% column is the part not yet given back, i.e. the same hours as the comp balance — settle each hour once. "Overtime for the 36 h cap" is the cap's measure (SPEC §4: paid minus standard hours, statutory holiday hours counted in full), not the sum of the rate columns.</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>星期</source>
            <translation>Weekday</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>排班</source>
            <translation>Scheduled</translation>
        </message>
        <message>
            <source>需求</source>
            <translation>Demand</translation>
        </message>
        <message>
            <source>总人数</source>
            <translation>All staff</translation>
        </message>
        <message>
            <source>缺口（人·时）</source>
            <translation>Shortfall (person-hours)</translation>
        </message>
        <message>
            <source>每小时：排班 = 两个半小时时段中在岗人数的较小值，需求 = 较大值；红色 = 人手不足。</source>
            <translation>Per hour: scheduled = the smaller head-count of its two 30-minute slots, demand = the larger; red = short.</translation>
        </message>
        <message>
            <source>规则编号</source>
            <translation>Rule id</translation>
        </message>
        <message>
            <source>规则</source>
            <translation>Rule</translation>
        </message>
        <message>
            <source>法律依据</source>
            <translation>Legal source</translation>
        </message>
        <message>
            <source>结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>违规数</source>
            <translation>Violations</translation>
        </message>
        <message>
            <source>通过</source>
            <translation>Pass</translation>
        </message>
        <message>
            <source>违规 {n} 条</source>
            <translation>{n} violations</translation>
        </message>
        <message>
            <source>已停用</source>
            <translation>Disabled</translation>
        </message>
        <message>
            <source>违规明细</source>
            <translation>Violations</translation>
        </message>
        <message>
            <source>0 违规</source>
            <translation>0 violations</translation>
        </message>
        <message>
            <source>员工</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>开始</source>
            <translation>From</translation>
        </message>
        <message>
            <source>结束</source>
            <translation>To</translation>
        </message>
        <message>
            <source>实测</source>
            <translation>Measured</translation>
        </message>
        <message>
            <source>限值</source>
            <translation>Limit</translation>
        </message>
        <message>
            <source>详情</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>班组</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>{start} 至 {end}，共 {n} 天</source>
            <translation>{start} to {end}, {n} days</translation>
        </message>
        <message>
            <source>人数</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>工时制度</source>
            <translation>Working-time system</translation>
        </message>
        <message>
            <source>综合计算工时工作制</source>
            <translation>Comprehensive working-hours system</translation>
        </message>
        <message>
            <source>标准工时制</source>
            <translation>Standard hours</translation>
        </message>
        <message>
            <source>综合工时审批</source>
            <translation>Comprehensive-hours approval</translation>
        </message>
        <message>
            <source>未录入审批文号</source>
            <translation>No approval number entered</translation>
        </message>
        <message>
            <source>结算周期</source>
            <translation>Settlement period</translation>
        </message>
        <message>
            <source>标准工时计算方法</source>
            <translation>Standard-hours method</translation>
        </message>
        <message>
            <source>按日历工作日 × 8 小时</source>
            <translation>Calendar working days × 8 h</translation>
        </message>
        <message>
            <source>月平均 165.33 小时</source>
            <translation>Monthly average 165.33 h</translation>
        </message>
        <message>
            <source>班次</source>
            <translation>Shifts</translation>
        </message>
        <message>
            <source>{code} {name} {times}，计薪 {paid} 小时</source>
            <translation>{code} {name} {times}, {paid} paid hours</translation>
        </message>
        <message>
            <source>两班之间最少休息（小时）</source>
            <translation>Minimum rest between shifts (h)</translation>
        </message>
        <message>
            <source>最多连续工作天数</source>
            <translation>Maximum consecutive working days</translation>
        </message>
        <message>
            <source>每 7 天最少休息日</source>
            <translation>Minimum rest days in every 7</translation>
        </message>
        <message>
            <source>每月加班上限（小时）</source>
            <translation>Monthly overtime cap (h)</translation>
        </message>
        <message>
            <source>每日工时上限（小时）</source>
            <translation>Daily hours cap (h)</translation>
        </message>
        <message>
            <source>夜间时段</source>
            <translation>Night window</translation>
        </message>
        <message>
            <source>节假日工时计入周期总工时</source>
            <translation>Holiday hours in period total</translation>
        </message>
        <message>
            <source>带薪假计为出勤</source>
            <translation>Paid leave counts as attended</translation>
        </message>
        <message>
            <source>已停用规则</source>
            <translation>Disabled rules</translation>
        </message>
        <message>
            <source>无</source>
            <translation>None</translation>
        </message>
        <message>
            <source>是</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>否</source>
            <translation>No</translation>
        </message>
        <message>
            <source>日历</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <source>中国法定节假日与调休安排（holidays {ver}）；用户覆盖：节假日 {h} 天，休息日 {r} 天，工作日 {w} 天</source>
            <translation>Chinese public holidays and make-up days (holidays {ver}); user overrides: {h} holidays, {r} rest days, {w} workdays</translation>
        </message>
        <message>
            <source>日历警告</source>
            <translation>Calendar warning</translation>
        </message>
        <message>
            <source>{years} 年的节假日调休安排为估算（国务院通知尚未发布或未录入），请核对后在“日历”中录入。</source>
            <translation>The {years} holiday arrangement is estimated (official notice not published or not entered); check it and enter it in the calendar.</translation>
        </message>
        <message>
            <source>排班期内的节假日安排均为官方发布</source>
            <translation>All holiday arrangements in the period are official</translation>
        </message>
        <message>
            <source>{years} 年的节假日安排按用户在“日历”中录入的日期（请与国务院通知核对）</source>
            <translation>The {years} holiday arrangement follows the dates entered in the calendar (check them against the official notice)</translation>
        </message>
        <message>
            <source>求解状态</source>
            <translation>Solver status</translation>
        </message>
        <message>
            <source>提示（不违规，供审核人核对）</source>
            <translation>Advisories (not violations; for the reviewer to look at)</translation>
        </message>
        <message>
            <source>公平</source>
            <translation>Fairness</translation>
        </message>
        <message>
            <source>最优</source>
            <extracomment>solver statuses in words (the code stays in brackets for support)</extracomment>
            <translation>Optimal</translation>
        </message>
        <message>
            <source>可行（未证明最优）</source>
            <translation>Feasible (optimality not proven)</translation>
        </message>
        <message>
            <source>无合法排班</source>
            <translation>No legal roster</translation>
        </message>
        <message>
            <source>已取消</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>目标值</source>
            <translation>Objective</translation>
        </message>
        <message>
            <source>下界</source>
            <translation>Bound</translation>
        </message>
        <message>
            <source>最优性差距</source>
            <translation>Gap</translation>
        </message>
        <message>
            <source>求解用时（秒）</source>
            <translation>Solve time (s)</translation>
        </message>
        <message>
            <source>未经求解器（手工排班）</source>
            <translation>Not from the solver (hand-made)</translation>
        </message>
        <message>
            <source>软件版本</source>
            <translation>App version</translation>
        </message>
        <message>
            <source>隐私</source>
            <translation>Privacy</translation>
        </message>
        <message>
            <source>本工作簿不含电话号码和身份证号。</source>
            <translation>This workbook contains no phone or ID numbers.</translation>
        </message>
        <message>
            <source>周</source>
            <translation>Week</translation>
        </message>
        <message>
            <source>月</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>季</source>
            <translation>Quarter</translation>
        </message>
        <message>
            <source>年</source>
            <translation>Year</translation>
        </message>
    </context>
    <context>
        <name>FairnessChart</name>
        <message>
            <source>夜班</source>
            <translation>Nights</translation>
        </message>
        <message>
            <source>周末班</source>
            <translation>Weekend shifts</translation>
        </message>
        <message>
            <source>节假日班</source>
            <translation>Holiday shifts</translation>
        </message>
        <message>
            <source>工时</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>暂无排班</source>
            <translation>No roster yet</translation>
        </message>
        <message>
            <source>%1（差 %2）</source>
            <translation>%1 (spread %2)</translation>
        </message>
        <message>
            <source>虚线 = 组内平均；灰色 = 另一可比组（夜班、休息日、节假日按可排班次分组，工时按合同工时分组）。差值按可比组计算，非全职人员的班次按合同折算（与求解目标一致），含上期结转；工时含请假折算，单位小时</source>
            <translation>Dashed = group mean; grey = another group of comparable staff (nights, rest days and holidays grouped by the shifts allowed, hours by contract hours). Differences are per group, a part-timer's shifts weighed by contract (as the solver scores them), history included; hours include leave credit, in hours</translation>
        </message>
    </context>
    <context>
        <name>Ics</name>
        <message>
            <source>未知员工编号 {staff}，无法导出日历。</source>
            <translation>Unknown staff id {staff}: no calendar exported.</translation>
        </message>
        <message>
            <source>无法创建文件夹 {folder}：{reason}。请选择其他保存位置。</source>
            <translation>Cannot create the folder {folder}: {reason}. Choose another location.</translation>
        </message>
    </context>
    <context>
        <name>Import</name>
        <message>
            <source>工作表“{sheet}”</source>
            <extracomment>the English template's example values (the importer reads yes/no, the English leave kinds and weekday numbers) how the importer knows the template's example rows (skipped, never imported as a person)</extracomment>
            <translation>Sheet "{sheet}"</translation>
        </message>
        <message>
            <source>第 {row} 行</source>
            <translation>row {row}</translation>
        </message>
        <message>
            <source>{column} 列</source>
            <translation>column {column}</translation>
        </message>
        <message>
            <source>无法导入</source>
            <translation>Cannot import</translation>
        </message>
        <message>
            <source>无法导入 {name}</source>
            <translation>Cannot import {name}</translation>
        </message>
        <message>
            <source>{head}：发现 {n} 处问题，未做任何更改。</source>
            <translation>{head}: {n} problem(s) found; nothing was changed.</translation>
        </message>
        <message>
            <source>…… 另有 {n} 处问题</source>
            <translation>… and {n} more problem(s)</translation>
        </message>
        <message>
            <source>文件不存在，请检查路径。</source>
            <translation>The file does not exist; check the path.</translation>
        </message>
        <message>
            <source>无法读取文件（{reason}），如已在 Excel 中打开请先关闭。</source>
            <translation>Cannot read the file ({reason}); if it is open in Excel, close it first.</translation>
        </message>
        <message>
            <source>文件过大（{size} MB），导入文件不能超过 10 MB。</source>
            <translation>The file is too large ({size} MB); an import file may be at most 10 MB.</translation>
        </message>
        <message>
            <source>文件是空的（0 字节）。</source>
            <translation>The file is empty (0 bytes).</translation>
        </message>
        <message>
            <source>文件设有打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再导入。</source>
            <translation>The file has an opening password (it is encrypted) and cannot be read. Remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it), save as .xlsx and import that.</translation>
        </message>
        <message>
            <source>这是旧版 Excel 97-2003 (.xls) 文件，只是扩展名被改成了 .xlsx。请在 Excel 中打开后“另存为 → Excel 工作簿 (*.xlsx)”再导入。</source>
            <translation>This is an old Excel 97-2003 (.xls) file whose extension was changed to .xlsx. Open it in Excel, use "Save As → Excel Workbook (*.xlsx)" and import that.</translation>
        </message>
        <message>
            <source>不是 Excel 工作簿 (.xlsx) 文件（可能是 CSV、文本或损坏的文件）。请用模板另存为 .xlsx 后导入。</source>
            <translation>This is not an Excel workbook (.xlsx) (it may be a CSV, a text or a damaged file). Save it as .xlsx from the template and import that.</translation>
        </message>
        <message>
            <source>文件已损坏，无法作为 .xlsx 打开。</source>
            <translation>The file is damaged and cannot be opened as .xlsx.</translation>
        </message>
        <message>
            <source>文件结构异常（包含 {n} 个部件），已拒绝导入。</source>
            <translation>The file has an unusual structure ({n} parts) and was refused.</translation>
        </message>
        <message>
            <source>文件内部含加密部件，无法读取。请取消密码后另存为 .xlsx。</source>
            <translation>The file contains encrypted parts and cannot be read. Remove the password and save as .xlsx.</translation>
        </message>
        <message>
            <source>文件解压后异常巨大（部件 {part} 为 {size} MB），疑似“压缩炸弹”，已拒绝导入。</source>
            <translation>The file unpacks to an abnormal size (part {part} is {size} MB), probably a "zip bomb", and was refused.</translation>
        </message>
        <message>
            <source>文件解压后超过 {limit} MB，已拒绝导入。</source>
            <translation>The file unpacks to more than {limit} MB and was refused.</translation>
        </message>
        <message>
            <source>这是 Word 文档，不是 Excel 工作簿。</source>
            <translation>This is a Word document, not an Excel workbook.</translation>
        </message>
        <message>
            <source>不是 Excel 工作簿（缺少 xl/workbook.xml），可能是其他类型的压缩文件。</source>
            <translation>This is not an Excel workbook (xl/workbook.xml is missing); it may be another kind of zip file.</translation>
        </message>
        <message>
            <source>文件含有不安全的 XML 内容（{kind}：实体或外部引用定义），已拒绝导入。请在 Excel 中新建工作簿并粘贴数据后再导入。</source>
            <translation>The file contains unsafe XML ({kind}: entity or external reference definitions) and was refused. Paste the data into a new Excel workbook and import that.</translation>
        </message>
        <message>
            <source>文件无法作为 Excel 工作簿读取（{kind}），可能已损坏、含有不安全内容或格式不受支持。请在 Excel 中打开后另存为 .xlsx 再导入。</source>
            <translation>The file cannot be read as an Excel workbook ({kind}): it may be damaged, hold unsafe content or use an unsupported format. Open it in Excel, save as .xlsx and import that.</translation>
        </message>
        <message>
            <source>工作簿中没有“员工”或“请假”工作表（现有工作表：{titles}）。请使用导入模板。</source>
            <translation>The workbook has no Staff or Leave sheet (its sheets: {titles}). Use the import template.</translation>
        </message>
        <message>
            <source>（无）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>工作簿中只有模板的示例行（姓名“示例 张三”、备注以“示例行”开头），已跳过；请填写真实数据后再导入。</source>
            <translation>The workbook holds only the template's example rows (name “Example Zhang San”, notes starting with “Example row”), which are skipped: fill in real data and import again.</translation>
        </message>
        <message>
            <source>工作簿中没有数据行（“员工”和“请假”表除表头外都是空的）。</source>
            <translation>The workbook has no data rows (the Staff and Leave sheets are empty below their headers).</translation>
        </message>
        <message>
            <source>第一行应为表头，但该行为空。请使用“导出导入模板”生成的文件。</source>
            <translation>Row 1 should hold the headers but is empty. Use a file made by "Export import template".</translation>
        </message>
        <message>
            <source>表头“{text}”重复</source>
            <translation>The header "{text}" appears twice</translation>
        </message>
        <message>
            <source>缺少必填列：{missing}。表头应为：{expected}</source>
            <translation>Required columns missing: {missing}. The headers should be: {expected}</translation>
        </message>
        <message>
            <source>缺少必填列：{missing}。表头应为：{expected}；无法识别的表头：{unknown}</source>
            <translation>Required columns missing: {missing}. The headers should be: {expected}; headers not recognised: {unknown}</translation>
        </message>
        <message>
            <source>日期“{text}”无法识别，请写成 YYYY-MM-DD（例如 2026-06-01）</source>
            <translation>Date "{text}" not recognised; write it as YYYY-MM-DD (e.g. 2026-06-01)</translation>
        </message>
        <message>
            <source>日期“{text}”不存在：须是真实存在的日期（月份 1–12，日不超过当月天数）</source>
            <translation>Date "{text}" does not exist: it must be a real date (month 1–12, a day the month has)</translation>
        </message>
        <message>
            <source>“{text}”应填“是”或“否”</source>
            <translation>"{text}" must be yes or no</translation>
        </message>
        <message>
            <source>应为数字</source>
            <translation>must be a number</translation>
        </message>
        <message>
            <source>“{text}”不是数字</source>
            <translation>"{text}" is not a number</translation>
        </message>
        <message>
            <source>{value} 应为整数</source>
            <translation>{value} must be a whole number</translation>
        </message>
        <message>
            <source>{value} 超出范围 {lo}–{hi}</source>
            <translation>{value} is out of range {lo}–{hi}</translation>
        </message>
        <message>
            <source>未知请假类型“{text}”，可填：{kinds}</source>
            <translation>Unknown leave kind "{text}"; use one of: {kinds}</translation>
        </message>
        <message>
            <source>时间“{text}”无法识别，请写成 HH:MM（例如 08:00）</source>
            <translation>Time "{text}" not recognised; write it as HH:MM (e.g. 08:00)</translation>
        </message>
        <message>
            <source>开始时间应早于 24:00</source>
            <translation>The start time must be before 24:00</translation>
        </message>
        <message>
            <source>结束时间与开始时间相同；全天不可排班请留空或写 00:00–24:00</source>
            <translation>The end time equals the start time; for a whole day leave both empty or write 00:00–24:00</translation>
        </message>
        <message>
            <source>无法识别的星期“{text}”（写 1–7 或 一、二…，例如 1,3 或 一、三；留空为每天）</source>
            <translation>Weekdays "{text}" not recognised (write 1–7 or Mon, Tue…, e.g. 1,3 or Mon, Wed; empty for every day)</translation>
        </message>
        <message>
            <source>员工编号不能为空</source>
            <translation>The staff id is empty</translation>
        </message>
        <message>
            <source>员工编号“{sid}”重复（第 {row} 行已有）</source>
            <translation>Staff id "{sid}" appears twice (already in row {row})</translation>
        </message>
        <message>
            <source>员工编号过长（最多 32 个字符）</source>
            <translation>The staff id is too long (at most 32 characters)</translation>
        </message>
        <message>
            <source>姓名不能为空</source>
            <translation>The name is empty</translation>
        </message>
        <message>
            <source>姓名过长（最多 40 个字符）</source>
            <translation>The name is too long (at most 40 characters)</translation>
        </message>
        <message>
            <source>未知技能：{bad}（可用技能：{known}）</source>
            <translation>Unknown skills: {bad} (known skills: {known})</translation>
        </message>
        <message>
            <source>每周合同工时：{problem}</source>
            <translation>Weekly hours: {problem}</translation>
        </message>
        <message>
            <source>年假天数：{problem}</source>
            <translation>Annual leave days: {problem}</translation>
        </message>
        <message>
            <source>离职日期 {last} 早于入职日期 {hire}</source>
            <translation>The last day {last} is before the hire date {hire}</translation>
        </message>
        <message>
            <source>未知员工编号“{sid}”（既不在当前班组，也不在“员工”表中）</source>
            <translation>Unknown staff id "{sid}" (neither in the team nor on the Staff sheet)</translation>
        </message>
        <message>
            <source>开始日期不能为空</source>
            <translation>The start date is empty</translation>
        </message>
        <message>
            <source>结束日期不能为空</source>
            <translation>The end date is empty</translation>
        </message>
        <message>
            <source>结束日期 {end} 早于开始日期 {start}</source>
            <translation>The end date {end} is before the start date {start}</translation>
        </message>
        <message>
            <source>请假超过一年，请检查日期</source>
            <translation>The leave is longer than a year; check the dates</translation>
        </message>
        <message>
            <source>{name}（{sid}）的请假 {start}–{end} 与已有请假 {other_start}–{other_end}（{kind}）重叠</source>
            <translation>The leave of {name} ({sid}) {start}–{end} overlaps the existing leave {other_start}–{other_end} ({kind})</translation>
        </message>
        <message>
            <source>与第 {row} 行的请假 {start}–{end} 重叠</source>
            <translation>Overlaps the leave in row {row}, {start}–{end}</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <source>导入错误</source>
            <translation>Import errors</translation>
        </message>
        <message>
            <source>以下行有错误，未导入任何数据。请修改后重新导入：</source>
            <translation>These rows have errors; nothing was imported. Fix them and import again:</translation>
        </message>
        <message>
            <source>行</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>列</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>工作表</source>
            <translation>Sheet</translation>
        </message>
    </context>
    <context>
        <name>Leave</name>
        <message>
            <source>年假</source>
            <translation>Annual</translation>
        </message>
        <message>
            <source>病假</source>
            <translation>Sick</translation>
        </message>
        <message>
            <source>事假</source>
            <translation>Personal</translation>
        </message>
        <message>
            <source>婚假</source>
            <translation>Marriage</translation>
        </message>
        <message>
            <source>产假</source>
            <translation>Maternity</translation>
        </message>
        <message>
            <source>调休</source>
            <translation>Comp</translation>
        </message>
        <message>
            <source>丧假</source>
            <translation>Bereavement</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>Other</translation>
        </message>
    </context>
    <context>
        <name>LeaveEditor</name>
        <message>
            <source>年假</source>
            <translation>Annual leave</translation>
        </message>
        <message>
            <source>病假</source>
            <translation>Sick leave</translation>
        </message>
        <message>
            <source>事假</source>
            <translation>Personal leave</translation>
        </message>
        <message>
            <source>婚假</source>
            <translation>Marriage leave</translation>
        </message>
        <message>
            <source>产假</source>
            <translation>Maternity leave</translation>
        </message>
        <message>
            <source>调休</source>
            <translation>Comp day off</translation>
        </message>
        <message>
            <source>丧假</source>
            <translation>Bereavement leave</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>没有编号为 %1 的人员</source>
            <translation>No person with id %1</translation>
        </message>
        <message>
            <source>结束日期 %1 早于开始日期 %2</source>
            <translation>End date %1 is before start date %2</translation>
        </message>
        <message>
            <source>每天</source>
            <translation>Every day</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>无法识别的星期：%1（例如 1,3 或 一、三；留空为每天）</source>
            <translation>Unknown weekday: %1 (e.g. 1,3 or Mon, Wed; empty for every day)</translation>
        </message>
        <message>
            <source>全天</source>
            <translation>all day</translation>
        </message>
        <message>
            <source>次日%1</source>
            <translation>%1 next day</translation>
        </message>
        <message>
            <source>想休息</source>
            <extracomment>the (staff id, date) selected in the rota, set by the main window: a new leave row starts there</extracomment>
            <translation>Wants a day off</translation>
        </message>
        <message>
            <source>想上 %1 班</source>
            <translation>Wants shift %1</translation>
        </message>
        <message>
            <source>添加请假</source>
            <translation>Add leave</translation>
        </message>
        <message>
            <source>删除请假</source>
            <translation>Delete leave</translation>
        </message>
        <message>
            <source>添加时段</source>
            <translation>Add time</translation>
        </message>
        <message>
            <source>删除时段</source>
            <translation>Delete time</translation>
        </message>
        <message>
            <source>添加愿望</source>
            <translation>Add wish</translation>
        </message>
        <message>
            <source>删除愿望</source>
            <translation>Delete wish</translation>
        </message>
        <message>
            <source>请假（已批准，排班时必须遵守）</source>
            <translation>Leave (approved, always respected)</translation>
        </message>
        <message>
            <source>不可排班时段（排班时必须遵守）</source>
            <translation>Unavailable times (always kept by the roster)</translation>
        </message>
        <message>
            <source>愿望（尽量满足，权重越高越优先）</source>
            <translation>Wishes (met where possible; higher weight first)</translation>
        </message>
        <message>
            <source>月历：谁不在岗</source>
            <translation>Month calendar: who is away</translation>
        </message>
        <message>
            <source>请先在团队中添加人员</source>
            <translation>Add people to the team first</translation>
        </message>
        <message>
            <source>年假超过应休天数：</source>
            <translation>Annual leave above the entitlement: </translation>
        </message>
        <message>
            <source>，</source>
            <translation>, </translation>
        </message>
        <message>
            <source>%1 %2 年已排 %3 天、应休 %4 天</source>
            <translation>%1 has %3 days planned in %2, entitled to %4</translation>
        </message>
        <message>
            <source>%1年%2月</source>
            <translation>%2/%1</translation>
        </message>
    </context>
    <context>
        <name>LeaveTableModel</name>
        <message>
            <source>人员</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>假别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>开始</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>结束</source>
            <translation>End</translation>
        </message>
        <message>
            <source>天数</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>年假 已排/应休</source>
            <translation>Annual (planned/due)</translation>
        </message>
        <message>
            <source>%1 年：年假已排 %2 个工作日，应休 %3 天，剩余 %4 天</source>
            <translation>%1: %2 working days of annual leave planned, %3 entitled, %4 left</translation>
        </message>
        <message>
            <source>%1 年：年假已排 %2 个工作日，应休 %3 天，超出 %4 天</source>
            <translation>%1: %2 working days of annual leave planned, %3 entitled, %4 over</translation>
        </message>
        <message>
            <source>只计工作日：周末、法定节假日和调休休息日不占用年假（《职工带薪年休假条例》第3条，AL-02）</source>
            <translation>Only working days count: weekends, public holidays and swapped rest days use no annual leave (Regulations on Paid Annual Leave, Art. 3; AL-02)</translation>
        </message>
        <message>
            <source>%1 的请假与已有请假 %2 至 %3 重叠</source>
            <translation>Leave of %1 overlaps existing leave %2 to %3</translation>
        </message>
        <message>
            <source>未知假别：%1</source>
            <translation>Unknown leave kind: %1</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>自动保存失败</source>
            <translation>Autosave failed</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>已自动保存</source>
            <translation>Saved automatically</translation>
        </message>
        <message>
            <source>排班表</source>
            <translation>Rota</translation>
        </message>
        <message>
            <source>覆盖热图</source>
            <translation>Coverage heat-map</translation>
        </message>
        <message>
            <source>公平性</source>
            <translation>Fairness</translation>
        </message>
        <message>
            <source>团队</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>请假与意愿</source>
            <translation>Leave and wishes</translation>
        </message>
        <message>
            <source>班次</source>
            <translation>Shifts</translation>
        </message>
        <message>
            <source>需求</source>
            <translation>Demand</translation>
        </message>
        <message>
            <source>规则</source>
            <translation>Rules</translation>
        </message>
        <message>
            <source>日历</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <source>合同期视图</source>
            <translation>Contract view</translation>
        </message>
        <message>
            <source>求解</source>
            <translation>Solve</translation>
        </message>
        <message>
            <source>规则检查</source>
            <translation>Rule check</translation>
        </message>
        <message>
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>排班(&amp;R)</source>
            <translation>&amp;Roster</translation>
        </message>
        <message>
            <source>导出(&amp;X)</source>
            <translation>E&amp;xport</translation>
        </message>
        <message>
            <source>视图(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>最近打开</source>
            <translation>Open recent</translation>
        </message>
        <message>
            <source>语言 / Language</source>
            <translation>语言 / Language</translation>
        </message>
        <message>
            <source>新建（示例班组）</source>
            <translation>New (sample team)</translation>
        </message>
        <message>
            <source>打开场景…</source>
            <translation>Open scenario…</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>场景另存为…</source>
            <translation>Save scenario as…</translation>
        </message>
        <message>
            <source>打开排班 JSON…</source>
            <translation>Open roster JSON…</translation>
        </message>
        <message>
            <source>排班另存为 JSON…</source>
            <translation>Save roster as JSON…</translation>
        </message>
        <message>
            <source>修改记录…</source>
            <translation>Change log…</translation>
        </message>
        <message>
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>锁定/解锁</source>
            <translation>Lock / unlock</translation>
        </message>
        <message>
            <source>清空未锁定的格子</source>
            <translation>Clear unlocked cells</translation>
        </message>
        <message>
            <source>谁能顶班…</source>
            <translation>Who can cover…</translation>
        </message>
        <message>
            <source>取消求解</source>
            <translation>Cancel solve</translation>
        </message>
        <message>
            <source>重新优化其余</source>
            <translation>Re-optimise the rest</translation>
        </message>
        <message>
            <source>立即检查规则</source>
            <translation>Check rules now</translation>
        </message>
        <message>
            <source>导出 Excel…</source>
            <translation>Export Excel…</translation>
        </message>
        <message>
            <source>导出 PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <source>打印预览…</source>
            <translation>Print preview…</translation>
        </message>
        <message>
            <source>导出日历 .ics…</source>
            <translation>Export calendar .ics…</translation>
        </message>
        <message>
            <source>导出导入模板…</source>
            <translation>Export import template…</translation>
        </message>
        <message>
            <source>导入员工/请假 (.xlsx)…</source>
            <translation>Import staff/leave (.xlsx)…</translation>
        </message>
        <message>
            <source>关于</source>
            <translation>About</translation>
        </message>
        <message>
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>：</source>
            <translation>: </translation>
        </message>
        <message>
            <source>重做</source>
            <translation>Redo</translation>
        </message>
        <message>
            <source>导出语言</source>
            <translation>Export language</translation>
        </message>
        <message>
            <source>使用说明</source>
            <translation>User guide</translation>
        </message>
        <message>
            <source>中文（默认）</source>
            <translation>Chinese (default)</translation>
        </message>
        <message>
            <source>求解面板</source>
            <translation>Solve panel</translation>
        </message>
        <message>
            <source>规则检查面板</source>
            <translation>Rule check panel</translation>
        </message>
        <message>
            <source> 开始日期 </source>
            <translation> Start date </translation>
        </message>
        <message>
            <source> 天数 </source>
            <translation> Days </translation>
        </message>
        <message>
            <source> 天</source>
            <translation> d</translation>
        </message>
        <message>
            <source>排班</source>
            <translation>Roster</translation>
        </message>
        <message>
            <source>尚未排班：按 F5 求解</source>
            <translation>Nothing planned yet: press F5 to solve</translation>
        </message>
        <message>
            <source>违规</source>
            <translation>Violations</translation>
        </message>
        <message>
            <source>0 违规</source>
            <translation>0 violations</translation>
        </message>
        <message>
            <source>%1 个班次已移出排班（人员停用或班次删除）；撤销或恢复后会回来</source>
            <translation>%1 shifts left the rota (person deactivated or shift deleted); they come back with undo or when restored</translation>
        </message>
        <message>
            <source>修改场景设置</source>
            <translation>Change scenario settings</translation>
        </message>
        <message>
            <source>修改%1</source>
            <translation>Edit %1</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>已切换排班期：上一期的排班已保存，其撤销记录已清空</source>
            <translation>Period changed: the previous period's roster is saved and its undo history cleared</translation>
        </message>
        <message>
            <source>无法读取已保存的排班</source>
            <translation>Could not read the saved roster</translation>
        </message>
        <message>
            <source>无法求解</source>
            <translation>Cannot solve</translation>
        </message>
        <message>
            <source>求解模块不可用</source>
            <translation>The solver module is not available</translation>
        </message>
        <message>
            <source>求解中…（承接已保存的上一期排班，至 %1）</source>
            <translation>Solving… (continuing the saved previous roster, up to %1)</translation>
        </message>
        <message>
            <source>无法重新优化</source>
            <translation>Cannot re-optimise</translation>
        </message>
        <message>
            <source>求解中…</source>
            <translation>Solving…</translation>
        </message>
        <message>
            <source>重新优化中…</source>
            <translation>Re-optimising…</translation>
        </message>
        <message>
            <source>正在取消…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <source>求解结束，正在分析缺人原因并验证修改建议…</source>
            <translation>Solve finished; analysing shortfalls and checking suggested changes…</translation>
        </message>
        <message>
            <source>预览：当前最优解</source>
            <translation>Preview: best solution so far</translation>
        </message>
        <message>
            <source>计算机繁忙：求解在时钟保护处提前停止，本次结果可能与同一种子的其他运行不同；空闲时重新求解可得到可复现的结果</source>
            <translation>The computer was busy: the search stopped at the wall-clock guard, so this roster may differ from another run with the same seed; solve again when the computer is idle for a reproducible result</translation>
        </message>
        <message>
            <source>提示</source>
            <translation>Advisory</translation>
        </message>
        <message>
            <source>已取消：保留原排班（本次求解尚未找到更好的排班）</source>
            <translation>Cancelled: previous roster kept (this run had not found a better one)</translation>
        </message>
        <message>
            <source>求解结果</source>
            <translation>Solve result</translation>
        </message>
        <message>
            <source>已取消：显示目前最好的排班（优化未完成，可再按 F5 继续）</source>
            <translation>Cancelled: showing the best roster so far (not fully optimised; press F5 to continue)</translation>
        </message>
        <message>
            <source>求解完成</source>
            <translation>Solve finished</translation>
        </message>
        <message>
            <source>无合法排班：原因与修改建议见求解面板</source>
            <translation>No legal roster: see the reasons and suggested changes in the solve panel</translation>
        </message>
        <message>
            <source>已取消：尚未找到排班，原排班保持不变</source>
            <translation>Cancelled before a first roster was found: the roster shown is unchanged</translation>
        </message>
        <message>
            <source>时间上限内未找到排班：请加长时间上限后重新求解</source>
            <translation>No roster found within the time limit: raise the time limit and solve again</translation>
        </message>
        <message>
            <source>没有得到排班</source>
            <translation>No roster was found</translation>
        </message>
        <message>
            <source>求解期间修改了数据：此结果按求解开始时的数据计算，请重新求解（F5）</source>
            <translation>The data changed during the solve: this result uses the data from when it started; solve again (F5)</translation>
        </message>
        <message>
            <source>求解出错</source>
            <translation>Solver error</translation>
        </message>
        <message>
            <source>已改为整月计划期，按 F5 重新求解</source>
            <translation>Planning period set to whole months — press F5 to solve again</translation>
        </message>
        <message>
            <source>无法采纳</source>
            <translation>Cannot apply</translation>
        </message>
        <message>
            <source>采纳建议</source>
            <translation>Apply suggestion</translation>
        </message>
        <message>
            <source>已采纳修改，按 F5 重新求解</source>
            <translation>Change applied; press F5 to solve again</translation>
        </message>
        <message>
            <source>这一格没有班次，无需顶班</source>
            <translation>This cell has no shift; nobody needs to cover it</translation>
        </message>
        <message>
            <source>谁能顶班</source>
            <translation>Who can cover</translation>
        </message>
        <message>
            <source>顶班</source>
            <translation>Cover</translation>
        </message>
        <message>
            <source>（无）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>载入示例班组</source>
            <translation>Load the sample team</translation>
        </message>
        <message>
            <source>示例班组将替换当前的团队、班次、需求与规则；不属于示例班组的人员的班次会移出排班。
之后可用 编辑 → 撤销 恢复。继续吗？</source>
            <translation>The sample team replaces the current team, shifts, demand and rules; shifts of people not in the sample leave the rota.
Edit → Undo brings everything back. Continue?</translation>
        </message>
        <message>
            <source>已载入示例班组（编辑 → 撤销 可恢复原来的数据）</source>
            <translation>Sample team loaded (Edit → Undo brings your data back)</translation>
        </message>
        <message>
            <source>打开场景</source>
            <translation>Open scenario</translation>
        </message>
        <message>
            <source>场景 JSON (*.json)</source>
            <translation>Scenario JSON (*.json)</translation>
        </message>
        <message>
            <source>无法打开场景</source>
            <translation>Cannot open the scenario</translation>
        </message>
        <message>
            <source>手动保存</source>
            <translation>Manual save</translation>
        </message>
        <message>
            <source>已保存</source>
            <translation>Saved</translation>
        </message>
        <message>
            <source>场景另存为</source>
            <translation>Save scenario as</translation>
        </message>
        <message>
            <source>保存失败</source>
            <translation>Save failed</translation>
        </message>
        <message>
            <source>打开排班</source>
            <translation>Open roster</translation>
        </message>
        <message>
            <source>排班 JSON (*.json)</source>
            <translation>Roster JSON (*.json)</translation>
        </message>
        <message>
            <source>无法打开排班</source>
            <translation>Cannot open the roster</translation>
        </message>
        <message>
            <source>排班另存为</source>
            <translation>Save roster as</translation>
        </message>
        <message>
            <source>修改记录</source>
            <translation>Change log</translation>
        </message>
        <message>
            <source>没有打开数据文件。</source>
            <translation>No data file is open.</translation>
        </message>
        <message>
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>用户</source>
            <translation>User</translation>
        </message>
        <message>
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>新建</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>修改</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>导出模块尚不可用</source>
            <translation>The export module is not available yet</translation>
        </message>
        <message>
            <source>导出失败</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>已导出</source>
            <translation>Exported</translation>
        </message>
        <message>
            <source>导出 Excel</source>
            <translation>Export Excel</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>排班有违规</source>
            <translation>The roster breaks rules</translation>
        </message>
        <message>
            <source>当前排班有 %1 条违反规则的地方（见“规则检查”），张贴后的排班表不合规。仍要继续吗？</source>
            <translation>The roster breaks rules in %1 places (see Rule check): a rota posted like this is not compliant. Continue anyway?</translation>
        </message>
        <message>
            <source>导出 PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF file (*.pdf)</translation>
        </message>
        <message>
            <source>导出日历：选择文件夹</source>
            <translation>Export calendars: choose a folder</translation>
        </message>
        <message>
            <source>导出导入模板</source>
            <translation>Export import template</translation>
        </message>
        <message>
            <source>员工与请假_模板.xlsx</source>
            <translation>Staff_and_leave_template.xlsx</translation>
        </message>
        <message>
            <source>导入员工/请假</source>
            <translation>Import staff/leave</translation>
        </message>
        <message>
            <source>导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>导入模块尚不可用</source>
            <translation>The import module is not available yet</translation>
        </message>
        <message>
            <source>导入失败</source>
            <translation>Import failed</translation>
        </message>
        <message>
            <source>无法导入 {file}，未做任何更改。</source>
            <translation>Cannot import {file}; nothing was changed.</translation>
        </message>
        <message>
            <source>导入完成：文件中的数据与现有数据相同，没有变化</source>
            <translation>Imported: the file holds the same data as the team already has, nothing changed</translation>
        </message>
        <message>
            <source>确认导入？（导入后可撤销）</source>
            <translation>Import it? (You can undo the import.)</translation>
        </message>
        <message>
            <source>已导入</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>新增 %1 人，更新 %2 人，新增请假 %3 段、不可排班时段 %4 段</source>
            <translation>%1 people added, %2 updated, %3 leave periods and %4 unavailable times added</translation>
        </message>
        <message>
            <source>打印预览</source>
            <translation>Print preview</translation>
        </message>
        <message>
            <source>打印模块尚不可用</source>
            <translation>The print module is not available yet</translation>
        </message>
        <message>
            <source>&lt;b&gt;团队、请假、意愿&lt;/b&gt;：在“团队”和“请假与意愿”页维护人员、技能、合同工时、保护期、请假、不可排班时段和个人意愿；也可“文件 → 导入员工/请假 (.xlsx)”。</source>
            <translation>&lt;b&gt;Team, leave, wishes&lt;/b&gt;: the Team and Leave and wishes tabs keep people, skills, contract hours, protected periods, leave, unavailable times and wishes; or File → Import staff/leave (.xlsx).</translation>
        </message>
        <message>
            <source>&lt;b&gt;班次、需求、日历、规则&lt;/b&gt;：“班次”页的模板可跨夜；“需求”页按小时填在岗人数；“日历”页核对法定节假日与调休上班日；“规则”页设置工时制度、休息与加班上限。</source>
            <translation>&lt;b&gt;Shifts, demand, calendar, rules&lt;/b&gt;: shift templates may cross midnight; the Demand tab holds the head-count per hour; check statutory holidays and make-up working days in the Calendar tab; the Rules tab sets the working-time system, rest and overtime limits.</translation>
        </message>
        <message>
            <source>&lt;b&gt;求解&lt;/b&gt;：选开始日期和天数，按 F5。求解在后台进行，可随时取消（Esc），保留目前最好的排班；无合法排班时，“原因与建议”列出原因和可一键采纳的修改。</source>
            <translation>&lt;b&gt;Solve&lt;/b&gt;: choose the start date and the number of days and press F5. The solver works in the background; cancel at any time (Esc) and keep the best roster so far. When no legal roster exists, Causes and suggestions lists why, with changes you can apply in one click.</translation>
        </message>
        <message>
            <source>&lt;b&gt;手工修改&lt;/b&gt;：在排班表中输入班次代码或 Delete 清除，违规会立即标出（F7 立即检查）；Ctrl+L 锁定所选格子，Shift+F5 保留锁定重新优化其余；Ctrl+K 查看谁能顶班。</source>
            <translation>&lt;b&gt;Edit by hand&lt;/b&gt;: type a shift code in the rota or Delete to clear; rule breaks are marked at once (F7 checks now); Ctrl+L locks the selected cells, Shift+F5 re-optimises the rest keeping the locks; Ctrl+K shows who can cover a shift.</translation>
        </message>
        <message>
            <source>&lt;b&gt;打印与导出&lt;/b&gt;：Ctrl+P 打印预览（每周一页 A4，带签字栏，不含电话与证件号）；Ctrl+E 导出给人事的 Excel（工时、加班 150/200/300%、夜班小时、调休、人天）。</source>
            <translation>&lt;b&gt;Print and export&lt;/b&gt;: Ctrl+P print preview (one A4 page a week with sign-off lines, no phone or ID numbers); Ctrl+E exports the Excel for HR (hours, overtime 150/200/300 %, night hours, time off in lieu, person-days).</translation>
        </message>
        <message>
            <source>&lt;b&gt;保存&lt;/b&gt;：所有修改自动保存在本机数据文件中（可撤销 Ctrl+Z）；“文件 → 修改记录”查看谁在何时改了什么。</source>
            <translation>&lt;b&gt;Saving&lt;/b&gt;: every change is saved automatically in the data file on this computer (undo with Ctrl+Z); File → Change log shows who changed what and when.</translation>
        </message>
        <message>
            <source>12345 接诉即办值守班组排班工具：CP-SAT 求解、独立规则校验、离线保存。</source>
            <translation>Shift rostering for the 12345 citizen hotline duty team: CP-SAT solver, independent rule checker, works offline.</translation>
        </message>
        <message>
            <source>未能保存</source>
            <translation>Could not save</translation>
        </message>
        <message>
            <source>最近的修改未能保存到数据文件。
原因：%1

可以重试（例如关闭占用该文件的程序后），或取消关闭后用“文件 → 场景另存为… / 排班另存为 JSON…”另存；放弃则这些修改会丢失。</source>
            <translation>The latest changes could not be saved to the data file.
Reason: %1

You can retry (e.g. after closing the program that holds the file), or cancel closing and save a copy with File → Save scenario as… / Save roster as JSON…; if you discard, these changes are lost.</translation>
        </message>
        <message>
            <source>未知</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>重试</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>取消关闭</source>
            <translation>Cancel closing</translation>
        </message>
        <message>
            <source>放弃修改并退出</source>
            <translation>Discard changes and quit</translation>
        </message>
    </context>
    <context>
        <name>Pdf</name>
        <message>
            <source>无法生成 PDF 文件 {path}</source>
            <translation>Cannot create the PDF file {path}</translation>
        </message>
        <message>
            <source>无法初始化字体（需要图形环境）</source>
            <translation>Cannot initialise fonts (a GUI context is needed)</translation>
        </message>
    </context>
    <context>
        <name>ProtectedTableModel</name>
        <message>
            <source>孕期满7个月（PG-01）</source>
            <translation>Pregnant ≥ 7 months (PG-01)</translation>
        </message>
        <message>
            <source>哺乳期未满1周岁（PG-02）</source>
            <translation>Nursing a baby &lt; 1 year (PG-02)</translation>
        </message>
        <message>
            <source>未成年工（PG-07）</source>
            <translation>Minor (PG-07)</translation>
        </message>
        <message>
            <source>保护类型</source>
            <translation>Protection</translation>
        </message>
        <message>
            <source>开始</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>结束</source>
            <translation>End</translation>
        </message>
        <message>
            <source>保护期内：不安排夜间工作；孕期/哺乳期还不得加班</source>
            <translation>While protected: no night work; pregnant/nursing also no overtime</translation>
        </message>
        <message>
            <source>未知的保护类型：%1</source>
            <translation>Unknown protection kind: %1</translation>
        </message>
        <message>
            <source>结束日期 %1 早于开始日期 %2</source>
            <translation>End date %1 is before start date %2</translation>
        </message>
    </context>
    <context>
        <name>RosterModel</name>
        <message>
            <source>周一</source>
            <extracomment>weekday labels, translated in the "RosterModel" context (the heat-map uses them too)</extracomment>
            <translation>Mon</translation>
        </message>
        <message>
            <source>周二</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>周三</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>周四</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>周五</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>周六</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>周日</source>
            <translation>Sun</translation>
        </message>
        <message>
            <source>年假</source>
            <extracomment>leave labels shown in empty cells (roster.model.LEAVE_LABELS_ZH), so lupdate sees them in this context</extracomment>
            <translation>Annual</translation>
        </message>
        <message>
            <source>病假</source>
            <translation>Sick</translation>
        </message>
        <message>
            <source>事假</source>
            <translation>Pers.</translation>
        </message>
        <message>
            <source>婚假</source>
            <translation>Marr.</translation>
        </message>
        <message>
            <source>产假</source>
            <translation>Mat.</translation>
        </message>
        <message>
            <source>调休</source>
            <translation>Comp</translation>
        </message>
        <message>
            <source>丧假</source>
            <translation>Bereav.</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>假</source>
            <translation>Leave</translation>
        </message>
        <message>
            <source>工时</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>加班</source>
            <translation>Overtime</translation>
        </message>
        <message>
            <source>夜班</source>
            <translation>Nights</translation>
        </message>
        <message>
            <source>周末</source>
            <translation>Weekends</translation>
        </message>
        <message>
            <source>本期计薪工时（小时）</source>
            <translation>Paid hours this period (h)</translation>
        </message>
        <message>
            <source>本期加班（小时）</source>
            <translation>Overtime this period (h)</translation>
        </message>
        <message>
            <source>夜班次数</source>
            <translation>Night shifts</translation>
        </message>
        <message>
            <source>周末上班天数</source>
            <translation>Weekend days worked</translation>
        </message>
        <message>
            <source>法定节假日（300%）</source>
            <translation>Public holiday (300%)</translation>
        </message>
        <message>
            <source>休息日</source>
            <translation>Rest day</translation>
        </message>
        <message>
            <source>工作日</source>
            <translation>Workday</translation>
        </message>
        <message>
            <source>调休上班日</source>
            <translation>Make-up workday</translation>
        </message>
        <message>
            <source>在岗人数</source>
            <translation>People on duty</translation>
        </message>
        <message>
            <source>每天开始上班的人数（红色：当天有覆盖缺口）</source>
            <translation>People starting a shift each day (red: coverage gap that day)</translation>
        </message>
        <message>
            <source>无</source>
            <translation>None</translation>
        </message>
        <message>
            <source>技能</source>
            <translation>Skills</translation>
        </message>
        <message>
            <source>周工时</source>
            <translation>Weekly hours</translation>
        </message>
        <message>
            <source>节</source>
            <translation>H</translation>
        </message>
        <message>
            <source>班</source>
            <translation>W</translation>
        </message>
        <message>
            <source>休</source>
            <translation>R</translation>
        </message>
        <message>
            <source>权重</source>
            <translation>Weight</translation>
        </message>
        <message>
            <source>希望休息</source>
            <translation>Wishes a day off</translation>
        </message>
        <message>
            <source>希望上</source>
            <translation>Wishes shift</translation>
        </message>
        <message>
            <source>休息</source>
            <translation>Rest</translation>
        </message>
        <message>
            <source>请假</source>
            <translation>Leave</translation>
        </message>
        <message>
            <source>：</source>
            <translation>: </translation>
        </message>
        <message>
            <source>不可排班</source>
            <translation>Unavailable</translation>
        </message>
        <message>
            <source>已锁定</source>
            <translation>Locked</translation>
        </message>
        <message>
            <source>当天有覆盖缺口</source>
            <translation>Coverage gap on this day</translation>
        </message>
        <message>
            <source>无人上班</source>
            <translation>Nobody working</translation>
        </message>
        <message>
            <source>没有班次代码 %1（可用：%2）</source>
            <translation>No shift code %1 (available: %2)</translation>
        </message>
    </context>
    <context>
        <name>RosterPreview</name>
        <message>
            <source>当前最优解预览</source>
            <extracomment>statuses whose progress bar is drawn in amber (no roster, or not the finished search)</extracomment>
            <translation>Preview of the best solution so far</translation>
        </message>
    </context>
    <context>
        <name>RosterView</name>
        <message>
            <source>批量修改</source>
            <translation>Change several</translation>
        </message>
        <message>
            <source>个单元格</source>
            <translation>cells</translation>
        </message>
        <message>
            <source>粘贴</source>
            <translation>Paste</translation>
        </message>
        <message>
            <source>设为班次</source>
            <translation>Set shift</translation>
        </message>
        <message>
            <source>休</source>
            <translation>R</translation>
        </message>
    </context>
    <context>
        <name>Rota</name>
        <message>
            <source>排班表</source>
            <extracomment>Chinese source → English fallback, for every string the exporters print. Keys are (context, zh).</extracomment>
            <translation>Rota</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>工号</source>
            <translation>Emp. no.</translation>
        </message>
        <message>
            <source>第 {n} 周</source>
            <translation>Week {n}</translation>
        </message>
        <message>
            <source>在岗人数</source>
            <translation>On duty</translation>
        </message>
        <message>
            <source>图例</source>
            <translation>Legend</translation>
        </message>
        <message>
            <source>节 = 法定节假日，休 = 休息日，班 = 调休上班日；空白 = 休息</source>
            <translation>H = statutory holiday, R = rest day, W = make-up working day; blank = off</translation>
        </message>
        <message>
            <source>排班人</source>
            <translation>Prepared by</translation>
        </message>
        <message>
            <source>审核人</source>
            <translation>Approved by</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>排班期</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>节</source>
            <translation>H</translation>
        </message>
        <message>
            <source>休</source>
            <translation>R</translation>
        </message>
        <message>
            <source>班</source>
            <translation>W</translation>
        </message>
        <message>
            <source>生成时间</source>
            <translation>Generated</translation>
        </message>
        <message>
            <source>第 {i}/{n} 页</source>
            <translation>Page {i}/{n}</translation>
        </message>
        <message>
            <source>值守班组</source>
            <translation>Duty team</translation>
        </message>
        <message>
            <source>{years} 年节假日调休安排为估算，以国务院正式通知为准</source>
            <translation>The {years} holiday arrangement is estimated; the official notice prevails</translation>
        </message>
        <message>
            <source>周一</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>周二</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>周三</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>周四</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>周五</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>周六</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>周日</source>
            <translation>Sun</translation>
        </message>
    </context>
    <context>
        <name>RotaLegend</name>
        <message>
            <source>锁定</source>
            <translation>Locked</translation>
        </message>
        <message>
            <source>意愿</source>
            <translation>Wish</translation>
        </message>
        <message>
            <source>不可排班时段</source>
            <translation>Unavailable</translation>
        </message>
        <message>
            <source>违规</source>
            <translation>Violations</translation>
        </message>
    </context>
    <context>
        <name>RulesEditor</name>
        <message>
            <source>WH-06 · 国办发〔2020〕53号 7×24</source>
            <extracomment>rule ids of ARCHITECTURE.md with their legal sources (labour-law.md ids); shown translated</extracomment>
            <translation>WH-06 · State Council General Office doc. [2020] No. 53, 24/7</translation>
        </message>
        <message>
            <source>班次归属开始日期（产品规则）</source>
            <translation>a shift belongs to its start date (product rule)</translation>
        </message>
        <message>
            <source>员工登记的不可排班时段（产品规则）</source>
            <translation>times registered as unavailable by staff (product rule)</translation>
        </message>
        <message>
            <source>劳动合同法</source>
            <translation>Labour Contract Law</translation>
        </message>
        <message>
            <source>合同岗位要求</source>
            <translation>Job requirements in the contract</translation>
        </message>
        <message>
            <source>WH-03 · 劳动法第38条</source>
            <translation>WH-03 · Labour Law art. 38</translation>
        </message>
        <message>
            <source>OT-02 · CH-06 · 劳动法第41条</source>
            <translation>OT-02 · CH-06 · Labour Law art. 41</translation>
        </message>
        <message>
            <source>未填写审批文号</source>
            <translation>no approval number</translation>
        </message>
        <message>
            <source>未填写审批有效期</source>
            <translation>no validity dates</translation>
        </message>
        <message>
            <source>审批有效期 %1 至 %2 未覆盖排班期 %3 至 %4</source>
            <translation>approval valid %1 to %2 does not cover the period %3 to %4</translation>
        </message>
        <message>
            <source>综合计算工时制（需审批）</source>
            <translation>Comprehensive hours (needs approval)</translation>
        </message>
        <message>
            <source>标准工时制</source>
            <translation>Standard hours</translation>
        </message>
        <message>
            <source>周</source>
            <translation>Week</translation>
        </message>
        <message>
            <source>月</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>季</source>
            <translation>Quarter</translation>
        </message>
        <message>
            <source>年</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>按日历：工作日 × 8 小时</source>
            <translation>Calendar: workdays × 8 h</translation>
        </message>
        <message>
            <source>按月平均：165.33 小时</source>
            <translation>Monthly average: 165.33 h</translation>
        </message>
        <message>
            <source> 小时</source>
            <translation> h</translation>
        </message>
        <message>
            <source> 天</source>
            <translation> d</translation>
        </message>
        <message>
            <source>法定节假日工时同时计入 150% 加班工资（加班上限不重复计）</source>
            <translation>Also pay public-holiday hours in the 150 % excess (the overtime cap counts them once)</translation>
        </message>
        <message>
            <source>带薪假日按出勤 8 小时抵扣标准工时</source>
            <translation>Each paid leave day counts 8 h toward standard hours</translation>
        </message>
        <message>
            <source>休息日（200% 或调休）</source>
            <translation>Rest day (200% or comp time)</translation>
        </message>
        <message>
            <source>法定节假日（300%）</source>
            <translation>Public holiday (300%)</translation>
        </message>
        <message>
            <source>例如 京西人社综审字〔2026〕12号</source>
            <translation>e.g. 京西人社综审字〔2026〕12号</translation>
        </message>
        <message>
            <source>工时制度</source>
            <translation>Working-time system</translation>
        </message>
        <message>
            <source>结算周期</source>
            <translation>Settlement period</translation>
        </message>
        <message>
            <source>标准工时算法</source>
            <translation>Standard-hours method</translation>
        </message>
        <message>
            <source>调休/补假休息日类别</source>
            <translation>Class of swapped / substitute rest days</translation>
        </message>
        <message>
            <source>请假与标准工时</source>
            <translation>Leave and standard hours</translation>
        </message>
        <message>
            <source>休息</source>
            <translation>Rest</translation>
        </message>
        <message>
            <source>两班之间最少休息</source>
            <translation>Minimum rest between shifts</translation>
        </message>
        <message>
            <source>每 7 天至少休息</source>
            <translation>Rest days in every 7 days, at least</translation>
        </message>
        <message>
            <source>最多连续工作</source>
            <translation>Maximum consecutive working days</translation>
        </message>
        <message>
            <source>工时与加班</source>
            <translation>Hours and overtime</translation>
        </message>
        <message>
            <source>每日最长工时</source>
            <translation>Maximum daily hours</translation>
        </message>
        <message>
            <source>每月加班上限</source>
            <translation>Monthly overtime cap</translation>
        </message>
        <message>
            <source>节假日工时</source>
            <translation>Holiday hours</translation>
        </message>
        <message>
            <source>夜间工作</source>
            <translation>Night work</translation>
        </message>
        <message>
            <source>夜间时段（孕期/哺乳期/未成年/不可夜班者禁排）</source>
            <translation>Night window (none for pregnant, nursing, minors, no-night staff)</translation>
        </message>
        <message>
            <source>综合计算工时审批</source>
            <translation>Comprehensive-hours approval</translation>
        </message>
        <message>
            <source>审批文号</source>
            <translation>Approval number</translation>
        </message>
        <message>
            <source>有效期自</source>
            <translation>Valid from</translation>
        </message>
        <message>
            <source>有效期至</source>
            <translation>Valid to</translation>
        </message>
        <message>
            <source>其他规则</source>
            <translation>Other rules</translation>
        </message>
        <message>
            <source>满足每半小时需求人数</source>
            <translation>Meet the head-count of every half hour</translation>
        </message>
        <message>
            <source>每天最多一个班次</source>
            <translation>At most one shift a day</translation>
        </message>
        <message>
            <source>已批准的假期不排班</source>
            <translation>No work on approved leave</translation>
        </message>
        <message>
            <source>登记的不可排班时段不排班</source>
            <translation>No work in registered unavailable times</translation>
        </message>
        <message>
            <source>入职前/离职后不排班</source>
            <translation>No work before hire / after leaving</translation>
        </message>
        <message>
            <source>班次所需技能</source>
            <translation>Skills a shift requires</translation>
        </message>
        <message>
            <source>取消勾选则停用此规则（求解和校验都不再检查）</source>
            <translation>Untick to switch this rule off (solver and checker skip it)</translation>
        </message>
        <message>
            <source>法律依据</source>
            <translation>Legal source</translation>
        </message>
        <message>
            <source>：</source>
            <translation>: </translation>
        </message>
        <message>
            <source>夜间时段的开始和结束不能相同</source>
            <translation>The night window cannot start and end at the same time</translation>
        </message>
        <message>
            <source>审批有效期结束 %1 早于开始 %2</source>
            <translation>Approval end %1 is before its start %2</translation>
        </message>
        <message>
            <source>警告（CH-04）：综合计算工时制须经劳动行政部门审批，目前审批无效：%1。排班和规则检查已按标准工时制处理（每日上限 11 小时，按月结算）。</source>
            <translation>Warning (CH-04): the comprehensive system needs labour-bureau approval, and the approval is not valid: %1. Rostering and rule checks use the standard system (11 h daily cap, monthly settlement).</translation>
        </message>
    </context>
    <context>
        <name>SaveFile</name>
        <message>
            <source>无法保存 {target}：文件夹 {folder} 不存在，请选择其他保存位置。</source>
            <translation>Cannot save {target}: the folder {folder} does not exist; choose another location.</translation>
        </message>
        <message>
            <source>无法保存 {target}：这是一个文件夹，请输入文件名。</source>
            <translation>Cannot save {target}: this is a folder; enter a file name.</translation>
        </message>
        <message>
            <source>无法保存 {target}：该文件为只读，请取消只读属性或另存为其他文件名。</source>
            <translation>Cannot save {target}: the file is read-only; clear its read-only attribute or save under another name.</translation>
        </message>
        <message>
            <source>无法保存 {target}：没有写入文件夹 {folder} 的权限，请选择其他保存位置（例如“文档”）。</source>
            <translation>Cannot save {target}: no permission to write to the folder {folder}; choose another location (e.g. Documents).</translation>
        </message>
        <message>
            <source>无法保存 {target}：文件正被其他程序（如 Excel 或 WPS）打开或被锁定。请先关闭该文件，再重新导出。</source>
            <translation>Cannot save {target}: the file is open in another program (such as Excel or WPS) or locked. Close it, then export again.</translation>
        </message>
        <message>
            <source>无法保存 {target}：磁盘空间不足，请清理磁盘或换一个保存位置。</source>
            <translation>Cannot save {target}: the disk is full; free some space or choose another location.</translation>
        </message>
        <message>
            <source>无法保存 {target}：该位置只读，请选择其他保存位置。</source>
            <translation>Cannot save {target}: this location is read-only; choose another location.</translation>
        </message>
        <message>
            <source>无法保存 {target}：文件名或路径过长，请缩短后重试。</source>
            <translation>Cannot save {target}: the file name or path is too long; shorten it and try again.</translation>
        </message>
        <message>
            <source>无法保存 {target}：{reason}。请检查保存位置后重试。</source>
            <translation>Cannot save {target}: {reason}. Check the location and try again.</translation>
        </message>
    </context>
    <context>
        <name>ShiftDelegate</name>
        <message>
            <source>休（不上班）</source>
            <translation>Off (no work)</translation>
        </message>
    </context>
    <context>
        <name>ShiftEditor</name>
        <message>
            <source>添加班次</source>
            <translation>Add shift</translation>
        </message>
        <message>
            <source>删除班次</source>
            <translation>Delete shift</translation>
        </message>
        <message>
            <source>选择颜色…</source>
            <translation>Choose colour…</translation>
        </message>
        <message>
            <source>班次归属开始当天；结束晚于 24:00 的为跨夜班次。休息时间不计薪，但计入在岗时段。</source>
            <translation>A shift belongs to the day it starts; ending after 24:00 means it crosses midnight. Breaks are unpaid but on site.</translation>
        </message>
        <message>
            <source>新班次</source>
            <translation>New shift</translation>
        </message>
        <message>
            <source>班次 %1 仍被愿望或锁定引用（%2），请先修改它们</source>
            <translation>Shift %1 is still used by wishes or locks (%2); change those first</translation>
        </message>
        <message>
            <source>请先选择一个班次</source>
            <translation>Select a shift first</translation>
        </message>
        <message>
            <source>班次颜色</source>
            <translation>Shift colour</translation>
        </message>
    </context>
    <context>
        <name>ShiftTableModel</name>
        <message>
            <source>代码</source>
            <extracomment>colours for new templates, each easy to tell from the others and light enough under a black code</extracomment>
            <translation>Code</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>颜色</source>
            <translation>Colour</translation>
        </message>
        <message>
            <source>开始</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>时长（小时）</source>
            <translation>Length (h)</translation>
        </message>
        <message>
            <source>休息（分钟，不计薪）</source>
            <translation>Break (min, unpaid)</translation>
        </message>
        <message>
            <source>结束</source>
            <translation>End</translation>
        </message>
        <message>
            <source>计薪工时</source>
            <translation>Paid hours</translation>
        </message>
        <message>
            <source>可上岗技能（空=任何人）</source>
            <translation>Skills allowed (empty = anyone)</translation>
        </message>
        <message>
            <source>次日 %1（跨夜）</source>
            <translation>next day %1 (overnight)</translation>
        </message>
        <message>
            <source>跨夜班次：归属开始当天，结束于次日</source>
            <translation>Overnight shift: belongs to its start day, ends the next day</translation>
        </message>
        <message>
            <source>班次代码应为 1–4 位字母或数字，且不能是 OFF：%1</source>
            <translation>A shift code is 1–4 letters or digits and not OFF: %1</translation>
        </message>
        <message>
            <source>班次代码 %1 已存在</source>
            <translation>Shift code %1 already exists</translation>
        </message>
        <message>
            <source>班次名称不能为空</source>
            <translation>The shift name cannot be empty</translation>
        </message>
        <message>
            <source>颜色无效：%1</source>
            <translation>Invalid colour: %1</translation>
        </message>
        <message>
            <source>开始时间应在 00:00–23:59 之间</source>
            <translation>The start must be between 00:00 and 23:59</translation>
        </message>
        <message>
            <source>时长</source>
            <translation>Length</translation>
        </message>
        <message>
            <source>时长必须长于休息时间</source>
            <translation>The length must be longer than the break</translation>
        </message>
        <message>
            <source>时长应为 15 分钟的整数倍</source>
            <translation>The length must be a multiple of 15 minutes</translation>
        </message>
        <message>
            <source>休息分钟</source>
            <translation>Break minutes</translation>
        </message>
        <message>
            <source>休息时间必须短于班次时长</source>
            <translation>The break must be shorter than the shift</translation>
        </message>
    </context>
    <context>
        <name>SolvePanel</name>
        <message>
            <source>缺人</source>
            <translation>Under-cover</translation>
        </message>
        <message>
            <source>超员</source>
            <translation>Over-cover</translation>
        </message>
        <message>
            <source>工作日加班（150%）</source>
            <translation>Workday overtime (150%)</translation>
        </message>
        <message>
            <source>节假日加班（300%）</source>
            <translation>Holiday overtime (300%)</translation>
        </message>
        <message>
            <source>加班</source>
            <translation>Overtime</translation>
        </message>
        <message>
            <source>夜班公平</source>
            <translation>Fair nights</translation>
        </message>
        <message>
            <source>周末公平</source>
            <translation>Fair weekends</translation>
        </message>
        <message>
            <source>节假日公平</source>
            <translation>Fair holidays</translation>
        </message>
        <message>
            <source>工时公平</source>
            <translation>Fair hours</translation>
        </message>
        <message>
            <source>个人意愿未满足</source>
            <translation>Unmet wishes</translation>
        </message>
        <message>
            <source>零散上班/休息日</source>
            <translation>Isolated days on/off</translation>
        </message>
        <message>
            <source>与上一版的改动</source>
            <translation>Changes from the previous plan</translation>
        </message>
        <message>
            <source>人·小时</source>
            <extracomment>terms the solver counts in half-hours: the panel shows hours (value / 2); their weight stays per half-hour the unit shown after each term's value (GUI review #13: "节假日加班 112" meant 112 half-hours, i.e. 56 h)</extracomment>
            <translation>person-h</translation>
        </message>
        <message>
            <source>小时</source>
            <translation>h</translation>
        </message>
        <message>
            <source>班</source>
            <translation>shifts</translation>
        </message>
        <message>
            <source>天</source>
            <translation>days</translation>
        </message>
        <message>
            <source>次</source>
            <translation>times</translation>
        </message>
        <message>
            <source>格</source>
            <translation>cells</translation>
        </message>
        <message>
            <source>需求未被覆盖的人·小时：每缺 1 人 1 小时计 1</source>
            <extracomment>what each term measures, for the team lead (the tooltips used to show internal ids and mixed languages)</extracomment>
            <translation>Demand not covered, in person-hours: one missing person for one hour counts 1</translation>
        </message>
        <message>
            <source>超出需求的在岗人·小时</source>
            <translation>Staff on duty beyond the demand, in person-hours</translation>
        </message>
        <message>
            <source>超出标准工时的加班小时（按 150% 计发）</source>
            <translation>Overtime hours beyond the standard hours (paid at 150 %)</translation>
        </message>
        <message>
            <source>法定节假日的工作小时（按 300% 计发）</source>
            <translation>Hours worked on statutory holidays (paid at 300 %)</translation>
        </message>
        <message>
            <source>可比员工之间夜班数最多与最少之差（含历史）</source>
            <translation>Most minus fewest night shifts among comparable staff (history included)</translation>
        </message>
        <message>
            <source>可比员工之间周末班数最多与最少之差（含历史）</source>
            <translation>Most minus fewest weekend shifts among comparable staff (history included)</translation>
        </message>
        <message>
            <source>可比员工之间节假日班数最多与最少之差（含历史）</source>
            <translation>Most minus fewest holiday shifts among comparable staff (history included)</translation>
        </message>
        <message>
            <source>可比员工之间有薪工时最多与最少之差（请假按工时计入）</source>
            <translation>Most minus fewest paid hours among comparable staff (leave counted as hours)</translation>
        </message>
        <message>
            <source>未满足的个人意愿的权重之和</source>
            <translation>Sum of the weights of the wishes not met</translation>
        </message>
        <message>
            <source>前后都休息的单个上班日与前后都上班的单个休息日的次数</source>
            <translation>Single working days between days off, and single days off between working days</translation>
        </message>
        <message>
            <source>与上一版排班相比改动的格数</source>
            <translation>Cells changed against the previous roster</translation>
        </message>
        <message>
            <source>最优</source>
            <translation>Optimal</translation>
        </message>
        <message>
            <source>可行（未证明最优）</source>
            <translation>Feasible (not proven optimal)</translation>
        </message>
        <message>
            <source>无合法排班</source>
            <translation>No legal roster</translation>
        </message>
        <message>
            <source>模型错误</source>
            <translation>Model error</translation>
        </message>
        <message>
            <source>未找到解</source>
            <translation>No solution found</translation>
        </message>
        <message>
            <source>已取消</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>已取消：目前最好的排班（未优化完成）</source>
            <translation>Cancelled: best roster so far (not fully optimised)</translation>
        </message>
        <message>
            <source>已取消：保留原排班</source>
            <translation>Cancelled: previous roster kept</translation>
        </message>
        <message>
            <source> 秒</source>
            <translation> s</translation>
        </message>
        <message>
            <source>时间上限</source>
            <translation>Time limit</translation>
        </message>
        <message>
            <source>随机种子</source>
            <translation>Random seed</translation>
        </message>
        <message>
            <source>求解时在排班表中显示当前最优解</source>
            <translation>Live preview in the rota</translation>
        </message>
        <message>
            <source>求解按确定性时间停止（同一输入与种子得到同一排班），机器繁忙时实际用时可能超过上限，最多约 1.5 倍</source>
            <translation>The search stops on deterministic time (same input and seed, same roster); on a busy machine the wall time can exceed the limit, by up to about 1.5 ×</translation>
        </message>
        <message>
            <source>当前最优解预览（每行一人，每列一天，颜色为班次）</source>
            <translation>Best solution so far (one row per person, one column per day, colour = shift)</translation>
        </message>
        <message>
            <source>排班的总代价：缺人、加班、不公平、意愿未满足等各项按权重相加，越小越好（见“目标各项”）</source>
            <translation>The roster's total cost: shortfall, overtime, unfairness, unmet wishes and the other terms, weighted and added up; lower is better (see the objective terms)</translation>
        </message>
        <message>
            <source>已证明任何合法排班的总代价都不会低于此值</source>
            <translation>No legal roster can cost less than this (proven)</translation>
        </message>
        <message>
            <source>目标值与下界的相对差：0% 表示已证明最优</source>
            <translation>The relative difference between objective and bound: 0 % means proven optimal</translation>
        </message>
        <message>
            <source>同一数据与同一种子总得到同一排班；换一个种子可得到另一份同样合法的排班</source>
            <translation>The same data and seed always give the same roster; another seed gives another roster that is just as legal</translation>
        </message>
        <message>
            <source>开始求解 (F5)</source>
            <translation>Solve (F5)</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>重新优化其余（保留锁定）</source>
            <translation>Re-optimise the rest (keep locks)</translation>
        </message>
        <message>
            <source>求解设置</source>
            <translation>Solve settings</translation>
        </message>
        <message>
            <source>求解进度</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>目标各项</source>
            <translation>Objective terms</translation>
        </message>
        <message>
            <source>原因与建议</source>
            <translation>Causes and suggestions</translation>
        </message>
        <message>
            <source>无合法排班：原因与修改建议</source>
            <translation>No legal roster: causes and suggested changes</translation>
        </message>
        <message>
            <source>仍有时段缺人：原因与修改建议</source>
            <translation>Some slots are still short-staffed: causes and suggested changes</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>目标值</source>
            <translation>Objective</translation>
        </message>
        <message>
            <source>下界</source>
            <translation>Bound</translation>
        </message>
        <message>
            <source>差距</source>
            <translation>Gap</translation>
        </message>
        <message>
            <source>用时</source>
            <translation>Elapsed</translation>
        </message>
        <message>
            <source>已找到解</source>
            <translation>Solutions found</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>值</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>权重</source>
            <translation>Weight</translation>
        </message>
        <message>
            <source>已手动修改：以上结果已过期（按 F5 重新求解）</source>
            <translation>Edited by hand: the figures above are out of date (press F5 to solve again)</translation>
        </message>
        <message>
            <source>求解中…</source>
            <translation>Solving…</translation>
        </message>
        <message>
            <source>已用</source>
            <translation>Elapsed</translation>
        </message>
        <message>
            <source>秒</source>
            <translation>s</translation>
        </message>
        <message>
            <source>求解中… 已有可行解</source>
            <translation>Solving… a feasible roster exists</translation>
        </message>
        <message>
            <source>%1，但有 %2 人·小时未覆盖（见“原因与建议”）</source>
            <translation>%1, but %2 person-hours are not covered (see "Causes and suggestions")</translation>
        </message>
        <message>
            <source>有缺口：%1 人·小时未覆盖</source>
            <translation>Short: %1 person-hours not covered</translation>
        </message>
        <message>
            <source>目标值中的权重：每半小时</source>
            <translation>Weight in the objective: per half-hour</translation>
        </message>
        <message>
            <source>目标值中的权重：每个单位</source>
            <translation>Weight in the objective: per unit</translation>
        </message>
        <message>
            <source>出错</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>：</source>
            <translation>: </translation>
        </message>
        <message>
            <source>采纳此修改</source>
            <translation>Apply this change</translation>
        </message>
        <message>
            <source>（已验证可解决）</source>
            <translation> (verified)</translation>
        </message>
    </context>
    <context>
        <name>StaffTableModel</name>
        <message>
            <source>编号</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>工号</source>
            <translation>Employee no.</translation>
        </message>
        <message>
            <source>技能</source>
            <translation>Skills</translation>
        </message>
        <message>
            <source>周工时</source>
            <translation>Weekly hours</translation>
        </message>
        <message>
            <source>可上夜班</source>
            <translation>Nights OK</translation>
        </message>
        <message>
            <source>可加班</source>
            <translation>Overtime OK</translation>
        </message>
        <message>
            <source>入职日期</source>
            <translation>Hire date</translation>
        </message>
        <message>
            <source>离职日期</source>
            <translation>Leaving date</translation>
        </message>
        <message>
            <source>年假天数</source>
            <translation>Annual leave days</translation>
        </message>
        <message>
            <source>在岗</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>电话（隐私）</source>
            <translation>Phone (private)</translation>
        </message>
        <message>
            <source>身份证号（隐私）</source>
            <translation>ID number (private)</translation>
        </message>
        <message>
            <source>隐私信息：仅保存在本机，不会打印在排班表或导出给班组</source>
            <translation>Private: kept on this PC only, never printed on the rota or exported to the team</translation>
        </message>
        <message>
            <source>已停用：不参与排班</source>
            <translation>Deactivated: not rostered</translation>
        </message>
        <message>
            <source>编号只能用字母、数字、下划线或连字符，且不能为空：%1</source>
            <translation>An ID uses letters, digits, _ or - and cannot be empty: %1</translation>
        </message>
        <message>
            <source>编号 %1 已被其他人使用，编号必须唯一</source>
            <translation>ID %1 is already used by someone else; IDs must be unique</translation>
        </message>
        <message>
            <source>姓名不能为空</source>
            <translation>The name cannot be empty</translation>
        </message>
        <message>
            <source>工号 %1 已被其他人使用</source>
            <translation>Employee no. %1 is already used by someone else</translation>
        </message>
        <message>
            <source>入职日期不能晚于离职日期 %1</source>
            <translation>The hire date cannot be after the leaving date %1</translation>
        </message>
        <message>
            <source>离职日期不能早于入职日期 %1</source>
            <translation>The leaving date cannot be before the hire date %1</translation>
        </message>
        <message>
            <source>电话号码格式无效：%1</source>
            <translation>Invalid phone number: %1</translation>
        </message>
        <message>
            <source>身份证号应为 15 或 18 位：%1</source>
            <translation>An ID number has 15 or 18 characters: %1</translation>
        </message>
    </context>
    <context>
        <name>StoreRecovery</name>
        <message>
            <source>数据文件已损坏。</source>
            <extracomment>editors written in parallel (module, class, tab title); each takes (scenario, parent), has scenarioChanged(object) and set_scenario(scenario). Missing modules are skipped.</extracomment>
            <translation>The data file is damaged.</translation>
        </message>
        <message>
            <source>数据文件正被另一个程序使用（已加锁）。</source>
            <translation>The data file is in use by another program (locked).</translation>
        </message>
        <message>
            <source>数据文件来自更新版本的程序。</source>
            <translation>The data file comes from a newer version of this program.</translation>
        </message>
        <message>
            <source>无法打开数据文件。</source>
            <translation>Cannot open the data file.</translation>
        </message>
        <message>
            <source>无法打开数据文件</source>
            <translation>Cannot open the data file</translation>
        </message>
        <message>
            <source>数据文件：{path}</source>
            <translation>Data file: {path}</translation>
        </message>
        <message>
            <source>重试</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>打开备份</source>
            <translation>Open the backup</translation>
        </message>
        <message>
            <source>选择其他文件…</source>
            <translation>Choose another file…</translation>
        </message>
        <message>
            <source>使用示例数据开始（不保存）</source>
            <translation>Start with the sample data (nothing is saved)</translation>
        </message>
        <message>
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>选择数据文件</source>
            <translation>Choose a data file</translation>
        </message>
        <message>
            <source>排班数据库 (*.sqlite *.db);;所有文件 (*)</source>
            <translation>Roster database (*.sqlite *.db);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>TeamEditor</name>
        <message>
            <source>添加人员</source>
            <translation>Add person</translation>
        </message>
        <message>
            <source>停用 / 恢复</source>
            <translation>Deactivate / reactivate</translation>
        </message>
        <message>
            <source>停用的人员保留在名单中但不参与排班</source>
            <translation>Deactivated people stay on the list but are not rostered</translation>
        </message>
        <message>
            <source>添加保护期</source>
            <translation>Add protected period</translation>
        </message>
        <message>
            <source>删除保护期</source>
            <translation>Delete protected period</translation>
        </message>
        <message>
            <source>橙色底色的列是隐私信息（电话、身份证号）：只存本机，不打印、不导出到排班表</source>
            <translation>Orange columns are private (phone, ID number): kept on this PC, never printed or exported on the rota</translation>
        </message>
        <message>
            <source>保护期</source>
            <translation>Protected periods</translation>
        </message>
        <message>
            <source>新成员</source>
            <translation>New member</translation>
        </message>
        <message>
            <source>已添加 %1，请填写姓名和技能</source>
            <translation>Added %1; fill in the name and skills</translation>
        </message>
        <message>
            <source>请先选择一名人员</source>
            <translation>Select a person first</translation>
        </message>
        <message>
            <source>保护期 — %1</source>
            <translation>Protected periods — %1</translation>
        </message>
    </context>
    <context>
        <name>UnavailableTableModel</name>
        <message>
            <source>人员</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>开始日期</source>
            <translation>From date</translation>
        </message>
        <message>
            <source>结束日期</source>
            <translation>To date</translation>
        </message>
        <message>
            <source>从</source>
            <translation>From</translation>
        </message>
        <message>
            <source>到</source>
            <translation>To</translation>
        </message>
        <message>
            <source>星期</source>
            <translation>Weekdays</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>（次日）</source>
            <translation> (next day)</translation>
        </message>
        <message>
            <source>到 ≤ 从：时段跨过午夜到次日；全天请填 00:00–24:00。星期：如 1,3 或 一、三，留空为每天</source>
            <translation>To ≤ From: the time runs past midnight into the next day; a whole day is 00:00–24:00. Weekdays: e.g. 1,3 or Mon, Wed; empty for every day</translation>
        </message>
        <message>
            <source>开始时间应早于 24:00</source>
            <translation>The start must be before 24:00</translation>
        </message>
        <message>
            <source>开始与结束时间相同；全天不可排班请填 00:00–24:00</source>
            <translation>Start and end are the same; for a whole day enter 00:00–24:00</translation>
        </message>
    </context>
    <context>
        <name>ViolationsModel</name>
        <message>
            <source>规则</source>
            <translation>Rule</translation>
        </message>
        <message>
            <source>人员</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>法律依据</source>
            <translation>Legal source</translation>
        </message>
        <message>
            <source>全体</source>
            <translation>Everyone</translation>
        </message>
    </context>
    <context>
        <name>ViolationsPanel</name>
        <message>
            <source>尚未排班：按 F5 求解</source>
            <translation>Nothing planned yet: press F5 to solve</translation>
        </message>
        <message>
            <source>0 违规：当前排班符合所有已启用的规则</source>
            <translation>0 violations: the roster meets every enabled rule</translation>
        </message>
        <message>
            <source>违规 %1 条：%2</source>
            <translation>%1 violations: %2</translation>
        </message>
        <message>
            <source>违规 1 条：%2</source>
            <translation>1 violation: %2</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>Weekday</name>
        <message>
            <source>一</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>二</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>三</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>四</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>五</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>六</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>日</source>
            <translation>Sun</translation>
        </message>
    </context>
    <context>
        <name>WhoCanCoverDialog</name>
        <message>
            <source>谁能顶班</source>
            <translation>Who can cover</translation>
        </message>
        <message>
            <source>人员</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>代价</source>
            <translation>Cost</translation>
        </message>
        <message>
            <source>不违反任何规则可以顶班的人（代价小的在前）：</source>
            <translation>People who can take the shift without breaking a rule (lowest cost first):</translation>
        </message>
        <message>
            <source>顶班后加班（小时）</source>
            <translation>Overtime after (h)</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>加班、公平性（夜班、周末、节假日、工时高于团队平均）、本人意愿和技能缺口按目标权重折算，越小越好</source>
            <translation>Overtime, fairness (nights, weekends, holidays and hours above the team average), the person's wishes and any skill gap, weighted as in the objective: lower is better</translation>
        </message>
        <message>
            <source>没有人能在不违反规则的情况下顶这个班。</source>
            <translation>Nobody can cover this shift without breaking a rule.</translation>
        </message>
        <message>
            <source>锁定这两格（缺勤者休息、顶班者上班），重新优化时保留</source>
            <translation>Lock both cells (absent person off, cover on) so re-optimising keeps them</translation>
        </message>
        <message>
            <source>安排顶班</source>
            <translation>Assign cover</translation>
        </message>
    </context>
    <context>
        <name>WishTableModel</name>
        <message>
            <source>人员</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>愿望</source>
            <translation>Wish</translation>
        </message>
        <message>
            <source>权重</source>
            <translation>Weight</translation>
        </message>
        <message>
            <source>想休息</source>
            <translation>Wants a day off</translation>
        </message>
        <message>
            <source>想上 %1 班</source>
            <translation>Wants shift %1</translation>
        </message>
        <message>
            <source>没有代码为 %1 的班次</source>
            <translation>No shift with code %1</translation>
        </message>
    </context>
</TS>
