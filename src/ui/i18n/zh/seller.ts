import type { Strings } from '../define.ts';
import type { strings as en } from '../en/seller.ts';

export const strings: Strings<keyof typeof en> = {
  'sellerTab.label': '卖家后台',
  'sellerTab.orders': '订单',
  'sellerTab.products': '商品',
  'sellerTab.promotions': '促销',
  'sellerTab.customers': '顾客',
  'sellerTab.money': '收支',
  'sellerTab.shop': '店铺',
  'sellerTab.data': '导入导出',
};
