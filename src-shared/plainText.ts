// Texts written for developers and shown to clerks as well (rule sources, method summaries, data
// sources): the references to the project's own files and notes, library names and protocol details
// are taken out; the law and the court's rules they cite stay.

const REPLACEMENTS: [RegExp, string][] = [
  // 'chinese-days 1.5.7（据国务院办公厅…通知）' → the notices themselves.
  [/chinese-days\s*[\d.]*\s*（(据[^）]*)）/gu, '$1'],
  [/chinese-days\s*[\d.]*/gu, '随附节假日数据'],
  [/（请求头 Authorization: Bearer <token>）/gu, ''],
  [/Authorization: Bearer\s*\S*/gu, ''],
  [/SQLite\s*/gu, '数据库'],
  [/[（(]由 SQL 分页[）)]/gu, ''],
  [/\bSQL\b/gu, '数据库'],
  [/[（(]quick_check[）)]/gu, ''],
  [/xlsx 或 csv/gu, 'Excel 表格或文本表格'],
  [/\bxlsx\b/gu, 'Excel 表格'],
  [/\bcsv\b/gu, '文本表格'],
  [/\bPDF\b/gu, 'PDF'],
];

// Internal references: seeds/003, domain.md §3.2, metrics.md §1, docs/inquiries.md, resources/calendar,
// the [V]/[P]/[U] markers of how well a rule is verified.
const INTERNAL = /(?:seeds\/[\w.]+|(?:docs\/)?[\w-]+\.md(?:\s*§[\d.]+)?|docs\/[\w/.-]+|resources\/[\w/.-]+|\[[VPU]\]|[“"]?§[\d.]+[”"]?)/gu;

export function plainText(s: string): string {
  let out = s;
  for (const [re, to] of REPLACEMENTS) out = out.replace(re, to);
  out = out.replace(INTERNAL, '');
  // What the removals leave behind: empty brackets, doubled or dangling separators.
  for (let i = 0; i < 3; i++) {
    out = out
      .replace(/[（(]\s*[，,；;、\s]*\s*[）)]/gu, '')
      .replace(/[（(]\s*[，,；;、]\s*/gu, '（')
      .replace(/\s*[，,；;、]\s*[）)]/gu, '）')
      .replace(/([，,；;、])\s*[，,；;、]/gu, '$1')
      .replace(/[，,；;、]\s*$/gu, '')
      .replace(/^\s*[，,；;、]\s*/gu, '')
      .replace(/格式见\s*[）)]/gu, '）')
      .replace(/\s{2,}/gu, ' ');
  }
  return out.trim();
}
