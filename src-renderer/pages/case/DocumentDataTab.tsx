import { useEffect, useState } from 'react';
import { api, ApiCallError } from '../../api/client';
import { Field } from '../../components/Field';
import type { CaseTabProps } from '../../caseTabs';
import { TITLE_KINDS, type TitleKind } from '../../../src-shared/domain/executionTitle';

const SOURCE = { case: '本案指定', assigned: '分案法官', team: '团队设置' } as const;

/**
 * What the case's documents recite and who signs them: the title's type and what it ordered (a case
 * filed before they were asked shows 未登记 and its documents are refused until recorded), the judge
 * and clerk who sign its rulings (民诉法 Art. 157), and the bank's account of the case (一案一账号).
 */
export function DocumentDataTab({ c, seen, reload }: CaseTabProps) {
  const [title, setTitle] = useState({ kind: (TITLE_KINDS as readonly string[]).includes(c.title.kind) ? (c.title.kind as TitleKind) : ('' as TitleKind | ''), kindOther: c.title.kindOther ?? '', ordered: c.title.ordered ?? '', joint: c.title.joint });
  const [account, setAccount] = useState({ bank: c.account?.bank ?? '', accountName: c.account?.accountName ?? '', accountNumber: c.account?.accountNumber ?? '' });
  const [people, setPeople] = useState<{ id: number; displayName: string }[] | null>(null);
  const [officers, setOfficers] = useState({ judgeId: c.officers.judge?.id ?? null, clerkId: c.officers.clerk?.id ?? null });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    api
      .call('users.list', {})
      .then((list) => setPeople(list.filter((u) => u.active).map((u) => ({ id: u.id, displayName: u.displayName }))))
      .catch(() => setPeople(null));
  }, []);
  const run = async (f: () => Promise<unknown>, ok: string) => {
    try {
      await f();
      setMessage({ ok: true, text: ok });
      reload();
    } catch (e) {
      if (e instanceof ApiCallError) setMessage({ ok: false, text: e.message });
      else throw e;
    }
  };
  const debtors = c.parties.filter((p) => p.role === 'debtor').length;
  const person = (value: number | null, onChange: (v: number | null) => void, testId: string) =>
    people ? (
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} data-testid={testId}>
        <option value="">（沿用分案法官或团队设置）</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </select>
    ) : (
      <span className="muted">（由综合管理或系统管理员指定）</span>
    );
  return (
    <div data-testid="case-document-data">
      {message ? (
        <div className={message.ok ? 'success' : 'error-banner'} role="alert" data-testid="document-data-message">
          {message.text}
        </div>
      ) : null}
      <fieldset>
        <legend>执行依据（文书据此叙述）</legend>
        {c.title.kind === '未登记' ? <p className="notice">本案立案时未登记执行依据的类型与判项，叙述执行依据的文书须补录后才能制作。</p> : null}
        <div className="row">
          <Field label="类型" required>
            <select value={title.kind} onChange={(e) => setTitle({ ...title, kind: e.target.value as TitleKind | '' })} data-testid="doc-title-kind">
              <option value="">（请选择）</option>
              {TITLE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </Field>
          {title.kind === '其他' ? (
            <Field label="文书名称" required>
              <input value={title.kindOther} onChange={(e) => setTitle({ ...title, kindOther: e.target.value })} />
            </Field>
          ) : null}
          {debtors > 1 ? (
            <Field label="被执行人承担连带责任">
              <input type="checkbox" checked={title.joint} onChange={(e) => setTitle({ ...title, joint: e.target.checked })} data-testid="doc-title-joint" />
            </Field>
          ) : null}
        </div>
        <div className="row">
          <Field label="执行依据确定的义务（判项）" required wide>
            <textarea rows={3} value={title.ordered} onChange={(e) => setTitle({ ...title, ordered: e.target.value })} data-testid="doc-title-ordered" />
          </Field>
        </div>
        <button
          type="button"
          className="primary"
          disabled={!title.kind || !title.ordered.trim()}
          onClick={() => void run(() => api.call('cases.updateTitle', { caseId: c.id, title: { kind: title.kind as TitleKind, ...(title.kind === '其他' ? { kindOther: title.kindOther } : {}), ordered: title.ordered, joint: title.joint }, seen }), '执行依据已保存')}
          data-testid="doc-title-save"
        >
          保存执行依据
        </button>
      </fieldset>
      <fieldset>
        <legend>裁定署名（审判员、书记员）</legend>
        <dl className="facts">
          <dt>审判员</dt>
          <dd data-testid="doc-judge">{c.officers.judge ? `${c.officers.judge.name}（${SOURCE[c.officers.judge.source]}）` : '未确定：不能制作裁定书'}</dd>
          <dt>书记员</dt>
          <dd data-testid="doc-clerk">{c.officers.clerk ? `${c.officers.clerk.name}（${SOURCE[c.officers.clerk.source]}）` : '未确定：不能制作裁定书'}</dd>
        </dl>
        <div className="row">
          <Field label="本案审判员">{person(officers.judgeId, (v) => setOfficers({ ...officers, judgeId: v }), 'doc-judge-select')}</Field>
          <Field label="本案书记员">{person(officers.clerkId, (v) => setOfficers({ ...officers, clerkId: v }), 'doc-clerk-select')}</Field>
        </div>
        {people ? (
          <button type="button" onClick={() => void run(() => api.call('cases.setOfficers', { caseIds: [c.id], judgeId: officers.judgeId, clerkId: officers.clerkId, seen }), '署名人员已保存')} data-testid="doc-officers-save">
            保存署名人员
          </button>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>案款账户（一案一账号，银行为本案开立的子账号）</legend>
        {c.account ? null : <p className="notice">尚未登记：执行通知书须写明付款账户，登记前不能制作。</p>}
        <div className="row">
          <Field label="开户银行" required>
            <input value={account.bank} onChange={(e) => setAccount({ ...account, bank: e.target.value })} data-testid="doc-account-bank" />
          </Field>
          <Field label="户名" required>
            <input value={account.accountName} onChange={(e) => setAccount({ ...account, accountName: e.target.value })} data-testid="doc-account-name" />
          </Field>
          <Field label="账号" required>
            <input value={account.accountNumber} onChange={(e) => setAccount({ ...account, accountNumber: e.target.value })} data-testid="doc-account-number" />
          </Field>
        </div>
        <button type="button" onClick={() => void run(() => api.call('caseAccounts.set', { caseId: c.id, ...account, seen }), '案款账户已保存')} data-testid="doc-account-save">
          保存案款账户
        </button>
      </fieldset>
    </div>
  );
}
