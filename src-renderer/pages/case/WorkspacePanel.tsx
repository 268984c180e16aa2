import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { yuan } from '../../format';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { ActionFeedback } from '../../components/ActionFeedback';
import type { Seen } from '../../../src-shared/api/caseVersions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { allowedActions, MEASURE_ACTION_LABELS, type MeasureAction } from '../../../src-shared/domain/assets';
import { parseYuan } from '../../../src-shared/domain/money';
import type { MethodOutput } from '../../../src-shared/api';
import type { CaseDetail } from '../../caseTabs';
import { errorText } from '../../errorText';
import { DateInput } from '../../components/DateInput';

export type Workspace = MethodOutput<'cases.workspace'>;
type Asset = MethodOutput<'assets.list'>['rows'][number];
type Template = MethodOutput<'documents.templates'>[number];

type Dialog = 'query' | 'control' | 'document' | 'transfer' | 'decideTransfer' | 'requestClosure' | 'decideClosure' | 'resume' | null;

/**
 * The head of the case page (案件概要) and the actions this user may take on the case: the summary
 * (stage, team and judge, clocks with the next due, money, measures in force with their expiry, what
 * 终本 still lacks) and one button per action the registry lets this user call on this case in its
 * state (cases.workspace.actions). Work that has its own tab (笔录, 备注与附件, 期限暂停, 送达) opens it.
 */
export function WorkspacePanel({ c, version, seen, onTab, reloadCase }: { c: CaseDetail; version: number; seen: Seen; onTab: (key: string) => void; reloadCase: () => void }) {
  const [w, setW] = useState<Workspace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const load = useCallback(async () => {
    setW(await api.call('cases.workspace', { caseId: c.id }));
  }, [c.id]);
  // Read again whenever the case was (version: a tab below changed it).
  useEffect(() => {
    load().catch((e: unknown) => setError(errorText(e)));
  }, [load, version]);

  /** Runs one action; on success closes its dialog, says what was done and reloads the case and its summary. */
  const run = async (fn: () => Promise<string>) => {
    setError(null);
    setMessage(null);
    try {
      const said = await fn();
      setDialog(null);
      setMessage(said);
      reloadCase();
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (!w) return error ? <ActionFeedback error={error} message={null} testId="ws" /> : <p className="muted">正在加载案件概要…</p>;
  const a = w.actions;
  const next = w.clocks[0];
  return (
    <div data-testid="case-workspace">
      <div className="ws-summary" data-testid="ws-summary">
        <div>
          <h4>环节与承办</h4>
          <div data-testid="ws-stage">
            {w.stageLabel}
            {w.closed && w.closureMode ? `（${w.closureMode}，${w.closedOn ?? ''}）` : ''}
          </div>
          <div data-testid="ws-team">团队：{w.team?.name ?? '未分案'}</div>
          <div>
            承办法官：{w.judge?.name ?? '未指定'}
            {w.clerk ? `　书记员：${w.clerk.name}` : ''}
          </div>
        </div>
        <div>
          <h4>节点期限</h4>
          {next ? (
            <div className={next.bucket === 'overdue' ? 'overdue' : ''} data-testid="ws-next-due">
              下一项：{next.name}，{next.dueOn} {next.statusLabel}
            </div>
          ) : (
            <div className="muted" data-testid="ws-next-due">
              没有进行中的期限
            </div>
          )}
          {w.clocks.length > 1 ? <div className="muted">另有 {w.clocks.length - 1} 项期限进行中</div> : null}
        </div>
        <div data-testid="ws-money">
          <h4>案款（元）</h4>
          <div>申请标的 {yuan(w.money.claimFen)}</div>
          <div>
            已到位 {yuan(w.money.recoveredFen)}　已发放 {yuan(w.money.paidOutFen)}
          </div>
          <div>
            账户余额 {yuan(w.money.balanceFen)}
            {w.money.overdueFen > 0 ? <span className="overdue">（超期未发 {yuan(w.money.overdueFen)}）</span> : null}
          </div>
        </div>
        <div data-testid="ws-measures">
          <h4>在执行的控制措施</h4>
          {w.measures.length === 0 ? (
            <div className="muted">无</div>
          ) : (
            <ul>
              {w.measures.map((m) => (
                <li key={m.id} className={m.renewalDue ? 'overdue' : ''}>
                  {m.actionLabel} {m.institution} {m.identifier} {yuan(m.amountFen)} 元{m.expiresOn ? `，${m.expiresOn} 到期` : ''}
                  {m.renewalDue ? '，请续行' : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
        {w.zhongben ? (
          <div data-testid="ws-zhongben">
            <h4>终本条件</h4>
            {w.zhongben.complete ? (
              <div>已具备</div>
            ) : (
              <ul className="missing">
                {w.zhongben.missing.map((m) => (
                  <li key={m}>尚缺：{m}</li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
        {w.transfer || w.closureRequest ? (
          <div data-testid="ws-requests">
            <h4>申请</h4>
            {w.transfer ? <div>移交申请：{requestStatus(w.transfer.status)}{w.transfer.decisionNote ? `（${w.transfer.decisionNote}）` : ''}</div> : null}
            {w.closureRequest ? (
              <div data-testid="ws-closure-request">
                终本申请：{requestStatus(w.closureRequest.status)}
                {w.closureRequest.returnReasons.length ? `（退回理由：${w.closureRequest.returnReasons.join('；')}）` : ''}
              </div>
            ) : null}
          </div>
        ) : null}
      </div>

      <div className="ws-actions" data-testid="ws-actions">
        {a.query ? <Btn id="query" onClick={() => setDialog('query')}>新建网络查控</Btn> : null}
        {a.control ? <Btn id="control" onClick={() => setDialog('control')}>控制财产</Btn> : null}
        {a.documents ? <Btn id="document" onClick={() => setDialog('document')}>制作文书</Btn> : null}
        {a.service ? <Btn id="service" onClick={() => onTab('documents')}>送达记录</Btn> : null}
        {a.records ? <Btn id="record" onClick={() => onTab('records')}>制作笔录</Btn> : null}
        {a.notes || a.attachments ? <Btn id="notes" onClick={() => onTab('notes')}>备注与附件</Btn> : null}
        {a.ledger ? <Btn id="ledger" onClick={() => navigate(`/ledger?case=${c.id}`)}>案款记账</Btn> : null}
        {a.suspend ? <Btn id="suspend" onClick={() => onTab('deadlines')}>暂停计算期限</Btn> : null}
        {a.transfer ? <Btn id="transfer" onClick={() => setDialog('transfer')}>申请移交</Btn> : null}
        {a.decideTransfer ? <Btn id="decide-transfer" onClick={() => setDialog('decideTransfer')}>审批移交申请</Btn> : null}
        {a.closeModes.length > 0 ? <Btn id="close" onClick={() => navigate(`/closure?case=${c.id}`)}>办理结案</Btn> : null}
        {a.requestClosure ? <Btn id="request-closure" onClick={() => setDialog('requestClosure')}>提交终本申请</Btn> : null}
        {a.decideClosure ? <Btn id="decide-closure" onClick={() => setDialog('decideClosure')}>审核终本申请</Btn> : null}
        {a.resume ? <Btn id="resume" onClick={() => setDialog('resume')}>恢复执行</Btn> : null}
        <Btn id="print" onClick={() => void run(async () => (await api.call('cases.printSummary', { caseId: c.id }), '已生成案件情况表'))}>打印案件情况表</Btn>
      </div>
      <ActionFeedback error={dialog ? null : error} message={message} testId="ws" />

      {dialog === 'query' ? <QueryDialog c={c} seen={seen} error={error} run={run} close={() => setDialog(null)} /> : null}
      {dialog === 'control' ? <ControlDialog c={c} seen={seen} error={error} run={run} close={() => setDialog(null)} /> : null}
      {dialog === 'document' ? <DocumentDialog c={c} seen={seen} error={error} run={run} close={() => setDialog(null)} /> : null}
      {dialog === 'transfer' ? <TransferDialog c={c} seen={seen} error={error} run={run} close={() => setDialog(null)} /> : null}
      {dialog === 'decideTransfer' && w.transfer ? <DecideTransferDialog request={w.transfer} seen={seen} error={error} run={run} close={() => setDialog(null)} /> : null}
      {dialog === 'requestClosure' ? <RequestClosureDialog c={c} seen={seen} error={error} run={run} close={() => setDialog(null)} /> : null}
      {dialog === 'decideClosure' && w.closureRequest ? <DecideClosureDialog request={w.closureRequest} missing={w.zhongben?.missing ?? []} seen={seen} error={error} run={run} close={() => setDialog(null)} /> : null}
      {dialog === 'resume' ? <ResumeDialog c={c} seen={seen} error={error} run={run} close={() => setDialog(null)} /> : null}
    </div>
  );
}

function requestStatus(s: string): string {
  return ({ pending: '待审核', approved: '已同意', rejected: '未同意', closed: '已结案', returned: '已退回' } as Record<string, string>)[s] ?? s;
}

function Btn(props: { id: string; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" onClick={props.onClick} data-testid={`ws-${props.id}`}>
      {props.children}
    </button>
  );
}

type Run = (fn: () => Promise<string>) => Promise<void>;
interface DialogProps {
  /** The case version the clerk has taken notice of: every write states it. */
  seen: Seen;
  error: string | null;
  run: Run;
  close: () => void;
}

/** A form in a modal: its fields, the refusal (if any), cancel and the action's own button. */
function Modal(props: { title: string; testId: string; error: string | null; okLabel: string; onOk: () => void; onCancel: () => void; danger?: boolean; busy?: boolean; children: ReactNode }) {
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" data-testid={props.testId}>
      <div className="modal wide">
        <h3>{props.title}</h3>
        <div className="modal-body ws-form">{props.children}</div>
        {props.error ? (
          <div className="error-banner" role="alert" data-testid={`${props.testId}-error`}>
            {props.error}
          </div>
        ) : null}
        <div className="modal-actions">
          <button type="button" onClick={props.onCancel}>
            取消
          </button>
          <button type="button" className={props.danger ? 'danger' : 'primary'} disabled={props.busy} onClick={props.onOk} data-testid={`${props.testId}-ok`}>
            {props.okLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

/** 网络查控 for this case (a first query or a new one): a batch of one case; its request file goes out as usual. */
function QueryDialog({ c, seen, error, run, close }: DialogProps & { c: CaseDetail }) {
  return (
    <Modal
      title="新建网络查控"
      testId="ws-query-dialog"
      error={error}
      okLabel="发起查控"
      onCancel={close}
      onOk={() =>
        void run(async () => {
          const b = await api.call('inquiries.createBatch', { caseIds: [c.id], seen });
          return `已建立查控批次 ${b.number}（被查询人 ${b.targets.length} 名），请在“网络查控”导出请求文件发出`;
        })
      }
    >
      <p>
        对本案全部被执行人（{c.parties.filter((p) => p.role === 'debtor').map((p) => p.name).join('、')}）发起网络查控，查询存款、不动产、车辆、证券等全部财产类别。
      </p>
    </Modal>
  );
}

/** A freeze, seizure or deduction on one of this case's assets, as a control batch of one item (the rulings and notices are made with it). */
function ControlDialog({ c, seen, error, run, close }: DialogProps & { c: CaseDetail }) {
  const [assets, setAssets] = useState<Asset[] | null>(null);
  const [assetId, setAssetId] = useState<number | null>(null);
  const [action, setAction] = useState<MeasureAction | ''>('');
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const [own, setOwn] = useState<string | null>(null);
  useEffect(() => {
    api
      .call('assets.list', { caseId: c.id, controllable: true, limit: 200 })
      .then((r) => setAssets(r.rows))
      .catch((e: unknown) => setOwn(errorText(e)));
  }, [c.id]);
  const asset = assets?.find((x) => x.id === assetId);
  const actions: MeasureAction[] = asset ? (asset.frozenAvailableFen > 0 ? ['deduct'] : allowedActions(asset.type).filter((x) => x !== 'deduct')) : [];
  const chosen = action || actions[0] || '';
  return (
    <Modal
      title="控制财产"
      testId="ws-control-dialog"
      error={own ?? error}
      okLabel={chosen ? `确认${MEASURE_ACTION_LABELS[chosen]}` : '确认'}
      busy={busy}
      onCancel={close}
      onOk={() => {
        if (!asset || !chosen) return setOwn('请选择财产');
        let amountFen: number | undefined;
        if (amount.trim()) {
          const f = parseYuan(amount);
          if (!f.ok) return setOwn(`金额：${f.reason}`);
          if (f.fen <= 0) return setOwn('金额应大于零');
          amountFen = f.fen;
        }
        setOwn(null);
        setBusy(true);
        void run(async () => {
          try {
            let job = await api.call('measures.createBatch', { seen, items: [{ assetId: asset.id, action: chosen, ...(amountFen !== undefined ? { amountFen } : {}) }] });
            while (job.status === 'running' || job.status === 'queued') {
              await new Promise((r) => setTimeout(r, 300));
              job = await api.call('jobs.get', { id: job.id });
            }
            if (job.status !== 'done') throw new Error(job.error?.message ?? '控制措施未完成，未写入任何内容');
            const r = job.result as { batchNumber: string; documentCount: number };
            return `已${MEASURE_ACTION_LABELS[chosen]}${asset.institution}（批次 ${r.batchNumber}，文书 ${r.documentCount} 份）；协助执行结果回来后在“措施”中登记`;
          } finally {
            setBusy(false);
          }
        });
      }}
    >
      {assets === null ? (
        <p className="muted">正在加载财产…</p>
      ) : assets.length === 0 ? (
        <p className="muted" data-testid="ws-control-none">
          本案没有可控制的财产（先发起网络查控，反馈导入后财产列入清单）。
        </p>
      ) : (
        <>
          <label>
            财产
            <select
              value={assetId ?? ''}
              onChange={(e) => {
                setAssetId(Number(e.target.value) || null);
                setAction('');
              }}
              data-testid="ws-control-asset"
            >
              <option value="">请选择</option>
              {assets.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.typeLabel} {x.institution} {x.identifier} {x.valueFen === null ? '' : `${yuan(x.valueFen)} 元`}
                  {x.frozenAvailableFen > 0 ? `（已冻结 ${yuan(x.frozenAvailableFen)} 元可扣划）` : ''}
                </option>
              ))}
            </select>
          </label>
          {asset ? (
            <>
              <label>
                措施
                <select value={chosen} onChange={(e) => setAction(e.target.value as MeasureAction)} data-testid="ws-control-action">
                  {actions.map((x) => (
                    <option key={x} value={x}>
                      {MEASURE_ACTION_LABELS[x]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                金额（元，不填则{chosen === 'deduct' ? '扣划全部已冻结金额' : '以财产余额和尚需控制的金额为限'}）
                <input value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="ws-control-amount" />
              </label>
              <p className="muted">尚需控制 {yuan(asset.caseOutstandingFen)} 元。</p>
            </>
          ) : null}
        </>
      )}
    </Modal>
  );
}

/** One document of any template for this case (the engine lists what the case lacks, if anything). */
function DocumentDialog({ c, seen, error, run, close }: DialogProps & { c: CaseDetail }) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [kind, setKind] = useState('');
  const [partyId, setPartyId] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    void api.call('documents.templates', {}).then(setTemplates).catch(() => setTemplates([]));
  }, []);
  const t = templates.find((x) => x.kind === kind);
  return (
    <Modal
      title="制作文书"
      testId="ws-document-dialog"
      error={error}
      okLabel="制作"
      onCancel={close}
      onOk={() =>
        void run(async () => {
          const r = await api.call('documents.generate', { seen, caseId: c.id, kind: kind as never, ...(partyId ? { partyId: Number(partyId) } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) });
          return `已制作：${r.documents.map((d) => `${d.kind}（${d.number}）`).join('、')}，见“文书与送达”`;
        })
      }
    >
      <label>
        文书
        <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="ws-document-kind">
          <option value="">请选择</option>
          {templates.map((x) => (
            <option key={x.kind} value={x.kind}>
              {x.kind}
            </option>
          ))}
        </select>
      </label>
      {t ? <p className="muted">{t.summary}</p> : null}
      {t && t.addressee !== 'file' ? (
        <label>
          受送达人（送达回证等须指定）
          <select value={partyId} onChange={(e) => setPartyId(e.target.value)}>
            <option value="">按文书默认</option>
            {c.parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.role === 'applicant' ? '申请执行人' : '被执行人'} {p.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        重新制作的原因（本案已有同种文书时填写，原文书保留）
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </Modal>
  );
}

/** A team asks the management to move its case (移交/改分申请). */
function TransferDialog({ c, seen, error, run, close }: DialogProps & { c: CaseDetail }) {
  const { settings } = useSession();
  const [reason, setReason] = useState('');
  const [toTeamId, setToTeamId] = useState('');
  return (
    <Modal
      title="申请移交案件"
      testId="ws-transfer-dialog"
      error={error}
      okLabel="提交申请"
      onCancel={close}
      onOk={() =>
        void run(async () => {
          await api.call('transfers.request', { seen, caseId: c.id, reason, ...(toTeamId ? { toTeamId } : {}) });
          return '移交申请已提交，等待综合管理审批';
        })
      }
    >
      <label>
        理由
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} data-testid="ws-transfer-reason" />
      </label>
      <label>
        建议接收团队（可不选）
        <select value={toTeamId} onChange={(e) => setToTeamId(e.target.value)}>
          <option value="">不指定</option>
          {settings.teams
            .filter((t) => t.active && t.id !== c.teamId)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </select>
      </label>
    </Modal>
  );
}

/** The management approves (naming the judge who receives the case) or refuses with a reason. */
function DecideTransferDialog({ request, seen, error, run, close }: DialogProps & { request: NonNullable<Workspace['transfer']> }) {
  const [judges, setJudges] = useState<{ id: number; name: string }[]>([]);
  const [judgeId, setJudgeId] = useState('');
  const [note, setNote] = useState('');
  const [approve, setApprove] = useState(true);
  useEffect(() => {
    void api
      .call('users.list', {})
      .then((l) => setJudges(l.filter((u) => u.active && (u.roles.includes('team') || u.roles.includes('fastTrack'))).map((u) => ({ id: u.id, name: u.displayName }))))
      .catch(() => setJudges([]));
  }, []);
  return (
    <Modal
      title="审批移交申请"
      testId="ws-decide-transfer-dialog"
      error={error}
      okLabel={approve ? '同意并改分' : '不同意'}
      onCancel={close}
      onOk={() =>
        void run(async () => {
          await api.call('transfers.decide', { seen, requestId: request.id, approve, ...(approve && judgeId ? { judgeId: Number(judgeId) } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
          return approve ? '已同意移交，案件已改分' : '已退回移交申请';
        })
      }
    >
      <p>
        {request.fromTeam ?? ''} 申请：{request.reason}
        {request.toTeam ? `（建议移交 ${request.toTeam}）` : ''}
      </p>
      <label>
        <input type="radio" checked={approve} onChange={() => setApprove(true)} /> 同意
      </label>
      <label>
        <input type="radio" checked={!approve} onChange={() => setApprove(false)} /> 不同意
      </label>
      {approve ? (
        <label>
          接收案件的承办法官
          <select value={judgeId} onChange={(e) => setJudgeId(e.target.value)}>
            <option value="">请选择</option>
            {judges.map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        意见{approve ? '（可不填）' : '（不同意须写明理由）'}
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
    </Modal>
  );
}

/** The team proposes 终本 to the 终本 group, with the applicant's consent date; asked to confirm first. */
function RequestClosureDialog({ c, seen, error, run, close }: DialogProps & { c: CaseDetail }) {
  const [reason, setReason] = useState('');
  const [consentOn, setConsentOn] = useState('');
  const [confirming, setConfirming] = useState(false);
  const submit = () =>
    void run(async () => {
      await api.call('closure.request', { seen, caseId: c.id, reason, ...(consentOn ? { zhongbenBasis: { kind: 'consent' as const, consentOn } } : {}) });
      return '终本申请已提交终本案件管控组审核';
    }).finally(() => setConfirming(false));
  if (confirming)
    return (
      <ConfirmDialog title="确认提交终本申请" confirmLabel="提交" onConfirm={submit} onCancel={() => setConfirming(false)}>
        <p>
          将 {c.number} 以“终结本次执行程序”提交终本案件管控组审核。提交后本团队不能再次提交，直至审核退回。
        </p>
      </ConfirmDialog>
    );
  return (
    <Modal title="提交终本申请" testId="ws-request-closure-dialog" error={error} okLabel="提交" onCancel={close} onOk={() => setConfirming(true)}>
      <label>
        申请理由
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} data-testid="ws-request-closure-reason" />
      </label>
      <label>
        申请执行人书面同意终本的日期（无同意的，由合议庭审查，终本组审核时补录）
        <DateInput value={consentOn} onChange={(e) => setConsentOn(e.target.value)} data-testid="ws-request-closure-consent" />
      </label>
    </Modal>
  );
}

/** The 终本 group closes the proposed case as 终本 (confirmed first) or returns it with reasons. */
function DecideClosureDialog({ request, missing, seen, error, run, close }: DialogProps & { request: NonNullable<Workspace['closureRequest']>; missing: string[] }) {
  const [closeIt, setCloseIt] = useState(true);
  const [reasons, setReasons] = useState('');
  const [confirming, setConfirming] = useState(false);
  const submit = () =>
    void run(async () => {
      await api.call('closure.decide', { seen, requestId: request.id, close: closeIt, reasons: closeIt ? [] : reasons.split(/\n/).map((r) => r.trim()).filter(Boolean) });
      return closeIt ? '已以终结本次执行程序结案，案件转入终本库' : '终本申请已退回承办团队';
    }).finally(() => setConfirming(false));
  if (confirming)
    return (
      <ConfirmDialog title="确认终本结案" confirmLabel="结案" danger onConfirm={submit} onCancel={() => setConfirming(false)}>
        <p>将 {request.caseNumber} 以“终结本次执行程序”结案，制作终本裁定书并转入终本库。结案后只能经更正或恢复执行改变。</p>
      </ConfirmDialog>
    );
  return (
    <Modal title="审核终本申请" testId="ws-decide-closure-dialog" error={error} okLabel={closeIt ? '结案' : '退回'} onCancel={close} onOk={() => (closeIt ? setConfirming(true) : submit())}>
      <p>
        {request.requestedBy} 申请：{request.reason}
      </p>
      {missing.length ? <p className="missing">终本条件尚缺：{missing.join('；')}</p> : <p>终本条件已具备。</p>}
      <label>
        <input type="radio" checked={closeIt} onChange={() => setCloseIt(true)} /> 以终结本次执行程序结案
      </label>
      <label>
        <input type="radio" checked={!closeIt} onChange={() => setCloseIt(false)} data-testid="ws-decide-closure-return" /> 退回承办团队
      </label>
      {!closeIt ? (
        <label>
          退回理由（每行一条）
          <textarea value={reasons} onChange={(e) => setReasons(e.target.value)} data-testid="ws-decide-closure-reasons" />
        </label>
      ) : null}
    </Modal>
  );
}

/** Resumption (恢复执行) of an archived 终本 case as a new 执恢 case; confirmed first. */
function ResumeDialog({ c, seen, error, run, close }: DialogProps & { c: CaseDetail }) {
  const [ground, setGround] = useState('');
  const [confirming, setConfirming] = useState(false);
  const submit = () =>
    void run(async () => {
      const r = await api.call('cases.resume', { caseId: c.id, ground, seen });
      navigate(`/cases/${r.id}`);
      return `已立恢复执行案件 ${r.number}`;
    }).finally(() => setConfirming(false));
  if (confirming)
    return (
      <ConfirmDialog title="确认恢复执行" confirmLabel="恢复执行" onConfirm={submit} onCancel={() => setConfirming(false)}>
        <p>以原案未履行金额为标的，为 {c.number} 立执恢案件。</p>
      </ConfirmDialog>
    );
  return (
    <Modal title="恢复执行" testId="ws-resume-dialog" error={error} okLabel="下一步" onCancel={close} onOk={() => setConfirming(true)}>
      <label>
        恢复执行事由
        <input value={ground} onChange={(e) => setGround(e.target.value)} placeholder="如：发现被执行人新的财产线索" data-testid="ws-resume-ground" />
      </label>
    </Modal>
  );
}
