// The Chinese names of the fields the app stores and checks: payload keys of the case events (the
// audit views), input fields named in error messages. Nothing on screen shows the code's key itself.

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  accountChanged: '账户已变更', accountName: '户名', accountNumber: '账号', action: '操作', actualFen: '实际金额（分）', address: '地址',
  amountFen: '金额（分）', answer: '答复', applicantInterview: '申请人初次接待', approved: '已批准', approvedById: '批准人', approver: '批准人',
  article: '条款', assetId: '财产', assigned: '已分配', attachmentId: '附件', balanceFen: '余额（分）', balanceReason: '余额说明', bank: '开户行',
  basis: '依据', batchId: '批次', batchNumber: '批次号', box: '卷盒', byAdmin: '由管理员操作', byRule: '按规则', bytes: '大小（字节）', capacity: '容量',
  cases: '案件', categories: '类别', centre: '指挥中心', changed: '变更', claimFen: '申请执行标的（分）', clerkId: '书记员', client: '客户端',
  complete: '已完成', complex: '复杂案件', controlBatchId: '控制批次', correctDueOn: '更正后的期限', correctionId: '更正记录', correctsId: '更正的记录',
  courtCode: '法院代字', courtName: '法院名称', date: '日期', days: '天数', debtorCount: '被执行人数', documentId: '文书', documentNumber: '文书编号', documents: '文书',
  dueOn: '期限', duplicateConfirmed: '已确认重复立案提示', emergency: '紧急', endsOn: '截止日期', entriesAfter: '之后条目数', entriesBefore: '之前条目数',
  entryId: '条目', expiresOn: '到期日', exportId: '导出记录', failures: '失败数', fields: '查看的字段', filedOn: '立案日期', files: '文件', findings: '发现',
  first: '首次', fit: '符合', followup: '后续', from: '从', fromHead: '起始哈希', fromMeasureId: '原措施', fromTeamId: '原团队', ground: '理由',
  hasPayoutAccount: '已登记收款账户', hash: '哈希', headHash: '末条哈希', headId: '末条编号', heldOn: '日期', importId: '导入记录', inquiryBatchId: '查询批次',
  item: '项目', joint: '连带责任', judgeId: '法官', keyId: '密钥', keys: '项目', kind: '种类', kindOther: '其他种类', label: '名称', leaveId: '请假记录',
  legacyHead: '旧末条', legacyRows: '旧记录数', liquidFen: '可执行金额（分）', listingId: '名单记录', listings: '名单记录', lockedUntil: '锁定至',
  measureId: '措施', method: '方式', missedReason: '逾期原因', mode: '方式', name: '名称', newCaseId: '新案件', newNumber: '新案号',
  nonLitigation: '非诉执行依据', note: '备注', noteId: '备注', nothingFound: '未发现财产', number: '案号', operationId: '操作', origin: '来源',
  outcome: '结果', outstandingFen: '未执行金额（分）', override: '人工改定', paidDirectlyFen: '直接支付金额（分）', partyId: '当事人', pass: '通过',
  payload: '内容', periodCode: '期间', permissionId: '授权', personId: '人员', persons: '人员', place: '地点', plannedOn: '计划日期', preserved: '保全',
  previous: '原值', previousKind: '原种类', printedNumber: '印制编号', problems: '问题', projection: '投影', proposedTrack: '建议繁简', publishedOn: '公告日期',
  reason: '理由', reasons: '理由', receiptIds: '收款记录', receipts: '收款记录', recipient: '受送达人', recordDocumentId: '笔录文书', recordId: '记录',
  recoveredFen: '执行到位金额（分）', referralId: '移送记录', requery: '复查', requeryBatchId: '复查批次', requestId: '申请', requestIds: '申请', requests: '申请事项',
  restrictionId: '限制记录', result: '结果', resumedFromId: '原案件', originalNumber: '原案号', reversal: '冲正', reversedKind: '被冲正种类', reversedLabel: '被冲正项目',
  reverses: '冲正的记录', reviewDueOn: '复查期限', roles: '角色', room: '房间', round: '轮次', rows: '行数', rule: '规则', rulingNumber: '裁定书号',
  ruling_number: '裁定书号', runId: '运行记录', safetyBackup: '安全备份', scanStatus: '扫描状态', schemaVersion: '数据版本', sessionId: '会话', sessionIds: '会话',
  settlement: '和解', shelf: '架位', simulated: '模拟', sizeBytes: '大小（字节）', source: '来源', status: '状态', supersedesId: '取代的记录', teamId: '团队',
  templateVersion: '模板版本', termDeleteBy: '删除期限', termEndsOn: '期限届满日', to: '到', toTeamId: '新团队', track: '繁简', trackingNumber: '邮件单号',
  type: '类型', unassigned: '未分配', unclaimedFrom: '无人认领起始', unidentifiedId: '未识别款项', unpaidFen: '未付金额（分）', until: '至', userId: '用户',
  username: '用户名', validUntil: '有效期至', version: '版本', violationId: '违规记录', wantedOn: '要求日期', years: '年数', displayName: '姓名', allCases: '可查看全部案件',
  active: '启用', closed_on: '结案日期', judgeName: '法官', amount: '金额', before: '修改前', after: '修改后',
  // Metric settings shown with a figure (metricSettings.ts).
  statisticalYear: '统计年度', mergeResumed: '恢复执行案件并入原案', actualClosureExcludes: '实际执结不含', recoveryExcludes: '执行到位率不含',
  limitDays: '法定期限（天）', limitDaysNonLitigation: '非诉执行期限（天）', limitDeductSuspensions: '期限扣除中止期间', propertyProxyExcludes: '有财产案件不含',
  avgDaysDeductSuspensions: '平均用时扣除中止期间', quotaJudges: '员额法官人数', courtStatCode: '统计代码', payoutDays: '发放期限（天）',
  calendar: '自然年', decNov: '上年12月至本年11月',
  // Input fields named in error messages.
  principalFen: '本金（分）', interestFen: '利息（分）', costsFen: '费用（分）', applicants: '申请执行人', debtors: '被执行人', title: '执行依据', claim: '执行标的',
  idNumber: '身份证号', creditCode: '统一社会信用代码', phone: '电话', legalRep: '法定代表人', effectiveOn: '生效日期', cause: '案由',
  limit: '每页条数', offset: '起始位置', page: '页码', pageSize: '每页条数', caseId: '案件', caseIds: '案件', query: '查询内容', password: '密码',
  adminPassword: '管理员密码', seed: '种子', fromYear: '起始年份', toYear: '结束年份', casesPerYear: '每年案件数', 'title.court': '作出法院', 'title.number': '执行依据文号', 'court.name': '法院名称', 'court.code': '法院代字',
  towns: '乡镇', teams: '团队', users: '用户', court: '本院（法院名称、法院代字）',
};

/** The Chinese name of a key, or of the last named key of a path such as `debtors.0.idNumber`. */
export function fieldLabel(keyOrPath: string): string | null {
  const parts = keyOrPath.split('.').filter((p) => !/^\d+$/u.test(p));
  for (let i = parts.length - 1; i >= 0; i--) {
    const l = (i > 0 ? FIELD_LABELS[`${parts[i - 1]}.${parts[i]}`] : undefined) ?? FIELD_LABELS[parts[i]!];
    if (l) return l;
  }
  return null;
}
