import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { TestApp } from './testApp';
import { makeId, sampleDraft } from './drafts';
import { setStage } from '../../src-main/services/cases/stage';
import { SYSTEM_ACTOR } from '../../src-main/events/log';
import { FEEDBACK_COLUMNS, REQUEST_COLUMNS } from '../../src-shared/domain/inquiryFiles';
import type { FileResponse } from '../../src-main/api/context';

/** Files `n` cases (one person debtor each, with a payout account) and hands them to the query staff. */
export async function casesInQuery(t: TestApp, n: number, opts: { claimFen?: number } = {}): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = await t.call(
      'cases.file',
      sampleDraft({
        title: { court: '开鲁县人民法院', number: `（2026）内0523民初${1000 + i}号`, effectiveOn: '2026-09-01', cause: '民间借贷纠纷', kind: '民事判决书', ordered: '被告于本判决生效之日起十日内偿还原告借款本金' },
        debtors: [{ kind: 'person', name: `被执行人${i}`, idNumber: makeId('19800101', (i % 999) + 1, i < 999 ? '150523' : '150521') }],
        claim: { principalFen: opts.claimFen ?? 10_000_000, interestFen: 0, costsFen: 0 },
        interview: { contactConfirmed: true, payoutBank: '中国农业银行开鲁支行', payoutAccountName: '张三', payoutAccount: '6228480000000000001', requests: [] },
      }),
    );
    ids.push(c.id);
  }
  const db = t.app.db;
  db.tx(() => ids.forEach((id) => setStage(db, SYSTEM_ACTOR, t.app.clock.now(), id, 'query', '通知已发（测试）')));
  await signers(t, ids);
  return ids;
}

/**
 * What the documents of a case need besides its filing: a judge and a clerk to sign its rulings
 * (民诉法 Art. 157; the two users are made once) and the bank's sub-account of the case (一案一账号).
 */
export async function signers(t: TestApp, caseIds: number[]): Promise<{ judgeId: number; clerkId: number }> {
  // The court's own details the documents print: the president who signs the consumption order (issued
  // here with the notice), and the enforcement account deductions are paid into.
  const s = await t.call('settings.get', {});
  if (!s.courtPresident) {
    await t.call('settings.set', { courtPresident: '赵国庆', consumptionOrderTiming: 'withNotice', caseAccount: { bank: '中国农业银行开鲁县支行', accountName: '开鲁县人民法院执行款专户', accountNumber: '05470101040009999' } });
  }
  for (const caseId of caseIds) {
    await t.call('caseAccounts.set', { caseId, bank: '中国农业银行开鲁县支行', accountName: '开鲁县人民法院执行款专户', accountNumber: `05470101049${String(caseId).padStart(8, '0')}` });
  }
  const db = t.app.db;
  const idOf = (u: string) => db.raw<{ id: number }>('SELECT id FROM users WHERE username = ?', u)[0]?.id;
  if (!idOf('judge-sign')) t.user('judge-sign', ['team']);
  if (!idOf('clerk-sign')) t.user('clerk-sign', ['docsQuery']);
  const ids = { judgeId: idOf('judge-sign')!, clerkId: idOf('clerk-sign')! };
  await t.call('cases.setOfficers', { caseIds, ...ids });
  return ids;
}

export type FeedbackRecord = Partial<Record<keyof typeof FEEDBACK_COLUMNS, string>>;

/** Rows of a feedback file: header + records, in the documented column order. */
export function feedbackTable(records: FeedbackRecord[]): string[][] {
  const cols = Object.keys(FEEDBACK_COLUMNS) as (keyof typeof FEEDBACK_COLUMNS)[];
  return [cols.map((c) => FEEDBACK_COLUMNS[c]), ...records.map((r) => cols.map((c) => r[c] ?? ''))];
}

export function csvBytes(rows: string[][], encoding: 'utf8' | 'gbk' = 'utf8'): Buffer {
  const text = rows.map((r) => r.map((s) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)).join(',')).join('\r\n') + '\r\n';
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
}

export async function xlsxBytes(rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('反馈');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const b64 = (b: Buffer) => b.toString('base64');

/**
 * The batch's targets with their full ID codes, read as a clerk reads them: from the batch's request
 * file (inquiries.exportRequest). The API answers (inquiries.get, inquiries.createBatch) mask them.
 */
export async function requestTargets(t: TestApp, batchId: number, as = 'admin'): Promise<{ seq: number; caseNumber: string; debtor: string; idCode: string }[]> {
  const file = (await t.call('inquiries.exportRequest', { batchId, format: 'csv' }, as)) as unknown as FileResponse;
  const [header, ...rows] = readFileSync(file.path, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/).map((l) => l.split(','));
  const col = (name: string) => header!.indexOf(name);
  return rows.map((r) => ({
    seq: Number(r[col(REQUEST_COLUMNS.seq)]),
    caseNumber: r[col(REQUEST_COLUMNS.caseNumber)]!,
    debtor: r[col(REQUEST_COLUMNS.debtor)]!,
    idCode: r[col(REQUEST_COLUMNS.idCode)]!,
  }));
}
