import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { FieldErrors, FormResult } from '../../engines/forms/product-form.ts';
import { useI18n } from '../i18n/index.ts';
import { focusFirstError, withoutField } from '../kit/FormField.tsx';
import { fixMessage } from '../kit/form-errors.ts';
import type { Action } from './use-action.ts';

export interface CheckedForm {
  /** The form element, to focus its first wrong field. */
  form: { current: HTMLFormElement | null };
  errors: FieldErrors;
  setErrors(errors: FieldErrors): void;
  /** The props every field of the form shares (`<Field {...fields} …>`): its ids and its error. */
  fields: { form: string; errors: FieldErrors; onFix: (field: string) => void };
  /**
   * The parsed value of a right form; for a wrong one, undefined after saying what is wrong
   * next to each field and in the form's message, with the first wrong field focused.
   */
  accept<T>(result: FormResult<T>): T | undefined;
  /** The form's submit handler: no page load, then `submit`. */
  onSubmit(submit: () => Promise<void>): (event: JSX.TargetedEvent<HTMLFormElement>) => void;
}

/** A seller form's checking, the same for every form: `prefix` makes its fields' ids. */
export function useCheckedForm(prefix: string, action: Pick<Action, 'setMessage'>): CheckedForm {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    form,
    errors,
    setErrors,
    fields: { form: prefix, errors, onFix: (field) => setErrors((e) => withoutField(e, field)) },
    accept(result) {
      if (!result.ok) {
        setErrors(result.errors);
        action.setMessage({ tone: 'error', text: fixMessage(t, result.errors) });
        focusFirstError(form.current);
        return undefined;
      }
      setErrors({});
      return result.value;
    },
    onSubmit: (submit) => (event) => {
      event.preventDefault();
      void submit();
    },
  };
}
