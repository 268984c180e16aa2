import { useEffect, useRef, type ReactNode } from 'react';

/** Asks before anything destructive or unusual; Esc cancels, the confirm button has focus. */
export function ConfirmDialog(props: { title: string; children: ReactNode; confirmLabel?: string; danger?: boolean; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  // Focus once, when it opens: a dialog with a field (a release's ground) keeps the focus where the user puts it.
  useEffect(() => ref.current?.focus(), []);
  const { onCancel } = props;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" data-testid="confirm-dialog">
      <div className="modal">
        <h3>{props.title}</h3>
        <div className="modal-body">{props.children}</div>
        <div className="modal-actions">
          <button type="button" onClick={props.onCancel} data-testid="confirm-cancel">
            取消
          </button>
          <button type="button" ref={ref} className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm} data-testid="confirm-ok">
            {props.confirmLabel ?? '确定'}
          </button>
        </div>
      </div>
    </div>
  );
}
