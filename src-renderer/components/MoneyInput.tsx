import { useEffect, useState } from 'react';
import { fenToChineseCapital, fenToYuanString, parseYuan } from '../../src-shared/domain/money';

/**
 * Amounts are typed in 元 with up to two decimals and kept as integer fen; the 大写 form is shown
 * underneath so the clerk can check it against the paper.
 */
export function MoneyInput(props: { fen: number | null; onChange: (fen: number | null, error?: string) => void; testId?: string; name?: string }) {
  const [text, setText] = useState(props.fen === null ? '' : fenToYuanString(props.fen));
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    const parsed = parseYuan(text || '0');
    if (props.fen === null && text !== '') setText('');
    else if (props.fen !== null && (!parsed.ok || parsed.fen !== props.fen)) setText(fenToYuanString(props.fen));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follows the value from outside only; the typed text is read, not watched, or typing would reformat itself
  }, [props.fen]);
  const change = (v: string) => {
    setText(v);
    if (v.trim() === '') {
      setError(undefined);
      props.onChange(null);
      return;
    }
    const r = parseYuan(v);
    if (r.ok) {
      setError(undefined);
      props.onChange(r.fen);
    } else {
      setError(r.reason);
      props.onChange(null, r.reason);
    }
  };
  return (
    <span className="money">
      <input inputMode="decimal" value={text} onChange={(e) => change(e.target.value)} data-testid={props.testId} name={props.name} placeholder="0.00" />
      <span className="money-unit">元</span>
      <span className="money-capital">{error ? <span className="field-error">{error}</span> : props.fen ? fenToChineseCapital(props.fen) : ''}</span>
    </span>
  );
}
