/** Strings of the seller's console: its tabs (the order inbox's strings are in account). */
export const strings = {
  'sellerTab.label': 'Seller console',
  'sellerTab.orders': 'Orders',
  'sellerTab.products': 'Products',
  'sellerTab.promotions': 'Promotions',
  'sellerTab.customers': 'Customers',
  'sellerTab.money': 'Money',
  'sellerTab.shop': 'Shop',
  'sellerTab.data': 'Import & export',
};
