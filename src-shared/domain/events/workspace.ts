import { z } from 'zod';
import { ATTACHMENT_TYPE_LIST } from '../attachments';
import { ZHONGBEN } from '../closure';
import { PERSON_CAPACITIES, WORK_RECORD_KINDS } from '../workRecords';
import { date, defineEvents, id, obj, text } from './define';

// The case page as a workspace: work records (笔录), notes, attachments, a team's request to move a
// case and its proposal of 终本 to the 终本 group (src-main/services/records, notes, attachments,
// transfers, closure/requests.ts). A 笔录's event is dated the day it was held (`onDate`), which the
// 终本 checklist reads for the applicant's interview.
const CLOSURE_BASIS = ['consent', 'panel'] as const;

export const workspaceEvents = defineEvents({
  'record.created': {
    label: '制作笔录',
    scope: 'case',
    payload: obj({
      recordId: id,
      kind: z.enum(WORK_RECORD_KINDS),
      heldOn: date,
      place: text,
      persons: z.array(obj({ name: text, capacity: z.enum(PERSON_CAPACITIES) })),
      applicantInterview: z.boolean(),
      correctsId: id.optional(),
    }),
  },
  'note.added': { label: '案件备注', scope: 'case', payload: obj({ noteId: id, text }) },
  'attachment.added': {
    label: '上传附件',
    scope: 'case',
    payload: obj({ attachmentId: id, name: text, type: z.enum(ATTACHMENT_TYPE_LIST as [string, ...string[]]), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  },
  'transfer.requested': {
    label: '申请移交案件',
    scope: 'case',
    payload: obj({ requestId: id, fromTeamId: text.nullable(), toTeamId: text.optional(), reason: text }),
  },
  'transfer.decided': {
    label: '审批移交申请',
    scope: 'case',
    payload: obj({ requestId: id, approved: z.boolean(), note: text.optional(), judgeId: id.optional(), teamId: text.nullable().optional() }),
  },
  'closure.requested': {
    label: '提交终本申请',
    scope: 'case',
    payload: obj({ requestId: id, mode: z.literal(ZHONGBEN), reason: text, basis: z.enum(CLOSURE_BASIS).optional() }),
  },
  'closure.requestDecided': {
    label: '审核终本申请',
    scope: 'case',
    payload: obj({ requestId: id, outcome: z.enum(['closed', 'returned']), reasons: z.array(text).optional(), note: text.optional() }),
  },
});
