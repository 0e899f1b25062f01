/** Strings of the seller's console: Products, promotions and the shop's profile. */
export const strings = {
  'catalogForm.title': 'Products, promotions and the shop profile',
};
