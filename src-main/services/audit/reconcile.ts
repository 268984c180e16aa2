import type BetterSqlite3 from 'better-sqlite3';

// The money ledger, the control measures and the closures are tables of current state beside the
// log. Every change to them is written in the same transaction as its event (developing.md, Events),
// so replaying the verified events must give exactly the rows: an amount changed in the file, a row
// planted or removed, a status flipped — each shows as a row that disagrees with its events.
// (Runs in the verifier's worker thread too: no imports.)

export interface RecordProblem {
  table: 'ledger_entries' | 'measures' | 'closures';
  id: number;
  eventId: number | null;
  reason: string;
}

export interface ReconcileCounts {
  ledgerEntries: number;
  measures: number;
  closures: number;
}

interface LedgerFact {
  eventId: number;
  caseId: number | null;
  kind: string;
  amountFen: number;
  reverses: number | null;
}

interface MeasureFact {
  eventId: number;
  caseId: number | null;
  action: unknown;
  assetId: unknown;
  batchId: unknown;
  amountFen: unknown;
  actualFen: unknown;
  expiresOn: unknown;
  renewals: number;
  status: string;
  /** The day a freeze ended because all its money was deducted (measure.ended). */
  endedOn: string | null;
}

interface ClosureFact {
  eventId: number;
  mode: unknown;
  closedOn: string;
  ground: unknown;
  rulingNumber: unknown;
  claimFen: unknown;
  recoveredFen: unknown;
  paidDirectlyFen: unknown;
  unpaidFen: unknown;
  balanceFen: unknown;
}

const LEDGER_KINDS = new Set(['receipt', 'fee', 'payout', 'deferral', 'refund', 'reversal']);
const TYPES = new Set(['measure.applied', 'measure.result', 'measure.renewed', 'measure.released', 'measure.ended', 'case.closed', 'case.closureCorrected']);

const yuan = (fen: unknown) => (typeof fen === 'number' ? `${(fen / 100).toFixed(2)} 元` : '（无）');
const text = (v: unknown) => (v === null || v === undefined || v === '' ? '（空）' : String(v));

export class Reconciler {
  private readonly ledger = new Map<number, LedgerFact>();
  private readonly measures = new Map<number, MeasureFact>();
  private readonly closures = new Map<number, ClosureFact>();

  /** True for the event types this replays (the walk parses only their payloads). */
  wants(type: string): boolean {
    return type.startsWith('ledger.') || TYPES.has(type);
  }

  /** One verified event, in log order. */
  take(row: { id: number; case_id: number | null; type: string; on_date: string; payload: string }): void {
    let p: Record<string, unknown>;
    try {
      p = JSON.parse(row.payload) as Record<string, unknown>;
    } catch {
      return;
    }
    if (row.type.startsWith('ledger.')) {
      const kind = row.type.slice('ledger.'.length);
      if (!LEDGER_KINDS.has(kind) || typeof p.entryId !== 'number') return;
      this.ledger.set(p.entryId, { eventId: row.id, caseId: row.case_id, kind, amountFen: typeof p.amountFen === 'number' ? p.amountFen : 0, reverses: typeof p.reverses === 'number' ? p.reverses : null });
      return;
    }
    if (row.type.startsWith('measure.')) {
      if (typeof p.measureId !== 'number') return;
      if (row.type === 'measure.applied') {
        this.measures.set(p.measureId, {
          eventId: row.id,
          caseId: row.case_id,
          action: p.action,
          assetId: p.assetId,
          batchId: p.batchId,
          amountFen: p.amountFen,
          actualFen: null,
          expiresOn: p.expiresOn ?? null,
          renewals: 0,
          status: 'pending',
          endedOn: null,
        });
        return;
      }
      const m = this.measures.get(p.measureId);
      if (!m) return;
      m.eventId = row.id;
      if (row.type === 'measure.result') {
        m.status = String(p.outcome);
        m.actualFen = p.actualFen;
      } else if (row.type === 'measure.renewed') {
        m.expiresOn = p.expiresOn;
        m.renewals++;
      } else if (row.type === 'measure.released') {
        m.status = 'released';
      } else if (row.type === 'measure.ended') {
        m.endedOn = row.on_date;
      }
      return;
    }
    if (row.case_id === null) return;
    if (row.type === 'case.closed') {
      this.closures.set(row.case_id, {
        eventId: row.id,
        mode: p.mode,
        closedOn: row.on_date,
        ground: p.ground ?? null,
        rulingNumber: p.rulingNumber ?? null,
        claimFen: p.claimFen,
        recoveredFen: p.recoveredFen,
        paidDirectlyFen: p.paidDirectlyFen ?? 0,
        unpaidFen: p.unpaidFen,
        balanceFen: p.balanceFen ?? 0,
      });
    } else if (row.type === 'case.closureCorrected') {
      const c = this.closures.get(row.case_id);
      const after = (p.after ?? {}) as Record<string, unknown>;
      if (!c) return;
      c.eventId = row.id;
      if ('closedOn' in after) c.closedOn = String(after.closedOn);
      if ('ground' in after) c.ground = after.ground ?? null;
      if ('rulingNumber' in after) c.rulingNumber = after.rulingNumber ?? null;
    }
  }

  /**
   * Compares the tables with the replayed events. Every ledger entry must match its event and every
   * ledger event must still have its entry (money cannot vanish); measures and closures must match
   * the state their events leave. (Events of the benchmark court name rows that were never
   * written: only the ledger, which that court fills, is checked from the event side.)
   */
  check(sqlite: Pick<BetterSqlite3.Database, 'prepare'>, report: (p: RecordProblem) => void): ReconcileCounts {
    const counts: ReconcileCounts = { ledgerEntries: 0, measures: 0, closures: 0 };
    const seen = new Set<number>();
    for (const r of sqlite.prepare('SELECT id, case_id, kind, amount_fen, reverses_id FROM ledger_entries ORDER BY id').iterate() as Iterable<{ id: number; case_id: number; kind: string; amount_fen: number; reverses_id: number | null }>) {
      counts.ledgerEntries++;
      const e = this.ledger.get(r.id);
      seen.add(r.id);
      const bad = (reason: string) => report({ table: 'ledger_entries', id: r.id, eventId: e?.eventId ?? null, reason: `案款账目第 ${r.id} 条${reason}` });
      if (!e) bad('在操作日志中没有对应的登记（账目不是由本程序写入的）');
      else if (e.kind !== r.kind) bad(`的种类与日志第 ${e.eventId} 条不符`);
      else if (e.caseId !== r.case_id) bad(`所属案件与日志第 ${e.eventId} 条不符`);
      else if (e.amountFen !== r.amount_fen) bad(`的金额 ${yuan(r.amount_fen)}与日志第 ${e.eventId} 条记载的 ${yuan(e.amountFen)}不符（账目被改动）`);
      else if (e.kind === 'reversal' && e.reverses !== r.reverses_id) bad(`冲正的账目与日志第 ${e.eventId} 条不符`);
    }
    for (const [id, e] of this.ledger) {
      if (!seen.has(id)) report({ table: 'ledger_entries', id, eventId: e.eventId, reason: `日志第 ${e.eventId} 条登记的案款账目第 ${id} 条已不存在（账目被删除）` });
    }

    for (const r of sqlite.prepare('SELECT id, case_id, asset_id, batch_id, action, amount_fen, actual_fen, expires_on, renewals, status, ended_on FROM measures ORDER BY id').iterate() as Iterable<Record<string, unknown> & { id: number }>) {
      counts.measures++;
      const m = this.measures.get(r.id);
      const bad = (reason: string) => report({ table: 'measures', id: r.id, eventId: m?.eventId ?? null, reason: `控制措施第 ${r.id} 项${reason}` });
      if (!m) {
        bad('在操作日志中没有对应的登记（措施不是由本程序写入的）');
        continue;
      }
      const diffs: [string, unknown, unknown, (v: unknown) => string][] = [
        ['所属案件', r.case_id, m.caseId, text],
        ['措施种类', r.action, m.action, text],
        ['财产', r.asset_id, m.assetId, text],
        ['批次', r.batch_id, m.batchId, text],
        ['金额', r.amount_fen, m.amountFen, yuan],
        ['实际金额', r.actual_fen, m.actualFen, yuan],
        ['状态', r.status, m.status, text],
        ['到期日', r.expires_on, m.expiresOn, text],
        ['续行次数', r.renewals, m.renewals, text],
        ['扣划终止日', r.ended_on, m.endedOn, text],
      ];
      const d = diffs.find(([, a, b]) => (a ?? null) !== (b ?? null));
      if (d) bad(`的${d[0]}（${d[3](d[1])}）与日志第 ${m.eventId} 条所载（${d[3](d[2])}）不符（措施被改动）`);
    }

    for (const r of sqlite.prepare('SELECT case_id, mode, closed_on, ground, ruling_number, claim_fen, recovered_fen, paid_directly_fen, unpaid_fen, balance_fen FROM closures ORDER BY case_id').iterate() as Iterable<Record<string, unknown> & { case_id: number }>) {
      counts.closures++;
      const c = this.closures.get(r.case_id);
      const bad = (reason: string) => report({ table: 'closures', id: r.case_id, eventId: c?.eventId ?? null, reason: `案件 ${r.case_id} 的结案记录${reason}` });
      if (!c) {
        bad('在操作日志中没有对应的结案登记（不是由本程序写入的）');
        continue;
      }
      const diffs: [string, unknown, unknown, (v: unknown) => string][] = [
        ['结案方式', r.mode, c.mode, text],
        ['结案日期', r.closed_on, c.closedOn, text],
        ['申请执行标的', r.claim_fen, c.claimFen, yuan],
        ['实际到位金额', r.recovered_fen, c.recoveredFen, yuan],
        ['直接给付金额', r.paid_directly_fen, c.paidDirectlyFen, yuan],
        ['未履行金额', r.unpaid_fen, c.unpaidFen, yuan],
        ['账户余额', r.balance_fen, c.balanceFen, yuan],
        ['终结依据', r.ground, c.ground, text],
        ['裁定书文号', r.ruling_number, c.rulingNumber, text],
      ];
      const d = diffs.find(([, a, b]) => (a ?? null) !== (b ?? null));
      if (d) bad(`的${d[0]}（${d[3](d[1])}）与日志第 ${c.eventId} 条所载（${d[3](d[2])}）不符（结案记录被改动）`);
    }
    return counts;
  }
}
