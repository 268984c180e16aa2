import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Db } from '../../db/connection';
import { renderDefinition } from '../documents/pool';
import { getCase } from '../cases/queries';
import { getSettings } from '../settings/settings';
import { listRecords } from '../records/records';
import { listAttachments } from '../attachments/attachments';
import { listNotes } from '../notes/notes';
import { fenToYuanString } from '../../../src-shared/domain/money';
import { maskAssetIdentifier, maskIdNumber, maskPhone } from '../../../src-shared/domain/masking';
import { courtToday } from '../../../src-shared/domain/chineseDate';
import { eventLabel } from '../../../src-shared/domain/events';
import type { caseWorkspace } from './summary';

// The case page on paper (案件情况表): what a judge or a leader takes into a meeting about the case —
// its head, parties, title, money, clocks, measures in force, what 终本 still lacks, the work records,
// attachments, notes and the latest steps. It is a print of the page, not a court document: it is
// not registered or numbered, and identifiers are masked as on the screen (docs/security.md).
// Printed through the documents engine's pdfmake and fonts, like the dashboard.

type Workspace = ReturnType<typeof caseWorkspace>;

const yuan = (fen: number) => `${fenToYuanString(fen)} 元`;
/** Court-local time of day (Asia/Shanghai) of a UTC instant, HH:MM. */
const courtTime = (iso: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));

function table(widths: (string | number)[], head: string[], rows: string[][]): Content {
  if (rows.length === 0) return { text: '无', color: '#555555', margin: [0, 0, 0, 4] };
  return {
    table: { headerRows: 1, widths, body: [head.map((h) => ({ text: h, bold: true, fillColor: '#eeeeee' })), ...rows] },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 6],
  };
}

const section = (t: string): Content => ({ text: t, font: 'Title', fontSize: 12, margin: [0, 8, 0, 3] });

export function summaryDefinition(db: Db, ws: Workspace): TDocumentDefinitions {
  const c = getCase(db, ws.caseId);
  const court = getSettings(db).courtName;
  const kv = (pairs: [string, string][]): Content => ({
    table: { widths: [70, '*', 70, '*'], body: pairs.reduce<string[][]>((rows, p, i) => (i % 2 === 0 ? [...rows, [p[0], p[1]]] : (rows[rows.length - 1]!.push(p[0], p[1]), rows)), []).map((r) => (r.length === 2 ? [...r, '', ''] : r)).map((r) => r.map((x, i) => (i % 2 === 0 ? { text: x, bold: true } : x))) },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 6],
  });
  const parties = c.parties.map((p) => [p.role === 'applicant' ? '申请执行人' : '被执行人', p.name, p.kind === 'org' ? (p.creditCode ?? '') : (maskIdNumber(p.idNumber) ?? ''), maskPhone(p.phone) ?? '', p.address ?? '']);
  const records = listRecords(db, ws.caseId).map((r) => [r.heldOn, r.kind, r.place, r.persons.map((x) => `${x.capacity}${x.name}`).join('、'), r.documentId ? '已打印' : '未打印']);
  const attachments = listAttachments(db, ws.caseId).map((a) => [a.uploadedAt.slice(0, 10), a.name, a.typeLabel, `${Math.ceil(a.bytes / 1024)} KB`, a.sha256.slice(0, 16)]);
  const notes = listNotes(db, ws.caseId).slice(0, 10).map((n) => [courtToday(new Date(n.createdAt)), n.createdBy, n.text]);
  const events = c.events.slice(-15).reverse().map((e) => [e.onDate, eventLabel(e.type), e.actor]);
  return {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: 'Body', fontSize: 9.5 },
    info: { title: `执行案件情况表 ${ws.number}`, creator: court },
    content: [
      { text: court, font: 'Title', fontSize: 14, alignment: 'center' },
      { text: '执行案件情况表', font: 'Title', fontSize: 18, alignment: 'center', margin: [0, 2, 0, 2] },
      { text: ws.number, alignment: 'center', margin: [0, 0, 0, 8] },
      kv([
        ['案件类型', ws.type],
        ['立案日期', c.filedOn],
        ['所处环节', ws.closed && ws.closureMode ? `${ws.stageLabel}（${ws.closureMode}，${ws.closedOn ?? ''}）` : ws.stageLabel],
        ['承办团队', ws.team?.name ?? '指挥中心（未分案）'],
        ['承办法官', ws.judge?.name ?? '未确定'],
        ['书记员', ws.clerk?.name ?? '未确定'],
        ['执行依据', `${c.title.court}${c.title.number}${c.title.kind === '未登记' ? '' : c.title.kind}`],
        ['案由', c.title.cause],
      ]),
      section('当事人'),
      table(['auto', '*', 'auto', 'auto', '*'], ['身份', '姓名/名称', '证件号码', '电话', '住所'], parties),
      section('案款'),
      kv([
        ['申请执行标的', yuan(ws.money.claimFen)],
        ['执行到位', yuan(ws.money.recoveredFen)],
        ['已发放', yuan(ws.money.paidOutFen)],
        ['账户余额', yuan(ws.money.balanceFen)],
        ['未履行', yuan(ws.money.unpaidFen)],
        ['超期未发放', yuan(ws.money.overdueFen)],
      ]),
      section('节点期限（未完成）'),
      table(['*', 'auto', 'auto'], ['事项', '届满', '状态'], ws.clocks.map((k) => [k.name, k.dueAt ? `${k.dueOn} ${courtTime(k.dueAt)} 前` : k.dueOn, k.statusLabel])),
      section('在执行的控制措施'),
      table(['auto', '*', 'auto', 'auto'], ['措施', '协助单位与财产', '金额', '到期'], ws.measures.map((m) => [m.actionLabel, `${m.institution} ${maskAssetIdentifier(m.identifier, null) ?? ''}`, yuan(m.amountFen), m.expiresOn ?? '—'])),
      ...(ws.zhongben ? [section('终本条件'), { text: ws.zhongben.complete ? '条件已具备。' : `尚缺：${ws.zhongben.missing.join('；')}`, margin: [0, 0, 0, 4] } as Content] : []),
      section('笔录'),
      table(['auto', 'auto', '*', '*', 'auto'], ['日期', '种类', '地点', '在场人员', '打印'], records),
      section('附件'),
      table(['auto', '*', 'auto', 'auto', 'auto'], ['上传日期', '名称', '类型', '大小', '校验值（前16位）'], attachments),
      section('备注'),
      table(['auto', 'auto', '*'], ['日期', '记录人', '内容'], notes),
      section('最近的办理记录'),
      table(['auto', '*', 'auto'], ['日期', '事项', '经办'], events),
    ],
  };
}

/** Writes the PDF under the data folder's tmp area and returns its path (served as a download). */
export async function summaryPdf(db: Db, dataDir: string, ws: Workspace, printedAt: Date, printedBy: string): Promise<string> {
  const dir = join(dataDir, 'tmp');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `case-${ws.caseId}-${process.pid}-${printedAt.getTime()}.pdf`);
  const footer = { before: `${ws.number}　`, after: `　打印：${printedBy} ${courtToday(printedAt)}` };
  writeFileSync(path, await renderDefinition(summaryDefinition(db, ws), footer));
  return path;
}
