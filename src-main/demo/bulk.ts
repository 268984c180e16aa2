import { App } from '../app/app';
import { validateIdNumber } from '../../src-shared/domain/idNumber';
import { formatCaseNumber } from '../../src-shared/domain/caseNumber';
import type { FilingType } from '../../src-shared/domain/stages';
import { eventHashInput, GENESIS_HASH } from '../events/log';
import { chainHash } from '../events/chainKey';
import { normalizeTitleNumber } from '../services/cases/filing';
import { eventSchema } from '../../src-shared/domain/events';
import { projections } from '../events/projections';
import { markForRebuild } from '../events/projectionState';
import { reprojectAll } from '../events/reproject';
import { datesForCount, workingDays } from './calendar';
import { demoCaseDraft, TYPE_MIX } from './caseDrafts';
import { courtStep } from './court';
import { COURT_CODE, TOWNSHIPS } from './kailu';
import { caseLife, type LifeEvent } from './lifecycle';
import { Rng } from './random';
import { DEFAULT_DEMO_OPTIONS, demoContext } from './run';
import { staffStep } from './staff';
import { officeTime, type DemoUser } from './steps';
import { TitleNumbers } from './titles';

export interface BulkOptions {
  /** A new, empty data folder. */
  dataDir: string;
  cases: number;
  fromYear?: number;
  toYear?: number;
  seed?: number;
  adminPassword?: string;
  onProgress?: (done: number, total: number) => void;
  /** Progress of the closing re-projection (metric facts, deadline clocks, search index), per chunk of cases. */
  onReprojection?: (label: string, done: number, total: number) => void;
}

export interface BulkResult {
  cases: number;
  parties: number;
  events: number;
  /** The full re-projection of every projection from the written log (part of ms). */
  reprojectMs: number;
  ms: number;
}

/**
 * A large court for benchmarks (200,000 cases with about 2–3 million events in a minute or so):
 * the demo's court, staff and case generator, but rows are written with prepared statements
 * instead of through the filing service, and each case gets a synthetic life (notices, query,
 * control, triage, assignment, money, closure) as the events of the cross-domain contract, with the
 * matching stage, team, judge and closure columns. The hash chain of case_events is complete and valid
 * (keyed with the audit key, as the app writes it). Only `cases`, `parties`, `interviews`,
 * `case_serials`, `case_events` and the money ledger (`ledger_entries`, one row per ledger event, as
 * audit.verify reconciles them) are written: the other ids in event payloads (documents, batches,
 * measures) point at rows the domains' own tables do not have. The projections' tables (metric
 * facts, deadline clocks, the search index) are then derived from the log by a full re-projection,
 * timed in `reprojectMs`. Labelled demo (meta 'demo' = '1', cases.demo = 1).
 */
export async function buildBulkDatabase(opts: BulkOptions): Promise<BulkResult> {
  const started = performance.now();
  const fromYear = opts.fromYear ?? 2017;
  const toYear = opts.toYear ?? 2026;
  const seed = opts.seed ?? DEFAULT_DEMO_OPTIONS.seed;
  const app = new App({ dataDir: opts.dataDir, mode: 'web', quiet: true, ...(opts.adminPassword ? { adminPassword: opts.adminPassword } : {}) });
  try {
    const options = { ...DEFAULT_DEMO_OPTIONS, seed, fromYear, toYear };
    const ctx = { ...demoContext(app, options), rng: new Rng(seed) };
    await courtStep.run({ ...ctx, rng: ctx.rng.fork('court') });
    await staffStep.run({ ...ctx, rng: ctx.rng.fork('staff') });
    return { ...write(app, ctx.users, opts, fromYear, toYear, new Rng(seed).fork('bulk'), ctx.today), ms: Math.round(performance.now() - started) };
  } finally {
    await app.close();
  }
}

function write(app: App, users: DemoUser[], opts: BulkOptions, fromYear: number, toYear: number, rng: Rng, today: string): Omit<BulkResult, 'ms'> {
  const sqlite = app.db.sqlite;
  // Bulk load: nothing is lost that a rerun cannot rebuild, so durability waits until the end.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -200000');
  // Rows go straight into the tables (not through appendEvent): the projections derive their tables
  // from the finished log at the end, in one re-projection — the path a new version of the rules takes.
  const insertCase = sqlite.prepare(`INSERT INTO cases (number, year, court_code, type, serial, stage, filed_on, title_court, title_number, title_effective_on, title_cause,
    non_litigation, principal_fen, interest_fen, costs_fen, claim_fen, preserved, applicant_names, debtor_names, search_text, team_id, judge_id, resumed_from_id,
    closed_on, closure_mode, migrated, demo, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,?,0,1,?,?)`);
  const insertParty = sqlite.prepare(`INSERT INTO parties (case_id, role, kind, seq, name, id_number, credit_code, legal_rep, birth_date, sex, address, phone)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`);
  const insertInterview = sqlite.prepare(`INSERT INTO interviews (case_id, contact_confirmed, service_address, payout_bank, payout_account_name, payout_account,
    property_clues, requests, notes, recorded_at, recorded_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)`);
  const insertEvent = sqlite.prepare(`INSERT INTO case_events (case_id, type, at, on_date, actor_id, actor_name, workstation, payload, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)`);
  const insertEntry = sqlite.prepare(`INSERT INTO ledger_entries (id, case_id, kind, amount_fen, on_date, source, officers, created_at, created_by) VALUES (?,?,?,?,?,?,'[]',?,?)`);
  const insertSerial = sqlite.prepare(`INSERT INTO case_serials (court_code, year, type, last_serial) VALUES (?,?,?,?)
    ON CONFLICT (court_code, year, type) DO UPDATE SET last_serial = excluded.last_serial`);

  const role = (r: string) => users.filter((u) => u.roles.includes(r as never));
  const actors = { window: role('window'), docsQuery: role('docsQuery'), money: role('money'), zhongben: role('zhongben') };
  const judgeOf = new Map(users.filter((u) => u.roles.includes('team') || u.roles.includes('fastTrack')).map((u) => [u.teamId, u] as const));
  const tribunalOf = (address: string) => TOWNSHIPS.find((t) => address.includes(t.name))?.teamId ?? 'kailu';

  // Cases per year in proportion to the year's working days (the current year only up to today).
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  const dayCounts = years.map((y) => workingDays(y, today).length);
  const allDays = dayCounts.reduce((a, b) => a + b, 0);
  let assigned = 0;
  const perYear = years.map((_, i) => {
    const n = i === years.length - 1 ? opts.cases - assigned : Math.round((opts.cases * dayCounts[i]!) / allDays);
    assigned += n;
    return n;
  });

  let prevHash = sqlite.prepare('SELECT hash FROM case_events ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined ?? GENESIS_HASH;
  const numbers = new TitleNumbers(rng.fork('titles'));
  const serials = new Map<string, number>();
  let cases = 0;
  let parties = 0;
  let events = 0;

  years.forEach((year, yi) => {
    const yrng = rng.fork(`year:${year}`);
    const dates = datesForCount(yrng, year, perYear[yi]!, today);
    // One transaction per year keeps the journal small; the file is a benchmark fixture, rebuilt on failure.
    sqlite.transaction(() => {
      for (const filedOn of dates) {
        const type = yrng.weighted(TYPE_MIX) as FilingType;
        const d = demoCaseDraft(yrng, numbers, type, filedOn);
        const key = `${year}${type}`;
        const serial = (serials.get(key) ?? 0) + 1;
        serials.set(key, serial);
        const number = formatCaseNumber({ year, court: COURT_CODE, type, serial });
        const claim = { principalFen: d.claim.principalFen, interestFen: d.claim.interestFen ?? 0, costsFen: d.claim.costsFen ?? 0 };
        const claimFen = claim.principalFen + claim.interestFen + claim.costsFen;
        const key17 = (p: (typeof d.applicants)[number]) => (p.kind === 'person' ? p.idNumber : p.creditCode);
        // The same denormalised quick-search text the filing service writes.
        const search = [number, ...d.applicants.map((p) => p.name), ...d.debtors.map((p) => p.name), ...d.applicants.map(key17), ...d.debtors.map(key17)].join(' ').toUpperCase();
        const clerk = yrng.pick(actors.window);
        const life = caseLife(yrng, {
          caseId: 0,
          caseNumber: number,
          type,
          filedOn,
          claimFen,
          debtorCount: d.debtors.length,
          tribunalId: tribunalOf(d.debtors[0]!.address ?? ''),
          interviewed: !!d.interview,
          today,
        });
        const judge = life.teamId ? (judgeOf.get(life.teamId) ?? null) : null;
        const createdAt = officeTime(filedOn, yrng.int(0, 400)).toISOString();
        const caseId = Number(
          insertCase.run(number, year, COURT_CODE, type, serial, life.stage, filedOn, d.title.court, normalizeTitleNumber(d.title.number), d.title.effectiveOn, d.title.cause,
            d.title.nonLitigation ? 1 : 0, claim.principalFen, claim.interestFen, claim.costsFen, claimFen, d.preserved ? 1 : 0,
            d.applicants.map((p) => p.name).join('、'), d.debtors.map((p) => p.name).join('、'), search, life.teamId, life.judge && judge ? judge.id : null,
            life.closedOn, life.closureMode, createdAt, clerk.name).lastInsertRowid,
        );
        cases++;
        for (const [roleName, list] of [['applicant', d.applicants], ['debtor', d.debtors]] as const) {
          list.forEach((p, seq) => {
            const id = p.kind === 'person' ? validateIdNumber(p.idNumber, today) : null;
            const born = id?.ok ? id : null;
            insertParty.run(caseId, roleName, p.kind, seq, p.name, p.kind === 'person' ? p.idNumber : null, p.kind === 'org' ? p.creditCode : null,
              p.kind === 'org' ? p.legalRep : null, born?.birthDate ?? null, born?.sex ?? null, p.address ?? null, p.phone ?? null);
            parties++;
          });
        }
        if (d.interview) {
          const iv = d.interview;
          insertInterview.run(caseId, iv.contactConfirmed ? 1 : 0, iv.serviceAddress ?? null, iv.payoutBank ?? null, iv.payoutAccountName ?? null, iv.payoutAccount ?? null,
            iv.propertyClues ?? null, JSON.stringify(iv.requests ?? []), iv.notes ?? null, createdAt, clerk.name);
        }
        let day = '';
        let minute = 0;
        for (const e of life.events) {
          minute = e.onDate === day ? minute + yrng.int(2, 25) : yrng.int(0, 300);
          day = e.onDate;
          const actor = actorFor(e, clerk, actors, judge, yrng);
          const payload = e.type === 'case.filed' ? { number, ...e.payload, preserved: d.preserved, nonLitigation: d.title.nonLitigation, duplicateConfirmed: false } : withCaseRefs(e, caseId);
          // The same check appendEvent makes: the benchmark court's log is one the app could have written.
          eventSchema.parse({ type: e.type, caseId, payload });
          const row = {
            prev_hash: prevHash,
            case_id: caseId,
            type: e.type,
            at: officeTime(e.onDate, minute).toISOString(),
            on_date: e.onDate,
            actor_id: actor.id,
            actor_name: actor.name,
            workstation: 'demo',
            payload: JSON.stringify(payload),
          };
          const hash = chainHash(app.db, eventHashInput(row));
          insertEvent.run(row.case_id, row.type, row.at, row.on_date, row.actor_id, row.actor_name, row.workstation, row.payload, row.prev_hash, hash);
          // The ledger row the event records, as the ledger service writes them together.
          if (e.type === 'ledger.receipt' || e.type === 'ledger.payout') {
            const p = payload as { entryId: number; amountFen: number; source?: string };
            insertEntry.run(p.entryId, caseId, e.type.slice('ledger.'.length), p.amountFen, e.onDate, p.source ?? null, row.at, actor.name);
          }
          prevHash = hash;
          events++;
        }
        if (cases % 5000 === 0) opts.onProgress?.(cases, opts.cases);
      }
      for (const [key, last] of serials) if (key.startsWith(String(year))) insertSerial.run(COURT_CODE, year, key.slice(4), last);
    })();
  });
  const reprojectStarted = performance.now();
  app.db.tx(() => {
    for (const p of projections()) markForRebuild(app.db, p, new Date().toISOString());
  });
  reprojectAll(app.db, () => app.clock.now(), (p, r) => opts.onReprojection?.(p.label, r.done, r.total));
  const reprojectMs = Math.round(performance.now() - reprojectStarted);
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('ANALYZE');
  opts.onProgress?.(cases, opts.cases);
  return { cases, parties, events, reprojectMs };
}

/** Payload ids were drawn per case before the case had its id: make them unique across the database. */
function withCaseRefs(e: LifeEvent, caseId: number): Record<string, unknown> {
  const p = { ...e.payload };
  for (const k of ['documentId', 'measureId', 'assetId', 'entryId', 'runId'] as const) {
    if (typeof p[k] === 'number') p[k] = caseId * 100 + ((p[k] as number) % 100);
  }
  if (Array.isArray(p.receiptIds)) p.receiptIds = (p.receiptIds as number[]).map((r) => caseId * 100 + (r % 100));
  return p;
}

function actorFor(e: LifeEvent, clerk: DemoUser, actors: Record<'window' | 'docsQuery' | 'money' | 'zhongben', DemoUser[]>, judge: DemoUser | null, rng: Rng): DemoUser {
  if (e.actor === 'window') return clerk;
  if (e.actor === 'judge') return judge ?? rng.pick(actors.zhongben);
  return rng.pick(actors[e.actor]);
}
