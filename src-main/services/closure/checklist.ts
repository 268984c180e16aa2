import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { CHECKLIST_ITEMS, CHECKLIST_RULES, earliestZhongbenDate, type ChecklistItem } from '../../../src-shared/domain/closure';
import { formatYuan } from '../../../src-shared/domain/money';
import { appendEvent, type Actor } from '../../events/log';
import { assertOpen } from '../cases/stage';
import { getCaseRow } from '../cases/queries';
import { caseEvents, documentEvents, feedbackEvents, interviewEvents, openMeasures, type CaseEvent } from './caseFacts';

// The 终本 checklist (《关于严格规范终结本次执行程序的规定（试行）》Arts. 1–5, domain.md §4.2). Items
// are checked from the case's own events where the app records the fact, and attested by the clerk
// (with a note pointing into the file) where it cannot; every item shows the evidence it rests on.

export interface Evidence {
  text: string;
  onDate?: string;
  eventId?: number;
}

export interface ChecklistItemView {
  key: ChecklistItem;
  label: string;
  basis: string;
  source: 'events' | 'attestation';
  attestable: boolean;
  met: boolean;
  /** How the item is met: by the case's events, by the clerk's attestation, or not at all. */
  via: 'events' | 'attestation' | null;
  evidence: Evidence[];
  attestation: { note: string; attestedOn: string; by: string } | null;
}

export interface Checklist {
  caseId: number;
  number: string;
  asOf: string;
  complete: boolean;
  items: ChecklistItemView[];
  missing: string[];
}

type Auto = { met: boolean; evidence: Evidence[] };

const METHOD_LABEL = (m: unknown) => (typeof m === 'string' && m ? `（${m}）` : '');

function servedItem(events: CaseEvent[], kind: string): Auto {
  const { generated, served } = documentEvents(events, kind);
  if (served.length > 0) {
    return { met: true, evidence: served.map((e) => ({ text: `${kind}已送达${METHOD_LABEL(e.payload.method)}`, onDate: e.onDate, eventId: e.id })) };
  }
  if (generated.length > 0) {
    return { met: false, evidence: generated.map((e) => ({ text: `${kind}已制作（${String(e.payload.number ?? '')}），尚未登记送达`, onDate: e.onDate, eventId: e.id })) };
  }
  return { met: false, evidence: [{ text: `未见${kind}` }] };
}

function autoItem(key: ChecklistItem, events: CaseEvent[], filedOn: string, asOf: string): Auto {
  switch (key) {
    case 'noticeServed':
      return servedItem(events, '执行通知书');
    case 'reportOrderServed':
      return servedItem(events, '报告财产令');
    case 'restrictionIssued': {
      const { generated, served } = documentEvents(events, '限制消费令');
      const all = [...generated, ...served];
      return all.length > 0
        ? { met: true, evidence: all.map((e) => ({ text: e.type === 'document.served' ? '限制消费令已送达' : `限制消费令已发出（${String(e.payload.number ?? '')}）`, onDate: e.onDate, eventId: e.id })) }
        : { met: false, evidence: [{ text: '未见限制消费令' }] };
    }
    case 'onlineQueried': {
      const fb = feedbackEvents(events);
      return fb.length > 0
        ? { met: true, evidence: fb.map((e) => ({ text: e.payload.nothingFound ? '网络查控反馈：未发现财产' : `网络查控反馈：发现财产${findingCount(e)}`, onDate: e.onDate, eventId: e.id })) }
        : { met: false, evidence: [{ text: '尚无网络查控反馈' }] };
    }
    case 'nothingDisposable': {
      const fb = feedbackEvents(events);
      const last = fb.at(-1);
      if (!last) return { met: false, evidence: [{ text: '尚无网络查控反馈，无法认定无财产' }] };
      const open = openMeasures(events);
      const evidence: Evidence[] = [
        { text: last.payload.nothingFound ? '最近一次查控未发现财产' : `最近一次查控发现财产${findingCount(last)}`, onDate: last.onDate, eventId: last.id },
        ...open.map((m) => ({ text: `${m.action === 'freeze' ? '冻结' : '查封'}措施仍在执行：${formatYuan(m.amountFen)}元${m.expiresOn ? `，至${m.expiresOn}` : ''}`, onDate: m.appliedOn, eventId: m.eventId })),
      ];
      // Found or controlled property must be disposed of, or attested as not disposable (Art. 4).
      return { met: last.payload.nothingFound === true && open.length === 0, evidence };
    }
    case 'applicantInterviewed': {
      // The interview's own date, from its record, and only one held by the intended closure date.
      const held = interviewEvents(events).filter((e) => e.onDate <= asOf);
      return held.length > 0
        ? { met: true, evidence: held.map((e) => ({ text: `约谈记录（${String(e.payload.place ?? '')}）：${personsText(e)}`, onDate: e.onDate, eventId: e.id })) }
        : { met: false, evidence: [{ text: '尚无约谈申请执行人的记录' }] };
    }
    case 'threeMonths': {
      const earliest = earliestZhongbenDate(filedOn);
      return { met: asOf >= earliest, evidence: [{ text: `立案日期 ${filedOn}，最早可于 ${earliest} 终本`, onDate: filedOn }] };
    }
    default:
      return { met: false, evidence: [] };
  }
}

function personsText(e: CaseEvent): string {
  const persons = Array.isArray(e.payload.persons) ? (e.payload.persons as { name?: unknown; capacity?: unknown }[]) : [];
  return persons.map((x) => `${String(x.capacity ?? '')}${String(x.name ?? '')}`).join('、');
}

function findingCount(e: CaseEvent): string {
  const f = e.payload.findings;
  const n = Array.isArray(f) ? f.length : typeof f === 'number' ? f : null;
  return n === null ? '' : ` ${n} 项`;
}

/** Evaluates the checklist of a case as of a date (the intended closure date). */
export function evaluateChecklist(db: Db, caseId: number, asOf: string): Checklist {
  const c = getCaseRow(db, caseId);
  const events = caseEvents(db, caseId);
  const attestations = new Map(db.all(db.q.selectFrom('closure_attestations').selectAll().where('case_id', '=', caseId)).map((a) => [a.item, a]));
  const items = CHECKLIST_ITEMS.map((key): ChecklistItemView => {
    const rule = CHECKLIST_RULES[key];
    const a = attestations.get(key);
    const attestation = a && rule.attestable ? { note: a.note, attestedOn: a.attested_on, by: a.attested_by } : null;
    const auto: Auto = rule.source === 'events' ? autoItem(key, events, c.filed_on, asOf) : { met: false, evidence: [] };
    const evidence = [...auto.evidence];
    if (attestation) evidence.push({ text: `人工确认：${attestation.note}（${attestation.by}）`, onDate: attestation.attestedOn });
    else if (rule.source === 'attestation') evidence.push({ text: '尚未确认' });
    const via = auto.met ? 'events' : attestation ? 'attestation' : null;
    return { key, label: rule.label, basis: rule.basis, source: rule.source, attestable: rule.attestable, met: via !== null, via, evidence, attestation };
  });
  const missing = items.filter((i) => !i.met).map((i) => i.label);
  return { caseId, number: c.number, asOf, complete: missing.length === 0, items, missing };
}

/** Records (or withdraws) the clerk's attestation of one checklist item, with the event that proves who and when. */
export function attestItem(
  db: Db,
  actor: Actor,
  at: Date,
  input: { caseId: number; item: ChecklistItem; note?: string | undefined; attestedOn: string; withdraw?: boolean },
): void {
  db.tx(() => {
    assertOpen(db, input.caseId);
    const rule = CHECKLIST_RULES[input.item];
    if (!rule.attestable) throw new ApiError('invalid_input', `“${rule.label}”只能由系统根据案件记录判断，不能人工确认`, 'item');
    if (input.withdraw) {
      const r = db.run(db.q.deleteFrom('closure_attestations').where('case_id', '=', input.caseId).where('item', '=', input.item));
      if (r.changes === 0) throw new ApiError('not_found', `“${rule.label}”尚未确认，无需撤回`, 'item');
      appendEvent(db, actor, at, { caseId: input.caseId, type: 'closure.attestationWithdrawn', payload: { item: input.item } });
      return;
    }
    const note = input.note?.trim();
    if (!note) throw new ApiError('invalid_input', `确认“${rule.label}”须写明依据（如卷宗页码、笔录日期）`, 'note');
    const row = { case_id: input.caseId, item: input.item, note, attested_on: input.attestedOn, attested_at: at.toISOString(), attested_by: actor.name };
    db.run(db.q.insertInto('closure_attestations').values(row).onConflict((oc) => oc.columns(['case_id', 'item']).doUpdateSet({ note, attested_on: row.attested_on, attested_at: row.attested_at, attested_by: row.attested_by })));
    appendEvent(db, actor, at, { caseId: input.caseId, type: 'closure.attested', onDate: input.attestedOn, payload: { item: input.item, label: rule.label, note } });
  });
}
