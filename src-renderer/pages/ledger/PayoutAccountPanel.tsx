import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { MethodOutput } from '../../../src-shared/api';
import type { Seen } from '../../../src-shared/api/caseVersions';
import { Field } from '../../components/Field';
import { hasRole, useSession } from '../../session';
import { MaskedValue, useCaseReveal } from '../../security/Reveal';
import { accountNumberError, fieldError, otherError } from './fieldErrors';
import { loadApprovers } from './ApproverSelect';

type Ledger = MethodOutput<'ledger.get'>;
const FIELDS = ['bank', 'accountName', 'accountNumber', 'reason', 'note', 'requestId'];

/**
 * 收款账户: the applicant's account payouts go to. A new or changed account is recorded with its
 * reason by the money officer (or the fast-track officer) and takes effect when another user among
 * the approvers agrees; both steps are events on the case. The account is shown masked.
 */
export function PayoutAccountPanel(props: { ledger: Ledger; seen: Seen | undefined; onChanged: () => void; testPrefix: string }) {
  const { ledger, testPrefix: p } = props;
  const { user, settings } = useSession();
  const reveal = useCaseReveal(ledger.caseId);
  const [editing, setEditing] = useState(false);
  const [bank, setBank] = useState('');
  const [accountName, setAccountName] = useState('');
  const [accountNumber, setAccountNumber] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const mayRecord = hasRole(user, ['money', 'fastTrack', 'admin']);
  // Approvers are the leaders the court names (setting payoutApprovers, services/ledger/approvers.ts); the administrator is not one.
  const [approverIds, setApproverIds] = useState<number[]>([]);
  const approversKey = JSON.stringify(settings.payoutApprovers);
  const isLeader = user.roles.includes('management');
  useEffect(() => {
    if (!isLeader) return;
    loadApprovers(approversKey)
      .then((list) => setApproverIds(list.map((a) => a.id)))
      .catch(() => setApproverIds([]));
  }, [isLeader, approversKey]);
  const mayDecide = isLeader && approverIds.includes(user.id);
  const pending = ledger.pendingAccount;

  const submit = async () => {
    const errs: Record<string, string> = {};
    if (!bank.trim()) errs.bank = '请填写开户行';
    if (!accountName.trim()) errs.accountName = '请填写户名';
    const acc = accountNumberError(accountNumber);
    if (acc) errs.accountNumber = acc;
    if (!reason.trim()) errs.reason = '请写明登记或变更的理由';
    setLocal(errs);
    setFailure(null);
    if (Object.keys(errs).length > 0) return;
    try {
      await api.call('ledger.requestPayoutAccount', { caseId: ledger.caseId, bank, accountName, accountNumber, reason, seen: props.seen });
      setEditing(false);
      setBank('');
      setAccountName('');
      setAccountNumber('');
      setReason('');
      props.onChanged();
    } catch (e) {
      setFailure(e);
    }
  };
  const decide = async (approve: boolean) => {
    setFailure(null);
    setLocal({});
    if (!approve && !note.trim()) {
      setLocal({ note: '驳回须写明理由' });
      return;
    }
    try {
      await api.call('ledger.decidePayoutAccount', { caseId: ledger.caseId, requestId: pending!.id, approve, ...(note.trim() ? { note } : {}), seen: props.seen });
      setNote('');
      props.onChanged();
    } catch (e) {
      setFailure(e);
    }
  };
  const err = (f: string) => local[f] ?? fieldError(failure, f);
  const banner = otherError(failure, FIELDS);

  return (
    <section className="payout-account" data-testid={`${p}-payout-account-panel`}>
      <h4>收款账户</h4>
      {banner ? (
        <div className="error-banner" role="alert" data-testid={`${p}-payout-account-error`}>
          {banner}
        </div>
      ) : null}
      <p>
        {ledger.payoutAccount.account ? (
          <>
            {ledger.payoutAccount.name ?? ''} {ledger.payoutAccount.bank ?? ''}{' '}
            <MaskedValue value={ledger.payoutAccount.account} full={reveal.full?.payoutAccount} reveal={reveal} testId={`${p}-payout-account`} />
            {ledger.payoutAccount.source === 'approved' ? '（立案后登记，已审批）' : '（立案时初次接待登记）'}
          </>
        ) : (
          <span data-testid={`${p}-payout-account-none`}>尚未登记收款账户，不能发放。</span>
        )}
      </p>
      {pending ? (
        <div className="notice" data-testid={`${p}-payout-account-pending`}>
          待审批：{pending.name} {pending.bank} {pending.account}；理由：{pending.reason}（{pending.requestedBy} 登记）
          {mayDecide && pending.requestedById !== user.id ? (
            <div className="row actions-row">
              <Field label="审批意见" error={err('note') ?? err('requestId')}>
                <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="驳回时必填" data-testid={`${p}-payout-account-note`} />
              </Field>
              <button type="button" className="primary" onClick={() => void decide(true)} data-testid={`${p}-payout-account-approve`}>
                批准
              </button>
              <button type="button" onClick={() => void decide(false)} data-testid={`${p}-payout-account-reject`}>
                驳回
              </button>
            </div>
          ) : (
            <span className="muted">　须由登记人以外的审批人批准后生效。</span>
          )}
        </div>
      ) : null}
      {mayRecord && !pending && !editing ? (
        <button type="button" onClick={() => setEditing(true)} data-testid={`${p}-payout-account-edit`}>
          {ledger.payoutAccount.account ? '变更收款账户' : '登记收款账户'}
        </button>
      ) : null}
      {editing ? (
        <div className="row actions-row" data-testid={`${p}-payout-account-form`}>
          <Field label="开户行" required error={err('bank')}>
            <input value={bank} onChange={(e) => setBank(e.target.value)} data-testid={`${p}-payout-bank`} />
          </Field>
          <Field label="户名" required error={err('accountName')}>
            <input value={accountName} onChange={(e) => setAccountName(e.target.value)} data-testid={`${p}-payout-name`} />
          </Field>
          <Field label="账号" required error={err('accountNumber')}>
            <input value={accountNumber} onChange={(e) => setAccountNumber(e.target.value)} inputMode="numeric" data-testid={`${p}-payout-number`} />
          </Field>
          <Field label="理由" required error={err('reason')} hint="如：申请执行人书面提交收款账户确认书">
            <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid={`${p}-payout-reason`} />
          </Field>
          <button type="button" className="primary" onClick={() => void submit()} data-testid={`${p}-payout-account-submit`}>
            提交审批
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            取消
          </button>
        </div>
      ) : null}
    </section>
  );
}
