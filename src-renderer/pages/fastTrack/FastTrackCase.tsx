import type { Seen } from '../../../src-shared/api/caseVersions';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { navigate } from '../../router';
import { yuan } from '../../format';
import type { MethodOutput } from '../../../src-shared/api';
import { shown, type ShownError } from '../triage/errors';
import { waitForJob } from './waitForJob';
import { ApproverSelect } from '../ledger/ApproverSelect';

type QueueRow = MethodOutput<'fastTrack.queue'>[number];
type Measure = MethodOutput<'measures.list'>['rows'][number];

/**
 * One fast-track case worked through its steps (快执): deduct the frozen money (扣划, 民诉法 2023
 * Art. 253) and record its arrival, pay it out within 30 days (法发〔2017〕6号), close as 执行完毕 with
 * the closure notice (法发〔2014〕26号 Art. 15). Each step is the measures, ledger or closure method.
 */
export function FastTrackCase({ row, seen, onChanged }: { row: QueueRow; seen: Seen | undefined; onChanged: (message: string) => void }) {
  const [measures, setMeasures] = useState<Measure[]>([]);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [arrived, setArrived] = useState<Record<number, number | null>>({});
  const [payFen, setPayFen] = useState<number | null>(row.balanceFen || null);
  const [approverId, setApproverId] = useState<number | null>(null);

  const load = useCallback(() => {
    api
      .call('measures.list', { caseId: row.caseId, limit: 200 })
      .then((r) => setMeasures(r.rows))
      .catch((e: unknown) => setError(shown(e)));
  }, [row.caseId]);
  useEffect(() => {
    load();
    setPayFen(row.balanceFen || null);
  }, [load, row.balanceFen, row.step]);

  const act = async (fn: () => Promise<string>) => {
    setError(null);
    setBusy(true);
    try {
      const message = await fn();
      load();
      onChanged(message);
    } catch (e) {
      setError(shown(e));
    } finally {
      setBusy(false);
    }
  };

  // Freezes in force with money left to draw on, and deductions waiting for the bank's answer.
  const drawnOn = new Set(measures.filter((m) => m.action === 'deduct' && m.status !== 'refused').map((m) => m.fromMeasureId));
  const freezes = measures.filter((m) => m.action === 'freeze' && (m.status === 'done' || m.status === 'partial') && !drawnOn.has(m.id));
  const pendingDeducts = measures.filter((m) => m.action === 'deduct' && m.status === 'pending');

  const deduct = () =>
    act(async () => {
      const job = await api.call('measures.createBatch', { items: freezes.map((m) => ({ assetId: m.assetId, action: 'deduct' as const, fromMeasureId: m.id })), seen });
      const done = await waitForJob(job);
      const r = done.result as { batchNumber?: string; documentCount?: number } | null;
      return `已建立扣划批次 ${r?.batchNumber ?? ''}（执行裁定书、协助执行通知书 ${r?.documentCount ?? 0} 份），待银行反馈后登记到账。`;
    });
  const recordArrival = (m: Measure) =>
    act(async () => {
      const actualFen = arrived[m.id] ?? m.amountFen;
      await api.call('measures.recordResult', { results: [{ measureId: m.id, outcome: actualFen >= m.amountFen ? 'done' : 'partial', actualFen }], seen });
      return `扣划款 ${yuan(actualFen)} 元已到账，记入案款账户。`;
    });
  const payout = () => {
    if (!payFen) return setError({ message: '请填写发放金额', field: 'amountFen' });
    if (approverId === null) return setError({ message: '请选择审批人', field: 'approverId' });
    return act(async () => {
      await api.call('ledger.record', { kind: 'payout', caseId: row.caseId, amountFen: payFen, approverId, seen });
      return `已发放案款 ${yuan(payFen)} 元。`;
    });
  };
  const close = () =>
    act(async () => {
      const r = await api.call('closure.close', { caseId: row.caseId, mode: '执行完毕', seen });
      return `${row.number} 已以执行完毕结案（${r.closedOn}）；文书：${r.documents.map((d) => `${d.kind} ${d.number}`).join('、') || '无'}。`;
    });
  const at = (f: string) => (error?.field === f ? error.message : undefined);

  return (
    <fieldset data-testid="fast-case">
      <legend>
        {row.number}　<span className="muted">下一步：{row.stepLabel}</span>
      </legend>
      <p>
        未履行 {yuan(row.outstandingFen)} 元；冻结可扣划 {yuan(row.frozenFen)} 元；案款账户余额 {yuan(row.balanceFen)} 元。
        <button type="button" className="link" onClick={() => navigate(`/cases/${row.caseId}`)} data-testid="fast-open-case">
          打开案件
        </button>
      </p>
      {error && !['approverId', 'amountFen'].includes(error.field ?? '') ? (
        <div className="error-banner" role="alert" data-testid="fast-error">
          {error.message}
        </div>
      ) : null}
      <div className="fast-steps">
        <section>
          <h4>1. 扣划冻结款</h4>
          {freezes.length ? (
            <>
              <ul>
                {freezes.map((m) => (
                  <li key={m.id}>
                    {m.institution} {m.identifier}：冻结 {yuan(m.actualFen ?? m.amountFen)} 元（至 {m.expiresOn}）
                  </li>
                ))}
              </ul>
              <button type="button" className={row.step === 'deduct' ? 'primary' : ''} disabled={busy} onClick={() => void deduct()} data-testid="fast-deduct">
                扣划冻结款
              </button>
            </>
          ) : (
            <p className="muted">没有可扣划的冻结款。</p>
          )}
          {pendingDeducts.map((m) => (
            <div key={m.id} className="row" data-testid={`fast-arrival-${m.id}`}>
              <span>
                扣划 {m.institution} {yuan(m.amountFen)} 元，待反馈：到账金额
              </span>
              <MoneyInput fen={arrived[m.id] ?? m.amountFen} onChange={(f) => setArrived({ ...arrived, [m.id]: f })} testId={`fast-arrival-amount-${m.id}`} />
              <button type="button" className="primary" disabled={busy} onClick={() => void recordArrival(m)} data-testid={`fast-arrival-record-${m.id}`}>
                登记到账
              </button>
            </div>
          ))}
        </section>
        <section>
          <h4>2. 发放案款</h4>
          <div className="row">
            <Field label="发放金额" error={at('amountFen')}>
              <MoneyInput fen={payFen} onChange={(f) => setPayFen(f)} testId="fast-pay-amount" />
            </Field>
            <Field label="审批人" required error={at('approverId')}>
              <ApproverSelect value={approverId} onChange={(id) => setApproverId(id)} testId="fast-pay-approver" />
            </Field>
          </div>
          <button type="button" className={row.step === 'payout' ? 'primary' : ''} disabled={busy || row.balanceFen <= 0} onClick={() => void payout()} data-testid="fast-payout">
            发放至申请人收款账户
          </button>
        </section>
        <section>
          <h4>3. 以执行完毕结案</h4>
          <p className="muted">生成结案通知书；案款账户须已清零。</p>
          <button type="button" className={row.step === 'close' ? 'primary' : ''} disabled={busy} onClick={() => void close()} data-testid="fast-close">
            执行完毕结案
          </button>
        </section>
      </div>
    </fieldset>
  );
}
