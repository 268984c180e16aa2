// The catalogue of case events. Every change to a case is one event (全程留痕); deadlines and
// metrics are computed from them. `node` names the process node of the national case-flow system
// the event corresponds to (metrics.md §4), so reports can be mapped onto it.
export interface EventTypeInfo {
  label: string;
  node?: string;
}

export const EVENT_TYPES: Record<string, EventTypeInfo> = {
  'case.filed': { label: '立案', node: '立案审查' },
  'case.migrated': { label: '迁移旧案', node: '立案审查' },
  'case.interviewed': { label: '初次接待笔录', node: '立案审查' },
  'case.stageChanged': { label: '流转' },
  'settings.changed': { label: '修改设置' },
  'user.created': { label: '新建用户' },
  'system.setup': { label: '首次设置' },
  // Each later domain adds its own section below (documents, inquiries, measures, ledger, triage,
  // assignment, closure, archive, ...).
  // documents (issue 3): one event per generated document and per service record.
  'document.generated': { label: '制作文书', node: '执行文书' },
  'document.mailed': { label: '文书交邮' },
  'document.served': { label: '文书送达', node: '发出执行通知' },
  // the documents' data: the title recorded, the signing officers, the case account, the wording.
  'case.titleRecorded': { label: '补录执行依据' },
  'case.officersSet': { label: '指定承办法官与书记员' },
  'caseAccount.set': { label: '登记案款账户（一案一账号）' },
  'template.saved': { label: '修改文书模板措辞' },
  // inquiries, measures, ledger (issue 4). `inquiry.requested` carries `first: true` on a case's first
  // query (node 首次网络查控); `measure.applied` carries `action`, whose node is MEASURE_NODES[action]
  // (冻结/查封/划拨, src-shared/domain/assets.ts) — the node below is the freeze default.
  'inquiry.requested': { label: '发起网络查控', node: '首次网络查控' },
  'inquiry.feedback': { label: '查控反馈', node: '网络查控次数' },
  'measure.applied': { label: '采取控制措施', node: '冻结' },
  'measure.result': { label: '控制措施结果' },
  'measure.renewed': { label: '续行冻结/查封' },
  'measure.released': { label: '解除控制措施' },
  'ledger.receipt': { label: '案款到账' },
  'ledger.fee': { label: '结算执行费' },
  'ledger.payout': { label: '案款发放', node: '完成款物支付' },
  'ledger.deferral': { label: '暂缓发放案款' },
  'ledger.refund': { label: '退还案款' },
  'ledger.reversal': { label: '冲正' },
  'ledger.unidentified': { label: '登记不明款' },
  // triage, assignment, suspensions, calendar, deadlines (issue 5)
  'triage.proposed': { label: '繁简分流建议' },
  'triage.decided': { label: '繁简分流', node: '有财产进入程序' },
  'triage.sentBack': { label: '退回繁简分流' },
  'case.assigned': { label: '分案', node: '分案' },
  'case.reassigned': { label: '改分案件', node: '分案' },
  'case.suspended': { label: '暂停计算期限（公告、中止、暂缓等）' },
  'case.unsuspended': { label: '恢复计算期限' },
  'assignment.run': { label: '分案批次' },
  'calendar.changed': { label: '修改工作日历' },
  // security, audit and backups (issue 7)
  'user.updated': { label: '修改用户' },
  'user.passwordSet': { label: '设置密码' },
  'user.locked': { label: '账号因密码错误被锁定' },
  'auth.login': { label: '登录' },
  'auth.logout': { label: '注销' },
  'case.revealed': { label: '查看敏感信息' },
  'backup.created': { label: '备份数据库' },
  'backup.restored': { label: '从备份恢复' },
  'audit.keyed': { label: '启用审计密钥（此后的记录以密钥签名）' },
  'audit.sealed': { label: '生成审计封存单' },
  // closure, the 终本 archive and resumption (issue 6)
  'closure.attested': { label: '确认终本核查事项' },
  'closure.attestationWithdrawn': { label: '撤回终本核查确认' },
  'case.closed': { label: '结案', node: '结案' },
  'case.closureCorrected': { label: '更正结案信息' },
  'archive.fileUpdated': { label: '登记终本卷宗位置/扫描', node: '归档' },
  'archive.requeryRequested': { label: '终本案件发起复查' },
  'archive.requeried': { label: '终本复查结果告知', node: '终本网络查询次数' },
  'archive.reviewed': { label: '终本案件质量评查' },
  'case.resumed': { label: '恢复执行', node: '恢复执行' },
  // the case page as a workspace: work records, notes, attachments, a team's requests to move a case
  // and to close it as 终本 (services/records, notes, attachments, transfers, closure/requests.ts).
  'record.created': { label: '制作笔录' },
  'note.added': { label: '案件备注' },
  'attachment.added': { label: '上传附件' },
  'transfer.requested': { label: '申请移交案件' },
  'transfer.decided': { label: '审批移交申请' },
  'closure.requested': { label: '提交终本申请' },
  'closure.requestDecided': { label: '审核终本申请' },
  // metrics, reports and city level (issue 8): no case events; the exports and imports are logged.
  'report.exported': { label: '质效月报上报导出' },
  'city.imported': { label: '导入基层法院上报文件' },
  'metrics.factsRebuilt': { label: '从事件日志重建指标事实表' },
};

export function eventLabel(type: string): string {
  return EVENT_TYPES[type]?.label ?? type;
}
