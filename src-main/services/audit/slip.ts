import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { App } from '../../app/app';
import { ApiError } from '../../../src-shared/api/errors';
import { appendEvent, SYSTEM_ACTOR, type Actor } from '../../events/log';
import type { SignedHead } from '../../events/chain';
import { getSettings } from '../settings/settings';
import { renderDefinition } from '../documents/pool';
import { SLIPS_DIR } from './heads';
import { signedHead } from './seal';

// The daily 审计封存单: the log's head printed on paper for a supervisor to sign and keep away from
// the computer. Whoever later edits the database — even with the audit key — cannot change the
// paper: the slip's row number and hash, typed into 审计 → 核对封存单, must still be found in the
// log. The app keeps the signed head beside the PDF (audit/slips/*.json), one more published head
// audit.verify checks on every run. One slip a day: printing again prints the same slip.

export interface SlipRecord extends SignedHead {
  date: string;
  keyId: string | null;
  dayEvents: number;
  createdAt: string;
  createdBy: string;
}

export interface SlipView {
  date: string;
  headId: number;
  hash: string;
  createdAt: string;
  createdBy: string;
}

const base = (date: string) => `审计封存单-${date}`;

export function slipPaths(dataDir: string, date: string): { pdf: string; json: string } {
  const dir = join(dataDir, SLIPS_DIR);
  return { pdf: join(dir, `${base(date)}.pdf`), json: join(dir, `${base(date)}.json`) };
}

function readSlip(file: string): SlipRecord | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SlipRecord;
  } catch {
    return null;
  }
}

export function listSlips(dataDir: string): SlipView[] {
  const dir = join(dataDir, SLIPS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^审计封存单-\d{4}-\d{2}-\d{2}\.json$/.test(n))
    .map((n) => readSlip(join(dir, n)))
    .filter((r): r is SlipRecord => !!r && typeof r.date === 'string')
    .map((r) => ({ date: r.date, headId: r.id, hash: r.hash, createdAt: r.createdAt, createdBy: r.createdBy }))
    .sort((a, b) => (a.date < b.date ? 1 : -1));
}

/** Today's slip (made now if there is none yet), or a past day's as it was made. Returns the PDF's path. */
export async function slipFor(app: App, actor: Actor, date?: string): Promise<{ path: string; record: SlipRecord }> {
  const today = app.clock.today();
  const day = date ?? today;
  const paths = slipPaths(app.dataDir, day);
  const existing = existsSync(paths.pdf) ? readSlip(paths.json) : null;
  if (existing) return { path: paths.pdf, record: existing };
  if (day !== today) throw new ApiError('not_found', `${day} 没有审计封存单（封存单只能在当天生成）`, 'date');
  const key = app.audit.key;
  if (!key || app.audit.problem) throw new ApiError('conflict', '审计密钥不可用，不能生成封存单');
  const now = app.clock.now();
  const head = signedHead(app.db.sqlite, key, now);
  if (!head) throw new ApiError('conflict', '操作日志尚未启用审计密钥，不能生成封存单');
  const dayEvents = app.db.raw<{ n: number }>('SELECT count(*) AS n FROM case_events WHERE at >= ? AND at < ?', ...dayBounds(day))[0]!.n;
  const record: SlipRecord = { ...head, date: day, keyId: app.audit.keyId, dayEvents, createdAt: now.toISOString(), createdBy: actor.name };
  const courtName = getSettings(app.db).courtName;
  const pdf = await renderDefinition(slipDefinition(courtName, record, keyedFrom(app)));
  mkdirSync(join(app.dataDir, SLIPS_DIR), { recursive: true });
  for (const [file, data] of [
    [paths.pdf, pdf],
    [paths.json, Buffer.from(JSON.stringify(record, null, 2))],
  ] as const) {
    writeFileSync(`${file}.tmp`, data, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }
  app.db.tx(() => appendEvent(app.db, actor, now, { caseId: null, type: 'audit.sealed', payload: { date: day, headId: head.id, headHash: head.hash } }));
  return { path: paths.pdf, record };
}

/** Called by the hourly schedule (with the daily backup): one slip a day without anybody asking. */
export async function dailySlipIfDue(app: App): Promise<boolean> {
  if (app.readOnly || !app.audit.key || app.audit.problem) return false;
  if (existsSync(slipPaths(app.dataDir, app.clock.today()).pdf)) return false;
  await slipFor(app, { ...SYSTEM_ACTOR, workstation: app.workstation });
  return true;
}

function keyedFrom(app: App): number | null {
  return app.db.raw<{ id: number }>("SELECT id FROM case_events WHERE type = 'audit.keyed' ORDER BY id LIMIT 1")[0]?.id ?? null;
}

/** The court-local day as UTC bounds (UTC+8, no DST). */
function dayBounds(day: string): [string, string] {
  const start = new Date(`${day}T00:00:00+08:00`);
  return [start.toISOString(), new Date(start.getTime() + 86_400_000).toISOString()];
}

const groups = (hex: string) => hex.match(/.{1,16}/g)!.join(' ');

export function slipDefinition(courtName: string, r: SlipRecord, keyedFromId: number | null): TDocumentDefinitions {
  const row = (label: string, value: string, mono = false): Content[] => [{ text: label, bold: true }, { text: value, ...(mono ? { characterSpacing: 0.5 } : {}) }];
  return {
    pageSize: 'A4',
    pageMargins: [56, 60, 56, 60],
    defaultStyle: { font: 'Body', fontSize: 11, lineHeight: 1.3 },
    info: { title: `审计封存单 ${r.date}`, creator: 'Zhixing' },
    content: [
      { text: courtName, font: 'Title', fontSize: 16, alignment: 'center' },
      { text: '执行案件管理系统 审计封存单', font: 'Title', fontSize: 20, alignment: 'center', margin: [0, 4, 0, 18] },
      {
        table: {
          widths: [120, '*'],
          body: [
            row('封存日期', r.date),
            row('生成时间', new Date(r.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })),
            row('生成人', r.createdBy),
            row('操作日志链头', `第 ${r.id} 条记录`),
            row('链头哈希值', groups(r.hash), true),
            row('核对用', `第 ${r.id} 条 / 哈希值前16位 ${r.hash.slice(0, 16)}`, true),
            row('当日新增记录', `${r.dayEvents} 条`),
            row('密钥起点', keyedFromId === null ? '—' : `第 ${keyedFromId} 条记录起以审计密钥签名`),
            row('日志分支起点', `第 ${r.branch.id} 条（${r.branch.hash.slice(0, 16)}…）`),
            row('审计密钥编号', r.keyId ?? '—'),
            row('签名校验码', groups(r.mac.slice(0, 32)), true),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      {
        text: [
          '说明：本单记载操作日志在生成时的最后一条记录（链头）。每条记录都包含前一条记录的哈希值，并以保存在数据文件夹之外的审计密钥签名；',
          '日后如有记录被修改、删除或日志末尾被截去，本单所载的链头就无法在日志中找到。',
          '请打印后由监督人员签字、注明日期，与备份分开保管。核对时，在系统“审计”页的“核对封存单”中输入本单的记录编号和哈希值前16位。',
        ],
        fontSize: 10,
        color: '#333333',
        margin: [0, 16, 0, 0],
      },
      {
        columns: [
          { text: '监督人签字：________________', margin: [0, 40, 0, 0] },
          { text: '日期：____年____月____日', margin: [0, 40, 0, 0], alignment: 'right' },
        ],
      },
    ],
  };
}
