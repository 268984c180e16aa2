import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { navigate } from '../router';
import { hasRole, useSession } from '../session';
import type { MethodOutput } from '../../src-shared/api';
import { LIFT_GROUND_LABELS } from '../../src-shared/domain/credit';
import { errorText } from '../errorText';
import { DateInput } from '../components/DateInput';
import { courtToday } from '../../src-shared/domain/chineseDate';

type Register = MethodOutput<'credit.register'>;
type Figures = MethodOutput<'credit.figures'>;

const year = () => courtToday(new Date()).slice(0, 4);

/** 失信与限消: what is due (deletions within 3 working days, terms ended, corrections, liftings), the year's figures, and the national database's entry file. */
export function CreditPage() {
  const session = useSession();
  const [pendingOnly, setPendingOnly] = useState(true);
  const [register, setRegister] = useState<Register | null>(null);
  const [figures, setFigures] = useState<Figures | null>(null);
  const [range, setRange] = useState({ from: `${year()}-01-01`, to: `${year()}-12-31` });
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(errorText(e));
  const load = () => {
    setError(null);
    api.call('credit.register', { pendingOnly }).then(setRegister).catch(fail);
    api.call('credit.figures', range).then(setFigures).catch(fail);
  };
  // Figures reload with 刷新 after the dates are set, not at every keystroke in a date field.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the register follows the checkbox; the range waits for 刷新
  useEffect(load, [pendingOnly]);
  const manager = hasRole(session.user, ['management']);

  return (
    <div className="page" data-testid="credit-page">
      <div className="toolbar">
        <h2>失信与限消</h2>
        <label>
          <input type="checkbox" checked={pendingOnly} onChange={(e) => setPendingOnly(e.target.checked)} data-testid="credit-pending-only" /> 只看待办
        </label>
        <DateInput value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} aria-label="统计起始日期" />
        <DateInput value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} aria-label="统计截止日期" />
        <button type="button" onClick={load}>
          刷新
        </button>
        {manager ? (
          <button type="button" onClick={() => void api.call('credit.exportEntries', range).catch(fail)} data-testid="credit-export">
            导出失信名单录入数据
          </button>
        ) : null}
      </div>
      {error ? (
        <div className="error-banner" role="alert">
          {error}
        </div>
      ) : null}
      {figures ? (
        <p data-testid="credit-figures">
          纳入失信 {figures.listed} 人次（名单中 {figures.inForce}）；删除 {figures.deleted}，其中按期 {figures.deletedOnTime}，超期未删 {figures.deletionOverdue}；限制消费 {figures.restricted}；解除 {figures.lifted}，其中按期 {figures.liftedOnTime}，超期未解除 {figures.liftOverdue}；违反限消举报 {figures.violations}
        </p>
      ) : null}
      <h3>失信名单</h3>
      <table className="table" data-testid="credit-register-listings">
        <thead>
          <tr>
            <th>案号</th>
            <th>被执行人</th>
            <th>纳入日期</th>
            <th>期限至</th>
            <th>删除事由</th>
            <th>应删除日期</th>
            <th>纠正申请</th>
          </tr>
        </thead>
        <tbody>
          {register?.listings.map((l) => (
            <tr key={l.id} onClick={() => navigate(`/cases/${l.caseId}`)} className={l.deletionDueOn && !l.deletedOn && l.deletionDueOn < courtToday(new Date()) ? 'overdue' : ''}>
              <td>{l.caseNumber}</td>
              <td>{l.debtor}</td>
              <td>{l.decidedOn}</td>
              <td>{l.termEndsOn ?? '不设期限'}</td>
              <td>{l.removalGroundLabel ?? ''}</td>
              <td>{l.deletedOn ? `已于${l.deletedOn}删除` : (l.deletionDueOn ?? '')}</td>
              <td>{l.corrections.filter((x) => !x.decidedOn).map((x) => `应于${x.reviewDueOn}前审查`).join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>限制消费</h3>
      <table className="table" data-testid="credit-register-restrictions">
        <thead>
          <tr>
            <th>案号</th>
            <th>被执行人</th>
            <th>限制日期</th>
            <th>解除事由</th>
            <th>应解除日期</th>
          </tr>
        </thead>
        <tbody>
          {register?.restrictions.map((r) => (
            <tr key={r.id} onClick={() => navigate(`/cases/${r.caseId}`)}>
              <td>{r.caseNumber}</td>
              <td>{r.debtor}</td>
              <td>{r.orderedOn}</td>
              <td>{r.liftGround ? LIFT_GROUND_LABELS[r.liftGround] : ''}</td>
              <td>{r.liftedOn ? `已于${r.liftedOn}解除` : (r.liftDueOn ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
