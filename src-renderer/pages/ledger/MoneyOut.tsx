import { useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../src-shared/api';
import { DEFERRAL_GROUNDS } from '../../../src-shared/api/methods/ledger';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { yuan } from '../../format';
import { ApproverSelect } from './ApproverSelect';
import { fieldError } from './fieldErrors';

type Ledger = MethodOutput<'ledger.get'>;
type Ground = (typeof DEFERRAL_GROUNDS)[number];
type Pending = { kind: 'payout' } | { kind: 'refund' };

/**
 * Money leaving the case account: payout to the applicant, 暂缓发放 and 退还, each approved by a user
 * other than the officer (ledger.approvers). Payouts and refunds are confirmed first: they cannot be
 * undone but by a reversing entry. The 30-day payout limit and the grounds of a deferral follow
 * 法发〔2017〕6号 as domain.md §7 reads it.
 */
export function MoneyOut(props: { ledger: Ledger; amountFen: number | null; failure: unknown; record: (input: MethodInput<'ledger.record'>, done: string) => Promise<void> }) {
  const { ledger, amountFen } = props;
  const [approverId, setApproverId] = useState<number | null>(null);
  const [approverName, setApproverName] = useState('');
  const [lastKind, setLastKind] = useState<'payout' | 'deferral' | 'refund' | null>(null);
  const [ground, setGround] = useState<Ground>(DEFERRAL_GROUNDS[0]);
  const [deferReason, setDeferReason] = useState('');
  const [until, setUntil] = useState('');
  const [deferFen, setDeferFen] = useState<number | null>(null);
  const [refundTo, setRefundTo] = useState('');
  const [refundReason, setRefundReason] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const err = (...f: string[]) => f.map((x) => local[x]).find(Boolean) ?? fieldError(props.failure, ...f);
  /** The server's `reason` belongs to the form last sent. */
  const reasonErr = (kind: 'deferral' | 'refund', key: string) => local[key] ?? (lastKind === kind ? fieldError(props.failure, 'reason') : undefined);

  /** Checks what the form can know before asking the server; field errors in Chinese. */
  const check = (need: Record<string, string | false>) => {
    const errs = Object.fromEntries(Object.entries(need).filter(([, v]) => v)) as Record<string, string>;
    setLocal(errs);
    return Object.keys(errs).length === 0;
  };
  const amountMissing = !amountFen ? '请在“金额”中填写金额' : false;
  const approverMissing = approverId === null ? '请选择审批人' : false;

  const ask = (kind: Pending['kind']) => {
    const ok =
      kind === 'payout'
        ? check({ amountFen: amountMissing, approverId: approverMissing, payeeAccount: ledger.payoutAccount.account ? false : '尚未登记收款账户，请先登记并经审批' })
        : check({ amountFen: amountMissing, approverId: approverMissing, payeeName: refundTo.trim() ? false : '请填写退款收款人', refundReason: refundReason.trim() ? false : '请写明退还原因' });
    setLastKind(kind);
    if (ok) setPending({ kind });
  };
  const confirm = async () => {
    const p = pending!;
    setPending(null);
    if (p.kind === 'payout') await props.record({ kind: 'payout', caseId: ledger.caseId, amountFen: amountFen!, approverId: approverId! }, '已发放');
    else await props.record({ kind: 'refund', caseId: ledger.caseId, amountFen: amountFen!, approverId: approverId!, payeeName: refundTo, reason: refundReason }, '已退还');
  };
  const defer = () => {
    setLastKind('deferral');
    if (!check({ approverId: approverMissing, deferReason: deferReason.trim() ? false : '请写明暂缓发放的理由', until: until ? false : '请选择暂缓至哪一天' })) return;
    void props.record(
      { kind: 'deferral', caseId: ledger.caseId, ground, reason: deferReason, until, approverId: approverId!, ...(deferFen ? { amountFen: deferFen } : {}) },
      deferFen ? `已暂缓发放 ${yuan(deferFen)} 元至 ${until}` : `已暂缓发放至 ${until}`,
    );
  };

  return (
    <div className="money-out" data-testid="ledger-money-out">
      <div className="row actions-row">
        <Field label="审批人" required hint="发放、暂缓、退还须经局领导审批，不能是经办人本人" error={err('approverId', 'approver')}>
          <ApproverSelect
            value={approverId}
            onChange={(id, name) => {
              setApproverId(id);
              setApproverName(name);
            }}
            testId="ledger-approver"
          />
        </Field>
        <Field label="发放" error={err('amountFen', 'payeeAccount')}>
          <button type="button" onClick={() => ask('payout')} data-testid="ledger-payout">
            发放给申请执行人
          </button>
        </Field>
      </div>
      <div className="row actions-row">
        <Field label="暂缓理由" required error={err('ground')}>
          <select value={ground} onChange={(e) => setGround(e.target.value as Ground)} data-testid="ledger-defer-ground">
            {DEFERRAL_GROUNDS.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </Field>
        <Field label="说明" required error={reasonErr('deferral', 'deferReason')}>
          <input value={deferReason} onChange={(e) => setDeferReason(e.target.value)} data-testid="ledger-defer-reason" />
        </Field>
        <Field label="暂缓金额" hint="不填为全部余额" error={lastKind === 'deferral' ? err('amountFen') : undefined}>
          <MoneyInput fen={deferFen} onChange={(f) => setDeferFen(f)} testId="ledger-defer-amount" />
        </Field>
        <Field label="暂缓至" required error={err('until')}>
          <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} data-testid="ledger-defer-until" />
        </Field>
        <button type="button" onClick={defer} data-testid="ledger-defer">
          暂缓发放
        </button>
      </div>
      <div className="row actions-row">
        <Field label="退款收款人" required hint="退还给交款人" error={err('payeeName')}>
          <input value={refundTo} onChange={(e) => setRefundTo(e.target.value)} data-testid="ledger-refund-to" />
        </Field>
        <Field label="退还原因" required error={reasonErr('refund', 'refundReason')}>
          <input value={refundReason} onChange={(e) => setRefundReason(e.target.value)} data-testid="ledger-refund-reason" />
        </Field>
        <button type="button" onClick={() => ask('refund')} data-testid="ledger-refund">
          退还
        </button>
      </div>
      {pending ? (
        <ConfirmDialog
          title={pending.kind === 'payout' ? '确认发放案款' : '确认退还案款'}
          confirmLabel={pending.kind === 'payout' ? '发放' : '退还'}
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => void confirm()}
        >
          <p data-testid="ledger-confirm-text">
            {pending.kind === 'payout'
              ? `从 ${ledger.caseNumber} 的案件账户向申请执行人 ${ledger.payoutAccount.name ?? ''}（${ledger.payoutAccount.bank ?? ''} ${ledger.payoutAccount.account ?? ''}）发放 ${yuan(amountFen!)} 元，审批人：${approverName}。`
              : `从 ${ledger.caseNumber} 的案件账户向 ${refundTo} 退还 ${yuan(amountFen!)} 元（${refundReason}），审批人：${approverName}。`}
          </p>
          <p className="muted">发放、退还后不能修改，只能以冲正更正。</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
