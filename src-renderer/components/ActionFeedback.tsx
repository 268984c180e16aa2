import type { RowProblem } from './useAction';

/**
 * What a stage page's last action came to: the refusal in Chinese, the rows of a refused file or
 * list (row, column, reason), or the confirmation. Test ids are `<testId>-error|-problems|-message`.
 */
export function ActionFeedback(props: { error: string | null; message: string | null; problems?: RowProblem[]; testId: string }) {
  const problems = props.problems ?? [];
  return (
    <>
      {props.error ? (
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
