import { useState } from 'react';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { useSession } from '../../session';
import type { MethodOutput } from '../../../src-shared/api';
import { shown, type ShownError } from '../triage/errors';

type Loads = MethodOutput<'assignment.loads'>;

/** 改分: the selected cases to one judge, with the reason (required; under the cap). */
/** `cases`: the selected rows with the version each showed (what the write states as seen). */
export function ReassignForm({ cases, loads, onDone }: { cases: { id: number; version: number }[]; loads: Loads | null; onDone: (message: string) => void }) {
  const caseIds = cases.map((c) => c.id);
  const { settings } = useSession();
  const [judgeId, setJudgeId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const teamName = (id: string) => settings.teams.find((t) => t.id === id)?.name ?? id;

  const submit = async () => {
    setError(null);
    if (!judgeId) return setError({ message: '请选择承办法官', field: 'judgeId' });
    setBusy(true);
    try {
      const r = await api.call('assignment.reassign', { caseIds, judgeId: Number(judgeId), reason, seen: { cases: Object.fromEntries(cases.map((c) => [String(c.id), c.version])) } });
      const judge = loads?.judges.find((j) => j.judgeId === Number(judgeId));
      setReason('');
      onDone(`已将 ${r.moved} 件案件改分给${judge ? `${teamName(judge.teamId)}${judge.name}` : '所选法官'}（改分批次 ${r.runId}）。`);
    } catch (e) {
      setError(shown(e));
    } finally {
      setBusy(false);
    }
  };
  const at = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <fieldset data-testid="reassign-form">
      <legend>改分所选 {caseIds.length} 件案件</legend>
      <div className="row">
        <Field label="改分给" required error={at('judgeId')}>
          <select value={judgeId} onChange={(e) => setJudgeId(e.target.value)} data-testid="reassign-judge">
            <option value="">请选择法官</option>
            {(loads?.judges ?? []).map((j) => (
              <option key={j.judgeId} value={j.judgeId} disabled={j.load >= (loads?.cap ?? Infinity)}>
                {teamName(j.teamId)} {j.name}（{j.load}/{loads?.cap}）
              </option>
            ))}
          </select>
        </Field>
        <Field label="改分理由" required wide error={at('reason')} hint="记入分案记录与案件日志">
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="例如：承办法官回避" data-testid="reassign-reason" />
        </Field>
      </div>
      {error && !['judgeId', 'reason'].includes(error.field ?? '') ? (
        <div className="error-banner" role="alert" data-testid="reassign-error">
          {error.message}
        </div>
      ) : null}
      <button type="button" className="primary" disabled={busy || caseIds.length === 0} onClick={() => void submit()} data-testid="reassign-submit">
        改分
      </button>
    </fieldset>
  );
}
