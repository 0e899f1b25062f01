import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ProductId, ShopProfile } from '../../../domain/index.ts';
import { NEW_PRODUCT, newProductId, saveProduct } from '../../../app/actions/save-product.ts';
import { emptyProductForm, productFormValues, type ProductFormValues } from '../../../engines/forms/product-form.ts';
import { isOptionsField, NO_OPTIONS, optionsFormValues, parseProductWithOptions, type NewId, type OptionsFormValues } from '../../../engines/forms/product-options-form.ts';
import { newEventId } from '../../../app/ids.ts';
import { forgetPhotos } from '../../../app/actions/add-photo.ts';
import { allCategories, productToEdit, type ProductToEdit } from '../../../app/queries/seller-catalog.ts';
import { LiveMessage } from '../../kit/LiveMessage.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { Check, Field } from '../../kit/FormField.tsx';
import { currencySign, moneyReader } from '../../kit/form-errors.ts';
import { ShareQr } from '../../components/seller/ShareQr.tsx';
import { useApp } from '../../hooks/use-app.ts';
import { useCheckedForm } from '../../hooks/use-checked-form.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { href, shareUrl } from '../../router.ts';
import { ProductPhotos } from './ProductPhotos.tsx';
import { ProductOptions } from './ProductOptions.tsx';
import { ProductOfferCover } from './ProductOfferCover.tsx';

interface Props {
  /** The product to edit; a new product when undefined. */
  id: ProductId | undefined;
  shop: ShopProfile;
  onSaved: (message: string) => void;
}

/**
 * A product's form: loads the product once (what the seller types is never overwritten while
 * typing), and saves what the seller changed from that (its `base`): a save made from what
 * another device has changed since is refused, not written over it.
 */
export function ProductForm({ id, shop, onSaved }: Props) {
  const app = useApp();
  const { t } = useI18n();
  const [item, setItem] = useState<ProductToEdit | null | undefined>(id === undefined ? null : undefined);
  useEffect(() => {
    if (id !== undefined) void productToEdit(app.store, id).then((found) => setItem(found ?? null));
  }, [app, id]);
  const back = <a class="acct-back" href={href({ name: 'seller', tab: 'products' })}>{t('catalogForm.back')}</a>;
  if (item === undefined) return <p role="status">{t('loading')}</p>;
  if (item === null && id !== undefined) {
    return (
      <div class="acct sc">
        {back}
        <p role="alert">{t('catalogForm.notFound')}</p>
      </div>
    );
  }
  return <Form item={item ?? undefined} shop={shop} onSaved={onSaved} back={back} />;
}

function Form({ item, shop, onSaved, back }: { item: ProductToEdit | undefined; shop: ShopProfile; onSaved: Props['onSaved']; back: ComponentChildren }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const action = useAction();
  const { form, errors, setErrors, fields: f, accept, onSubmit } = useCheckedForm('pf', action, shop.currency);
  const reader = useMemo(() => moneyReader(shop.currency, intl), [shop.currency, intl]);
  const [v, setValues] = useState<ProductFormValues>(() =>
    item ? productFormValues(item.product, item.inventory, reader, app.now()) : emptyProductForm(newProductId(app.now()), app.now()));
  const [opts, setOpts] = useState<OptionsFormValues>(() => (item ? optionsFormValues(item.product, item.skus, reader) : NO_OPTIONS));
  // New values and combinations get ids made here: random, so never one the shop used before.
  const newId: NewId = (kind) => `${kind}-${newEventId(app.now()).replace(/-/g, '').slice(-12)}`;
  const categories = useLive(() => allCategories(app.store), [app]) ?? [];
  // Photos taken here and not yet saved: forgotten if the form is left without saving.
  const added = useRef<string[]>([]);
  const saved = useRef(false);
  useEffect(() => () => {
    if (!saved.current && added.current.length > 0) void forgetPhotos(app, added.current);
  }, []);

  const set = (patch: Partial<ProductFormValues>) => setValues((x) => ({ ...x, ...patch }));
  // A combination's own photo taken here and then replaced (or its combination gone): no one
  // will name it, so it is forgotten now rather than left on the device.
  // The gallery as it is now: a row's photo may be taken after an await, from a render before
  // the gallery changed, and a stale list would forget a gallery photo still in use.
  const gallery = useRef(v.photos);
  gallery.current = v.photos;
  const forgetUnused = (rows: OptionsFormValues['rows']) => {
    const used = new Set([...gallery.current, ...rows.map((r) => r.photo)]);
    const gone = added.current.filter((ref) => !used.has(ref));
    if (gone.length === 0) return;
    added.current = added.current.filter((ref) => used.has(ref));
    void forgetPhotos(app, gone);
  };
  const sign = currencySign(shop.currency, intl);
  const title = item ? t('catalogForm.editTitle', { name: item.product.name }) : t('catalogForm.newTitle');

  async function submit() {
    const value = accept(parseProductWithOptions(v, opts, reader, item?.product, item?.inventory?.flashSold ?? 0));
    if (!value) return;
    const { product, stock, stocks } = value;
    const outcome = await action.run(() => saveProduct(app, product, stock, item?.base ?? NEW_PRODUCT, stocks), t('catalogForm.saved', { name: product.name }));
    if (outcome === 'done' || outcome === 'queued') {
      saved.current = true;
      onSaved(t('catalogForm.saved', { name: product.name }));
    }
  }

  return (
    <div class="acct sc">
      {back}
      <form
        ref={form}
        class="acct-form sc-form"
        aria-labelledby="pf-title"
        noValidate
        onSubmit={onSubmit(submit)}
      >
        <h3 id="pf-title">{title}</h3>
        <Field {...f} field="name" label={t('catalogForm.name')} value={v.name} maxLength={120} onInput={(name) => set({ name })} />
        <Field {...f} field="description" label={t('catalogForm.description')} multiline value={v.description} maxLength={2000} onInput={(description) => set({ description })} />
        <Field {...f} field="category" label={t('catalogForm.category')} list="pf-categories" value={v.category} maxLength={120} onInput={(category) => set({ category })} />
        <datalist id="pf-categories">{categories.map((c) => <option value={c} />)}</datalist>
        <Field {...f} field="tags" label={t('catalogForm.tags')} hint={t('catalogForm.tagsHint')} value={v.tags} maxLength={1000} onInput={(tags) => set({ tags })} />
        {opts.groups.length === 0 && (
          <div class="sc-pair">
            <Field {...f} field="price" kind="money" label={t('catalogForm.price', { sign })} value={v.price} onInput={(price) => set({ price })} />
            <Field {...f} field="stock" kind="count" label={t('catalogForm.stock')} value={v.stock} onInput={(stock) => set({ stock })} />
          </div>
        )}

        <ProductPhotos
          photos={v.photos}
          name={v.name}
          error={errors.photos}
          onAdd={(refs) => {
            added.current.push(...refs);
            setValues((x) => ({ ...x, photos: [...x.photos, ...refs] }));
          }}
          onRemove={(ref) => {
            setValues((x) => ({ ...x, photos: x.photos.filter((p) => p !== ref) }));
            // A combination that showed it shows the product's photo again.
            setOpts((o) => ({ ...o, rows: o.rows.map((r) => (r.photo === ref ? { ...r, photo: '' } : r)) }));
            if (added.current.includes(ref)) {
              added.current = added.current.filter((p) => p !== ref);
              void forgetPhotos(app, [ref]);
            }
          }}
        />

        <ProductOptions
          value={opts}
          onChange={(next, structure) => {
            setOpts(next);
            forgetUnused(next.rows);
            // The combinations may have moved: what was said of them by position no longer fits.
            if (structure) setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => !isOptionsField(k))));
          }}
          newId={newId}
          price={v.price}
          photos={v.photos}
          productName={v.name}
          onPhotoTaken={(ref) => added.current.push(ref)}
          sign={sign}
          fields={f}
        />

        <Check label={t('catalogForm.hidden')} hint={t('catalogForm.hiddenHint')} checked={v.hidden} onChange={(hidden) => set({ hidden })} />

        <fieldset class="sc-fieldset">
          <legend>{t('catalogForm.team')}</legend>
          <Check label={t('catalogForm.teamOn')} hint={t('catalogForm.teamHint')} checked={v.team} onChange={(team) => set({ team })} />
          {v.team && (
            <div class="sc-group">
              <Field {...f} field="team.price" kind="money" label={t('catalogForm.teamPrice', { sign })} value={v.teamPrice} onInput={(teamPrice) => set({ teamPrice })} />
              <div class="sc-pair">
                <Field {...f} field="team.size" kind="count" label={t('catalogForm.teamSize')} value={v.teamSize} onInput={(teamSize) => set({ teamSize })} />
                <Field {...f} field="team.windowHours" kind="count" label={t('catalogForm.teamWindow')} value={v.teamWindowHours} onInput={(teamWindowHours) => set({ teamWindowHours })} />
              </div>
              <ProductOfferCover offer="team" cover={v.teamCover} onChange={(teamCover) => set({ teamCover })} options={opts} sign={sign} fields={f} />
              {opts.groups.length > 0 && (
                <Check label={t('catalogForm.teamAny')} hint={t('catalogForm.teamAnyHint')} checked={v.teamAny} onChange={(teamAny) => set({ teamAny })} />
              )}
            </div>
          )}
        </fieldset>

        <fieldset class="sc-fieldset">
          <legend>{t('catalogForm.flash')}</legend>
          <Check label={t('catalogForm.flashOn')} hint={t('catalogForm.flashHint')} checked={v.flash} onChange={(flash) => set({ flash })} />
          {v.flash && (
            <div class="sc-group">
              <Field {...f} field="flash.price" kind="money" label={t('catalogForm.flashPrice', { sign })} value={v.flashPrice} onInput={(flashPrice) => set({ flashPrice })} />
              <Field {...f} field="flash.startsAt" kind="time" type="datetime-local" label={t('catalogForm.flashStarts')} value={v.flashStartsAt} onInput={(flashStartsAt) => set({ flashStartsAt })} />
              <Field {...f} field="flash.endsAt" kind="time" type="datetime-local" label={t('catalogForm.flashEnds')} value={v.flashEndsAt} onInput={(flashEndsAt) => set({ flashEndsAt })} />
              <div class="sc-pair">
                <Field {...f} field="flash.stock" kind="count" label={t('catalogForm.flashStock')} value={v.flashStock} onInput={(flashStock) => set({ flashStock })} />
                <Field {...f} field="flash.perBuyerLimit" kind="count" label={t('catalogForm.flashLimit')} value={v.flashPerBuyerLimit} onInput={(flashPerBuyerLimit) => set({ flashPerBuyerLimit })} />
              </div>
              <ProductOfferCover offer="flash" cover={v.flashCover} onChange={(flashCover) => set({ flashCover })} options={opts} sign={sign} fields={f} />
            </div>
          )}
        </fieldset>

        <LiveMessage message={action.message} />
        <div class="acct-row sc-actions sc-sticky-actions">
          <button type="submit" class="acct-btn acct-primary" disabled={action.busy}>{t('catalogForm.save')}</button>
          <a class="acct-btn" href={href({ name: 'seller', tab: 'products' })}>{t('catalogForm.cancel')}</a>
        </div>
      </form>
      {item && (
        <details class="acct-card sc-share-box">
          <summary>{t('share.product')}</summary>
          <p class="acct-muted">{t(item.product.team ? 'share.productTeamNote' : 'share.productNote')}</p>
          <ShareQr
            url={shareUrl({ name: 'product', id: item.product.id })}
            title={item.product.name}
            text={t('share.productText', { name: item.product.name, shop: shop.name })}
            what={item.product.name}
          />
        </details>
      )}
    </div>
  );
}
