import type { Db } from '../../src-main/db/connection';
import { appendEvent, SYSTEM_ACTOR } from '../../src-main/events/log';
import { fileCase } from '../../src-main/services/cases/filing';
import { caseDraft } from '../../src-shared/api/methods/cases';
import type { CaseEventType, EventPayload, NewEventOf } from '../../src-shared/domain/events';
import type { ClosureMode } from '../../src-shared/domain/closure';
import { makeId, sampleDraft } from './drafts';

// Builds metric datasets the way the pipeline does: cases through the real filing service, then the
// contract events of the later stages (closure, assignment, review, suspensions, ledger) appended
// to the real event log — events are the source of truth the metrics are computed from.

const AT = new Date('2026-12-31T02:00:00Z');
let serial = 0;

export interface CaseSpec {
  type?: '执' | '执恢' | '执保';
  filedOn: string;
  claimFen?: number;
  nonLitigation?: boolean;
  debtorName?: string;
}

export function file(db: Db, spec: CaseSpec): number {
  serial += 1;
  const draft = caseDraft.parse(
    sampleDraft({
      type: spec.type ?? '执',
      filedOn: spec.filedOn,
      title: { court: '开鲁县人民法院', number: `（2019）内0523民初${serial}号`, effectiveOn: '2019-01-01', cause: '买卖合同纠纷', nonLitigation: spec.nonLitigation ?? false },
      claim: { principalFen: spec.claimFen ?? 1_000_000, interestFen: 0, costsFen: 0 },
      ...(spec.debtorName ? { debtors: [{ kind: 'person', name: spec.debtorName, idNumber: makeId('19900101', (serial % 900) + 1) }] } : {}),
      confirmDuplicate: true,
    }),
  );
  return fileCase(db, SYSTEM_ACTOR, AT, '2026-12-31', draft);
}

export function event<T extends CaseEventType>(db: Db, caseId: number, type: T, onDate: string, payload: EventPayload<T>): number {
  return appendEvent(db, SYSTEM_ACTOR, AT, { caseId, type, onDate, payload } as NewEventOf<T>);
}

export function close(db: Db, caseId: number, onDate: string, mode: ClosureMode, recoveredFen = 0, unpaidFen = 0): void {
  event(db, caseId, 'case.closed', onDate, { mode, recoveredFen, unpaidFen });
}

/** A deterministic pseudo-random generator (mulberry32) so generated datasets are the same every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
export function dateBetween(r: () => number, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(r() * ((b - a) / DAY + 1)) * DAY).toISOString().slice(0, 10);
}

const MODES: ClosureMode[] = ['执行完毕', '执行完毕', '执行完毕', '终结本次执行程序', '终结本次执行程序', '终结本次执行程序', '终结本次执行程序', '终结执行', '不予执行', '驳回申请'];

/**
 * Kailu's published totals as a dataset (seeds/003; metrics.md §1): 2022 受理 3,979 (300 旧存 +
 * 3,679 新收), 结案 3,929, so 50 open at the year end; Q1 2023 受理 1,147 (those 50 + 1,097 新收),
 * 结案 976. Around them: cases filed and closed in 2021 (outside both), 执恢 and 执保 cases (own
 * columns), and 销案 closures (excluded) — none of which may move the 执 figures.
 */
export function kailuDataset(db: Db): { resumed2022: number; resumedClosed2022: number } {
  const r = rng(20220101);
  const closeIn = (id: number, filedOn: string, from: string, to: string) => {
    const on = dateBetween(r, filedOn > from ? filedOn : from, to);
    close(db, id, on, MODES[Math.floor(r() * MODES.length)]!, Math.floor(r() * 1_000_000));
  };
  db.tx(() => {
    for (let i = 0; i < 100; i++) {
      const f = dateBetween(r, '2021-01-01', '2021-10-31');
      closeIn(file(db, { filedOn: f }), f, f, '2021-12-31');
    }
    for (let i = 0; i < 300; i++) {
      const f = dateBetween(r, '2021-03-01', '2021-12-31');
      closeIn(file(db, { filedOn: f }), f, '2022-01-01', '2022-12-31');
    }
    const open2022: [number, string][] = [];
    for (let i = 0; i < 3679; i++) {
      const f = dateBetween(r, '2022-01-01', '2022-12-31');
      const id = file(db, { filedOn: f });
      if (i < 3629) closeIn(id, f, f, '2022-12-31');
      else open2022.push([id, f]);
    }
    for (const [id, f] of open2022) closeIn(id, f, '2023-01-01', '2023-03-31');
    for (let i = 0; i < 1097; i++) {
      const f = dateBetween(r, '2023-01-01', '2023-03-31');
      const id = file(db, { filedOn: f });
      if (i < 926) closeIn(id, f, f, '2023-03-31');
    }
    // Noise that must stay out of the 执 columns.
    for (let i = 0; i < 40; i++) {
      const f = dateBetween(r, '2022-01-01', '2022-12-31');
      const id = file(db, { type: '执恢', filedOn: f });
      if (i < 20) closeIn(id, f, f, '2022-12-31');
    }
    for (let i = 0; i < 30; i++) {
      const f = dateBetween(r, '2022-01-01', '2022-12-31');
      close(db, file(db, { type: '执保', filedOn: f }), dateBetween(r, f, '2022-12-31'), '保全完毕');
    }
    for (let i = 0; i < 20; i++) {
      const f = dateBetween(r, '2022-01-01', '2022-11-30');
      close(db, file(db, { filedOn: f }), dateBetween(r, f, '2022-12-31'), '销案');
    }
    for (let i = 0; i < 5; i++) close(db, file(db, { filedOn: '2023-02-01' }), '2023-02-10', '销案');
  });
  return { resumed2022: 40, resumedClosed2022: 20 };
}
