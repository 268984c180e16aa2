import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { METHOD_NAMES, methods } from '../../src-shared/api';
import type { MethodSpec } from '../../src-shared/api/contract';
import { CASE_REF_KINDS, type CaseRefKind } from '../../src-shared/api/caseScope';
import { FileResponse, type CallContext } from '../../src-main/api/context';
import { buildTwoTeamCourt, TEAM_X, TEAM_Y, type Court } from '../helpers/twoTeams';
import { readDocx, readPdf } from '../helpers/documents';
import { b64, csvBytes, feedbackTable, requestTargets } from '../helpers/inquiries';

// Generated from the registry: EVERY method of the contract is called by an officer of tribunal
// team 开鲁 (X) with real ids of every kind that belong to cases of team 东风 (Y) — cases, assets,
// measures, documents, print files, query/control/re-query batches, ledger entries, jobs,
// assignment runs, the court-wide export. Each call must be refused (403) or answer without any of
// Y's (or unassigned) cases, and must leave Y's data exactly as it was.
//
// The expectations do not come from the registry's own rules: what a team officer may call is
// found by calling; the inputs below are written by hand per method (a method a team officer can
// call that has no entry here fails the test), and a second pass places a Y id of each declared
// kind at each declared path. A method without a declaration stops the app from starting.

type Input = Record<string, unknown>;
interface Probe {
  /** Inputs aimed at Y's data: each must be refused with 403. */
  refused?: (c: Court) => Input[] | Promise<Input[]>;
  /** Lists, counts, boards: must answer without Y's cases (and the administrator's answer must show them). */
  narrowed?: (c: Court) => Input[];
  /** A custom narrowing check, given the answer and whether it was the administrator's. */
  check?: (out: unknown, c: Court, admin: boolean) => void | Promise<void>;
  /** Touches no case data: must answer, without Y's data. */
  plain?: (c: Court) => Input[];
  /** The same call on X's own data must not be refused for scope (proves the refusal is about Y). */
  own?: (c: Court) => Input[];
}

const period = { kind: 'year', year: 2026 } as const;
const ids = (out: unknown, key = 'id') => ((Array.isArray(out) ? out : (out as { rows: unknown[] }).rows) as Record<string, unknown>[]).map((r) => r[key]);
const includes = (admin: boolean) => (admin ? 'toContain' : 'not.toContain');
function seenIff(list: unknown[], value: unknown, admin: boolean) {
  if (admin) expect(list, includes(admin)).toContain(value);
  else expect(list, includes(admin)).not.toContain(value);
}

/** A feedback file for Y's query batch that plants a new deposit (names the batch inside the file). */
async function plantedFeedback(c: Court): Promise<string> {
  const batch = await c.t.call('inquiries.get', { batchId: c.y.queryBatchId });
  const full = await requestTargets(c.t, c.y.queryBatchId);
  const rows = full.map((f) => ({ batch: batch.number, caseNumber: f.caseNumber, debtor: f.debtor, idCode: f.idCode, assetType: '银行存款', institution: '攻击者银行', identifier: `62220000${f.seq}99999999`, value: '1.00', queriedOn: '2026-11-10' }));
  return b64(csvBytes(feedbackTable(rows)));
}

const PROBES: Record<string, Probe> = {
  'archive.list': { narrowed: () => [{ filter: {} }] },
  'archive.requeryBatch': { refused: (c) => [{ batchId: c.y.requeryBatchId }] },
  'archive.requeryBatches': { narrowed: () => [{}], check: (out, c, admin) => seenIff(ids(out), c.y.requeryBatchId, admin) },
  'archive.requeryDue': { narrowed: () => [{ asOf: '2027-12-31', withinDays: 365 }], check: () => undefined },
  'archive.reviewStats': { narrowed: () => [{ from: '2026-01-01', to: '2026-12-31' }], check: (out, _c, admin) => expect((out as { terminated: number }).terminated).toBe(admin ? 1 : 0) },
  'assets.list': {
    refused: (c) => [{ caseId: c.y.propertyCaseId }, { caseIds: [c.x.caseId, c.y.propertyCaseId] }, { batchId: c.y.queryBatchId }],
    narrowed: () => [{}, { controllable: true }, { text: '东风' }],
    own: (c) => [{ caseId: c.x.caseId }, { batchId: c.x.queryBatchId }],
  },
  'assignment.explain': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'assignment.loads': {
    narrowed: () => [{}],
    check: (out, _c, admin) => expect((out as { teams: { teamId: string }[] }).teams.map((t) => t.teamId).sort()).toEqual(admin ? [TEAM_X.id, TEAM_Y.id].sort() : [TEAM_X.id]),
  },
  'assignment.run': { refused: (c) => [{ id: c.y.assignmentRunId }, { id: c.mixed.distributionRunId }] },
  'assignment.runs': {
    narrowed: () => [{}],
    check: (out, c, admin) => {
      seenIff(ids(out), c.y.assignmentRunId, admin);
      seenIff(ids(out), c.mixed.distributionRunId, admin);
    },
  },
  'audit.forCase': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'auth.login': { plain: (c) => [{ username: c.x.officer, password: 'password-1' }] },
  'auth.logout': { plain: () => [{}] },
  'auth.me': { plain: () => [{}] },
  'calendar.addWorkingDays': { plain: () => [{ date: '2026-11-10', n: 3 }] },
  'calendar.get': { plain: () => [{ year: 2026 }] },
  'cases.counts': { narrowed: () => [{}], check: (out, _c, admin) => expect(Object.values(out as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(admin ? 5 : 1) },
  'cases.get': { refused: (c) => [{ id: c.y.propertyCaseId }, { id: c.unassigned.caseIds[0] }], own: (c) => [{ id: c.x.caseId }] },
  'cases.list': { narrowed: () => [{}, { filter: { teamId: TEAM_Y.id } }, { filter: { text: '东风' } }] },
  'cases.reveal': { refused: (c) => [{ caseId: c.y.propertyCaseId }, { caseId: c.unassigned.caseIds[0] }], own: (c) => [{ caseId: c.x.caseId }] },
  'cases.suspend': { refused: (c) => [{ caseIds: [c.x.caseId, c.y.propertyCaseId], kind: '公告', onDate: '2026-11-10' }] },
  'cases.unsuspend': { refused: (c) => [{ caseIds: [c.y.propertyCaseId], kind: '公告', onDate: '2026-11-10' }] },
  'closure.attest': { refused: (c) => [{ caseId: c.y.propertyCaseId, item: 'debtorSearched', note: '攻击' }], own: (c) => [{ caseId: c.x.caseId, item: 'debtorSearched', note: '下落清楚' }] },
  'closure.checklist': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'closure.close': { refused: (c) => [{ caseId: c.y.propertyCaseId, mode: '终结本次执行程序' }] },
  'closure.get': { refused: (c) => [{ caseId: c.y.zhongbenCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'deadlines.board': {
    narrowed: () => [{}],
    check: (out, _c, admin) => {
      const keys = (out as { byTeam: { key: string }[] }).byTeam.map((b) => b.key);
      seenIff(keys, TEAM_Y.id, admin);
      if (!admin) expect(keys.filter((k) => k !== TEAM_X.id)).toEqual([]);
    },
  },
  'deadlines.cases': { refused: (c) => [{ teamId: TEAM_Y.id }, { judgeId: c.y.judgeId }, { teamId: '' }], narrowed: () => [{}], own: () => [{ teamId: TEAM_X.id }] },
  'deadlines.forCase': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'documents.batches': { narrowed: () => [{ limit: 200 }], check: (out, c, admin) => seenIff(ids(out), c.mixed.documentBatchId, admin) },
  'documents.file': {
    refused: (c) => [{ documentId: c.y.documentId }, { batchId: c.mixed.documentBatchId }, { documentId: c.y.documentId, format: 'docx' }],
    own: (c) => [{ documentId: c.t.app.db.raw<{ id: number }>('SELECT id FROM documents WHERE case_id = ? LIMIT 1', c.x.caseId)[0]!.id }],
  },
  'documents.list': { refused: (c) => [{ caseId: c.y.propertyCaseId }, { batchId: c.mixed.documentBatchId }], narrowed: () => [{}, { unservedOnly: true }], own: (c) => [{ caseId: c.x.caseId }] },
  'documents.queue': { narrowed: () => [{}] },
  'documents.templates': { plain: () => [{}] },
  'inquiries.batches': {
    narrowed: () => [{}],
    check: (out, c, admin) => {
      seenIff(ids(out), c.y.queryBatchId, admin);
      seenIff(ids(out), c.y.requeryInquiryBatchId, admin);
    },
  },
  'inquiries.createBatch': { refused: (c) => [{ caseIds: [c.y.propertyCaseId] }, { caseIds: [c.x.caseId, c.unassigned.caseIds[1]] }] },
  'inquiries.exportRequest': { refused: (c) => [{ batchId: c.y.queryBatchId }, { batchId: c.y.requeryInquiryBatchId, format: 'csv' }], own: (c) => [{ batchId: c.x.queryBatchId, format: 'csv' }] },
  'inquiries.get': { refused: (c) => [{ batchId: c.y.queryBatchId }, { batchId: c.y.requeryInquiryBatchId }], own: (c) => [{ batchId: c.x.queryBatchId }] },
  'inquiries.importFeedback': {
    refused: async (c) => {
      const file = await plantedFeedback(c);
      return [
        { fileName: '反馈.csv', contentBase64: file },
        { fileName: '反馈.csv', contentBase64: file, batchId: c.y.queryBatchId },
      ];
    },
  },
  'inquiries.queue': { narrowed: () => [{}] },
  'jobs.cancel': { refused: (c) => [{ id: c.y.controlJobId }, { id: c.mixed.controlJobId }, { id: c.court.exportJobId }], own: (c) => [{ id: c.x.controlJobId }] },
  'jobs.get': { refused: (c) => [{ id: c.y.controlJobId }, { id: c.mixed.documentJobId }, { id: c.court.exportJobId }], own: (c) => [{ id: c.x.controlJobId }] },
  'jobs.list': {
    narrowed: () => [{ limit: 200 }],
    check: (out, c, admin) => {
      for (const id of [c.y.controlJobId, c.mixed.documentJobId, c.mixed.controlJobId, c.court.exportJobId]) seenIff(ids(out), id, admin);
      expect(ids(out)).toContain(c.x.controlJobId);
    },
  },
  'ledger.get': { refused: (c) => [{ caseId: c.y.propertyCaseId }], own: (c) => [{ caseId: c.x.caseId }] },
  'measures.batch': { refused: (c) => [{ batchId: c.y.controlBatchId }, { batchId: c.mixed.controlBatchId }], own: (c) => [{ batchId: c.x.controlBatchId }] },
  'measures.createBatch': {
    refused: (c) => [{ items: [{ assetId: c.y.assetId, action: 'deduct' }] }, { items: [{ assetId: c.x.assetId, action: 'freeze' }, { assetId: c.y.assetId, action: 'freeze' }] }],
  },
  'measures.list': {
    refused: (c) => [{ caseId: c.y.propertyCaseId }, { batchId: c.y.controlBatchId }, { batchId: c.mixed.controlBatchId }],
    narrowed: () => [{}, { status: ['done', 'partial'] }],
    own: (c) => [{ caseId: c.x.caseId }, { batchId: c.x.controlBatchId }],
  },
  'measures.recordResult': { refused: (c) => [{ results: [{ measureId: c.y.measureId, outcome: 'refused' }] }, { results: [{ measureId: c.x.measureId, outcome: 'done' }, { measureId: c.y.deductionId, outcome: 'done', actualFen: 1 }] }] },
  'measures.release': { refused: (c) => [{ measureIds: [c.y.measureId], reason: '攻击' }, { measureIds: [c.x.measureId, c.y.measureId], reason: '攻击' }] },
  'measures.renew': { refused: (c) => [{ measureIds: [c.y.measureId] }] },
  'metrics.compute': {
    refused: (c) => [{ period, scope: { kind: 'team', teamId: TEAM_Y.id } }, { period, scope: { kind: 'judge', judgeId: c.y.judgeId } }],
    narrowed: () => [{ period }],
    check: (out, _c, admin) => expect((out as { scope: unknown }).scope).toMatchObject(admin ? { kind: 'court' } : { kind: 'team', id: TEAM_X.id }),
    own: () => [{ period, scope: { kind: 'team', teamId: TEAM_X.id } }],
  },
  'metrics.dashboard': {
    refused: () => [{ year: 2026, month: 5, scope: { kind: 'team', teamId: TEAM_Y.id } }],
    narrowed: () => [{ year: 2026, month: 5 }],
    check: (out, _c, admin) => {
      const d = out as { scope: { kind: string }; teams: { teamId: string }[] };
      expect(d.scope.kind).toBe(admin ? 'court' : 'team');
      seenIff(d.teams.map((x) => x.teamId), TEAM_Y.id, admin);
    },
  },
  'metrics.definitions': { plain: () => [{}] },
  'metrics.drilldown': {
    refused: () => [{ period, scope: { kind: 'team', teamId: TEAM_Y.id }, metricId: 'accepted', column: 'main' }],
    narrowed: () => [{ period, metricId: 'accepted', column: 'main' }],
  },
  'reports.dashboardPdf': { narrowed: () => [{ year: 2026, month: 5 }], check: async (out, _c, admin) => seenIff([(await textOf(out)).includes(TEAM_Y.name)], true, admin) },
  'reports.dashboardXlsx': { narrowed: () => [{ year: 2026, month: 5 }], check: async (out, _c, admin) => seenIff([(await textOf(out)).includes(TEAM_Y.name)], true, admin) },
  'roles.list': { plain: () => [{}] },
  'settings.get': { plain: () => [{}] },
  'system.health': { plain: () => [{}] },
  'system.info': { plain: () => [{}] },
  'system.setup': { plain: () => [{ adminPassword: 'another-admin-1' }] },
  'users.setPassword': { refused: (c) => [{ id: c.y.judgeId, password: 'taken-over-1' }] },
};

/** Y's id of each kind a declaration can name: a kind with none here fails the declaration pass. */
function yIdOf(c: Court, kind: CaseRefKind): number | string {
  const of: Record<CaseRefKind, number | string> = {
    case: c.y.propertyCaseId,
    asset: c.y.assetId,
    measure: c.y.measureId,
    document: c.y.documentId,
    documentBatch: c.mixed.documentBatchId,
    inquiryBatch: c.y.queryBatchId,
    controlBatch: c.y.controlBatchId,
    requeryBatch: c.y.requeryBatchId,
    ledgerEntry: c.y.receiptEntryId,
    job: c.y.controlJobId,
    assignmentRun: c.y.assignmentRunId,
    reportExport: c.court.exportId,
    team: TEAM_Y.id,
    judge: c.y.judgeId,
  };
  return of[kind];
}

/** The text of a file answer (PDF, xlsx, DOCX, csv), to look for Y's data inside it. */
async function textOf(out: unknown): Promise<string> {
  if (!(out instanceof FileResponse)) return JSON.stringify(out);
  if (out.path.endsWith('.pdf')) return (await readPdf(out.path)).text;
  if (out.path.endsWith('.docx')) return (await readDocx(out.path)).text;
  if (out.path.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.path);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))));
    return cells.join('\n');
  }
  return readFileSync(out.path, 'utf8');
}

/** Every row of every table that belongs to Y's cases (derived caches excepted): a call must not change it. */
function yState(c: Court): string {
  const db = c.t.app.db;
  const list = c.y.caseIds.join(',');
  const tables = db
    .raw<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .map((r) => r.name)
    .filter((n) => !/^(deadline|metric_)/.test(n))
    .filter((n) => db.raw<{ name: string }>(`PRAGMA table_info(${n})`).some((col) => col.name === 'case_id'));
  const parts = tables.map((n) => `${n}:${db.raw(`SELECT * FROM ${n} WHERE case_id IN (${list})`).map((r) => JSON.stringify(r)).sort().join('|')}`);
  parts.push(`cases:${JSON.stringify(db.raw(`SELECT * FROM cases WHERE id IN (${list})`))}`);
  parts.push(`jobs:${JSON.stringify(db.raw('SELECT id, status FROM jobs WHERE id IN (?, ?, ?, ?)', c.y.controlJobId, c.mixed.controlJobId, c.mixed.documentJobId, c.court.exportJobId))}`);
  return parts.join('\n');
}

let c: Court;
const markers = () => [...c.y.names, ...c.unassigned.names];
const tokens = new Map<string, string>();
async function ctxOf(username: string): Promise<CallContext> {
  const app = c.t.app;
  let token = tokens.get(username);
  if (!token || !app.sessions.resolve(app.db, token)) {
    const r = await app.registry.call('auth.login', { username, password: username === 'admin' ? 'admin-pass-1' : 'password-1' }, app.internalContext());
    if (!r.ok) throw new Error(`login ${username}: ${r.error.message}`);
    token = (r.data as { token: string }).token;
    tokens.set(username, token);
  }
  return { app, user: app.sessions.resolve(app.db, token), token, workstation: 'scope-test', transport: 'internal' };
}
const callAs = async (username: string, name: string, input: unknown) => c.t.app.registry.call(name, input, await ctxOf(username));

beforeAll(async () => {
  c = await buildTwoTeamCourt();
}, 180_000);
afterAll(async () => c?.t.close());

describe('generated from the registry: an officer of 开鲁 against the cases of 东风, method by method', () => {
  for (const name of METHOD_NAMES) {
    it(name, async () => {
      const probe = PROBES[name];
      const before = yState(c);
      const label = (i: unknown) => `${name} ${JSON.stringify(i).slice(0, 160)}`;
      if (!probe) {
        // Not a method a team officer works with: the call must be refused outright.
        const r = await callAs(c.x.officer, name, {});
        expect(r.ok ? 'ok' : r.error.code, `${name} answered a team officer: add its probe to PROBES (inputs aimed at another team's data)`).toBe('forbidden');
        expect(yState(c)).toBe(before);
        return;
      }
      for (const input of (await probe.refused?.(c)) ?? []) {
        const r = await callAs(c.x.officer, name, input);
        expect(r.ok ? 'ok' : `${r.error.code} ${r.error.message}`, label(input)).toMatch(/^forbidden /);
        expect(yState(c), `${label(input)} changed 东风's data`).toBe(before);
      }
      for (const input of probe.narrowed?.(c) ?? []) {
        const r = await callAs(c.x.officer, name, input);
        if (!r.ok) throw new Error(`${label(input)}: ${r.error.code} ${r.error.message}`);
        const text = await textOf(r.data);
        for (const m of markers()) expect(text, `${label(input)} shows ${m}`).not.toContain(m);
        expect(yState(c)).toBe(before);
        // The administrator's answer to the same question does hold the others' cases: the narrowing is real.
        const a = await callAs('admin', name, input);
        if (!a.ok) throw new Error(`admin ${label(input)}: ${a.error.message}`);
        if (probe.check) {
          await probe.check(r.data, c, false);
          await probe.check(a.data, c, true);
        } else {
          const adminText = await textOf(a.data);
          expect(markers().some((m) => adminText.includes(m)), `admin ${label(input)} shows no other team's case: the probe proves nothing`).toBe(true);
        }
      }
      for (const input of probe.plain?.(c) ?? []) {
        const r = await callAs(c.x.officer, name, input);
        const text = r.ok ? await textOf(r.data) : JSON.stringify(r.error);
        for (const m of markers()) expect(text, `${label(input)} shows ${m}`).not.toContain(m);
      }
      for (const input of probe.own?.(c) ?? []) {
        const r = await callAs(c.x.officer, name, input);
        expect(r.ok ? 'ok' : `${r.error.code} ${r.error.message}`, `own data: ${label(input)}`).not.toMatch(/^forbidden/);
      }
      expect(yState(c)).toBe(before);
    });
  }

  it('every declared id path refuses an id of its kind belonging to 东风 (placed into the probe input)', async () => {
    let checked = 0;
    for (const name of METHOD_NAMES) {
      const spec = (methods as Record<string, MethodSpec>)[name]!;
      if (typeof spec.cases !== 'object' || !spec.cases.ids) continue;
      const probe = PROBES[name];
      const templates = [...((await probe?.refused?.(c)) ?? []), ...(probe?.narrowed?.(c) ?? []), ...(probe?.own?.(c) ?? []), {}];
      const declared = Object.entries(spec.cases.ids);
      for (const [path, kind] of declared) {
        expect(kind in CASE_REF_KINDS).toBe(true);
        // Each template with the Y id placed at the path, then the same without the other declared
        // fields (a method may take one of two ids): the first input the schema accepts must be refused.
        const others = declared.map(([p]) => p.split('.')[0]!.replace('[]', '')).filter((k) => k !== path.split('.')[0]!.replace('[]', ''));
        const inputs = [...templates, ...templates.map((tp) => Object.fromEntries(Object.entries(tp).filter(([k]) => !others.includes(k))))].map((tp) => {
          const input = structuredClone(tp);
          setPath(input, path, yIdOf(c, kind));
          return input;
        });
        let code = 'no input accepted';
        for (const input of inputs) {
          const before = yState(c);
          const r = await callAs(c.x.officer, name, input);
          expect(yState(c), `${name} ${JSON.stringify(input)}`).toBe(before);
          code = r.ok ? 'ok' : r.error.code;
          if (code !== 'invalid_input') break;
        }
        expect(code, `${name}: ${path} = 东风's ${kind}`).toBe('forbidden');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

/** Sets a declared path in an input (`items[].assetId` sets the first item's, making one if needed). */
function setPath(input: Input, path: string, value: unknown): void {
  const segs = path.split('.');
  let at: Record<string, unknown> = input;
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    const each = seg.endsWith('[]');
    const key = each ? seg.slice(0, -2) : seg;
    if (each) {
      const list = Array.isArray(at[key]) ? (at[key] as unknown[]) : (at[key] = []);
      if (last) list[0] = value;
      else at = (list[0] ??= {}) as Record<string, unknown>;
    } else if (last) at[key] = value;
    else at = (at[key] ??= {}) as Record<string, unknown>;
  });
}
