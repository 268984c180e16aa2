import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ITEM_NUMERALS, MODE_RULES } from '../../../src-shared/domain/closure';

// 终结执行 (民事诉讼法 2023 第二百六十八条): the clerk picks the item the case falls under and writes
// the particulars; the closure is confirmed first, because it ends the case for good unless the
// applicant applies again, and it produces the 执行裁定书（终结执行）, effective on service (第二百六十九条).

export interface TerminationChoice {
  item: number | null;
  detail: string;
}

const GROUNDS = MODE_RULES.终结执行.grounds!;
const itemLabel = (i: number) => `第（${ITEM_NUMERALS[i - 1]}）项`;

/** The items of Art. 268 as a picker, with the particulars beside them (required for item (六)). */
export function TerminationGrounds({ value, onChange }: { value: TerminationChoice; onChange: (v: TerminationChoice) => void }) {
  return (
    <fieldset data-testid="termination-grounds">
      <legend>终结执行的事由（民事诉讼法第二百六十八条）</legend>
      {GROUNDS.map((g, i) => (
        <label className="check" key={g}>
          <input type="radio" name="termination-item" checked={value.item === i + 1} onChange={() => onChange({ ...value, item: i + 1 })} data-testid={`termination-item-${i + 1}`} />
          {itemLabel(i + 1)}：{g}
        </label>
      ))}
      <label className="field">
        <span className="field-label">具体情形{value.item === GROUNDS.length ? '（必填）' : '（可选）'}</span>
        <input value={value.detail} onChange={(e) => onChange({ ...value, detail: e.target.value })} placeholder="如：申请执行人于某日书面撤回执行申请" data-testid="termination-detail" />
      </label>
    </fieldset>
  );
}

/** Asks before closing by 终结执行, saying what the closure does and which ruling it makes. */
export function TerminationConfirm(props: { caseNumber: string; groundItem: number; ground: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmDialog title="确认终结执行" confirmLabel="终结执行" danger onConfirm={props.onConfirm} onCancel={props.onCancel}>
      <p data-testid="termination-confirm-text">
        将 {props.caseNumber} 以“终结执行”结案，依据民事诉讼法第二百六十八条{itemLabel(props.groundItem)}：{props.ground}。
      </p>
      <p>系统将制作执行裁定书（终结执行），裁定书送达当事人后立即生效（第二百六十九条）。结案后只能经更正或恢复执行改变。</p>
    </ConfirmDialog>
  );
}
