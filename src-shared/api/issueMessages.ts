import type { z } from 'zod';

// Every kind of issue zod can report, in Chinese, saying what was expected. A schema's own message
// (Chinese, e.g. '批次号不能为空') is kept where it fits; zod's English defaults ("Too big: expected
// number to be <=1000") never reach a clerk. One rule is stricter than zod's: a value of the wrong
// type is named as such ("类型错误：应为整数") even when the schema's message speaks of a missing value,
// because "不能为空" for a number sent as text sends the clerk looking for the wrong mistake.

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是/否（true 或 false）',
  object: '对象',
  record: '对象',
  map: '对象',
  array: '列表',
  tuple: '列表',
  set: '列表',
  date: '日期 YYYY-MM-DD',
  null: '空值（null）',
  undefined: '不填',
  literal: '指定的值',
  enum: '指定的选项',
  nan: '数字',
  symbol: '文本',
  file: '文件',
  function: '文本',
  promise: '文本',
  void: '不填',
  never: '不填',
  any: '任意值',
  unknown: '任意值',
  custom: '指定的格式',
};

const FORMAT_NAMES: Record<string, string> = {
  datetime: '日期时间（ISO 8601，如 2026-01-05T09:30:00+08:00）',
  date: '日期 YYYY-MM-DD',
  time: '时间 HH:MM:SS',
  duration: '时长（ISO 8601）',
  email: '电子邮箱地址',
  url: '网址',
  uuid: 'UUID',
  guid: 'GUID',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
  base64: 'base64 编码的文本',
  base64url: 'base64url 编码的文本',
  json_string: 'JSON 文本',
  lowercase: '小写字母',
  uppercase: '大写字母',
  starts_with: '以指定内容开头的文本',
  ends_with: '以指定内容结尾的文本',
  includes: '包含指定内容的文本',
};

/** zod's own defaults begin like this ("Invalid option: expected one of "执"|…" has Chinese in it, yet is zod's). */
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized|Expected|Required|Number must|String must)/;
const ownMessage = (s: string | undefined): string | null => (s && /[\u3400-\u9fff]/.test(s) && !ZOD_DEFAULT.test(s) ? s : null);
const missing = (input: unknown) => input === undefined || input === null;
const num = (n: number | bigint) => (typeof n === 'bigint' ? n.toString() : Number.isSafeInteger(n) ? n.toLocaleString('en-US').replace(/,/g, '') : String(n));

/** The Chinese message for one issue. `issue.input` must be reported (parse with `reportInput: true`). */
export function issueMessage(issue: z.core.$ZodIssue): string {
  const own = ownMessage(issue.message);
  switch (issue.code) {
    case 'invalid_type': {
      if (missing(issue.input)) return own ?? '必填项不能为空';
      if (own?.includes('应为')) return own;
      return `类型错误：应为${TYPE_NAMES[issue.expected] ?? '其他类型'}`;
    }
    case 'too_big': {
      if (own) return own;
      const max = num(issue.maximum);
      switch (issue.origin) {
        case 'string':
          return `不能超过${max}个字`;
        case 'array':
        case 'set':
          return `最多${max}项`;
        case 'file':
          return `文件不能超过 ${max} 字节`;
        case 'date':
          return '日期过晚';
        default:
          return issue.inclusive ? `不能大于 ${max}` : `应小于 ${max}`;
      }
    }
    case 'too_small': {
      if (own) return own;
      const min = num(issue.minimum);
      switch (issue.origin) {
        case 'string':
          return Number(issue.minimum) <= 1 ? '不能为空' : `至少${min}个字`;
        case 'array':
        case 'set':
          return `至少${min}项`;
        case 'file':
          return '文件内容为空';
        case 'date':
          return '日期过早';
        default:
          return issue.inclusive ? `不能小于 ${min}` : `应大于 ${min}`;
      }
    }
    case 'invalid_format':
      return own ?? `格式不正确${FORMAT_NAMES[issue.format] ? `，应为${FORMAT_NAMES[issue.format]}` : ''}`;
    case 'not_multiple_of':
      return own ?? `应为 ${num(issue.divisor)} 的整数倍`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_union': {
      if (own) return own;
      if (missing(issue.input)) return '必填项不能为空';
      const d = issue as { discriminator?: string; options?: unknown[] };
      if (d.discriminator && d.options) return `“${d.discriminator}”取值无效，应为：${d.options.map(String).join('、')}`;
      return '取值不符合任何一种允许的形式';
    }
    case 'invalid_key':
      return own ?? '字段名无效';
    case 'invalid_element':
      return own ?? '列表中有无效的项';
    case 'invalid_value':
      return own ?? `取值无效，应为：${issue.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v))).join('、')}`;
    case 'custom':
      return own ?? '输入无效';
    default:
      return own ?? '输入无效';
  }
}
