import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { yuan } from '../../format';
import { navigate } from '../../router';
import type { MethodOutput } from '../../../src-shared/api';
import type { CaseTabProps } from '../../caseTabs';
import { errorText } from '../../errorText';

type Closure = MethodOutput<'closure.get'>;

/** 结案: how the case was closed — mode, amounts, ground, the documents produced, the 终本 re-query and resumption links. */
export function ClosureTab({ c }: CaseTabProps) {
  const [closure, setClosure] = useState<Closure | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .call('closure.get', { caseId: c.id })
      .then(setClosure)
      .catch((e: unknown) => setError(errorText(e)));
  }, [c.id, c.stage]);
  if (error)
    return (
      <div className="error-banner" role="alert">
        {error}
      </div>
    );
  if (closure === undefined) return <p className="muted">正在加载…</p>;
  const resumedFrom = (c.events.find((e) => e.type === 'case.filed')?.payload as { resumedFromId?: number } | undefined)?.resumedFromId;
  return (
    <div data-testid="case-closure">
      {typeof resumedFrom === 'number' ? (
        <p>
          本案为恢复执行案件，原案：
          <button type="button" className="link" onClick={() => navigate(`/cases/${resumedFrom}`)} data-testid="case-resumed-from">
            查看原案
          </button>
        </p>
      ) : null}
      {closure === null ? (
        <p className="muted">
          尚未结案。
          <button type="button" className="link" onClick={() => navigate('/closure')}>
            前往结案/终本
          </button>
        </p>
      ) : (
        <dl className="facts">
          <dt>结案方式</dt>
          <dd data-testid="case-closure-mode">{closure.mode}</dd>
          <dt>结案日期</dt>
          <dd>{closure.closedOn}</dd>
          {closure.ground ? (
            <>
              <dt>事由</dt>
              <dd>{closure.ground}</dd>
            </>
          ) : null}
          {closure.rulingNumber ? (
            <>
              <dt>裁定书文号</dt>
              <dd>{closure.rulingNumber}</dd>
            </>
          ) : null}
          <dt>申请执行标的</dt>
          <dd>{yuan(closure.claimFen)} 元</dd>
          <dt>执行到位</dt>
          <dd>
            {yuan(closure.recoveredFen)} 元{closure.paidDirectlyFen ? `（其中直接履行 ${yuan(closure.paidDirectlyFen)} 元）` : ''}
          </dd>
          <dt>未履行</dt>
          <dd data-testid="case-closure-unpaid">{yuan(closure.unpaidFen)} 元</dd>
          {closure.balanceFen !== 0 ? (
            <>
              <dt>结案时案款余额</dt>
              <dd>
                {yuan(closure.balanceFen)} 元{closure.balanceReason ? `：${closure.balanceReason}` : ''}
              </dd>
            </>
          ) : null}
          <dt>文书</dt>
          <dd>
            {closure.documents.length === 0
              ? '无'
              : closure.documents.map((d) => (
                  <span key={`${d.kind}${d.number}`}>
                    {d.kind} {d.number}
                    {d.documentId ? (
                      <button type="button" className="link" onClick={() => void api.call('documents.file', { documentId: d.documentId!, format: 'pdf' })}>
                        PDF
                      </button>
                    ) : null}{' '}
                  </span>
                ))}
          </dd>
          <dt>经办</dt>
          <dd>
            {closure.closedBy}
            {closure.correctedBy ? `（${closure.correctedBy} 更正）` : ''}
          </dd>
          {closure.note ? (
            <>
              <dt>备注</dt>
              <dd>{closure.note}</dd>
            </>
          ) : null}
          {closure.mode === '终结本次执行程序' ? (
            <>
              <dt>终本复查</dt>
              <dd data-testid="case-closure-requery">
                {closure.resumedCaseId ? '已恢复执行，不再复查' : closure.nextRequeryOn ? `下次复查 ${closure.nextRequeryOn}` : '五年复查期已满'}
                <button type="button" className="link" onClick={() => navigate('/archive')}>
                  终本库
                </button>
              </dd>
            </>
          ) : null}
          {closure.resumedCaseId ? (
            <>
              <dt>恢复执行</dt>
              <dd>
                <button type="button" className="link" onClick={() => navigate(`/cases/${closure.resumedCaseId}`)} data-testid="case-closure-resumed">
                  查看恢复执行案件
                </button>
              </dd>
            </>
          ) : null}
        </dl>
      )}
    </div>
  );
}
