import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { yuan } from '../../format';
import type { MethodOutput } from '../../../src-shared/api';
import { RECEIPT_SOURCE_LABELS } from '../../../src-shared/api/methods/ledger';
import type { CaseTabProps } from '../../caseTabs';
import { MaskedValue, useCaseReveal } from '../../security/Reveal';
import { PayoutAccountPanel } from '../ledger/PayoutAccountPanel';
import { errorText } from '../../errorText';

type Ledger = MethodOutput<'ledger.get'>;

/** 案款: the case's own account (一案一账号) — balance, entries, and the 30-day payout clock of each receipt. */
export function LedgerTab({ c, seen, reload }: CaseTabProps) {
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Accounts arrive masked; 查看 shows them in full and the viewing is logged on the case.
  const reveal = useCaseReveal(c.id);
  // Reloaded with the case (c.version moves with every change, the payout account's included).
  useEffect(() => {
    api
      .call('ledger.get', { caseId: c.id })
      .then(setLedger)
      .catch((e: unknown) => setError(errorText(e)));
  }, [c.id, c.version]);
  if (error)
    return (
      <div className="error-banner" role="alert">
        {error}
      </div>
    );
  if (!ledger) return <p className="muted">正在加载…</p>;
  const open = ledger.receipts.filter((r) => r.outstandingFen > 0);
  return (
    <div data-testid="case-ledger">
      {reveal.error ? (
        <div className="error-banner" role="alert">
          {reveal.error}
        </div>
      ) : null}
      <dl className="facts">
        <dt>案件账号</dt>
        <dd>{ledger.subAccount || '（尚未登记本案案款账户）'}</dd>
        <dt>余额</dt>
        <dd data-testid="case-ledger-balance">{yuan(ledger.balanceFen)} 元</dd>
        <dt>实际到位</dt>
        <dd data-testid="case-ledger-recovered">{yuan(ledger.recoveredFen)} 元</dd>
        <dt>已发放</dt>
        <dd data-testid="case-ledger-paid">{yuan(ledger.paidOutFen)} 元</dd>
        <dt>执行费 / 退还</dt>
        <dd>
          {yuan(ledger.feesFen)} 元 / {yuan(ledger.refundedFen)} 元
        </dd>
        <dt>超期未发放</dt>
        <dd className={ledger.overdueFen > 0 ? 'overdue' : ''}>{yuan(ledger.overdueFen)} 元</dd>
      </dl>
      {/* The payout account, with its pending change, is shown once: in the panel. */}
      <PayoutAccountPanel ledger={ledger} seen={seen} onChanged={reload} testPrefix="case-ledger" />
      {ledger.entries.length === 0 ? (
        <p className="muted">尚无案款往来。</p>
      ) : (
        <table className="table" data-testid="case-ledger-entries">
          <thead>
            <tr>
              <th>日期</th>
              <th>类别</th>
              <th className="num">金额（元）</th>
              <th className="num">影响余额</th>
              <th>说明</th>
              <th>经办</th>
            </tr>
          </thead>
          <tbody>
            {ledger.entries.map((e) => (
              <tr key={e.id} className={e.reversedById ? 'muted' : ''}>
                <td>{e.onDate}</td>
                <td>
                  {e.kindLabel}
                  {e.source ? `（${RECEIPT_SOURCE_LABELS[e.source]}）` : ''}
                </td>
                <td className="num">{yuan(e.amountFen)}</td>
                <td className="num">{yuan(e.effectFen)}</td>
                <td>
                  {e.payeeAccount ? (
                    <>
                      {e.payeeName ?? ''} <MaskedValue value={e.payeeAccount} full={reveal.full?.ledger.find((x) => x.entryId === e.id)?.payeeAccount} reveal={reveal} testId={`case-ledger-payee-${e.id}`} />
                      {'；'}
                    </>
                  ) : null}
                  {[e.payeeAccount ? null : e.payeeName, e.approver && `审批：${e.approver}`, e.reason, e.reversedById && '已冲正'].filter(Boolean).join('；')}
                </td>
                <td>{e.createdBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open.length > 0 ? (
        <>
          <h4>30日发放时钟</h4>
          <ul>
            {open.map((r) => (
              <li key={r.entryId} className={r.overdue ? 'overdue' : ''}>
                {r.onDate} 到账 {yuan(r.amountFen)} 元，未发放 {yuan(r.outstandingFen)} 元，应于 {r.dueOn} 前发放{r.deferredUntil ? `（暂缓至 ${r.deferredUntil}）` : ''}
                {r.overdue ? '，已超期' : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
