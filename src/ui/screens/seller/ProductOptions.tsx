import './product-options.css';
import { MAX_COMBINATIONS, MAX_OPTION_GROUPS } from '../../../domain/index.ts';
import type { FieldErrors } from '../../../engines/forms/product-form.ts';
import {
  addGroup, addValue, combinationCount, moveValue, removeGroup, removeValue, renameGroup, renameValue, rowLabel, setRow,
  type NewId, type OptionsFormValues,
} from '../../../engines/forms/product-options-form.ts';
import { Check, Field } from '../../kit/FormField.tsx';
import { errorText } from '../../kit/form-errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { CombinationPhoto } from './CombinationPhoto.tsx';

interface Props {
  value: OptionsFormValues;
  /** `structure`: groups or values were added, removed or moved, so the combinations may have moved too. */
  onChange: (v: OptionsFormValues, structure: boolean) => void;
  newId: NewId;
  /** The product's price as typed: new combinations start from it when nothing closer has one. */
  price: string;
  /** The product's photos, which a combination may take one of (or one of its own). */
  photos: string[];
  /** The product's name as typed, for the photos' placeholders. */
  productName: string;
  /** A combination's own photo was taken: stored on this device, to forget if the form is not saved. */
  onPhotoTaken: (ref: string) => void;
  sign: string;
  /** The product form's shared field props (`useCheckedForm`'s `fields`). */
  fields: { form: string; errors: FieldErrors; currency?: string; onFix: (field: string) => void };
}

/**
 * The product form's options (issue 13): up to 3 groups of values, and the combinations they
 * make, each with its price, stock, photo and whether it is sold. Every edit goes through the
 * pure functions of product-options-form.ts, which keep ids (and so orders' snapshots and the
 * shop's stock) through renames, reorders and removals.
 */
export function ProductOptions({ value: v, onChange, newId, price, photos, productName, onPhotoTaken, sign, fields: f }: Props) {
  const { t } = useI18n();
  const count = combinationCount(v.groups);
  const alert = (field: string) => {
    const e = f.errors[field];
    return e && <p class="acct-error sc-error" role="alert">{errorText(t, field, 'list', e)}</p>;
  };

  return (
    <fieldset class="sc-fieldset sc-options">
      <legend>{t('catalogForm.opt.title')}</legend>
      <p class="acct-muted">{t('catalogForm.opt.hint', { groups: MAX_OPTION_GROUPS })}</p>
      {alert('options')}
      {v.groups.map((g, gi) => {
        const groupName = g.name.trim() || t('catalogForm.opt.thisGroup');
        return (
          <fieldset class="sc-row sc-opt-group" key={gi}>
            <legend>{t('catalogForm.opt.groupN', { n: gi + 1 })}</legend>
            <Field {...f} field={`options[${gi}].name`} label={t('catalogForm.opt.groupName')} hint={gi === 0 ? t('catalogForm.opt.groupNameHint') : undefined} value={g.name} maxLength={40} onInput={(name) => onChange(renameGroup(v, gi, name), false)} />
            <ol class="sc-opt-values stack">
              {g.values.map((x, j) => {
                const name = x.name.trim() || t('catalogForm.opt.thisValue', { n: j + 1 });
                return (
                  <li key={x.id} class="sc-opt-value">
                    <Field {...f} field={`options[${gi}].values[${j}].name`} label={t('catalogForm.opt.value', { n: j + 1 })} value={x.name} maxLength={40} onInput={(n) => onChange(renameValue(v, gi, j, n), false)} />
                    <div class="sc-opt-tools">
                      <button type="button" class="acct-btn sc-icon" aria-label={t('catalogForm.opt.up', { name })} disabled={j === 0} onClick={() => onChange(moveValue(v, gi, j, -1, newId), true)}>↑</button>
                      <button type="button" class="acct-btn sc-icon" aria-label={t('catalogForm.opt.down', { name })} disabled={j === g.values.length - 1} onClick={() => onChange(moveValue(v, gi, j, 1, newId), true)}>↓</button>
                      <button type="button" class="acct-btn sc-icon" aria-label={t('catalogForm.opt.removeValue', { name })} onClick={() => onChange(removeValue(v, gi, j, newId, price), true)}>✕</button>
                    </div>
                  </li>
                );
              })}
            </ol>
            {alert(`options[${gi}].values`)}
            <div class="acct-row">
              <button type="button" class="acct-btn" aria-label={t('catalogForm.opt.addValueTo', { name: groupName })} onClick={() => onChange(addValue(v, gi, newId, price), true)}>
                {t('catalogForm.opt.addValue')}
              </button>
              <button type="button" class="acct-btn" aria-label={t('catalogForm.opt.removeGroupName', { name: groupName })} onClick={() => onChange(removeGroup(v, gi, newId, price), true)}>
                {t('catalogForm.opt.removeGroup')}
              </button>
            </div>
          </fieldset>
        );
      })}
      {v.groups.length < MAX_OPTION_GROUPS && (
        <button type="button" class="acct-btn sc-add-group" onClick={() => onChange(addGroup(v, newId, price), true)}>{t('catalogForm.opt.addGroup')}</button>
      )}
      {count > 0 && (
        <section class="sc-combos" aria-labelledby={`${f.form}-combos`}>
          <h4 id={`${f.form}-combos`}>{t('catalogForm.opt.combinations', { count })}</h4>
          {count > MAX_COMBINATIONS
            ? <p class="acct-error sc-error" role="alert">{t('catalogForm.opt.tooMany', { count, max: MAX_COMBINATIONS })}</p>
            : <p class="acct-muted">{t('catalogForm.opt.combinationsHint')}</p>}
          {alert('combinations')}
          {count <= MAX_COMBINATIONS && (
            <ul class="sc-combo-list">
              {v.rows.map((row, i) => (
                <li key={row.id}>
                  <fieldset class={`sc-row sc-combo${row.sold ? '' : ' sc-combo-off'}`}>
                    <legend>{rowLabel(v, row)}</legend>
                    <div class="sc-pair">
                      <Field {...f} field={`combinations[${i}].price`} kind="money" label={t('catalogForm.price', { sign })} value={row.price} onInput={(p) => onChange(setRow(v, i, { price: p }), false)} />
                      <Field {...f} field={`combinations[${i}].stock`} kind="count" label={t('catalogForm.stock')} value={row.stock} onInput={(s) => onChange(setRow(v, i, { stock: s }), false)} />
                    </div>
                    <Check label={t('catalogForm.opt.sold')} hint={row.sold ? undefined : t('catalogForm.opt.soldHint')} checked={row.sold} onChange={(sold) => onChange(setRow(v, i, { sold }), false)} />
                    <CombinationPhoto
                      id={`${f.form}-combo-photo-${i}`} label={rowLabel(v, row)} photo={row.photo} photos={photos} productName={productName}
                      onChange={(photo) => onChange(setRow(v, i, { photo }), false)} onTaken={onPhotoTaken}
                    />
                  </fieldset>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </fieldset>
  );
}
