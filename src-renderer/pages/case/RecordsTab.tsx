import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../session';
import { ActionFeedback } from '../../components/ActionFeedback';
import { PERSON_CAPACITIES, WORK_RECORD_KINDS, WORK_RECORD_PURPOSE, type PersonCapacity, type WorkRecordKind } from '../../../src-shared/domain/workRecords';
import type { MethodInput, MethodOutput } from '../../../src-shared/api';
import type { CaseTabProps } from '../../caseTabs';
import { errorText } from '../../errorText';
import { DateInput } from '../../components/DateInput';

type WorkRecord = MethodOutput<'records.list'>[number];
type Person = MethodInput<'records.create'>['persons'][number];

/**
 * 笔录: the case's 执行笔录, 谈话笔录 and 约谈记录 (who, when, where, what), each printable for the
 * signatures. A 约谈记录 with the applicant (or the applicant's agent) dates the 终本 checklist's
 * interview item. Records are never edited: a correction is a new record naming the one it corrects.
 */
export function RecordsTab({ c, reload }: CaseTabProps) {
  const { user, info } = useSession();
  const [rows, setRows] = useState<WorkRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const load = useCallback(
    () =>
      api
        .call('records.list', { caseId: c.id })
        .then(setRows)
        .catch((e: unknown) => setError(errorText(e))),
    [c.id],
  );
  useEffect(() => void load(), [load]);
  // Who may write and print 笔录 on this case now: the server's answer (cases.workspace.actions.records).
  const [writer, setWriter] = useState(false);
  useEffect(() => {
    void api
      .call('cases.workspace', { caseId: c.id })
      .then((w) => setWriter(w.actions.records))
      .catch(() => setWriter(false));
  }, [c.id]);

  const print = async (r: WorkRecord) => {
    setError(null);
    try {
      const { documentId } = await api.call('records.print', { recordId: r.id });
      await api.call('documents.file', { documentId, format: 'pdf' });
      setMessage(`${r.kind}已生成（PDF），打印后由在场人员签名`);
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div data-testid="case-records">
      <div className="toolbar">
        {writer ? (
          <button type="button" className="primary" onClick={() => setOpen(true)} data-testid="record-new">
            制作笔录
          </button>
        ) : null}
      </div>
      <ActionFeedback error={error} message={message} testId="records" />
      {open ? (
        <RecordForm
          c={c}
          today={info.today}
          me={user.displayName}
          onCancel={() => setOpen(false)}
          onSaved={(r) => {
            setOpen(false);
            setMessage(`已保存${r.kind}（${r.heldOn}）${r.applicantInterview ? '，终本核查表的“约谈申请执行人”一项以此日期为准' : ''}`);
            void load();
            reload();
          }}
        />
      ) : null}
      {rows === null ? (
        <p className="muted">正在加载…</p>
      ) : rows.length === 0 ? (
        <p className="muted" data-testid="records-empty">
          尚无笔录。
        </p>
      ) : (
        <table className="table" data-testid="records-list">
          <thead>
            <tr>
              <th>日期</th>
              <th>种类</th>
              <th>时间</th>
              <th>地点</th>
              <th>执行人员 / 记录人</th>
              <th>在场人员</th>
              <th>内容</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid={`record-${r.id}`}>
                <td>{r.heldOn}</td>
                <td>
                  {r.kind}
                  {r.applicantInterview ? '（终本约谈）' : ''}
                  {r.correctsId ? '（更正）' : ''}
                </td>
                <td>
                  {r.startedAt}–{r.endedAt ?? ''}
                </td>
                <td>{r.place}</td>
                <td>
                  {r.officers.join('、')} / {r.recorder}
                </td>
                <td>{r.persons.map((p) => `${p.capacity}${p.name}`).join('、')}</td>
                <td className="pre">{r.content.length > 120 ? `${r.content.slice(0, 120)}…` : r.content}</td>
                <td>
                  {writer ? (
                    <button type="button" className="link" onClick={() => void print(r)} data-testid={`record-print-${r.id}`}>
                      打印
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function RecordForm({ c, today, me, onCancel, onSaved }: { c: CaseTabProps['c']; today: string; me: string; onCancel: () => void; onSaved: (r: WorkRecord) => void }) {
  const [kind, setKind] = useState<WorkRecordKind>('谈话笔录');
  const [heldOn, setHeldOn] = useState(today);
  const [startedAt, setStartedAt] = useState('09:00');
  const [endedAt, setEndedAt] = useState('10:00');
  const [place, setPlace] = useState('');
  const [officers, setOfficers] = useState(me);
  const [recorder, setRecorder] = useState('');
  const [persons, setPersons] = useState<Person[]>([]);
  const [subject, setSubject] = useState('');
  const [content, setContent] = useState('');
  const [refusal, setRefusal] = useState('');
  const [error, setError] = useState<string | null>(null);
  const addParty = (partyId: number) => {
    const p = c.parties.find((x) => x.id === partyId);
    if (!p) return;
    setPersons([...persons, { name: p.name, capacity: (p.role === 'applicant' ? '申请执行人' : p.kind === 'org' ? '被执行人的法定代表人' : '被执行人') as PersonCapacity, partyId: p.id }]);
  };
  const save = async () => {
    setError(null);
    try {
      const r = await api.call('records.create', {
        caseId: c.id,
        kind,
        heldOn,
        startedAt,
        endedAt,
        place,
        officers: officers.split(/[、,，\s]+/).filter(Boolean),
        recorder,
        persons,
        content,
        ...(subject.trim() ? { subject: subject.trim() } : {}),
        ...(refusal.trim() ? { refusal: refusal.trim() } : {}),
      });
      onSaved(r);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="panel ws-form" data-testid="record-form">
      <label>
        种类
        <select value={kind} onChange={(e) => setKind(e.target.value as WorkRecordKind)} data-testid="record-kind">
          {WORK_RECORD_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <span className="muted">　{WORK_RECORD_PURPOSE[kind]}</span>
      </label>
      <div className="row">
        <label>
          日期 <DateInput value={heldOn} onChange={(e) => setHeldOn(e.target.value)} data-testid="record-held-on" />
        </label>
        <label>
          开始 <input value={startedAt} onChange={(e) => setStartedAt(e.target.value)} size={5} data-testid="record-started" />
        </label>
        <label>
          结束 <input value={endedAt} onChange={(e) => setEndedAt(e.target.value)} size={5} data-testid="record-ended" />
        </label>
      </div>
      <label>
        地点 <input value={place} onChange={(e) => setPlace(e.target.value)} data-testid="record-place" />
      </label>
      <label>
        执行人员（以顿号分隔） <input value={officers} onChange={(e) => setOfficers(e.target.value)} data-testid="record-officers" />
      </label>
      <label>
        记录人 <input value={recorder} onChange={(e) => setRecorder(e.target.value)} data-testid="record-recorder" />
      </label>
      <fieldset>
        <legend>在场人员</legend>
        {persons.map((p, i) => (
          <div key={i} className="row" data-testid={`record-person-${i}`}>
            <input value={p.name} onChange={(e) => setPersons(persons.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} aria-label="姓名" />
            <select value={p.capacity} onChange={(e) => setPersons(persons.map((x, j) => (j === i ? { ...x, capacity: e.target.value as PersonCapacity } : x)))} aria-label="身份">
              {PERSON_CAPACITIES.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
            <button type="button" className="link" onClick={() => setPersons(persons.filter((_, j) => j !== i))}>
              移除
            </button>
          </div>
        ))}
        <div className="row">
          <select value="" onChange={(e) => addParty(Number(e.target.value))} data-testid="record-add-party">
            <option value="">添加当事人…</option>
            {c.parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.role === 'applicant' ? '申请执行人' : '被执行人'} {p.name}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => setPersons([...persons, { name: '', capacity: '见证人' }])}>
            添加其他人员
          </button>
        </div>
      </fieldset>
      <label>
        事由（可不填） <input value={subject} onChange={(e) => setSubject(e.target.value)} />
      </label>
      <label>
        笔录内容
        <textarea value={content} onChange={(e) => setContent(e.target.value)} data-testid="record-content" />
      </label>
      <label>
        拒绝签名情况（可不填） <input value={refusal} onChange={(e) => setRefusal(e.target.value)} />
      </label>
      {error ? (
        <div className="error-banner" role="alert" data-testid="record-error">
          {error}
        </div>
      ) : null}
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          取消
        </button>
        <button type="button" className="primary" onClick={() => void save()} data-testid="record-save">
          保存笔录
        </button>
      </div>
    </div>
  );
}
