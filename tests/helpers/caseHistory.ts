import type { App } from '../../src-main/app/app';
import { appendEvent, SYSTEM_ACTOR } from '../../src-main/events/log';

// Produces the events other domains record on a case (documents served, query feedback, measures),
// in the agreed shapes of the cross-domain contract, for tests of what is computed from them
// (the 终本 checklist, the ruling). Where the producing service exists, prefer calling it.

export function served(app: App, caseId: number, kind: string, onDate: string, documentId = Math.floor(Math.random() * 1e6)): void {
  app.db.tx(() => {
    appendEvent(app.db, SYSTEM_ACTOR, app.clock.now(), { caseId, type: 'document.generated', onDate, payload: { documentId, kind, number: `文书${documentId}`, batchId: 'test' } });
    appendEvent(app.db, SYSTEM_ACTOR, app.clock.now(), { caseId, type: 'document.served', onDate, payload: { documentId, kind, method: '直接送达' } });
  });
}

export function generated(app: App, caseId: number, kind: string, onDate: string, documentId = Math.floor(Math.random() * 1e6)): void {
  app.db.tx(() => appendEvent(app.db, SYSTEM_ACTOR, app.clock.now(), { caseId, type: 'document.generated', onDate, payload: { documentId, kind, number: `文书${documentId}`, batchId: 'test' } }));
}

export function feedback(app: App, caseId: number, onDate: string, findings: unknown[] = [], batchId = 1): void {
  app.db.tx(() =>
    appendEvent(app.db, SYSTEM_ACTOR, app.clock.now(), { caseId, type: 'inquiry.feedback', onDate, payload: { batchId, findings, nothingFound: findings.length === 0 } }),
  );
}

export function measure(app: App, caseId: number, onDate: string, m: { measureId: number; action: 'freeze' | 'seize' | 'deduct'; amountFen: number; expiresOn: string }): void {
  app.db.tx(() => appendEvent(app.db, SYSTEM_ACTOR, app.clock.now(), { caseId, type: 'measure.applied', onDate, payload: { ...m, assetId: 1 } }));
}

export function released(app: App, caseId: number, onDate: string, measureId: number): void {
  app.db.tx(() => appendEvent(app.db, SYSTEM_ACTOR, app.clock.now(), { caseId, type: 'measure.released', onDate, payload: { measureId } }));
}

/** The notices and the query a 终本 needs from the case's own record: served notice and order, restriction, an empty feedback. */
export function standardHistory(app: App, caseId: number, day: string): void {
  served(app, caseId, '执行通知书', day);
  served(app, caseId, '报告财产令', day);
  generated(app, caseId, '限制消费令', day);
  feedback(app, caseId, day);
}
