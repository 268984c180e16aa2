import type { RowProblem } from './useAction';
import { changedCases, ConflictNotice } from '../live/conflict';

/**
 * What a stage page's last action came to: the refusal in Chinese, the rows of a refused file or
 * list (row, column, reason), or the confirmation. Test ids are `<testId>-error|-problems|-message`.
 */
export function ActionFeedback(props: {
  error: string | null;
  message: string | null;
  problems?: RowProblem[];
  testId: string;
  /** A refusal because cases changed since the page was loaded: 刷新后重试, and for a batch 跳过 those cases. */
  failure?: unknown;
  onReload?: () => void;
  onSkip?: () => void;
}) {
  const problems = props.problems ?? [];
  const conflict = props.onReload && changedCases(props.failure);
  return (
    <>
      {conflict ? (
        <ConflictNotice error={props.failure} onReload={props.onReload!} {...(props.onSkip ? { onSkip: props.onSkip } : {})} testId={props.testId} />
      ) : props.error ? (
        <div className="error-banner" role="alert" data-testid={`${props.testId}-error`}>
          {props.error}
        </div>
      ) : null}
      {problems.length > 0 ? (
        <table className="table" data-testid={`${props.testId}-problems`}>
          <thead>
            <tr>
              <th>行</th>
              <th>列</th>
              <th>问题</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td>第{p.row}行</td>
                <td>{p.column}</td>
                <td>{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {props.message ? <div data-testid={`${props.testId}-message`}>{props.message}</div> : null}
    </>
  );
}
