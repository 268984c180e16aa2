import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { proposeTrack, TRACK_LABELS, type Track, type TriageProposal } from '../../../src-shared/domain/triage';
import { appendEvent, type Actor } from '../../events/log';
import { getCaseRow } from '../cases/queries';
import { setStage } from '../cases/stage';
import { getSettings } from '../settings/settings';
import { assignFastTrack } from '../assignment/fastTrack';
import { triageFacts } from './facts';

// 繁简分流: proposals from the rules (settings.triage), confirmed in bulk or overridden one by one
// with a reason. Simple cases go to the fast-track team, complex ones wait for the distribution run.

export interface ProposalRow extends TriageProposal {
  caseId: number;
  number: string;
  applicants: string;
  debtors: string;
  claimFen: number;
  outstandingFen: number;
  liquidFen: number;
  saleAssets: string[];
  proposedAt: string;
}

/** Proposes a track for each case waiting in triage (or the given ones); records a new proposal only when it changed. */
export function proposeTriage(db: Db, actor: Actor, at: Date, caseIds?: number[]): ProposalRow[] {
  return db.tx(() => {
    const settings = getSettings(db).triage;
    const ids =
      caseIds ??
      db.all(db.q.selectFrom('cases').select('id').where('stage', '=', 'triage').orderBy('filed_on').orderBy('id')).map((r) => r.id);
    const out: ProposalRow[] = [];
    ids.forEach((caseId, i) => {
      const c = db.get(db.q.selectFrom('cases').selectAll().where('id', '=', caseId));
      if (!c) throw new ApiError('not_found', `案件不存在（编号 ${caseId}）`, `caseIds.${i}`);
      if (c.stage !== 'triage') throw new ApiError('conflict', `案件 ${c.number} 不在待分流环节（当前：${c.stage}）`, `caseIds.${i}`);
      const facts = triageFacts(db, caseId, settings);
      const p = proposeTrack(facts, settings);
      const prev = db.get(db.q.selectFrom('triage_proposals').selectAll().where('case_id', '=', caseId));
      const factsJson = JSON.stringify(facts);
      let proposedAt = prev?.proposed_at ?? at.toISOString();
      if (!prev || prev.track !== p.track || prev.rule !== p.rule || prev.reason !== p.reason) {
        proposedAt = at.toISOString();
        const row = { track: p.track, rule: p.rule, reason: p.reason, facts: factsJson, proposed_at: proposedAt, proposed_by: actor.name };
        db.run(db.q.insertInto('triage_proposals').values({ case_id: caseId, ...row }).onConflict((oc) => oc.column('case_id').doUpdateSet(row)));
        appendEvent(db, actor, at, { caseId, type: 'triage.proposed', payload: { track: p.track, rule: p.rule, reason: p.reason, outstandingFen: facts.outstandingFen, liquidFen: facts.liquidControlledFen } });
      }
      out.push({
        ...p,
        caseId,
        number: c.number,
        applicants: c.applicant_names,
        debtors: c.debtor_names,
        claimFen: c.claim_fen,
        outstandingFen: facts.outstandingFen,
        liquidFen: facts.liquidControlledFen,
        saleAssets: facts.saleAssets.map((a) => a.label),
        proposedAt,
      });
    });
    return out;
  });
}

export interface ConfirmItem {
  caseId: number;
  /** Omitted = accept the proposal. */
  track?: Track | undefined;
  reason?: string | undefined;
}

export interface ConfirmResult {
  caseId: number;
  number: string;
  track: Track;
  override: boolean;
  stage: string;
  teamId: string | null;
  judgeId: number | null;
}

/** Decides the track of each case in one transaction: all of the list or none of it. */
export function confirmTriage(db: Db, actor: Actor, at: Date, items: ConfirmItem[]): ConfirmResult[] {
  return db.tx(() => {
    const seen = new Set<number>();
    const decided: { item: ConfirmItem; track: Track; override: boolean; reason: string; rule: string; proposed: Track }[] = [];
    items.forEach((item, i) => {
      if (seen.has(item.caseId)) throw invalid(`items.${i}.caseId`, '同一案件在列表中出现了两次');
      seen.add(item.caseId);
      const c = getCaseRow(db, item.caseId);
      if (c.stage !== 'triage') throw new ApiError('conflict', `案件 ${c.number} 不在待分流环节，不能确认分流`, `items.${i}.caseId`);
      const prop = db.get(db.q.selectFrom('triage_proposals').selectAll().where('case_id', '=', item.caseId));
      if (!prop && !item.track) throw invalid(`items.${i}.track`, `案件 ${c.number} 还没有分流建议，请先生成建议或直接选择繁简`);
      const track = item.track ?? prop!.track;
      const override = !!prop && track !== prop.track;
      const reason = item.reason?.trim() ?? '';
      if ((override || !prop) && reason.length < 2) {
        throw invalid(`items.${i}.reason`, `案件 ${c.number} 改为${TRACK_LABELS[track]}，须填写理由`);
      }
      decided.push({ item, track, override: override || !prop, reason: override || !prop ? reason : prop!.reason, rule: prop?.rule ?? 'manual', proposed: prop?.track ?? track });
    });
    const simple = decided.filter((d) => d.track === 'simple').map((d) => d.item.caseId);
    for (const d of decided) {
      appendEvent(db, actor, at, {
        caseId: d.item.caseId,
        type: 'triage.decided',
        payload: { track: d.track, reason: d.reason, override: d.override, rule: d.rule, proposedTrack: d.proposed },
      });
      if (d.track === 'complex') setStage(db, actor, at, d.item.caseId, 'assignment', '繁简分流：繁案，待分案');
    }
    if (simple.length > 0) assignFastTrack(db, actor, at, simple);
    return decided.map((d) => {
      const c = getCaseRow(db, d.item.caseId);
      return { caseId: c.id, number: c.number, track: d.track, override: d.override, stage: c.stage, teamId: c.team_id, judgeId: c.judge_id };
    });
  });
}
