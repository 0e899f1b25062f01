/** Strings of the seller's console: Money, customers and the order inbox's figures. */
export const strings = {
  'money.title': 'Money, customers and the order inbox figures',
};
