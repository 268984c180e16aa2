import { execFileSync } from 'node:child_process';
import type { Page } from './test';
import { apiCall, readyForDocuments } from './helpers';

// Set-up steps of the pipeline specs done through the API where clicking is not the point (filing,
// the notice batch, service), and the feedback simulator run as the clerk would run it (a separate
// program outside the app, on the downloaded request file).

type Job = { id: string; status: string; result?: unknown; error?: { message: string } | null };

/** Files a 执 case with one company debtor and a payout account recorded at the first interview. */
export async function fileCase(page: Page, n: number, filedOn: string, claimYuan = 200_000): Promise<{ id: number; number: string }> {
  return apiCall(page, 'cases.file', {
    type: '执',
    filedOn,
    confirmDuplicate: true,
    applicants: [{ kind: 'person', name: '张三', idNumber: '150523198503171233' }],
    debtors: [{ kind: 'org', name: `开鲁县查控测试商贸有限公司${n}`, creditCode: '91150523MA0N4B2K6Y', legalRep: '李四' }],
    title: { court: '开鲁县人民法院', number: `（2026）内0523民初${3000 + n}号`, effectiveOn: '2026-01-01', cause: '买卖合同纠纷' },
    claim: { principalFen: claimYuan * 100 },
    interview: { contactConfirmed: true, payoutBank: '中国农业银行开鲁支行', payoutAccountName: '张三', payoutAccount: '6228480000000000001', requests: [] },
  });
}

export async function waitForJob(page: Page, id: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const j = await apiCall<Job>(page, 'jobs.get', { id });
    if (j.status !== 'running' && j.status !== 'queued') {
      if (j.status !== 'done') throw new Error(`job ${id} ${j.status}: ${j.error?.message ?? ''}`);
      return j;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`job ${id} still running`);
}

/** The notice set made by the documents engine, and the 执行通知书 and 报告财产令 served on `servedOn`. */
export async function noticesServed(page: Page, caseIds: number[], servedOn: string): Promise<void> {
  await readyForDocuments(page, caseIds);
  const job = await apiCall<Job>(page, 'documents.generateBatch', { caseIds, kinds: ['执行通知书', '报告财产令', '限制消费令'] });
  await waitForJob(page, job.id);
  const items: { documentId: number; method: string; servedOn: string; recipient: string }[] = [];
  for (const caseId of caseIds) {
    const docs = await apiCall<{ rows: { id: number; kind: string }[] }>(page, 'documents.list', { caseId });
    for (const d of docs.rows) if (d.kind === '执行通知书' || d.kind === '报告财产令') items.push({ documentId: d.id, method: '直接送达', servedOn, recipient: '李四' });
  }
  await apiCall(page, 'documents.markServed', { items });
}

/** Runs tools/simulate-feedback.mjs on a request file: every debtor answers, each with a bank deposit. */
export function simulateFeedback(requestFile: string, out: string, date: string, seed: number): { out: string; rows: number } {
  const stdout = execFileSync(process.execPath, ['tools/simulate-feedback.mjs', requestFile, '--seed', String(seed), '--date', date, '--nothing-rate', '0', '--deposits', '--out', out], { encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { out: string; rows: number };
}
