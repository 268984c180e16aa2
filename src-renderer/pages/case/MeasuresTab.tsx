import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { yuan } from '../../format';
import type { MethodOutput } from '../../../src-shared/api';
import { MEASURE_ACTION_LABELS, RELEASE_GROUNDS } from '../../../src-shared/domain/assets';
import { parseYuan } from '../../../src-shared/domain/money';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ActionFeedback } from '../../components/ActionFeedback';
import { MEASURE_STATUS_LABELS } from '../../../src-shared/api/methods/measures';
import type { CaseTabProps } from '../../caseTabs';
import { errorText } from '../../errorText';

type Measure = MethodOutput<'measures.list'>['rows'][number];

type Pending = { kind: 'release'; m: Measure; item: number } | { kind: 'result'; m: Measure; outcome: 'done' | 'partial' | 'refused'; actual: string } | { kind: 'renew'; m: Measure };

/**
 * 措施: the case's freezes, seizures and deductions with their terms, results and renewal clocks, and
 * the work on them in context (the actions cases.workspace grants this user): the institution's
 * result, renewal and release — each confirmed first (a release names its ground, 查封规定 Art. 28).
 */
export function MeasuresTab({ c, seen, reload }: CaseTabProps) {
  const [rows, setRows] = useState<Measure[] | null>(null);
  const [may, setMay] = useState<{ renewRelease: boolean; recordResult: boolean }>({ renewRelease: false, recordResult: false });
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const load = useCallback(async () => {
    const [m, w] = await Promise.all([api.call('measures.list', { caseId: c.id, limit: 1000 }), api.call('cases.workspace', { caseId: c.id })]);
    setRows(m.rows);
    setMay({ renewRelease: w.actions.renewRelease, recordResult: w.actions.recordResult });
  }, [c.id]);
  useEffect(() => {
    load().catch((e: unknown) => setError(errorText(e)));
  }, [load]);

  const confirm = async (p: Pending) => {
    setPending(null);
    setError(null);
    setMessage(null);
    try {
      const label = `${MEASURE_ACTION_LABELS[p.m.action]} ${p.m.institution}`;
      if (p.kind === 'release') {
        await api.call('measures.release', { seen, measureIds: [p.m.id], reason: RELEASE_GROUNDS[p.item - 1]!, item: p.item });
        setMessage(`已解除${label}，解除文书已制作`);
      } else if (p.kind === 'renew') {
        await api.call('measures.renew', { seen, measureIds: [p.m.id] });
        setMessage(`已续行${label}，文书已重新制作`);
      } else {
        let actualFen: number | undefined;
        if (p.actual.trim()) {
          const f = parseYuan(p.actual);
          if (!f.ok) throw new Error(`实际金额：${f.reason}`);
          actualFen = f.fen;
        }
        await api.call('measures.recordResult', { seen, results: [{ measureId: p.m.id, outcome: p.outcome, ...(actualFen !== undefined ? { actualFen } : {}) }] });
        setMessage(`已登记${label}的协助执行结果`);
      }
      await load();
      reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (rows === null) return error ? <ActionFeedback error={error} message={null} testId="measures" /> : <p className="muted">正在加载…</p>;
  if (rows.length === 0)
    return (
      <p className="muted" data-testid="case-measures">
        尚未采取控制措施。
      </p>
    );
  const inForce = (m: Measure) => m.action !== 'deduct' && (m.status === 'done' || m.status === 'partial');
  return (
    <>
      <ActionFeedback error={error} message={message} testId="measures" />
      <table className="table" data-testid="case-measures">
        <thead>
          <tr>
            <th>措施</th>
            <th>协助单位 / 账号</th>
            <th className="num">金额（元）</th>
            <th className="num">实际（元）</th>
            <th>期限</th>
            <th>状态</th>
            <th>批次</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} className={m.renewalDue ? 'overdue' : m.status === 'released' ? 'muted' : ''} data-testid={`case-measure-${m.id}`}>
              <td>{MEASURE_ACTION_LABELS[m.action]}</td>
              <td>
                {m.institution} {m.identifier}
              </td>
              <td className="num">{yuan(m.amountFen)}</td>
              <td className="num">{yuan(m.actualFen)}</td>
              <td>
                {m.expiresOn ? `${m.startOn} 至 ${m.expiresOn}` : m.startOn}
                {m.renewals ? `（续行${m.renewals}次）` : ''}
                {m.renewalDue && m.daysToExpiry !== null ? `，${m.daysToExpiry} 日后到期，请续行` : ''}
              </td>
              <td>
                {MEASURE_STATUS_LABELS[m.status]}
                {m.releasedOn ? `（${m.releasedOn}${m.releaseReason ? `：${m.releaseReason}` : ''}）` : ''}
                {m.endedOn ? `（${m.endedOn} 冻结款已全部扣划，冻结终止）` : ''}
                {/* A partial deduction leaves the rest frozen (services/measures/results.ts). */}
                {m.action === 'freeze' && (m.status === 'done' || m.status === 'partial') && m.actualFen !== null && m.heldFen < m.actualFen ? `（已扣划 ${yuan(m.actualFen - m.heldFen)} 元，尚冻结 ${yuan(m.heldFen)} 元）` : ''}
              </td>
              <td>{m.batchNumber}</td>
              <td>
                {may.recordResult && m.status === 'pending' ? (
                  <button type="button" className="link" onClick={() => setPending({ kind: 'result', m, outcome: 'done', actual: '' })} data-testid={`measure-result-${m.id}`}>
                    登记结果
                  </button>
                ) : null}
                {may.renewRelease && inForce(m) ? (
                  <>
                    <button type="button" className="link" onClick={() => setPending({ kind: 'renew', m })} data-testid={`measure-renew-${m.id}`}>
                      续行
                    </button>{' '}
                    <button type="button" className="link" onClick={() => setPending({ kind: 'release', m, item: 4 })} data-testid={`measure-release-${m.id}`}>
                      解除
                    </button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pending ? <MeasureConfirm pending={pending} onChange={setPending} onConfirm={() => void confirm(pending)} onCancel={() => setPending(null)} /> : null}
    </>
  );
}

function MeasureConfirm({ pending: p, onChange, onConfirm, onCancel }: { pending: Pending; onChange: (p: Pending) => void; onConfirm: () => void; onCancel: () => void }) {
  const what = `${MEASURE_ACTION_LABELS[p.m.action]} ${p.m.institution} ${p.m.identifier}（${yuan(p.m.actualFen ?? p.m.amountFen)} 元）`;
  if (p.kind === 'release')
    return (
      <ConfirmDialog title="确认解除控制措施" confirmLabel="解除" danger onConfirm={onConfirm} onCancel={onCancel}>
        <p>解除 {what}，并制作解除裁定书和协助执行通知书。解除后财产不再受本案控制。</p>
        <label>
          解除依据（查封规定第二十八条第一款）
          <select value={p.item} onChange={(e) => onChange({ ...p, item: Number(e.target.value) })} data-testid="measure-release-item">
            {RELEASE_GROUNDS.map((g, i) => (
              <option key={g} value={i + 1}>
                {`第${'一二三四五六'[i]}项：${g}`}
              </option>
            ))}
          </select>
        </label>
      </ConfirmDialog>
    );
  if (p.kind === 'renew')
    return (
      <ConfirmDialog title="确认续行" confirmLabel="续行" onConfirm={onConfirm} onCancel={onCancel}>
        <p>续行 {what}：期限自原到期日起重新计算，重新制作续行文书。</p>
      </ConfirmDialog>
    );
  return (
    <ConfirmDialog title="登记协助执行结果" confirmLabel="登记" onConfirm={onConfirm} onCancel={onCancel}>
      <p>{what}</p>
      <label>
        结果
        <select value={p.outcome} onChange={(e) => onChange({ ...p, outcome: e.target.value as 'done' | 'partial' | 'refused' })} data-testid="measure-result-outcome">
          <option value="done">已执行</option>
          <option value="partial">部分执行</option>
          <option value="refused">未能执行</option>
        </select>
      </label>
      <label>
        实际金额（元，不填则为申请金额）
        <input value={p.actual} onChange={(e) => onChange({ ...p, actual: e.target.value })} data-testid="measure-result-actual" />
      </label>
    </ConfirmDialog>
  );
}
