import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import { ageOn, groundLabel } from '../../../src-shared/domain/credit';
import { validateIdNumber } from '../../../src-shared/domain/idNumber';
import { fenToYuanString } from '../../../src-shared/domain/money';
import { appendEvent, type Actor } from '../../events/log';
import { recoveredFen } from '../ledger/balance';
import { getSettings } from '../settings/settings';
import { deterministicXlsx, styleHeader } from '../reports/xlsx';

// The entry data of the national dishonest-list database (失信规定 法释〔2017〕7号 Art. 6): for an
// organisation its name, unified credit code and legal representative; for a natural person the
// name, sex, age and ID number; the duty the title fixes and how far it is performed; the dishonest
// conduct; the title's issuing body and number, the case number, filing date and the court. The
// file carries full identifiers (the database needs them), so making it is recorded (credit.entryExported).

export const ENTRY_COLUMNS = ['登记编号', '被执行人', '类型', '性别', '年龄', '身份证号码/统一社会信用代码', '法定代表人或负责人', '生效法律文书确定的义务', '履行情况', '失信行为情形', '具体情形', '执行依据制作单位', '执行依据文号', '执行案号', '立案时间', '执行法院', '纳入日期', '纳入期限至'] as const;

export interface EntryRow {
  listingId: number;
  cells: (string | number)[];
}

export function entryRows(db: Db, from: string, to: string): EntryRow[] {
  const court = getSettings(db).courtName;
  const rows = db.raw<{
    id: number; case_id: number; ground: number; facts: string; decided_on: string; term_ends_on: string | null;
    name: string; kind: string; id_number: string | null; credit_code: string | null; legal_rep: string | null;
    number: string; filed_on: string; title_court: string; title_number: string; title_cause: string; claim_fen: number;
  }>(
    `SELECT l.id, l.case_id, l.ground, l.facts, l.decided_on, l.term_ends_on, p.name, p.kind, p.id_number, p.credit_code, p.legal_rep,
            c.number, c.filed_on, c.title_court, c.title_number, c.title_cause, c.claim_fen
       FROM credit_listings l JOIN parties p ON p.id = l.party_id JOIN cases c ON c.id = l.case_id
      WHERE l.status != 'deleted' AND l.decided_on BETWEEN ? AND ? ORDER BY l.decided_on, l.id`,
    from, to,
  );
  return rows.map((r) => {
    const person = r.kind === 'person';
    const v = person && r.id_number ? validateIdNumber(r.id_number, r.decided_on) : null;
    const recovered = recoveredFen(db, r.case_id);
    return {
      listingId: r.id,
      cells: [
        r.id, r.name, person ? '自然人' : '法人或其他组织',
        v?.ok ? v.sex : '', v?.ok ? ageOn(v.birthDate, r.decided_on) : '',
        person ? (r.id_number ?? '') : (r.credit_code ?? ''), person ? '' : (r.legal_rep ?? ''),
        `${r.title_cause}：给付${fenToYuanString(r.claim_fen)}元`,
        recovered > 0 ? `部分履行（已履行${fenToYuanString(recovered)}元）` : '全部未履行',
        groundLabel(r.ground), r.facts, r.title_court, r.title_number, r.number, r.filed_on, court, r.decided_on, r.term_ends_on ?? '',
      ],
    };
  });
}

/** Writes the entry file (temp name, then renamed) and records who made it. Returns its path. */
export async function writeEntryFile(db: Db, dataDir: string, actor: Actor, at: Date, from: string, to: string): Promise<{ path: string; name: string; count: number }> {
  const rows = entryRows(db, from, to);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('失信被执行人名单');
  ws.addRow([...ENTRY_COLUMNS]);
  for (const r of rows) ws.addRow(r.cells);
  styleHeader(ws, [8, 24, 12, 6, 6, 24, 12, 30, 24, 40, 40, 20, 24, 24, 12, 20, 12, 12]);
  const buf = await deterministicXlsx(wb, to);
  const dir = join(dataDir, 'tmp');
  mkdirSync(dir, { recursive: true });
  const name = `失信被执行人名单录入_${from}_${to}.xlsx`;
  const path = join(dir, `credit-entry-${process.pid}-${at.getTime()}.xlsx`);
  writeFileSync(`${path}.part`, buf);
  renameSync(`${path}.part`, path);
  db.tx(() => appendEvent(db, actor, at, { caseId: null, type: 'credit.entryExported', payload: { from, to, listings: rows.length } }));
  return { path, name, count: rows.length };
}
