import type { TestApp } from './testApp';
import type { AuditReport } from '../../src-main/services/audit/verifyCore';

/** audit.verify as a client does it: start the job, wait for it, read its report. */
export async function verifyAudit(t: TestApp, as = 'admin', input: Record<string, unknown> = {}): Promise<AuditReport> {
  const started = await t.call('audit.verify', input as never, as);
  for (;;) {
    const view = await t.call('jobs.get', { id: started.id }, as);
    if (view.status === 'done') return view.result as AuditReport;
    if (view.status !== 'running' && view.status !== 'queued') throw new Error(`audit.verify job ${view.status}: ${view.error?.message ?? ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
