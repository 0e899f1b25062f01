import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldErrors, FormResult } from '../../engines/forms/form-reading.ts';
import { useI18n } from '../i18n/index.ts';
import { focusFirstError, withoutField } from '../kit/FormField.tsx';
import { fixMessage } from '../kit/form-errors.ts';
import type { Action } from './use-action.ts';

export interface CheckedForm {
  /** The form element, to focus its first wrong field. */
  form: { current: HTMLFormElement | null };
  errors: FieldErrors;
  setErrors(errors: FieldErrors): void;
  /** The props every field of the form shares (`<Field {...fields} …>`): its ids, its error, the shop's currency. */
  fields: { form: string; errors: FieldErrors; currency?: string; onFix: (field: string) => void };
  /**
   * The parsed value of a right form; for a wrong one, undefined after saying what is wrong
   * next to each field and in the form's message, with the first wrong field focused.
   */
  accept<T>(result: FormResult<T>): T | undefined;
  /** The form's submit handler: no page load, then `submit`. */
  onSubmit(submit: () => Promise<void>): (event: JSX.TargetedEvent<HTMLFormElement>) => void;
}

/**
 * A seller form's checking, the same for every form: `prefix` makes its fields' ids; `currency`
 * lets an amount's limit be said in money ("At most ¥100,000,000.00").
 *
 * "Nothing was saved: 2 fields need a change" follows the fields marked wrong: it counts down
 * as they are changed and goes once none is left (a banner that stayed after the fields were
 * fixed read as if the form were still refused).
 */
export function useCheckedForm(prefix: string, action: Pick<Action, 'setMessage'>, currency?: string): CheckedForm {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    if (!refused) return;
    if (Object.keys(errors).length === 0) {
      setRefused(false);
      action.setMessage(undefined);
    } else {
      action.setMessage({ tone: 'error', text: fixMessage(t, errors) });
    }
  }, [errors, refused, t]);
  return {
    form,
    errors,
    setErrors,
    fields: { form: prefix, errors, ...(currency !== undefined && { currency }), onFix: (field) => setErrors((e) => withoutField(e, field)) },
    accept(result) {
      if (!result.ok) {
        setErrors(result.errors);
        setRefused(true);
        focusFirstError(form.current);
        return undefined;
      }
      setRefused(false);
      setErrors({});
      return result.value;
    },
    onSubmit: (submit) => (event) => {
      event.preventDefault();
      void submit();
    },
  };
}
