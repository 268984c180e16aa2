import { api } from '../../api/client';
import type { CaseTabProps } from '../../caseTabs';
import { AuditEvents } from '../audit/AuditEvents';

/** 审计: every recorded act on the case with actor, time, workstation and before/after (audit.forCase). */
export function AuditTab({ c }: CaseTabProps) {
  return (
    <div data-testid="case-audit">
      <p className="muted">操作记录按时间先后排列，由系统自动记录，不能修改或删除；查看敏感信息也会记录在内。</p>
      <AuditEvents fetchPage={(offset, limit) => api.call('audit.forCase', { caseId: c.id, offset, limit })} deps={[c.id]} showCase={false} testId="case-audit-grid" />
    </div>
  );
}
