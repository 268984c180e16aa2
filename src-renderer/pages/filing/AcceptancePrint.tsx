import { useState } from 'react';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { ACCEPTANCE_SET } from '../../../src-shared/api/methods/acceptance';

/**
 * After filing: the documents handed to the applicant at the window (执行案件受理通知书 and 执行风险告知书,
 * domain.md §5), made together and opened (desktop) or downloaded (web) as one print file.
 */
export function AcceptancePrint({ caseId, version }: { caseId: number; version: number }) {
  const [busy, setBusy] = useState(false);
  // The case's version as this clerk last saw it: printing changes the case (its documents).
  const [seenVersion, setSeenVersion] = useState(version);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const print = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await api.call('documents.printAcceptance', { caseId, seen: { cases: { [String(caseId)]: seenVersion } } });
      setSeenVersion((await api.call('cases.get', { id: caseId })).version);
      setMessage({ ok: true, text: `已制作${ACCEPTANCE_SET.join('、')}，打印文件已打开（网页版为下载）` });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="actions" data-testid="acceptance-print">
      <button type="button" className="primary" disabled={busy} onClick={() => void print()} data-testid="acceptance-print-button">
        {busy ? '正在制作…' : `打印受理文书（${ACCEPTANCE_SET.join('、')}）`}
      </button>
      {message ? (
        <span className={message.ok ? 'muted' : 'field-error'} role={message.ok ? 'status' : 'alert'} data-testid="acceptance-print-message">
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
