import { useEffect, useState } from 'react';
import { api, ApiCallError } from '../../api/client';
import { Field } from '../../components/Field';
import { CreditRequests } from './CreditRequests';
import type { MethodOutput } from '../../../src-shared/api';
import type { CaseTabProps } from '../../caseTabs';
import {
  LIFT_GROUND_LABELS, LISTING_GROUNDS, PERMISSION_KINDS, PERMISSION_KIND_LABELS, RESTRICTED_ROLE_LABELS, VIOLATION_FOLLOWUP_LABELS,
  type LiftGround, type PermissionKind, type RestrictedRole,
} from '../../../src-shared/domain/credit';
import { errorText } from '../../errorText';
import { DateInput } from '../../components/DateInput';
import { courtToday } from '../../../src-shared/domain/chineseDate';

type Credit = MethodOutput<'credit.case'>;

const LISTING_STATUS = { listed: '在名单中', removalDue: '应予删除', deleted: '已删除' } as const;
const RESTRICTION_STATUS = { active: '限制中', liftDue: '应予解除', lifted: '已解除' } as const;
const ROMAN = ['一', '二', '三', '四', '五', '六'];

/** 失信与限消 of one case: list a debtor (with the bars checked first), restrict, permissions, tips, corrections, deletion and lifting with their documents. */
export function CreditTab({ c, seen }: CaseTabProps) {
  const [credit, setCredit] = useState<Credit | null>(null);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [form, setForm] = useState({ partyId: '', ground: '1', facts: '', origin: 'motion' as 'motion' | 'request', requestedOn: '', extensionYears: '0', extensionReason: '', securityGiven: false, laterInOrder: false });
  const [persons, setPersons] = useState<{ role: RestrictedRole; name: string }[]>([]);
  const [permit, setPermit] = useState({ personId: '', kind: 'medical' as PermissionKind, reason: '' });
  const [tip, setTip] = useState({ personId: '', source: '', what: '' });
  const [lift, setLift] = useState({ ground: 'consent' as LiftGround, note: '' });
  const [correction, setCorrection] = useState({ filedOn: '', reason: '', note: '' });

  const load = () =>
    api
      .call('credit.case', { caseId: c.id })
      .then((x) => {
        setCredit(x);
        setForm((f) => (f.partyId ? f : { ...f, partyId: String(x.debtors[0]?.id ?? '') }));
      })
      .catch((e: unknown) => setError({ message: errorText(e) }));
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reloads when the case or its stage changes; load reads them
  }, [c.id, c.stage]);

  const run = async (f: () => Promise<Credit>, done: string) => {
    setError(null);
    setMessage(null);
    try {
      setCredit(await f());
      setMessage(done);
    } catch (e) {
      setError(e instanceof ApiCallError ? { message: e.message, field: e.field } : { message: errorText(e) });
    }
  };
  const pdf = (documentId: number) => void api.call('documents.file', { documentId, format: 'pdf' });
  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);

  if (!credit) return error ? <div className="error-banner" role="alert">{error.message}</div> : <p className="muted">正在加载…</p>;
  const debtor = credit.debtors.find((d) => String(d.id) === form.partyId);
  const listingInput = () => ({
    caseId: c.id,
    partyId: Number(form.partyId),
    ground: Number(form.ground),
    facts: form.facts,
    origin: form.origin,
    ...(form.origin === 'request' && form.requestedOn ? { requestedOn: form.requestedOn } : {}),
    extensionYears: Number(form.extensionYears),
    ...(form.extensionReason.trim() ? { extensionReason: form.extensionReason } : {}),
    securityGiven: form.securityGiven,
    laterInOrder: form.laterInOrder,
  });

  return (
    <div data-testid="case-credit">
      {error ? (
        <div className="error-banner" role="alert" data-testid="credit-error">
          {error.message}
        </div>
      ) : null}
      {message ? <div className="notice" data-testid="credit-message">{message}</div> : null}
      <CreditRequests caseId={c.id} credit={credit} seen={seen} run={run} />
      {credit.restrictionMissing.length ? (
        <div className="notice" data-testid="credit-restriction-missing">
          {credit.restrictionMissing.join('、')}已纳入失信名单但尚未限制消费：纳入失信名单的被执行人应当限制消费（限高规定第一条第二款）。
        </div>
      ) : null}

      <h3>失信被执行人名单</h3>
      <table className="table" data-testid="credit-listings">
        <thead>
          <tr>
            <th>被执行人</th>
            <th>失信情形</th>
            <th>纳入日期</th>
            <th>期限至</th>
            <th>状态</th>
            <th>删除事由</th>
            <th>应删除日期</th>
            <th>文书</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {credit.listings.map((l) => (
            <tr key={l.id} data-testid={`credit-listing-${l.id}`} data-status={l.status}>
              <td>{l.debtor}</td>
              <td>{l.groundLabel}</td>
              <td>{l.decidedOn}</td>
              <td>{l.termEndsOn ?? '不设期限'}</td>
              <td data-testid="listing-status">{l.termEnded ? '期限届满，应予删除' : LISTING_STATUS[l.status]}</td>
              <td>{l.removalGroundLabel ?? ''}</td>
              <td data-testid="listing-due">
                {l.deletedOn ? `已于${l.deletedOn}删除${l.deletedOnTime === false ? '（超期）' : ''}` : (l.deletionDueOn ?? '')}
              </td>
              <td>
                {l.documentId ? (
                  <button type="button" className="link" onClick={() => pdf(l.documentId!)} data-testid="listing-doc">
                    纳入决定书
                  </button>
                ) : null}
                {l.deletionDocumentId ? (
                  <button type="button" className="link" onClick={() => pdf(l.deletionDocumentId!)} data-testid="deletion-doc">
                    删除决定书
                  </button>
                ) : null}
              </td>
              <td>
                {l.status !== 'deleted' && (l.status === 'removalDue' || l.termEnded) ? (
                  <button type="button" onClick={() => void run(() => api.call('credit.delete', { seen, listingId: l.id }), '已删除失信信息并制作删除失信信息决定书')} data-testid="listing-delete">
                    删除失信信息
                  </button>
                ) : null}
                {l.status === 'listed' && !l.termEnded ? (
                  <button type="button" onClick={() => void run(() => api.call('credit.requestRemoval', { seen, listingId: l.id, requestedOn: courtToday(new Date()), note: '申请执行人书面申请删除，经审查同意' }), '已记录申请执行人的删除申请')}>
                    申请执行人申请删除
                  </button>
                ) : null}
                {l.status !== 'deleted' ? (
                  <span>
                    <DateInput value={correction.filedOn} onChange={(e) => setCorrection({ ...correction, filedOn: e.target.value })} aria-label="纠正申请日期" />
                    <input placeholder="纠正申请理由" value={correction.reason} onChange={(e) => setCorrection({ ...correction, reason: e.target.value })} />
                    <button type="button" disabled={!correction.filedOn || !correction.reason.trim()} onClick={() => void run(() => api.call('credit.fileCorrection', { seen, listingId: l.id, filedOn: correction.filedOn, reason: correction.reason }), '已登记纠正申请')}>
                      登记纠正申请
                    </button>
                  </span>
                ) : null}
                {l.corrections.map((x) => (
                  <div key={x.id} className="muted">
                    纠正申请（{x.filedOn}，应于{x.reviewDueOn}前审查）：{x.reason}　
                    {x.result === null ? (
                      <>
                        <input placeholder="审查意见" value={correction.note} onChange={(e) => setCorrection({ ...correction, note: e.target.value })} />
                        <button type="button" onClick={() => void run(() => api.call('credit.decideCorrection', { seen, correctionId: x.id, result: 'corrected', note: correction.note }), '理由成立，应予纠正')}>理由成立</button>
                        <button type="button" onClick={() => void run(() => api.call('credit.decideCorrection', { seen, correctionId: x.id, result: 'rejected', note: correction.note }), '已驳回纠正申请')}>驳回</button>
                      </>
                    ) : x.result === 'corrected' && !x.correctedOn ? (
                      <button type="button" onClick={() => void run(() => api.call('credit.applyCorrection', { seen, correctionId: x.id }), '已纠正')}>纠正（应于{x.correctDueOn}前）</button>
                    ) : (
                      <span>{x.result === 'rejected' ? '已驳回' : `已于${x.correctedOn}纠正`}</span>
                    )}
                  </div>
                ))}
              </td>
            </tr>
          ))}
          {credit.listings.length === 0 ? (
            <tr>
              <td colSpan={9} className="muted">本案尚无失信名单登记。</td>
            </tr>
          ) : null}
        </tbody>
      </table>

      <h4>纳入失信被执行人名单</h4>
      <div className="row actions-row" data-testid="credit-list-form">
        <Field label="被执行人" error={fieldError('partyId')}>
          <select value={form.partyId} onChange={(e) => setForm({ ...form, partyId: e.target.value })} data-testid="credit-party">
            {credit.debtors.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="失信情形（第一条）" error={fieldError('ground')}>
          <select value={form.ground} onChange={(e) => setForm({ ...form, ground: e.target.value })} data-testid="credit-ground">
            {LISTING_GROUNDS.map((g, i) => (
              <option key={g} value={i + 1}>
                （{ROMAN[i]}）{g}
              </option>
            ))}
          </select>
        </Field>
        <Field label="具体情形" error={fieldError('facts')} wide>
          <input value={form.facts} onChange={(e) => setForm({ ...form, facts: e.target.value })} placeholder="如：收到报告财产令后拒不报告财产" data-testid="credit-facts" />
        </Field>
        <Field label="程序">
          <select value={form.origin} onChange={(e) => setForm({ ...form, origin: e.target.value as 'motion' | 'request' })} data-testid="credit-origin">
            <option value="motion">依职权</option>
            <option value="request">依申请执行人申请</option>
          </select>
        </Field>
        {form.origin === 'request' ? (
          <Field label="申请日期" error={fieldError('requestedOn')}>
            <DateInput value={form.requestedOn} onChange={(e) => setForm({ ...form, requestedOn: e.target.value })} />
          </Field>
        ) : null}
        {form.ground !== '1' ? (
          <>
            <Field label="延长年数（第二条第二款）" error={fieldError('extensionYears')}>
              <select value={form.extensionYears} onChange={(e) => setForm({ ...form, extensionYears: e.target.value })}>
                {[0, 1, 2, 3].map((n) => (
                  <option key={n} value={n}>
                    {n === 0 ? '不延长（二年）' : `延长${n}年`}
                  </option>
                ))}
              </select>
            </Field>
            {form.extensionYears !== '0' ? (
              <Field label="延长理由" error={fieldError('extensionReason')}>
                <input value={form.extensionReason} onChange={(e) => setForm({ ...form, extensionReason: e.target.value })} />
              </Field>
            ) : null}
          </>
        ) : (
          <>
            <Field label="已提供充分有效担保" error={fieldError('securityGiven')}>
              <input type="checkbox" checked={form.securityGiven} onChange={(e) => setForm({ ...form, securityGiven: e.target.checked })} data-testid="credit-security" />
            </Field>
            <Field label="履行顺序在后" error={fieldError('laterInOrder')}>
              <input type="checkbox" checked={form.laterInOrder} onChange={(e) => setForm({ ...form, laterInOrder: e.target.checked })} />
            </Field>
          </>
        )}
        <button type="button" disabled={!form.partyId || !form.facts.trim()} onClick={() => void run(() => api.call('credit.list', { ...listingInput(), seen }), '已纳入失信名单并制作决定书（院长签发）')} data-testid="credit-list">
          纳入失信名单
        </button>
      </div>

      <h3>限制消费</h3>
      <table className="table" data-testid="credit-restrictions">
        <thead>
          <tr>
            <th>被执行人</th>
            <th>被限制人</th>
            <th>限制日期</th>
            <th>状态</th>
            <th>应解除日期</th>
            <th>准许与举报</th>
            <th>文书</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {credit.restrictions.map((r) => (
            <tr key={r.id} data-testid={`credit-restriction-${r.id}`} data-status={r.status}>
              <td>{r.debtor}</td>
              <td>
                {r.persons.map((p) => (
                  <div key={p.id}>
                    {RESTRICTED_ROLE_LABELS[p.role]}：{p.name}
                    {p.idNumber ? `（${p.idNumber}）` : ''}
                  </div>
                ))}
              </td>
              <td>{r.orderedOn}</td>
              <td data-testid="restriction-status">{RESTRICTION_STATUS[r.status]}{r.liftGround && r.status !== 'active' ? `：${LIFT_GROUND_LABELS[r.liftGround]}` : ''}</td>
              <td data-testid="restriction-due">{r.liftedOn ? `已于${r.liftedOn}解除${r.liftedOnTime === false ? '（超期）' : ''}` : (r.liftDueOn ?? '')}</td>
              <td>
                {r.permissions.map((p) => (
                  <div key={p.id}>准许{PERMISSION_KIND_LABELS[p.kind]}（{p.grantedOn}）：{p.reason}</div>
                ))}
                {r.violations.map((v) => (
                  <div key={v.id}>
                    举报（{v.reportedOn}，{v.source}）：{v.what}　{VIOLATION_FOLLOWUP_LABELS[v.followup]}
                    {v.followup === 'none' ? (
                      <>
                        <button type="button" onClick={() => void run(() => api.call('credit.followUpViolation', { seen, violationId: v.id, followup: 'fineRequested' }), '已提请罚款')}>提请罚款</button>
                        <button type="button" onClick={() => void run(() => api.call('credit.followUpViolation', { seen, violationId: v.id, followup: 'detentionRequested' }), '已提请拘留')}>提请拘留</button>
                      </>
                    ) : null}
                  </div>
                ))}
              </td>
              <td>
                {r.orderDocumentId ? (
                  <button type="button" className="link" onClick={() => pdf(r.orderDocumentId!)} data-testid="restriction-doc">
                    限制消费令
                  </button>
                ) : null}
                {r.liftDocumentId ? (
                  <button type="button" className="link" onClick={() => pdf(r.liftDocumentId!)} data-testid="lift-doc">
                    解除限制消费令
                  </button>
                ) : null}
              </td>
              <td>
                {r.status === 'liftDue' ? (
                  <button type="button" onClick={() => void run(() => api.call('credit.lift', { seen, restrictionId: r.id }), '已解除限制消费并制作解除限制消费令')} data-testid="restriction-lift">
                    解除限制消费
                  </button>
                ) : null}
                {r.status === 'active' ? (
                  <div>
                    <select value={lift.ground} onChange={(e) => setLift({ ...lift, ground: e.target.value as LiftGround })}>
                      {(['consent', 'security', 'performed'] as const).map((g) => (
                        <option key={g} value={g}>
                          {LIFT_GROUND_LABELS[g]}
                        </option>
                      ))}
                    </select>
                    <input placeholder="担保内容或同意解除的书面材料" value={lift.note} onChange={(e) => setLift({ ...lift, note: e.target.value })} />
                    <button type="button" onClick={() => void run(() => api.call('credit.lift', { seen, restrictionId: r.id, ground: lift.ground, ...(lift.note.trim() ? { note: lift.note } : {}) }), '已解除限制消费')}>
                      解除
                    </button>
                  </div>
                ) : null}
                {r.status !== 'lifted' ? (
                  <div>
                    <select value={permit.personId} onChange={(e) => setPermit({ ...permit, personId: e.target.value })} aria-label="被限制人">
                      <option value="">选择被限制人</option>
                      {r.persons.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                    <select value={permit.kind} onChange={(e) => setPermit({ ...permit, kind: e.target.value as PermissionKind })} aria-label="准许事项">
                      {PERMISSION_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {PERMISSION_KIND_LABELS[k]}
                        </option>
                      ))}
                    </select>
                    <input placeholder="准许理由" value={permit.reason} onChange={(e) => setPermit({ ...permit, reason: e.target.value })} />
                    <button type="button" disabled={!permit.personId || !permit.reason.trim()} onClick={() => void run(() => api.call('credit.permit', { seen, restrictionId: r.id, personId: Number(permit.personId), kind: permit.kind, reason: permit.reason }), '已准许单次消费')}>
                      准许单次消费
                    </button>
                  </div>
                ) : null}
                {r.status !== 'lifted' ? (
                  <div>
                    <select value={tip.personId} onChange={(e) => setTip({ ...tip, personId: e.target.value })} aria-label="被举报人">
                      <option value="">选择被举报人</option>
                      {r.persons.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                    <input placeholder="举报来源" value={tip.source} onChange={(e) => setTip({ ...tip, source: e.target.value })} />
                    <input placeholder="违反限制消费的行为" value={tip.what} onChange={(e) => setTip({ ...tip, what: e.target.value })} />
                    <button type="button" disabled={!tip.personId || !tip.source.trim() || !tip.what.trim()} onClick={() => void run(() => api.call('credit.reportViolation', { seen, restrictionId: r.id, personId: Number(tip.personId), source: tip.source, what: tip.what }), '已登记举报')}>
                      登记举报
                    </button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
          {credit.restrictions.length === 0 ? (
            <tr>
              <td colSpan={8} className="muted">本案尚无限制消费登记。</td>
            </tr>
          ) : null}
        </tbody>
      </table>

      <h4>限制消费</h4>
      <div className="row actions-row" data-testid="credit-restrict-form">
        {debtor?.kind === 'org' ? (
          <>
            {(['legalRep', 'principal', 'responsible', 'controller'] as const).map((role) => (
              <Field key={role} label={RESTRICTED_ROLE_LABELS[role]} error={fieldError('persons')}>
                <input
                  value={persons.find((p) => p.role === role)?.name ?? (role === 'legalRep' ? (debtor.legalRep ?? '') : '')}
                  onChange={(e) => setPersons([...persons.filter((p) => p.role !== role), { role, name: e.target.value }])}
                  data-testid={`credit-person-${role}`}
                />
              </Field>
            ))}
          </>
        ) : null}
        <button
          type="button"
          disabled={!form.partyId}
          onClick={() => {
            const named = debtor?.kind === 'org' ? (['legalRep', 'principal', 'responsible', 'controller'] as const).map((role) => ({ role, name: (persons.find((p) => p.role === role)?.name ?? (role === 'legalRep' ? (debtor.legalRep ?? '') : '')).trim() })).filter((p) => p.name) : [];
            const listed = credit.listings.some((l) => l.partyId === Number(form.partyId) && l.status === 'listed');
            void run(() => api.call('credit.restrict', { seen, caseId: c.id, partyId: Number(form.partyId), origin: listed ? 'listing' : 'motion', persons: named }), '已限制消费');
          }}
          data-testid="credit-restrict"
        >
          对所选被执行人限制消费
        </button>
      </div>
    </div>
  );
}
