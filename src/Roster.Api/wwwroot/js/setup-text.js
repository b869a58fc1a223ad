// Words of the setup pages (zh-CN and English), kept beside them rather than in the shared dictionary.
import { lang } from './i18n.js';

const zh = {
  title: '设置', units: '单位', search: '搜索单位（代码或名称）', code: '代码路径', name: '名称', active: '启用', inactive: '已停用',
  importUnits: '导入单位', importPeople: '导入花名册', template: '下载模板', file: '文件（XLSX 或 CSV）', into: '导入到',
  dryRun: '试导入（不写入）', commit: '确认导入', created: '新增', updated: '更新', unchanged: '未变', rows: '行',
  errors: '错误', row: '行', column: '列', message: '说明', valid: '检查通过，可以确认导入。', invalid: '有错误，请修改文件后重新上传。',
  committed: '已导入。', slips: '下载账号条（一次性密码，仅此一次）', encoding: '编码', accounts: '新账号',
  rules: '单位值班规则', period: '重要时期', unit: '单位', addRule: '添加规则', remove: '删除', save: '保存规则', saved: '规则已保存',
  ruleType: '规则类型', 'type.workload': '每人班次上限', 'type.consecutiveDutyDays': '最多连续值班天数', 'type.minRest': '两班之间最少休息',
  'type.maxWeekends': '每人最多周末数', 'type.employmentType': '岗位限定用工类型',
  maxShifts: '最多班次', max: '最多', rest: '休息时长（如 PT12H）', role: '值班角色', allowed: '允许的用工类型（逗号分隔）',
  inherited: '继承自重要时期的规则', none: '（无）', warnings: '提醒', noWarnings: '所有重要时期的节假日数据齐全。',
  nothing: '请选择文件。',
};
const en = {
  title: 'Setup', units: 'Units', search: 'Search units (code or name)', code: 'Code path', name: 'Name', active: 'Active', inactive: 'Deactivated',
  importUnits: 'Import units', importPeople: 'Import staff list', template: 'Download template', file: 'File (XLSX or CSV)', into: 'Into',
  dryRun: 'Dry run (writes nothing)', commit: 'Import', created: 'Created', updated: 'Updated', unchanged: 'Unchanged', rows: 'rows',
  errors: 'Errors', row: 'Row', column: 'Column', message: 'Message', valid: 'No errors: ready to import.', invalid: 'There are errors: fix the file and upload it again.',
  committed: 'Imported.', slips: 'Download account slips (one-time passwords, shown only now)', encoding: 'Encoding', accounts: 'New accounts',
  rules: "Unit's duty rules", period: 'Critical period', unit: 'Unit', addRule: 'Add rule', remove: 'Remove', save: 'Save rules', saved: 'Rules saved',
  ruleType: 'Rule type', 'type.workload': 'Shifts per person at most', 'type.consecutiveDutyDays': 'Consecutive duty days at most',
  'type.minRest': 'Rest between shifts at least', 'type.maxWeekends': 'Weekends per person at most', 'type.employmentType': 'Employment types for a role',
  maxShifts: 'Max shifts', max: 'Max', rest: 'Rest (e.g. PT12H)', role: 'Duty role', allowed: 'Allowed employment types (comma-separated)',
  inherited: "Rules inherited from the period", none: '(none)', warnings: 'Warnings', noWarnings: 'Every critical period has its holiday data.',
  nothing: 'Choose a file first.',
};

export const s = (key) => (lang() === 'en' ? en : zh)[key] ?? key;
