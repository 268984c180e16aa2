import type { CaseTabProps } from '../../caseTabs';
import { dateTime, daysSince, stageLabel, yuan } from '../../format';
import { useSession } from '../../session';
import { fenToChineseCapital } from '../../../src-shared/domain/money';
import { MaskedValue, useCaseReveal } from '../../security/Reveal';

export function OverviewTab({ c }: CaseTabProps) {
  const { info, settings } = useSession();
  const team = settings.teams.find((t) => t.id === c.teamId)?.name ?? c.teamId ?? '未分案';
  return (
    <dl className="facts" data-testid="case-overview">
      <dt>案号</dt>
      <dd>{c.number}</dd>
      <dt>类型</dt>
      <dd>{c.type}</dd>
      <dt>阶段</dt>
      <dd>{stageLabel(c.stage)}</dd>
      <dt>立案日期</dt>
      <dd>
        {c.filedOn}（已 {daysSince(c.filedOn, c.closedOn ?? info.today)} 天）
      </dd>
      <dt>申请执行人</dt>
      <dd>{c.applicants}</dd>
      <dt>被执行人</dt>
      <dd>{c.debtors}</dd>
      <dt>申请执行标的</dt>
      <dd>
        {yuan(c.claimFen)} 元（{fenToChineseCapital(c.claimFen)}）
      </dd>
      <dt>已保全</dt>
      <dd>{c.preserved ? '是' : '否'}</dd>
      <dt>团队</dt>
      <dd>{team}</dd>
      {c.closureMode ? (
        <>
          <dt>结案</dt>
          <dd>
            {c.closedOn} {c.closureMode}
          </dd>
        </>
      ) : null}
      {c.migrated ? (
        <>
          <dt>来源</dt>
          <dd>旧系统迁移</dd>
        </>
      ) : null}
      {c.demo ? (
        <>
          <dt>数据</dt>
          <dd className="demo-tag">演示数据</dd>
        </>
      ) : null}
      {c.interview ? (
        <>
          <dt>初次接待</dt>
          <dd>
            {c.interview.contactConfirmed ? '联系方式已核实' : '联系方式未核实'}
            {c.interview.serviceAddress ? `；送达地址：${c.interview.serviceAddress}` : ''}
            {c.interview.payoutAccount ? `；收款账户：${c.interview.payoutBank ?? ''} ${c.interview.payoutAccountName ?? ''} ${c.interview.payoutAccount}` : ''}
            {c.interview.requests.length ? `；申请：${c.interview.requests.join('、')}` : ''}
            {c.interview.propertyClues ? `；财产线索：${c.interview.propertyClues}` : ''}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function PartiesTab({ c }: CaseTabProps) {
  // ID numbers and phones arrive masked; 查看 shows them in full and the viewing is logged (issue 7).
  const reveal = useCaseReveal(c.id);
  const full = (id: number) => reveal.full?.parties.find((p) => p.id === id);
  return (
    <>
      {reveal.error ? (
        <div className="error-banner" role="alert" data-testid="reveal-error">
          {reveal.error}
        </div>
      ) : null}
      <table className="table" data-testid="case-parties">
        <thead>
          <tr>
            <th>地位</th>
            <th>名称/姓名</th>
            <th>证件</th>
            <th>法定代表人</th>
            <th>出生/性别</th>
            <th>地址</th>
            <th>电话</th>
          </tr>
        </thead>
        <tbody>
          {c.parties.map((p) => (
            <tr key={p.id}>
              <td>{p.role === 'applicant' ? '申请执行人' : '被执行人'}</td>
              <td>{p.name}</td>
              <td>{p.idNumber ? <MaskedValue value={p.idNumber} full={full(p.id)?.idNumber} reveal={reveal} testId={`party-id-${p.id}`} /> : p.creditCode}</td>
              <td>{p.legalRep ?? ''}</td>
              <td>
                {p.birthDate ? <MaskedValue value={p.birthDate} full={full(p.id)?.birthDate} reveal={reveal} testId={`party-birth-${p.id}`} /> : null} {p.sex ?? ''}
              </td>
              <td>{p.address ?? ''}</td>
              <td>
                <MaskedValue value={p.phone} full={full(p.id)?.phone} reveal={reveal} testId={`party-phone-${p.id}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function TitleTab({ c }: CaseTabProps) {
  return (
    <dl className="facts" data-testid="case-title">
      <dt>作出机关</dt>
      <dd>{c.title.court}</dd>
      <dt>文书号</dt>
      <dd>{c.title.number}</dd>
      <dt>生效日期</dt>
      <dd>{c.title.effectiveOn}</dd>
      <dt>案由</dt>
      <dd>{c.title.cause}</dd>
      <dt>类型</dt>
      <dd data-testid="case-title-kind">{c.title.kind === '其他' ? c.title.kindOther : c.title.kind}</dd>
      <dt>判项</dt>
      <dd>{c.title.ordered ?? '（未登记）'}</dd>
      {c.title.joint ? (
        <>
          <dt>责任</dt>
          <dd>被执行人承担连带责任</dd>
        </>
      ) : null}
      <dt>性质</dt>
      <dd>{c.title.nonLitigation ? '非诉执行（法定期限3个月）' : '诉讼（法定期限6个月）'}</dd>
      <dt>本金</dt>
      <dd>{yuan(c.claim.principalFen)} 元</dd>
      <dt>利息</dt>
      <dd>{yuan(c.claim.interestFen)} 元</dd>
      <dt>诉讼费等</dt>
      <dd>{yuan(c.claim.costsFen)} 元</dd>
    </dl>
  );
}

export function TimelineTab({ c }: CaseTabProps) {
  return (
    <ol className="timeline" data-testid="case-timeline">
      {c.events.map((e) => (
        <li key={e.id}>
          <span className="when">{dateTime(e.at)}</span>
          <strong>{e.label}</strong>
          <span className="who">{e.actor}</span>
          {e.onDate !== e.at.slice(0, 10) ? <span className="muted">（生效日 {e.onDate}）</span> : null}
        </li>
      ))}
    </ol>
  );
}
