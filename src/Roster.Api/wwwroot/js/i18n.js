// Every word users read, in Simplified Chinese (default) and English; terms follow the shared glossary.
const zh = {
  'app.title': '值班排班', 'lang.other': 'English', 'signOut': '退出',
  'signIn.title': '登录', 'signIn.username': '用户名', 'signIn.password': '密码', 'signIn.submit': '登录',
  'tab.admin': '排班管理', 'tab.staff': '我的值班', 'tab.supervisor': '督查',
  'common.loading': '加载中…', 'common.none': '暂无', 'common.save': '保存', 'common.cancel': '取消', 'common.close': '关闭',
  'common.approve': '批准', 'common.reject': '驳回', 'common.refresh': '刷新', 'common.done': '已完成', 'common.note': '备注',
  'common.unit': '单位', 'common.period': '重要时期', 'common.date': '日期', 'common.from': '开始', 'common.to': '结束',
  'role.leader': '带班领导', 'role.staff': '值班人员',
  'shift.L24': '24小时班', 'shift.D': '白班', 'shift.N': '夜班',
  'day.Workday': '工作日', 'day.Weekend': '周末', 'day.Holiday': '节假日', 'day.MakeUpWorkday': '调休上班日',
  'error.field': '输入有误', 'error.400': '请求无效', 'error.401': '用户名或密码错误，或登录已过期', 'error.403': '无权执行此操作',
  'error.404': '未找到', 'error.409': '冲突', 'error.412': '已被他人修改，请刷新后重试', 'error.422': '违反规则',
  'error.429': '尝试过于频繁，请稍后再试', 'error.500': '服务器错误', 'error.network': '无法连接服务器',
  'staff.duties': '我的值班', 'staff.noDuties': '近期没有值班', 'staff.checkIn': '签到', 'staff.checkOut': '签退',
  'staff.checkedIn': '已签到', 'staff.checkedOut': '已签退', 'staff.late': '迟到', 'staff.handover': '交接班记录',
  'staff.previousHandover': '上一班交接', 'staff.checkInWindow': '签到时间', 'staff.notYet': '未到签到时间',
  'staff.offer': '发起换班', 'staff.swaps': '换班 / 代班', 'staff.noSwaps': '暂无可接的换班请求',
  'staff.kind': '类型', 'swap.giveaway': '代班（请人代班）', 'swap.swap': '换班（互换）', 'staff.accept': '接受',
  'staff.counter': '用我的这班交换', 'staff.myOffers': '我发起的', 'staff.offeredBy': '发起人', 'staff.cancelOffer': '撤回',
  'staff.leave': '请假', 'staff.firstDay': '开始日期', 'staff.lastDay': '结束日期', 'staff.leaveKind': '类别',
  'leave.leave': '请假', 'leave.day_off': '调休', 'staff.reason': '事由', 'staff.requestLeave': '提交请假',
  'staff.myLeaves': '我的请假', 'status.requested': '待审批', 'status.approved': '已批准', 'status.rejected': '已驳回',
  'status.cancelled': '已撤回', 'status.offered': '待接受', 'status.accepted': '已接受（待审批）',
  'staff.log': '值班日志', 'log.kind': '类型', 'log.entry': '值班记录', 'log.incident': '突发事件', 'log.category': '事件类别',
  'log.severity': '严重程度', 'sev.low': '一般', 'sev.medium': '较重', 'sev.high': '严重', 'sev.critical': '特别严重',
  'log.body': '内容', 'log.actions': '已采取措施', 'log.submit': '提交', 'log.saved': '已记录',
  'staff.feed': '日历订阅', 'staff.feedHint': '生成带密钥的订阅地址，在手机日历中订阅我的值班。', 'staff.feedCreate': '生成订阅地址',
  'staff.copy': '复制', 'staff.copied': '已复制', 'staff.inspections': '专项检查（逐项记录）',
  'placeholder.pending': '该功能的接口正在另一分支开发，合并后在此显示。',
  'admin.period': '重要时期', 'admin.unit': '单位', 'admin.generate': '排班', 'admin.regenerate': '重新排班',
  'admin.generating': '正在排班…', 'admin.publish': '发布', 'admin.published': '已发布', 'admin.draft': '草稿',
  'admin.noRoster': '还没有值班表，请先排班。', 'admin.version': '版本', 'admin.unfilled': '空岗',
  'admin.unfilledCount': '空岗 {n} 个', 'admin.onLeave': '请假', 'admin.candidates': '可选人员（最优在前）',
  'admin.noCandidates': '没有符合全部规则的人员', 'admin.assign': '安排', 'admin.pin': '锁定', 'admin.unpin': '取消锁定',
  'admin.why': '未能安排的原因', 'admin.diff': '与上次发布版本的差异', 'admin.added': '新增', 'admin.removed': '移除',
  'admin.changed': '变更', 'admin.noDiff': '没有变化', 'admin.confirmPublish': '确认发布', 'admin.export': '下载值班表（XLSX）',
  'admin.requests': '请假与换班审批', 'admin.leaves': '请假申请', 'admin.swapsToApprove': '待审批的换班',
  'admin.audit': '操作记录', 'admin.prev': '上一周', 'admin.next': '下一周', 'admin.slot': '班次',
  'admin.submission': '报备审批', 'admin.assigned': '已安排', 'admin.affected': '受影响的值班',
  'sup.heatmap': '值班覆盖（按单位、日期）', 'sup.legend': '红色：有空岗或缺岗', 'sup.updated': '更新于',
  'sup.incidents': '未处理的突发事件', 'sup.noIncidents': '没有未处理的突发事件', 'sup.ack': '确认收到',
  'sup.acked': '已确认', 'sup.ackDue': '应确认时间', 'sup.spotCheck': '抽查', 'sup.draw': '随机抽查当前在岗人员',
  'sup.count': '人数', 'sup.outcome': '结果', 'out.on_post': '在岗', 'out.elsewhere': '不在岗位', 'out.not_reached': '联系不上',
  'sup.record': '记录', 'sup.board': '报备审批看板', 'sup.inspections': '专项检查进度', 'sup.gaps': '空岗',
  'sup.filled': '已安排', 'sup.required': '应排', 'sup.act': '处理',
};
const en = {
  'app.title': 'Duty roster', 'lang.other': '中文', 'signOut': 'Sign out',
  'signIn.title': 'Sign in', 'signIn.username': 'User name', 'signIn.password': 'Password', 'signIn.submit': 'Sign in',
  'tab.admin': 'Roster', 'tab.staff': 'My duties', 'tab.supervisor': 'Supervision',
  'common.loading': 'Loading…', 'common.none': 'None', 'common.save': 'Save', 'common.cancel': 'Cancel', 'common.close': 'Close',
  'common.approve': 'Approve', 'common.reject': 'Reject', 'common.refresh': 'Refresh', 'common.done': 'Done', 'common.note': 'Note',
  'common.unit': 'Unit', 'common.period': 'Critical period', 'common.date': 'Date', 'common.from': 'From', 'common.to': 'To',
  'role.leader': 'Leader on duty', 'role.staff': 'Staff on duty',
  'shift.L24': '24-hour shift', 'shift.D': 'Day shift', 'shift.N': 'Night shift',
  'day.Workday': 'Workday', 'day.Weekend': 'Weekend', 'day.Holiday': 'Public holiday', 'day.MakeUpWorkday': 'Make-up workday',
  'error.field': 'Check this field', 'error.400': 'The request is not valid', 'error.401': 'Wrong user name or password, or signed out',
  'error.403': 'Not allowed', 'error.404': 'Not found', 'error.409': 'Conflict', 'error.412': 'Changed by someone else; reload and retry',
  'error.422': 'Breaks a rule', 'error.429': 'Too many attempts; wait a little', 'error.500': 'Server error',
  'error.network': 'Cannot reach the server',
  'staff.duties': 'My duties', 'staff.noDuties': 'No duties soon', 'staff.checkIn': 'Check in', 'staff.checkOut': 'Check out',
  'staff.checkedIn': 'Checked in', 'staff.checkedOut': 'Checked out', 'staff.late': 'late', 'staff.handover': 'Handover note',
  'staff.previousHandover': 'Previous handover', 'staff.checkInWindow': 'Check-in window', 'staff.notYet': 'Check-in not open yet',
  'staff.offer': 'Offer a swap', 'staff.swaps': 'Swap / cover', 'staff.noSwaps': 'No offers to take',
  'staff.kind': 'Kind', 'swap.giveaway': 'Cover (give away)', 'swap.swap': 'Swap (exchange)', 'staff.accept': 'Accept',
  'staff.counter': 'In exchange for my duty', 'staff.myOffers': 'My offers', 'staff.offeredBy': 'Offered by', 'staff.cancelOffer': 'Withdraw',
  'staff.leave': 'Leave', 'staff.firstDay': 'First day', 'staff.lastDay': 'Last day', 'staff.leaveKind': 'Kind',
  'leave.leave': 'Leave', 'leave.day_off': 'Day off', 'staff.reason': 'Reason', 'staff.requestLeave': 'Request leave',
  'staff.myLeaves': 'My leave', 'status.requested': 'Requested', 'status.approved': 'Approved', 'status.rejected': 'Rejected',
  'status.cancelled': 'Withdrawn', 'status.offered': 'Offered', 'status.accepted': 'Accepted (awaiting approval)',
  'staff.log': 'Duty log', 'log.kind': 'Kind', 'log.entry': 'Log entry', 'log.incident': 'Incident', 'log.category': 'Category',
  'log.severity': 'Severity', 'sev.low': 'Low', 'sev.medium': 'Medium', 'sev.high': 'High', 'sev.critical': 'Critical',
  'log.body': 'What happened', 'log.actions': 'Actions taken', 'log.submit': 'Submit', 'log.saved': 'Recorded',
  'staff.feed': 'Calendar subscription', 'staff.feedHint': 'A secret feed address: subscribe to my duties in a phone calendar.',
  'staff.feedCreate': 'Create feed address', 'staff.copy': 'Copy', 'staff.copied': 'Copied', 'staff.inspections': 'Inspections (item by item)',
  'placeholder.pending': 'The API for this is being built on another branch; it appears here once merged.',
  'admin.period': 'Critical period', 'admin.unit': 'Unit', 'admin.generate': 'Generate roster', 'admin.regenerate': 'Regenerate',
  'admin.generating': 'Generating…', 'admin.publish': 'Publish', 'admin.published': 'Published', 'admin.draft': 'Draft',
  'admin.noRoster': 'No roster yet: generate one.', 'admin.version': 'Version', 'admin.unfilled': 'Unfilled',
  'admin.unfilledCount': '{n} unfilled', 'admin.onLeave': 'on leave', 'admin.candidates': 'Candidates (best first)',
  'admin.noCandidates': 'Nobody can take it without breaking a rule', 'admin.assign': 'Assign', 'admin.pin': 'Pin', 'admin.unpin': 'Unpin',
  'admin.why': 'Why nobody was assigned', 'admin.diff': 'Changes since the last published version', 'admin.added': 'Added',
  'admin.removed': 'Removed', 'admin.changed': 'Changed', 'admin.noDiff': 'No changes', 'admin.confirmPublish': 'Confirm publish',
  'admin.export': 'Download duty table (XLSX)', 'admin.requests': 'Leave and swaps to approve', 'admin.leaves': 'Leave requests',
  'admin.swapsToApprove': 'Swaps to approve', 'admin.audit': 'Audit trail', 'admin.prev': 'Previous week', 'admin.next': 'Next week',
  'admin.slot': 'Shift', 'admin.submission': 'Submit for approval', 'admin.assigned': 'Assigned', 'admin.affected': 'Duties affected',
  'sup.heatmap': 'Coverage by unit and day', 'sup.legend': 'Red: a slot is unfilled or a gap is open', 'sup.updated': 'Updated',
  'sup.incidents': 'Open incidents', 'sup.noIncidents': 'No open incidents', 'sup.ack': 'Acknowledge', 'sup.acked': 'Acknowledged',
  'sup.ackDue': 'Acknowledge by', 'sup.spotCheck': 'Spot check', 'sup.draw': 'Draw who is on duty now', 'sup.count': 'How many',
  'sup.outcome': 'Outcome', 'out.on_post': 'On post', 'out.elsewhere': 'Elsewhere', 'out.not_reached': 'Not reached', 'sup.record': 'Record',
  'sup.board': 'Submission board', 'sup.inspections': 'Inspection progress', 'sup.gaps': 'gaps', 'sup.filled': 'filled',
  'sup.required': 'required', 'sup.act': 'Act',
};
const dictionaries = { 'zh-CN': zh, en };
let current = localStorage.getItem('roster.lang') === 'en' ? 'en' : 'zh-CN';

export const lang = () => current;

export function setLang(value) {
  current = value === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem('roster.lang', current);
  document.documentElement.lang = current;
}

/** The text for a key in the current language, with {name} placeholders filled; unknown keys show as themselves. */
export function t(key, vars = {}) {
  const text = dictionaries[current][key] ?? zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/** Like t, but falls back to the raw value (e.g. an unknown shift code) instead of the key. */
export const term = (prefix, value) => (dictionaries[current][`${prefix}.${value}`] ?? value);
