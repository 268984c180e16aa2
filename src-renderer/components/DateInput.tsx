import { useRef, type InputHTMLAttributes } from 'react';

// Dates typed and shown as 年-月-日 (2026-11-20) whatever the browser's language: <input type=date>
// displays in the browser's locale (11/20/2026 on an English system), which a clerk reads wrong.
// The value is the same ISO text a date input gives (YYYY-MM-DD), so callers keep their handlers.

/** 2026/11/20, 2026.11.20, 2026年11月20日, 20261120, 2026-1-5 → 2026-11-20 / 2026-01-05; other text unchanged. */
export function normalizeDateText(s: string): string {
  const t = s.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/u.exec(t);
  if (!m) return t;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

export function DateInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const ref = useRef<HTMLInputElement>(null);
  const { onBlur, min: _min, max: _max, ...rest } = props;
  return (
    <input
      {...rest}
      ref={ref}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={props.placeholder ?? '年-月-日'}
      maxLength={12}
      size={11}
      className={`date-input${props.className ? ` ${props.className}` : ''}`}
      onBlur={(e) => {
        const el = e.currentTarget;
        const norm = normalizeDateText(el.value);
        if (norm !== el.value) {
          // Through the native setter so React sees an ordinary change (the caller's onChange runs).
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, norm);
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }
        onBlur?.(e);
      }}
    />
  );
}
