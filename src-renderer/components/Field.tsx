import type { ReactNode } from 'react';

/** A labelled form field with its error (or warning) shown right under it, in plain Chinese. */
export function Field(props: { label: string; error?: string | undefined; warning?: string | undefined; hint?: ReactNode; children: ReactNode; wide?: boolean; required?: boolean; testId?: string }) {
  return (
    <label className={`field${props.wide ? ' wide' : ''}${props.error ? ' has-error' : ''}`} data-testid={props.testId}>
      <span className="field-label">
        {props.label}
        {props.required ? <span className="req">*</span> : null}
      </span>
      {props.children}
      {props.error ? (
        <span className="field-error" role="alert" data-testid="field-error">
          {props.error}
        </span>
      ) : props.warning ? (
        <span className="field-warning">{props.warning}</span>
      ) : props.hint ? (
        <span className="field-hint">{props.hint}</span>
      ) : null}
    </label>
  );
}

/** Keyboard-first forms: Enter moves to the next field instead of submitting. */
export function enterMovesOn(e: React.KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLButtonElement) return;
  const form = (e.target as HTMLElement).closest('form');
  if (!form) return;
  e.preventDefault();
  const fields = [...form.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([disabled]), select, textarea')];
  const i = fields.indexOf(e.target as HTMLElement);
  fields[i + 1]?.focus();
}
