import type { MethodOutput } from '../../../src-shared/api';

type Board = MethodOutput<'deadlines.board'>;
type Cell = Board['byStage'][number];
export type Bucket = 'overdue' | 'today' | 'soon';
export type Dimension = 'stage' | 'team' | 'officer' | 'rule';

/** What one clicked number stands for; the drill-down lists exactly its cases. */
export interface DrillTarget {
  title: string;
  bucket?: Bucket;
  stage?: string;
  teamId?: string;
  judgeId?: number;
  ruleId?: string;
}

export const BUCKETS: { key: Bucket; label: string }[] = [
  { key: 'overdue', label: '已超期' },
  { key: 'today', label: '今日到期' },
  { key: 'soon', label: '3个工作日内到期' },
];

const DIMENSIONS: { key: Dimension; label: string; cells: (b: Board) => Cell[] }[] = [
  { key: 'stage', label: '按环节', cells: (b) => b.byStage },
  { key: 'team', label: '按团队', cells: (b) => b.byTeam },
  { key: 'officer', label: '按承办人', cells: (b) => b.byOfficer },
  { key: 'rule', label: '按期限规则', cells: (b) => b.byRule },
];

function filterOf(dim: Dimension, key: string): Omit<DrillTarget, 'title'> {
  if (dim === 'stage') return { stage: key };
  if (dim === 'team') return { teamId: key };
  if (dim === 'officer') return { judgeId: Number(key) };
  return { ruleId: key };
}

/** The board (节点监控): totals and the four breakdowns; every non-zero number opens its cases. */
export function BoardPanel({ board, onDrill }: { board: Board; onDrill: (t: DrillTarget) => void }) {
  const number = (n: number, bucket: Bucket, target: DrillTarget, testId: string) =>
    n > 0 ? (
      <button type="button" className={`board-num ${bucket}`} onClick={() => onDrill(target)} data-testid={testId}>
        {n}
      </button>
    ) : (
      <span className="board-num zero" data-testid={testId}>
        0
      </span>
    );
  return (
    <div data-testid="board">
      <div className="board-totals">
        {BUCKETS.map((b) => (
          <button
            key={b.key}
            type="button"
            className={`board-total ${b.key}`}
            disabled={board.totals[b.key] === 0}
            onClick={() => onDrill({ title: b.label, bucket: b.key })}
            data-testid={`board-total-${b.key}`}
          >
            <span className="board-total-value">{board.totals[b.key]}</span>
            <span>{b.label}</span>
          </button>
        ))}
        <span className="muted">
          截至 {board.today}；“3个工作日内”至 {board.horizon}
        </span>
      </div>
      <div className="board-grid">
        {DIMENSIONS.map((d) => {
          const cells = d.cells(board);
          return (
            <table key={d.key} className="table board-table" data-testid={`board-${d.key}`}>
              <thead>
                <tr>
                  <th>{d.label}</th>
                  {BUCKETS.map((b) => (
                    <th key={b.key} className="num">
                      {b.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {cells.map((c) => (
                  <tr key={c.key} data-testid={`board-${d.key}-row-${c.key || 'none'}`}>
                    <td>{c.label}</td>
                    {BUCKETS.map((b) => (
                      <td key={b.key} className="num">
                        {number(c[b.key], b.key, { title: `${c.label} · ${b.label}`, bucket: b.key, ...filterOf(d.key, c.key) }, `board-${d.key}-${c.key || 'none'}-${b.key}`)}
                      </td>
                    ))}
                  </tr>
                ))}
                {cells.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="muted">
                      没有到期或超期的期限。
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          );
        })}
      </div>
    </div>
  );
}
