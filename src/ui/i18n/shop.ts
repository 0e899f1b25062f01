import { defineStrings } from './define.ts';

/** Strings of the shopping screens: catalog, product, cart, checkout. */
export const shop = defineStrings({ 'catalog.title': 'Catalog' }, { 'catalog.title': '商品' });
