import { z } from 'zod';
import { seen } from '../caseVersions';
import { defineMethods } from '../contract';
import { id, isoDate, requiredText, shortText } from '../common';
import { masked } from '../masked';
import type { Role } from '../roles';
import { LIFT_GROUNDS, PERMISSION_KINDS, REMOVAL_GROUNDS, RESTRICTED_ROLES } from '../../domain/credit';

// Credit sanctions (desks.md §5): the dishonest list (失信规定 法释〔2017〕7号) and the consumption
// restriction (限高规定 法释〔2015〕17号). Listings, deletions, corrections, restrictions with their
// persons, permissions, violations and lifting; the national database's entry file; the figures.

/** The case teams and the notice desk act; 综合管理 supervises. */
export const CREDIT_ROLES: readonly Role[] = ['team', 'fastTrack', 'docsQuery', 'management'];

const correctionView = z.object({
  id: z.number().int(),
  listingId: z.number().int(),
  filedOn: z.string(),
  reason: z.string(),
  reviewDueOn: z.string(),
  decidedOn: z.string().nullable(),
  result: z.enum(['corrected', 'rejected']).nullable(),
  note: z.string().nullable(),
  correctDueOn: z.string().nullable(),
  correctedOn: z.string().nullable(),
});

export const listingView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  partyId: z.number().int(),
  debtor: z.string(),
  ground: z.number().int(),
  groundLabel: z.string(),
  facts: z.string(),
  origin: z.enum(['request', 'motion']),
  decidedOn: z.string(),
  signedBy: z.string(),
  termYears: z.number().int().nullable(),
  termEndsOn: z.string().nullable(),
  status: z.enum(['listed', 'removalDue', 'deleted']),
  termEnded: z.boolean(),
  removalGround: z.enum(REMOVAL_GROUNDS).nullable(),
  removalGroundLabel: z.string().nullable(),
  removalOn: z.string().nullable(),
  deletionDueOn: z.string().nullable(),
  deletedOn: z.string().nullable(),
  deletedOnTime: z.boolean().nullable(),
  documentId: z.number().int().nullable(),
  deletionDocumentId: z.number().int().nullable(),
  relistBlockedUntil: z.string().nullable(),
  corrections: z.array(correctionView),
});
export type ListingViewDto = z.infer<typeof listingView>;

export const restrictionView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  partyId: z.number().int(),
  debtor: z.string(),
  origin: z.enum(['request', 'motion', 'listing']),
  orderedOn: z.string(),
  signedBy: z.string(),
  status: z.enum(['active', 'liftDue', 'lifted']),
  liftGround: z.enum(LIFT_GROUNDS).nullable(),
  liftGroundOn: z.string().nullable(),
  liftDueOn: z.string().nullable(),
  liftedOn: z.string().nullable(),
  liftedOnTime: z.boolean().nullable(),
  liftNote: z.string().nullable(),
  orderDocumentId: z.number().int().nullable(),
  liftDocumentId: z.number().int().nullable(),
  persons: z.array(z.object({ id: z.number().int(), role: z.enum(RESTRICTED_ROLES), name: z.string(), idNumber: masked('idCode', z.string().nullable()) })),
  permissions: z.array(z.object({ id: z.number().int(), personId: z.number().int(), kind: z.enum(PERMISSION_KINDS), reason: z.string(), grantedOn: z.string(), validUntil: z.string().nullable() })),
  violations: z.array(z.object({ id: z.number().int(), personId: z.number().int(), reportedOn: z.string(), source: z.string(), what: z.string(), followup: z.enum(['none', 'fineRequested', 'detentionRequested']), followupOn: z.string().nullable() })),
});
export type RestrictionViewDto = z.infer<typeof restrictionView>;

export const caseCreditView = z.object({
  caseId: z.number().int(),
  caseNumber: z.string(),
  debtors: z.array(z.object({ id: z.number().int(), kind: z.enum(['person', 'org']), name: z.string(), legalRep: z.string().nullable(), listed: z.boolean(), restricted: z.boolean() })),
  listings: z.array(listingView),
  restrictions: z.array(restrictionView),
  restrictionMissing: z.array(z.string()),
  /** Applicants' requests to list (Art. 5, 15 days [P]). */
  listingRequests: z.array(z.object({ id: z.number().int(), partyId: z.number().int(), debtor: z.string(), ground: z.number().int(), reason: z.string(), requestedOn: z.string(), decideBy: z.string(), decidedOn: z.string().nullable(), result: z.enum(['listed', 'rejected']).nullable(), note: z.string().nullable() })),
  /** A reversed receipt undid the performance a deletion or a lifting rested on: re-listing offered. */
  relistFlags: z.array(z.object({ id: z.number().int(), kind: z.enum(['listing', 'restriction']), refId: z.number().int(), partyId: z.number().int(), debtor: z.string(), reversalEntryId: z.number().int(), flaggedOn: z.string(), resolvedOn: z.string().nullable(), resolution: z.enum(['relisted', 'dismissed']).nullable(), note: z.string().nullable() })),
});
export type CaseCreditViewDto = z.infer<typeof caseCreditView>;

const ground = z.number().int().min(1, '失信情形应为第一条第（一）至（六）项').max(6, '失信情形应为第一条第（一）至（六）项');
const listingInput = z.object({
  caseId: id,
  partyId: id,
  ground,
  facts: requiredText('失信行为的具体情形', 1000),
  origin: z.enum(['request', 'motion'], { error: '请选择依申请或依职权' }),
  requestedOn: isoDate.optional(),
  decidedOn: isoDate.optional(),
  extensionYears: z.number().int().min(0).max(3, '纳入期限可以延长一至三年').default(0),
  extensionReason: shortText(500).optional(),
  securityGiven: z.boolean({ error: '请确认被执行人是否已提供充分有效担保' }),
  laterInOrder: z.boolean({ error: '请确认被执行人是否履行顺序在后' }),
  /** The applicant's registered request this listing decides. */
  requestId: id.optional(),
});
const bar = z.object({ field: z.string(), reason: z.string() });

export const creditMethods = defineMethods({
  'credit.case': {
    summary: '案件的失信名单与限制消费：被执行人、纳入与删除、纠正申请、限制消费令及其被限制人、准许、举报与解除',
    input: z.object({ caseId: id }),
    output: caseCreditView,
    access: 'user',
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
  },
  'credit.register': {
    summary: '失信与限消台账：待删除、待纠正、期限届满、待解除的登记（或全部）',
    input: z.object({ pendingOnly: z.boolean().default(true), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.object({ listings: z.array(listingView), restrictions: z.array(restrictionView) }),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'credit.checkBars': {
    summary: '纳入失信名单前核对：未成年人、已提供担保、查封财产足以清偿、履行顺序在后、已履行、重复纳入、删除后六个月内再申请（不写入）',
    input: listingInput,
    output: z.object({ bars: z.array(bar) }),
    access: CREDIT_ROLES,
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found'],
  },
  'credit.list': {
    summary: '决定将被执行人纳入失信被执行人名单（核对禁止情形，院长签发纳入失信名单决定书，有期限的计算期限）',
    input: listingInput.extend({ seen }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
    versions: 'seen',
  },
  'credit.requestListing': {
    summary: '登记申请执行人纳入失信名单的申请（15日内审查决定）',
    input: z.object({ seen, caseId: id, partyId: id, ground, reason: requiredText('申请理由', 1000), requestedOn: isoDate }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
    versions: 'seen',
  },
  'credit.rejectListingRequest': {
    summary: '驳回纳入失信名单的申请（写明理由）',
    input: z.object({ seen, caseId: id, requestId: id, decidedOn: isoDate.optional(), reason: requiredText('驳回理由', 1000) }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'credit.dismissRelist': {
    summary: '到账冲正后的重新纳入提示：不予重新纳入（写明理由）',
    input: z.object({ seen, caseId: id, flagId: id, note: requiredText('不予重新纳入的理由', 500) }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'credit.requestRemoval': {
    summary: '申请执行人书面申请删除失信信息，本院同意：记录删除事由并开始3个工作日删除期限',
    input: z.object({ seen, listingId: id, requestedOn: isoDate, note: requiredText('申请及审查情况', 500) }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { listingId: 'creditListing' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'credit.delete': {
    summary: '删除失信信息并制作删除失信信息决定书（删除事由已记录，或纳入期限已届满）',
    input: z.object({ seen, listingId: id, ground: z.enum(REMOVAL_GROUNDS).optional(), deletedOn: isoDate.optional() }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { listingId: 'creditListing' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'credit.fileCorrection': {
    summary: '登记被执行人的纠正申请（15日内审查，审查期间不停止名单信息）',
    input: z.object({ seen, listingId: id, filedOn: isoDate, reason: requiredText('申请理由', 1000) }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { listingId: 'creditListing' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'credit.decideCorrection': {
    summary: '审查纠正申请：理由成立的3个工作日内纠正；不成立的驳回',
    input: z.object({ seen, correctionId: id, result: z.enum(['corrected', 'rejected'], { error: '请选择理由成立或驳回' }), decidedOn: isoDate.optional(), note: requiredText('审查意见', 1000) }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { correctionId: 'creditCorrection' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'credit.applyCorrection': {
    summary: '纠正：理由成立的纠正申请，失信信息应予删除（开始删除期限）',
    input: z.object({ seen, correctionId: id, correctedOn: isoDate.optional() }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { correctionId: 'creditCorrection' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'credit.exportEntries': {
    summary: '导出失信被执行人名单库录入数据（xlsx，含完整身份证号码，导出留痕）',
    input: z.object({ from: isoDate, to: isoDate }),
    output: z.unknown(),
    access: ['management'],
    cases: 'court',
    writes: true,
    versions: { exempt: '导出录入数据只记录导出行为，不改变任何案件' },
  },
  'credit.figures': {
    summary: '失信与限消指标：纳入、删除及按期删除、限制消费、解除及按期解除、违反限消举报',
    input: z.object({ from: isoDate, to: isoDate }),
    output: z.object({
      from: z.string(), to: z.string(), listed: z.number().int(), inForce: z.number().int(), deleted: z.number().int(), deletedOnTime: z.number().int(), deletionOverdue: z.number().int(),
      restricted: z.number().int(), lifted: z.number().int(), liftedOnTime: z.number().int(), liftOverdue: z.number().int(), violations: z.number().int(),
    }),
    access: 'user',
    cases: { narrows: 'rows' },
  },
  'credit.restrict': {
    summary: '限制消费：登记被限制人（单位的，连同法定代表人、主要负责人、直接责任人员、实际控制人），关联或制作限制消费令',
    input: z.object({
      seen,
      caseId: id,
      partyId: id,
      origin: z.enum(['request', 'motion', 'listing'], { error: '请选择依申请、依职权或因纳入失信名单' }),
      orderedOn: isoDate.optional(),
      persons: z.array(z.object({ role: z.enum(RESTRICTED_ROLES), name: shortText(50), idNumber: shortText(20).optional() })).max(5).default([]),
    }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
    versions: 'seen',
  },
  'credit.permit': {
    summary: '准许被限制人单次消费（就医、奔丧、赴考、以个人财产因私消费等），写明理由',
    input: z.object({ seen, restrictionId: id, personId: id, kind: z.enum(PERMISSION_KINDS, { error: '请选择准许事项' }), reason: requiredText('准许理由', 500), grantedOn: isoDate.optional(), validUntil: isoDate.optional() }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { restrictionId: 'restriction' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'credit.reportViolation': {
    summary: '登记违反限制消费令的举报（来源、行为）',
    input: z.object({ seen, restrictionId: id, personId: id, reportedOn: isoDate.optional(), source: requiredText('举报来源', 100), what: requiredText('违反限制消费的行为', 1000) }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { restrictionId: 'restriction' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'credit.followUpViolation': {
    summary: '查证属实的违反限制消费行为：提请罚款或拘留（同一行为只提请一次）',
    input: z.object({ seen, violationId: id, followup: z.enum(['fineRequested', 'detentionRequested'], { error: '请选择提请罚款或拘留' }) }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { violationId: 'restrictionViolation' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
  'credit.lift': {
    summary: '解除限制消费并制作解除限制消费令（履行完毕应当解除；提供担保或申请执行人同意可以解除）',
    input: z.object({ seen, restrictionId: id, ground: z.enum(LIFT_GROUNDS).optional(), liftedOn: isoDate.optional(), note: shortText(500).optional() }),
    output: caseCreditView,
    access: CREDIT_ROLES,
    cases: { ids: { restrictionId: 'restriction' } },
    errors: ['not_found', 'conflict'],
    writes: true,
    versions: 'seen',
  },
});
