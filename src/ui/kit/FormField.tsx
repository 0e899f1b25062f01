import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { FieldErrors } from '../../engines/forms/form-reading.ts';
import { formatMoney } from '../format.ts';
import { useI18n } from '../i18n/index.ts';
import { errorText, type FieldKind } from './form-errors.ts';

interface FieldProps {
  /** The form's id prefix: the input is `${form}-${field}`. */
  form: string;
  /** The field's key in the form's errors (`price`, `flash.endsAt`). */
  field: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  errors: FieldErrors;
  /** Called as a field marked wrong is changed: its message goes (the next save checks again). */
  onFix?: (field: string) => void;
  kind?: FieldKind;
  hint?: string;
  type?: 'text' | 'datetime-local' | 'search' | 'url';
  multiline?: boolean;
  /** A datalist's id, for suggestions. */
  list?: string;
  maxLength?: number;
  autoComplete?: string;
  class?: string;
  /** The shop's currency: an amount's limit is said in it ("At most ¥100,000,000.00"). */
  currency?: string;
}

/** The DOM id of a field's input: dots and brackets become dashes. */
export const fieldId = (form: string, field: string) => `${form}-${field.replace(/[.[\]]+/g, '-')}`;

/**
 * A labelled input with its hint and, when the form found something wrong, the reason right
 * under it: tied to the input (`aria-describedby`, `aria-invalid`) so a screen reader says it.
 */
export function Field(p: FieldProps) {
  const { t, intl } = useI18n();
  const id = fieldId(p.form, p.field);
  const error = p.errors[p.field];
  const described = [p.hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const kind = p.kind ?? 'text';
  const input = (value: string) => {
    if (error) p.onFix?.(p.field);
    p.onInput(value);
  };
  const common = {
    id,
    value: p.value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
    // Amounts and counts are short ("1,000,000,000", "99,999,999.99"); other text says its own limit.
    maxLength: p.maxLength ?? (kind === 'money' || kind === 'count' ? 20 : undefined),
  };
  return (
    <div class={`sc-field${p.class ? ` ${p.class}` : ''}`}>
      <label for={id}>{p.label}</label>
      {p.hint && <p id={`${id}-hint`} class="acct-muted">{p.hint}</p>}
      {p.multiline ? (
        <textarea {...common} rows={3} onInput={(e) => input(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          inputMode={kind === 'money' ? 'decimal' : kind === 'count' ? 'numeric' : undefined}
          autoComplete={p.autoComplete ?? 'off'}
          list={p.list}
          onInput={(e) => input(e.currentTarget.value)}
        />
      )}
      {error && (
        <p id={`${id}-err`} class="acct-error sc-error">
          {errorText(t, p.field, kind, error, p.currency === undefined ? undefined : (n) => formatMoney(n, p.currency!, intl))}
        </p>
      )}
    </div>
  );
}

/** A labelled checkbox, with an optional hint under it. */
export function Check({ label, checked, onChange, hint, children }: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  hint?: string;
  children?: ComponentChildren;
}) {
  const id = useId();
  return (
    <div class="sc-check">
      <label class="acct-check">
        <input type="checkbox" checked={checked} aria-describedby={hint ? id : undefined} onChange={(e) => onChange(e.currentTarget.checked)} />
        {label}
      </label>
      {hint && <p id={id} class="acct-muted">{hint}</p>}
      {children}
    </div>
  );
}

/** Forgets one field's error: for `onFix`. */
export function withoutField(errors: FieldErrors, field: string): FieldErrors {
  const rest = { ...errors };
  delete rest[field];
  return rest;
}

/** Moves focus to the first field the form marked wrong (after the render that marks it). */
export function focusFirstError(form: HTMLElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
