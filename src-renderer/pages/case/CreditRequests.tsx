import { useState } from 'react';
import { api } from '../../api/client';
import type { Seen } from '../../../src-shared/api/caseVersions';
import type { MethodOutput } from '../../../src-shared/api';
import { Field } from '../../components/Field';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSession } from '../../session';

type Credit = MethodOutput<'credit.case'>;
const ROMAN = ['一', '二', '三', '四', '五', '六'];

/**
 * The applicant's requests to list a debtor, decided within 15 days (失信规定 Art. 5 [P]; rule
 * creditListingDecision), and the re-listing a reversed payment offers: the deletion or lifting rested
 * on a performance the ledger has taken back (Art. 10 (1); 2015 rules Art. 9).
 */
export function CreditRequests(props: { caseId: number; credit: Credit; seen: Seen; run: (f: () => Promise<Credit>, done: string) => Promise<void> }) {
  const { credit, seen, run } = props;
  const today = useSession().info.today;
  const [req, setReq] = useState({ partyId: String(credit.debtors[0]?.id ?? ''), ground: '1', reason: '', requestedOn: today });
  const [reject, setReject] = useState<Record<number, string>>({});
  const [dismiss, setDismiss] = useState<Record<number, string>>({});
  const [listing, setListing] = useState<Credit['listingRequests'][number] | null>(null);
  const openFlags = credit.relistFlags.filter((f) => !f.resolvedOn);
  const pending = credit.listingRequests.filter((r) => !r.result);
  return (
    <section data-testid="credit-requests">
      {openFlags.map((f) => (
        <div key={f.id} className="notice" data-testid={`relist-flag-${f.id}`}>
          {f.flaggedOn}到账冲正（账目 {f.reversalEntryId}）：{f.debtor}的{f.kind === 'listing' ? '失信信息因履行完毕已删除' : '限制消费因履行完毕已解除'}，履行已不成立。可以重新{f.kind === 'listing' ? '纳入失信名单' : '限制消费'}（不受删除后六个月内不予再纳入的限制），或写明理由不再{f.kind === 'listing' ? '纳入' : '限制'}。
          <input value={dismiss[f.id] ?? ''} onChange={(e) => setDismiss({ ...dismiss, [f.id]: e.target.value })} placeholder="不再纳入的理由" aria-label="不再纳入的理由" data-testid={`relist-dismiss-note-${f.id}`} />
          <button type="button" onClick={() => void run(() => api.call('credit.dismissRelist', { seen, caseId: props.caseId, flagId: f.id, note: dismiss[f.id] ?? '' }), '已记录不再纳入的理由')} data-testid={`relist-dismiss-${f.id}`}>
            不再纳入
          </button>
        </div>
      ))}
      <h4>纳入失信名单申请（收到申请之日起15日内审查决定）</h4>
      <form
        className="row actions-row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api.call('credit.requestListing', { seen, caseId: props.caseId, partyId: Number(req.partyId), ground: Number(req.ground), reason: req.reason, requestedOn: req.requestedOn }), '已登记纳入失信名单申请');
        }}
      >
        <Field label="被执行人">
          <select value={req.partyId} onChange={(e) => setReq({ ...req, partyId: e.target.value })} data-testid="credit-request-party">
            {credit.debtors.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="失信情形">
          <select value={req.ground} onChange={(e) => setReq({ ...req, ground: e.target.value })} data-testid="credit-request-ground">
            {ROMAN.map((r, i) => (
              <option key={r} value={i + 1}>
                第一条第（{r}）项
              </option>
            ))}
          </select>
        </Field>
        <Field label="申请理由">
          <input value={req.reason} onChange={(e) => setReq({ ...req, reason: e.target.value })} data-testid="credit-request-reason" />
        </Field>
        <Field label="申请日期">
          <input type="date" value={req.requestedOn} onChange={(e) => setReq({ ...req, requestedOn: e.target.value })} data-testid="credit-request-date" />
        </Field>
        <button type="submit" data-testid="credit-request-submit">
          登记申请
        </button>
      </form>
      {pending.map((r) => (
        <div key={r.id} className="row actions-row" data-testid={`credit-request-${r.id}`}>
          <span>
            {r.requestedOn} 申请纳入{r.debtor}（第一条第（{ROMAN[r.ground - 1]}）项）：{r.reason}；应于 <b>{r.decideBy}</b> 前决定
          </span>
          <button type="button" onClick={() => setListing(r)} data-testid={`credit-request-list-${r.id}`}>
            决定纳入
          </button>
          <input value={reject[r.id] ?? ''} onChange={(e) => setReject({ ...reject, [r.id]: e.target.value })} placeholder="驳回理由" aria-label="驳回理由" data-testid={`credit-request-reject-reason-${r.id}`} />
          <button type="button" onClick={() => void run(() => api.call('credit.rejectListingRequest', { seen, caseId: props.caseId, requestId: r.id, reason: reject[r.id] ?? '' }), '已驳回纳入申请')} data-testid={`credit-request-reject-${r.id}`}>
            驳回
          </button>
        </div>
      ))}
      {listing ? (
        <ConfirmDialog
          title={`决定将${listing.debtor}纳入失信名单`}
          confirmLabel="决定纳入"
          onCancel={() => setListing(null)}
          onConfirm={() => {
            const r = listing;
            setListing(null);
            void run(
              () => api.call('credit.list', { seen, caseId: props.caseId, partyId: r.partyId, ground: r.ground, facts: r.reason, origin: 'request', requestId: r.id, securityGiven: false, laterInOrder: false }),
              '已纳入失信名单',
            );
          }}
        >
          <p>确认被执行人未提供充分有效担保、履行顺序不在后（第三条）；已查封财产是否足以清偿由系统核对。将制作纳入失信名单决定书。</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
