import { ApiError, invalid } from '../../../src-shared/api/errors';
import { addCalendarDays } from '../../../src-shared/domain/chineseDate';
import { appendEvent } from '../../events/log';
import { assertOpen } from '../cases/stage';
import { withDocument } from './documents';
import type { Env } from './measures';

// Referral of a debtor to the police for the crime of refusing to enforce (拒不执行判决、裁定罪,
// 刑法 Art. 313; 法释〔2024〕13号): the referral letter (案件移送函) with the account of enforcement
// and the evidence list — identity, the duty, the ability to pay, the refusal and its consequences
// (法发〔2025〕8号 [P]). The police decide within 7 days, 30 when complex (clocks policeDecision*);
// with no answer within 60 days, or a refusal, the applicant may prosecute privately
// (法〔2018〕147号; 法释〔2024〕13号 Art. 14).

/** Days after which an unanswered referral opens the private-prosecution route (法〔2018〕147号). */
export const NO_ANSWER_DAYS = 60;

export interface ReferInput {
  caseId: number;
  personName: string;
  police: string;
  complex: boolean;
  facts: string;
  evidence: string[];
}

export async function refer(env: Env, input: ReferInput): Promise<number> {
  const { db } = env;
  assertOpen(db, input.caseId);
  if (input.evidence.length === 0) throw invalid('evidence', '请列明移送的证据材料（身份、履行义务、履行能力、拒不执行及其后果）');
  const doc = { caseId: input.caseId, kind: '案件移送函', extra: { personName: input.personName, police: input.police, facts: input.facts, evidence: input.evidence } };
  return withDocument(db, env.dataDir, env.actor, env.at, env.today, doc, (documentId) => {
    const referralId = db.run(
      db.q.insertInto('coercion_referrals').values({
        case_id: input.caseId, person_name: input.personName, police: input.police, sent_on: env.today, complex: input.complex ? 1 : 0,
        facts: input.facts, evidence: JSON.stringify(input.evidence), answered_on: null, answer: null, answer_note: null, private_on: null, private_number: null,
        document_id: documentId, created_at: env.at.toISOString(), created_by: env.actor.name,
      }),
    ).lastInsertRowid;
    appendEvent(db, env.actor, env.at, { caseId: input.caseId, type: 'coercion.referred', payload: { referralId, complex: input.complex, documentId } });
    return referralId;
  });
}

function referralRow(env: Env, id: number) {
  const r = env.db.get(env.db.q.selectFrom('coercion_referrals').selectAll().where('id', '=', id));
  if (!r) throw new ApiError('not_found', `移送记录不存在（编号 ${id}）`, 'referralId');
  return r;
}

export function recordPoliceAnswer(env: Env, input: { referralId: number; answer: 'filed' | 'refused'; answeredOn: string; note?: string | undefined }): void {
  const { db } = env;
  db.tx(() => {
    const r = referralRow(env, input.referralId);
    if (r.answer) throw new ApiError('conflict', '已登记公安机关答复', 'referralId');
    if (input.answeredOn < r.sent_on || input.answeredOn > env.today) throw invalid('answeredOn', `答复日期应在移送之日（${r.sent_on}）至今天之间`);
    db.run(db.q.updateTable('coercion_referrals').set({ answer: input.answer, answered_on: input.answeredOn, answer_note: input.note ?? null }).where('id', '=', r.id));
    appendEvent(db, env.actor, env.at, { caseId: r.case_id, type: 'coercion.policeAnswered', onDate: input.answeredOn, payload: { referralId: r.id, answer: input.answer } });
  });
}

/**
 * The applicant is told he may prosecute privately: only when the police refused the case, or did
 * not answer in writing within 60 days of the referral (法〔2018〕147号).
 */
export function recordPrivateProsecution(env: Env, input: { referralId: number; number?: string | undefined }): void {
  const { db } = env;
  db.tx(() => {
    const r = referralRow(env, input.referralId);
    if (r.private_on) throw new ApiError('conflict', '已登记自诉', 'referralId');
    const opensOn = addCalendarDays(r.sent_on, NO_ANSWER_DAYS);
    if (r.answer === 'filed') throw invalid('referralId', '公安机关已立案侦查，不适用自诉');
    if (r.answer !== 'refused' && env.today <= opensOn) {
      throw invalid('referralId', `公安机关不予接受或者移送之日起60日内未书面答复的，方可告知申请执行人提起自诉（${opensOn}后）`);
    }
    db.run(db.q.updateTable('coercion_referrals').set({ private_on: env.today, private_number: input.number ?? null }).where('id', '=', r.id));
    appendEvent(db, env.actor, env.at, { caseId: r.case_id, type: 'coercion.privateProsecution', payload: { referralId: r.id, ...(input.number ? { number: input.number } : {}) } });
  });
}
