import { z } from 'zod';
import { TRACKS } from '../triage';
import { defineEvents, fen, id, obj, text } from './define';

// Triage (繁简分流) and assignment to the tribunal teams (分案).
const teamId = text.nullable();
const judgeId = id.nullable();

export const triageEvents = defineEvents({
  'triage.proposed': {
    label: '繁简分流建议',
    scope: 'case',
    payload: obj({ track: z.enum(TRACKS), rule: text, reason: text, outstandingFen: fen, liquidFen: fen }),
  },
  'triage.decided': {
    label: '繁简分流',
    node: '有财产进入程序',
    scope: 'case',
    payload: obj({ track: z.enum(TRACKS), reason: text, override: z.boolean(), rule: text, proposedTrack: z.enum(TRACKS) }),
  },
  'triage.sentBack': { label: '退回繁简分流', scope: 'case', payload: obj({ reason: text, fromTeamId: teamId, fromJudgeId: judgeId }) },
  'case.assigned': { label: '分案', node: '分案', scope: 'case', payload: obj({ teamId, judgeId, runId: id, rule: text }) },
  // A reassignment by a run names the run and the team it came from; one recorded by hand may not.
  'case.reassigned': {
    label: '改分案件',
    node: '分案',
    scope: 'case',
    payload: obj({ teamId, judgeId, runId: id.optional(), rule: text.optional(), fromTeamId: teamId.optional(), fromJudgeId: judgeId.optional(), reason: text.nullable().optional() }),
  },
  'assignment.run': {
    label: '分案批次',
    scope: 'court',
    payload: obj({
      runId: id,
      kind: z.enum(['distribution', 'reassignment', 'fastTrack']),
      cases: z.number().int(),
      assigned: z.number().int(),
      unassigned: z.number().int(),
      byRule: z.record(z.string(), z.number().int()),
    }),
  },
});
