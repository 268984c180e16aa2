import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { validateIdNumber } from '../../../src-shared/domain/idNumber';
import { addWorkingDays } from '../../../src-shared/domain/workingDays';
import { ruleAmount } from '../../../src-shared/domain/deadlineRules';
import { RESTRICTED_ROLE_LABELS, type LiftGround, type PermissionKind, type RestrictedRole, type ViolationFollowup } from '../../../src-shared/domain/credit';
import { appendEvent, type Actor } from '../../events/log';
import { loadCalendar } from '../calendar/calendar';
import { getCaseRow } from '../cases/queries';
import { assertOpen } from '../cases/stage';
import { getSettings } from '../settings/settings';
import { resolveRelistFlags } from './requests';

// The consumption restriction (《最高人民法院关于限制被执行人高消费及有关消费的若干规定》法释〔2015〕17号):
// the order and the persons it binds (Art. 3 para. 2: an organisation and its legal representative,
// principal person, person directly responsible and actual controller), single permissions for
// necessary spending (Art. 8), violation reports (Arts. 10–11: refusal to perform, fined or
// detained — the detention desk decides those; here the report is recorded and the request made),
// and lifting (Art. 9: may on security or the applicant's consent; must on full performance).
// The 限制消费令 itself is the 2015 form the documents engine prints (templates/consumptionBan.ts).

export interface PersonInput {
  role: RestrictedRole;
  name: string;
  idNumber?: string | undefined;
}

export interface RestrictInput {
  caseId: number;
  partyId: number;
  origin: 'request' | 'motion' | 'listing';
  orderedOn: string;
  /** For an organisation: the natural persons of Art. 3 para. 2 (the legal representative at least). */
  persons: PersonInput[];
}

interface Party { id: number; role: string; kind: string; name: string; id_number: string | null; credit_code: string | null; legal_rep: string | null }

function debtorOf(db: Db, caseId: number, partyId: number): Party {
  const p = db.raw<Party>('SELECT id, role, kind, name, id_number, credit_code, legal_rep FROM parties WHERE id = ? AND case_id = ?', partyId, caseId)[0];
  if (!p || p.role !== 'debtor') throw new ApiError('not_found', '本案没有该被执行人', 'partyId');
  return p;
}

/** The persons an order binds: the debtor, and for an organisation the named natural persons (Art. 3 para. 2). */
export function restrictedPersons(debtor: Party, persons: PersonInput[], today: string): { role: RestrictedRole; name: string; idNumber: string | null }[] {
  const out: { role: RestrictedRole; name: string; idNumber: string | null }[] = [{ role: 'debtor', name: debtor.name, idNumber: debtor.kind === 'person' ? debtor.id_number : debtor.credit_code }];
  if (debtor.kind === 'person') {
    if (persons.some((p) => p.role !== 'debtor')) throw invalid('persons', '被执行人为自然人的，限制消费的对象为其本人（第三条第一款）');
    return out;
  }
  const named = persons.filter((p) => p.role !== 'debtor');
  if (!named.some((p) => p.role === 'legalRep')) throw invalid('persons', '被执行人为单位的，须列明其法定代表人（第三条第二款）');
  if (named.length > 4) throw invalid('persons', '单位的法定代表人、主要负责人、直接责任人员、实际控制人至多四人（第三条第二款）');
  named.forEach((p, i) => {
    const name = p.name.trim();
    if (!name) throw invalid(`persons.${i}.name`, `请填写${RESTRICTED_ROLE_LABELS[p.role]}的姓名`);
    let idNumber: string | null = null;
    if (p.idNumber?.trim()) {
      const v = validateIdNumber(p.idNumber.trim(), today);
      if (!v.ok) throw invalid(`persons.${i}.idNumber`, `${RESTRICTED_ROLE_LABELS[p.role]}的身份证号码无效：${v.reason}`);
      idNumber = v.value;
    }
    out.push({ role: p.role, name, idNumber });
  });
  return out;
}

export function restrictDebtor(db: Db, actor: Actor, at: Date, today: string, input: RestrictInput, documentOf?: () => { documentId: number; number: string } | null): number {
  if (input.orderedOn > today) throw invalid('orderedOn', `决定日期 ${input.orderedOn} 晚于今天`);
  const president = getSettings(db).courtPresident.trim();
  if (!president) throw invalid('orderedOn', '设置中未填写院长姓名：限制消费令由院长签发（第五条）');
  return db.tx(() => {
    assertOpen(db, input.caseId);
    const debtor = debtorOf(db, input.caseId, input.partyId);
    const current = db.raw<{ id: number }>(`SELECT id FROM consumption_restrictions WHERE case_id = ? AND party_id = ? AND status != 'lifted'`, input.caseId, input.partyId)[0];
    if (current) throw new ApiError('conflict', `${debtor.name}已被限制消费（登记 ${current.id}）`, 'partyId');
    const c = getCaseRow(db, input.caseId);
    const persons = restrictedPersons(debtor, input.persons, today);
    const id = Number(
      db.rawRun(
        `INSERT INTO consumption_restrictions (case_id, party_id, origin, ordered_on, signed_by, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, 'active', ?, ?)`,
        c.id, debtor.id, input.origin, input.orderedOn, president, at.toISOString(), actor.name,
      ).lastInsertRowid,
    );
    for (const p of persons) db.rawRun('INSERT INTO restricted_persons (restriction_id, role, name, id_number) VALUES (?, ?, ?, ?)', id, p.role, p.name, p.idNumber);
    // The order: the case's current 限制消费令 when the notice batch already printed one, else the caller's new one.
    const existing = db.raw<{ id: number; number: string }>(`SELECT id, number FROM documents WHERE case_id = ? AND kind = '限制消费令' AND status = 'current' ORDER BY id DESC LIMIT 1`, c.id)[0];
    const doc = existing ? { documentId: existing.id, number: existing.number } : (documentOf?.() ?? null);
    if (doc) db.rawRun('UPDATE consumption_restrictions SET order_document_id = ? WHERE id = ?', doc.documentId, id);
    appendEvent(db, actor, at, {
      caseId: c.id,
      type: 'restriction.ordered',
      onDate: input.orderedOn,
      payload: { restrictionId: id, partyId: debtor.id, persons: persons.length, origin: input.origin, ...(doc ? { documentId: doc.documentId, documentNumber: doc.number } : {}) },
    });
    resolveRelistFlags(db, actor, at, c.id, debtor.id, 'restriction', input.orderedOn);
    return id;
  });
}

export interface RestrictionRow {
  id: number;
  case_id: number;
  party_id: number;
  status: 'active' | 'liftDue' | 'lifted';
  lift_ground: string | null;
  lift_ground_on: string | null;
  lift_due_on: string | null;
  ordered_on: string;
}

export function getRestriction(db: Db, id: number): RestrictionRow {
  const r = db.raw<RestrictionRow>('SELECT * FROM consumption_restrictions WHERE id = ?', id)[0];
  if (!r) throw new ApiError('not_found', `限制消费登记不存在（编号 ${id}）`, 'restrictionId');
  return r;
}

function personOf(db: Db, restrictionId: number, personId: number): { id: number; name: string } {
  const p = db.raw<{ id: number; name: string }>('SELECT id, name FROM restricted_persons WHERE id = ? AND restriction_id = ?', personId, restrictionId)[0];
  if (!p) throw new ApiError('not_found', '该限制消费令没有这名被限制人', 'personId');
  return p;
}

/** A single permission for necessary spending (2015 rules Art. 8; Art. 3 para. 2 for private spending from one's own money). */
export function permitSpending(db: Db, actor: Actor, at: Date, today: string, input: { restrictionId: number; personId: number; kind: PermissionKind; reason: string; grantedOn: string; validUntil?: string | undefined }): number {
  if (input.grantedOn > today) throw invalid('grantedOn', `准许日期 ${input.grantedOn} 晚于今天`);
  if (input.validUntil && input.validUntil < input.grantedOn) throw invalid('validUntil', '有效期不能早于准许日期');
  return db.tx(() => {
    const r = getRestriction(db, input.restrictionId);
    if (r.status === 'lifted') throw new ApiError('conflict', '限制消费已解除，无需准许', 'restrictionId');
    personOf(db, r.id, input.personId);
    const id = Number(
      db.rawRun(
        'INSERT INTO restriction_permissions (restriction_id, person_id, kind, reason, granted_on, valid_until, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        r.id, input.personId, input.kind, input.reason.trim(), input.grantedOn, input.validUntil ?? null, at.toISOString(), actor.name,
      ).lastInsertRowid,
    );
    appendEvent(db, actor, at, { caseId: r.case_id, type: 'restriction.permitted', onDate: input.grantedOn, payload: { restrictionId: r.id, permissionId: id, personId: input.personId, kind: input.kind, ...(input.validUntil ? { validUntil: input.validUntil } : {}) } });
    return id;
  });
}

/** A report that a restricted person spent in breach (2015 rules Art. 10: the court's hotline and mailbox). */
export function reportViolation(db: Db, actor: Actor, at: Date, today: string, input: { restrictionId: number; personId: number; reportedOn: string; source: string; what: string }): number {
  if (input.reportedOn > today) throw invalid('reportedOn', `举报日期 ${input.reportedOn} 晚于今天`);
  return db.tx(() => {
    const r = getRestriction(db, input.restrictionId);
    personOf(db, r.id, input.personId);
    if (input.reportedOn < r.ordered_on) throw invalid('reportedOn', `举报的行为早于限制消费令（${r.ordered_on}）`);
    const id = Number(
      db.rawRun(
        `INSERT INTO restriction_violations (restriction_id, person_id, reported_on, source, what, followup, created_at, created_by) VALUES (?, ?, ?, ?, ?, 'none', ?, ?)`,
        r.id, input.personId, input.reportedOn, input.source.trim(), input.what.trim(), at.toISOString(), actor.name,
      ).lastInsertRowid,
    );
    appendEvent(db, actor, at, { caseId: r.case_id, type: 'restriction.violationReported', onDate: input.reportedOn, payload: { restrictionId: r.id, violationId: id, personId: input.personId, source: input.source.trim() } });
    return id;
  });
}

/**
 * Verified: the breach counts as refusal to perform (2015 rules Art. 11; 民诉法解释 Art. 188(3)) and the
 * officer asks for a fine or detention. The decision is the compulsory-measures desk's; this records the request.
 */
export function followUpViolation(db: Db, actor: Actor, at: Date, today: string, input: { violationId: number; followup: Exclude<ViolationFollowup, 'none'> }): void {
  db.tx(() => {
    const v = db.raw<{ id: number; restriction_id: number; followup: string }>('SELECT id, restriction_id, followup FROM restriction_violations WHERE id = ?', input.violationId)[0];
    if (!v) throw new ApiError('not_found', `违反限制消费举报不存在（编号 ${input.violationId}）`, 'violationId');
    if (v.followup !== 'none') throw new ApiError('conflict', '该举报已提请处理：同一行为不得重复处罚', 'violationId');
    const r = getRestriction(db, v.restriction_id);
    db.rawRun('UPDATE restriction_violations SET followup = ?, followup_on = ? WHERE id = ?', input.followup, today, v.id);
    appendEvent(db, actor, at, { caseId: r.case_id, type: 'restriction.violationFollowedUp', payload: { violationId: v.id, followup: input.followup } });
  });
}

/** Working days to lift in after full performance: the court's rule restrictionLift (Art. 9 says 及时; default 3 [U]). */
function liftDays(db: Db): number {
  return ruleAmount(getSettings(db).deadlineRules, 'restrictionLift').amount;
}

/** Records that the case's restrictions must be lifted (Art. 9: full performance) and starts their clocks. Inside the caller's transaction. */
export function markLiftDue(db: Db, actor: Actor, at: Date, caseId: number, ground: LiftGround, source: 'ledger' | 'closure' | 'request', onDate: string): number[] {
  const rows = db.raw<{ id: number }>(`SELECT id FROM consumption_restrictions WHERE case_id = ? AND status = 'active' ORDER BY id`, caseId);
  if (rows.length === 0) return [];
  const dueOn = addWorkingDays(onDate, liftDays(db), loadCalendar(db));
  for (const r of rows) {
    db.rawRun(`UPDATE consumption_restrictions SET status = 'liftDue', lift_ground = ?, lift_ground_on = ?, lift_due_on = ? WHERE id = ?`, ground, onDate, dueOn, r.id);
    appendEvent(db, actor, at, { caseId, type: 'restriction.liftDue', onDate, payload: { restrictionId: r.id, ground, dueOn, source } });
  }
  return rows.map((r) => r.id);
}

/** Lifts an order: on the recorded ground (performance), or now on security or consent (Art. 9). */
export function liftRestriction(
  db: Db, actor: Actor, at: Date, today: string,
  input: { restrictionId: number; ground?: LiftGround | undefined; liftedOn: string; note?: string | undefined },
  documentOf?: (restrictionId: number, ground: LiftGround) => { documentId: number; number: string } | null,
): void {
  if (input.liftedOn > today) throw invalid('liftedOn', `解除日期 ${input.liftedOn} 晚于今天`);
  db.tx(() => {
    const r = getRestriction(db, input.restrictionId);
    if (r.status === 'lifted') throw new ApiError('conflict', '该限制消费已解除', 'restrictionId');
    let ground: LiftGround;
    if (r.status === 'liftDue') ground = r.lift_ground as LiftGround;
    else {
      if (!input.ground) throw invalid('ground', '请选择解除事由：提供确实有效的担保、申请执行人同意或已履行完毕（第九条）');
      if ((input.ground === 'security' || input.ground === 'consent') && !input.note?.trim()) throw invalid('note', input.ground === 'security' ? '请写明担保的内容（担保人、担保财产）' : '请写明申请执行人同意解除的书面材料');
      ground = input.ground;
    }
    if (input.liftedOn < r.ordered_on) throw invalid('liftedOn', `解除日期早于限制消费日期（${r.ordered_on}）`);
    const doc = documentOf?.(r.id, ground) ?? null;
    db.rawRun(
      `UPDATE consumption_restrictions SET status = 'lifted', lift_ground = ?, lift_ground_on = COALESCE(lift_ground_on, ?), lifted_on = ?, lift_note = ?, lift_document_id = ? WHERE id = ?`,
      ground, input.liftedOn, input.liftedOn, input.note?.trim() || null, doc?.documentId ?? null, r.id,
    );
    appendEvent(db, actor, at, {
      caseId: r.case_id,
      type: 'restriction.lifted',
      onDate: input.liftedOn,
      payload: { restrictionId: r.id, ground, ...(r.lift_due_on ? { dueOn: r.lift_due_on } : {}), ...(doc ? { documentId: doc.documentId, documentNumber: doc.number } : {}) },
    });
  });
}
