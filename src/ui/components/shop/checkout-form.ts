import { joinProblem, type BuyerId, type Delivery, type Payment, type PickupPointId, type ProductId, type ShippingOptionId, type ShopProfile, type TeamChoice } from '../../../domain/index.ts';
import type { CheckoutView } from '../../../app/queries/shop.ts';
import type { StringKey } from '../../i18n/index.ts';

/* The checkout form's model: its fields, what they mean as a Delivery, and their checks. */
export interface Form {
  kind: 'ship' | 'pickup';
  optionId: string;
  recipient: string;
  phone: string;
  address: string;
  pointId: string;
  payment: Payment;
}

export type Field = 'optionId' | 'recipient' | 'phone' | 'address' | 'pointId';
export type Errors = Partial<Record<Field, StringKey>>;

export const BLANK: Form = { kind: 'ship', optionId: '', recipient: '', phone: '', address: '', pointId: '', payment: 'wallet' };

export function initialForm(saved: Delivery | null): Form {
  if (saved?.kind === 'ship') return { ...BLANK, kind: 'ship', optionId: saved.optionId, recipient: saved.recipient, phone: saved.phone, address: saved.address };
  if (saved?.kind === 'pickup') return { ...BLANK, kind: 'pickup', pointId: saved.pointId };
  return BLANK;
}

/** The delivery as the pricing needs it (the fee depends only on the option), or undefined before one is chosen. */
export function deliveryOf(form: Form, shop: ShopProfile | undefined): Delivery | undefined {
  if (form.kind === 'pickup') return form.pointId ? { kind: 'pickup', pointId: form.pointId as PickupPointId } : undefined;
  const optionId = form.optionId || shop?.shippingOptions[0]?.id;
  if (!optionId) return undefined;
  return { kind: 'ship', optionId: optionId as ShippingOptionId, recipient: form.recipient.trim(), phone: form.phone.trim(), address: form.address.trim() };
}

export function validate(form: Form, shop: ShopProfile | undefined): Errors {
  const errors: Errors = {};
  if (form.kind === 'pickup') {
    if (!shop?.pickupPoints.some((p) => p.id === form.pointId)) errors.pointId = 'checkout.required.point';
    return errors;
  }
  const optionId = form.optionId || shop?.shippingOptions[0]?.id;
  if (!shop?.shippingOptions.some((o) => o.id === optionId)) errors.optionId = 'checkout.required.option';
  if (form.recipient.trim() === '') errors.recipient = 'checkout.required.recipient';
  const phone = form.phone.trim();
  const digits = phone.replace(/\D/g, '').length;
  if (phone === '') errors.phone = 'checkout.required.phone';
  else if (!/^\+?[\d\s()-]+$/.test(phone) || digits < 7 || digits > 15) errors.phone = 'checkout.invalid.phone';
  if (form.address.trim() === '') errors.address = 'checkout.required.address';
  return errors;
}

export function focusFirstInvalid(errors: Errors): boolean {
  for (const field of ['optionId', 'recipient', 'phone', 'address', 'pointId'] as const) {
    if (!errors[field]) continue;
    const el = document.getElementById(`co-${field}`);
    if (el) {
      el.focus();
      return true;
    }
  }
  return false;
}

export function teamProblemOf(view: CheckoutView, choice: TeamChoice, product: ProductId, buyer: BuyerId, now: number): StringKey | undefined {
  if (!view.products.get(product)?.team) return 'checkout.noTeamOffer';
  if (choice.action === 'start') return undefined;
  const team = view.team;
  if (!team || team.productId !== product) return 'checkout.teamUnknown';
  // The shop's own rule, so the checkout says now what the shop would answer later.
  const problem = joinProblem(team, buyer, now);
  if (problem === undefined) return undefined;
  return problem === 'team-member' ? 'checkout.teamMember' : 'checkout.teamClosed';
}
