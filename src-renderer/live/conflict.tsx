import { ApiCallError } from '../api/client';
import type { SkippedCase } from '../../src-shared/api/errors';

// A write refused because the case changed after the clerk saw it (409, src-shared/api/caseVersions.ts):
// the message names who changed it and when; what the clerk typed stays in the form, and 刷新后重试
// reloads what the page shows (and with it the version the next attempt states).

export function changedCases(e: unknown): SkippedCase[] | null {
  if (!(e instanceof ApiCallError) || e.code !== 'conflict') return null;
  const changed = (e.details as { changed?: SkippedCase[] } | undefined)?.changed;
  return Array.isArray(changed) && changed.length > 0 ? changed : null;
}

/** The refusal with a reload button; for a batch, a second button leaves the changed cases out. */
export function ConflictNotice(props: { error: unknown; onReload: () => void; onSkip?: () => void; testId: string }) {
  const changed = changedCases(props.error);
  if (!changed) return null;
  return (
    <div className="error-banner conflict" role="alert" data-testid={`${props.testId}-conflict`}>
      <span data-testid={`${props.testId}-conflict-message`}>{(props.error as ApiCallError).message}</span>{' '}
      <button type="button" onClick={props.onReload} data-testid={`${props.testId}-conflict-reload`}>
        刷新后重试（保留已填写的内容）
      </button>
      {props.onSkip && changed.length > 0 ? (
        <button type="button" onClick={props.onSkip} data-testid={`${props.testId}-conflict-skip`}>
          跳过这 {changed.length} 件，继续办理其余案件
        </button>
      ) : null}
    </div>
  );
}

/** What a batch left out, shown after it ran. */
export function skippedText(skipped: SkippedCase[]): string {
  if (skipped.length === 0) return '';
  return `已跳过在您查看之后被他人修改的 ${skipped.length} 件：${skipped
    .slice(0, 5)
    .map((s) => `${s.number}（${s.by}）`)
    .join('、')}${skipped.length > 5 ? ' 等' : ''}`;
}
