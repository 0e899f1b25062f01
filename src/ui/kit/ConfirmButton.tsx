import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.ts';

interface Props {
  label: string;
  question: string;
  body?: ComponentChildren;
  yes: string;
  onConfirm: () => void;
  disabled?: boolean;
  primary?: boolean;
}

/**
 * A button for something that moves money: it asks first, in a modal dialog (focus moves
 * into it, Escape closes it, and the page behind is inert until it is answered).
 */
export function ConfirmButton({ label, onConfirm, disabled = false, primary = false, ...asked }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" class={primary ? 'acct-btn acct-primary' : 'acct-btn'} disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </button>
      <ConfirmDialog
        {...asked}
        open={open}
        onConfirm={() => {
          setOpen(false);
          onConfirm();
        }}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}

interface DialogProps {
  open: boolean;
  question: string;
  body?: ComponentChildren;
  yes: string;
  onConfirm: () => void;
  /** Called when the person says no, or closes the dialog with Escape. */
  onCancel: () => void;
}

/** The question itself, opened by the caller (after a file is chosen, say) or by `ConfirmButton`. */
export function ConfirmDialog({ open, question, body, yes, onConfirm, onCancel }: DialogProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const answered = useRef(false);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      answered.current = false;
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      class="acct-dialog"
      aria-labelledby={`${id}-q`}
      aria-describedby={body ? `${id}-b` : undefined}
      onClose={() => {
        if (!answered.current) onCancel();
      }}
    >
      <h3 id={`${id}-q`}>{question}</h3>
      {body && <div id={`${id}-b`}>{body}</div>}
      <div class="acct-row">
        <button
          type="button"
          class="acct-btn acct-primary"
          onClick={() => {
            answered.current = true;
            dialog.current?.close();
            onConfirm();
          }}
        >
          {yes}
        </button>
        <button type="button" class="acct-btn" onClick={() => dialog.current?.close()}>{t('acct.back')}</button>
      </div>
    </dialog>
  );
}
