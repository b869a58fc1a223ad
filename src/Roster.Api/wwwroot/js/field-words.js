// The API words its field errors in English; in zh-CN the edit pages show them in Chinese, by these patterns (an
// unknown message stays as the API wrote it).
import { lang } from './i18n.js';

const FIELDS = {
  firstDay: '第一天', lastDay: '最后一天', from: '开始日期', to: '结束日期', name: '名称', code: '代码', period: '重要时期',
};
const field = (name) => FIELDS[name] ?? name;

const PATTERNS = [
  [/^is required.*$/, () => '必填'],
  [/^must be at most (\d+) characters$/, (m) => `最多 ${m[1]} 个字符`],
  [/^must not be before (\w+)$/, (m) => `不能早于${field(m[1])}`],
  [/^must be within (\d+) days of (\w+)$/, (m) => `须在${field(m[2])}之后 ${m[1]} 天以内`],
  [/^must be from (-?\d+) to (-?\d+)$/, (m) => `须在 ${m[1]} 到 ${m[2]} 之间`],
  [/^must be more than zero and at most PT(\d+)H$/, (m) => `须大于 0 且不超过 ${m[1]} 小时`],
  [/^must list one or more of .*$/, () => '至少选择一种日类型'],
  [/^must need at least one person$/, () => '至少需要一人在岗'],
  [/^role '(.+)' is not in headcount$/, (m) => `角色“${m[1]}”没有在岗人数，不能设备班`],
  [/^may contain only (.+)$/, (m) => `只能包含 ${m[1]}`],
  [/^is not an IANA time zone id.*$/, () => '不是有效的时区（如 Asia/Shanghai）'],
  [/^is not an email address$/, () => '不是有效的邮箱地址'],
  [/^must be one of (.+)$/, (m) => `须为以下之一：${m[1]}`],
  [/^must name at least one unit when mode is list$/, () => '选择“指定单位”时须至少选一个单位'],
  [/^is not a unit of the period's subtree$/, () => '不是本重要时期所属范围内的单位'],
  [/^is not a calendar you can use$/, () => '不是可用的日历'],
  [/^(\S+) is outside its year (\d+).*$/, (m) => `${m[1]} 不在 ${m[2]} 年内（跨年的假期分在两年里填写）`],
  [/^(\S+) is also a holiday .*$/, (m) => `${m[1]} 同时是放假日：一天不能既放假又调休上班`],
  [/^(\S+) is a \w+; a make-up workday is .*$/, (m) => `${m[1]} 不是周六或周日，不能作为调休上班日`],
  [/^(\S+) is before from .*$/, (m) => `${m[1]} 早于第一天`],
  [/^overlaps (\S+) .*$/, (m) => `与 ${m[1]} 重叠`],
  [/^'(.*)' is not a date.*$/, (m) => `“${m[1]}”不是有效日期（yyyy-MM-dd）`],
  [/^must be on or after from.*$/, () => '不能早于开始日期'],
  [/^must not be empty$/, () => '不能为空'],
];

/** A field error's message in the page's language. */
export function fieldWords(message) {
  if (lang() === 'en') return message;
  for (const [pattern, words] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return words(m);
  }
  return message;
}
