import { defineStrings } from './define.ts';

/** Strings of the buyer's own screens and the seller's inbox: orders, wallet, team, settings. */
export const account = defineStrings({ 'orders.title': 'Orders' }, { 'orders.title': '订单' });
