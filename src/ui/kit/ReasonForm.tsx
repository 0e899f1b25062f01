import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.ts';

interface Props {
  /** The button that opens the form. */
  button: string;
  /** The text field's label. */
  label: string;
  submit: string;
  intro?: ComponentChildren;
  /** Resolves true when done, which closes the form. */
  onSubmit: (reason: string) => Promise<boolean>;
  disabled?: boolean;
  required?: boolean;
  /** A one-line field rather than a text area. */
  short?: boolean;
  /** More of the form, under the text (a claim's photos). */
  extra?: ComponentChildren;
}

/** A request with a reason (a refund, a claim, a decline): a button that opens a small form. */
export function ReasonForm({ button, label, submit, intro, onSubmit, disabled = false, required = true, short = false, extra }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const field = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <button type="button" class="acct-btn" aria-expanded="false" disabled={disabled} onClick={() => setOpen(true)}>
        {button}
      </button>
    );
  }
  const onInput = (e: Event) => {
    setText((e.currentTarget as HTMLTextAreaElement).value);
    setError('');
  };
  return (
    <form
      class="acct-form acct-card"
      aria-label={button}
      onSubmit={async (e) => {
        e.preventDefault();
        if (required && text.trim() === '') {
          setError(t('acct.reasonRequired'));
          field.current?.focus();
          return;
        }
        if (await onSubmit(text)) {
          setOpen(false);
          setText('');
        }
      }}
    >
      {intro && <div class="acct-intro">{intro}</div>}
      <label for={`${id}-f`}>{label}</label>
      {short ? (
        <input id={`${id}-f`} ref={field} value={text} onInput={onInput} maxLength={2000} aria-required={required} aria-invalid={error !== ''} aria-describedby={error ? `${id}-e` : undefined} />
      ) : (
        <textarea id={`${id}-f`} ref={field} value={text} onInput={onInput} rows={3} maxLength={2000} aria-required={required} aria-invalid={error !== ''} aria-describedby={error ? `${id}-e` : undefined} />
      )}
      {error && <p id={`${id}-e`} class="acct-error">{error}</p>}
      {extra}
      <div class="acct-row">
        <button type="submit" class="acct-btn acct-primary" disabled={disabled}>{submit}</button>
        <button type="button" class="acct-btn" onClick={() => setOpen(false)}>{t('acct.neverMind')}</button>
      </div>
    </form>
  );
}
